import ClawfixDiagnosis
import ClawfixEvidence
import ClawfixKnowledge

/// `/why` in words. The engine gives the top candidates as structured parts
/// (`CandidateScore.Part.Reason`); this is their one English wording, which the terminal renderer
/// prints and the Markdown renderer fences.
enum ScoreExplanation {
    /// A line per candidate and per part of its score, the facts behind a part indented under it.
    /// Without `namingFacts` (Discord readers, who never see internal fact names anywhere else), a
    /// part worded by a condition over facts and a fact with no line text of its own are left out.
    static func lines(_ candidates: [CandidateScore], namingFacts: Bool) -> [String] {
        var lines: [String] = []
        for candidate in candidates {
            let percent = Int((candidate.confidence * 100).rounded())
            lines.append(
                "\(candidate.diagnosisID) — \(percent)% (score \(number(candidate.score)), "
                    + "tree \(candidate.treeID), node \(candidate.nodeID))")
            for part in candidate.parts {
                if namingFacts || !namesFacts(part.reason) {
                    lines.append("  \(number(part.weight, signed: true)) \(label(part.kind)): \(sentence(part.reason))")
                }
                for fact in part.facts where namingFacts || fact.text != nil {
                    let place = fact.line.map { "line \($0)" } ?? fact.origin.rawValue
                    lines.append("      \(place): \(fact.text ?? "\(fact.name.rawValue) = \(fact.value)")")
                }
            }
        }
        return lines
    }

    static func label(_ kind: CandidateScore.Part.Kind) -> String {
        switch kind {
        case .prior: return "prior"
        case .signal: return "signal"
        case .branch: return "branch"
        }
    }

    /// What a part says, the conditions as the trees write them.
    static func sentence(_ reason: CandidateScore.Part.Reason) -> String {
        switch reason {
        case .textMatch(let diagnosis):
            return "your message matches what the knowledge base says of \(diagnosis)"
        case .currentSymptom:
            return "the symptom of your newest message"
        case .signal(let condition, let repeatedLine):
            return "\(condition)" + (repeatedLine ? " (same line as a stronger signal)" : "")
        case .branch(let node, let condition, let target):
            return "\(node): " + (condition.map { "\($0)" } ?? "else") + " → \(target)"
        case .capped(let requires):
            return "capped: what defines it (\(requires.map { "\($0)" } ?? "")) is not known yet"
        case .versionUnknown:
            return "applies to some releases only; yours is not known"
        case .subordinate(let parent):
            return "a special case of \(parent): nothing yet sets it apart, so it ranks below it"
        case .refined(let refinement):
            return "a more specific cause is established (\(refinement)): this one ranks below it"
        }
    }

    /// Whether the part's sentence spells a condition over facts (`install.kind in compose, docker`).
    static func namesFacts(_ reason: CandidateScore.Part.Reason) -> Bool {
        switch reason {
        case .signal(let condition, _): return !condition.factNames.isEmpty
        case .branch(_, let condition, _), .capped(let condition): return !(condition?.factNames.isEmpty ?? true)
        case .textMatch, .currentSymptom, .versionUnknown, .subordinate, .refined: return false
        }
    }

    /// A score or weight to one decimal, whole numbers without one (`7.9`, `+0.3`, `-1`).
    static func number(_ value: Double, signed: Bool = false) -> String {
        let rounded = (value * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return signed && rounded >= 0 ? "+" + text : text
    }
}

import ClawfixEvidence
import ClawfixKnowledge
import Foundation

/// The parts of a candidate's score in words, with the facts behind each: what the report shows
/// and `/why` prints, built only for the candidates shown.
extension DiagnosisEngine {
    /// A candidate without its parts (ranked below what is shown).
    func summary(_ scored: SiteScore) -> CandidateScore {
        let site = knowledge.sites[scored.site]
        return CandidateScore(
            diagnosisID: site.diagnosisID, treeID: knowledge.trees[site.tree].tree.id, nodeID: site.node.id,
            score: scored.score, parts: [])
    }

    /// A candidate with the parts of its score and the facts behind each.
    func explained(_ scored: SiteScore, _ facts: FactSet, _ view: FactView) -> CandidateScore {
        let site = knowledge.sites[scored.site]
        let tree = knowledge.trees[site.tree]
        let features = scored.features
        var parts: [CandidateScore.Part] = []
        if features.text > 0 {
            parts.append(
                .init(
                    kind: .prior, weight: weights.text * features.text,
                    description: "your message matches what the knowledge base says of \(site.diagnosisID)", facts: []))
        }
        if features.current {
            parts.append(.init(kind: .prior, weight: weights.current, description: "the symptom of your newest message", facts: []))
        }
        var counted: Set<WitnessKey> = []
        for (offset, signal) in site.node.signals.enumerated().sorted(by: { $0.element.weight > $1.element.weight })
        where site.signals[offset].condition.truth(view) == .yes {
            var witnesses: [Fact] = []
            _ = site.signals[offset].condition.evaluate(view, witnesses: &witnesses)
            // A second signal read from the same line adds nothing; it is shown as such.
            let fresh = counted.insert(WitnessKey(witnesses)).inserted || signal.weight < 0
            let weight = fresh ? Double(signal.weight) * (signal.weight > 0 ? weights.evidence : weights.against) : 0
            parts.append(
                .init(
                    kind: .signal, weight: weight,
                    description: signal.condition.description + (fresh ? "" : " (same line as a stronger signal)"),
                    facts: witnesses))
        }
        if let path = scored.path, weights.path != 0 {
            for step in site.paths[path] {
                let decision = tree.nodeList[step.index]
                var witnesses: [[Fact]] = []
                let truths = knowledge.branchTruths(global: step.global, view, facts, witnesses: &witnesses)
                let branch = decision.branches[step.branch]
                guard truths[step.branch] == .yes else { continue }
                let evidence = witnesses[step.branch].isEmpty && branch.condition == nil
                    ? witnesses.flatMap { $0 } : witnesses[step.branch]
                parts.append(
                    .init(
                        kind: .branch, weight: weights.path,
                        description: "\(decision.id): " + (branch.condition.map { "\($0)" } ?? "else") + " → \(branch.target)",
                        facts: evidence))
            }
        }
        if features.unconfirmed, features.score(weights) < uncappedScore(features) {
            parts.append(
                .init(
                    kind: .prior, weight: features.score(weights) - uncappedScore(features),
                    description: "capped: what defines it (\(site.node.requires.map { "\($0)" } ?? "")) is not known yet",
                    facts: []))
        }
        if features.versionUnknown {
            parts.append(
                .init(kind: .prior, weight: -weights.versionUnknown, description: "applies to some releases only; yours is not known", facts: []))
        }
        if features.subordinate {
            parts.append(
                .init(
                    kind: .prior, weight: scored.score - features.score(weights),
                    description: "a special case of \(features.refines ?? ""): nothing yet sets it apart, so it ranks below it",
                    facts: []))
        }
        if features.refined {
            var unrefined = features
            unrefined.refined = false
            parts.append(
                .init(
                    kind: .prior, weight: scored.score - unrefined.score(weights),
                    description: "a more specific cause is established (\(features.refinedBy ?? "")): this one ranks below it",
                    facts: []))
        }
        return CandidateScore(
            diagnosisID: site.diagnosisID, treeID: tree.tree.id, nodeID: site.node.id, score: scored.score, parts: parts)
    }

    func uncappedScore(_ features: RankingFeatures) -> Double {
        var uncapped = features
        uncapped.unconfirmed = false
        return uncapped.score(weights)
    }
}

import ClawfixDiagnosis

/// Renders a reply for a terminal: ranked diagnoses with their confidence and supporting lines,
/// the fix, the next question with its exact commands, a facts summary and the redaction notice.
public struct TextRenderer: Sendable {
    public var style: TerminalStyle
    /// How many diagnoses to show (the rest are noise to a person; JSON keeps them all).
    public var diagnosisLimit: Int
    /// Whether to list facts (`paste --verbose`; chat has `/facts`).
    public var showsFacts: Bool
    /// The terminal's width: prose is wrapped to it (commands and code never are). Nil: no wrapping.
    public var width: Int?

    public init(style: TerminalStyle = .plain, diagnosisLimit: Int = 3, showsFacts: Bool = false, width: Int? = nil) {
        self.style = style
        self.diagnosisLimit = diagnosisLimit
        self.showsFacts = showsFacts
        self.width = width.map { max(40, $0) }
    }

    public func render(_ reply: Reply) -> String {
        var out: [String] = []
        for notice in reply.notices { out.append(style.yellow("! ") + safe(notice)) }
        switch reply.kind {
        case .rejected:
            break
        case .command:
            let lines = reply.lines + ScoreExplanation.lines(reply.explanation, namingFacts: true)
            out.append(contentsOf: lines.flatMap { wrapped(safe($0), indent: "") })
        case .diagnosis:
            out.append(contentsOf: reply.lines.flatMap { wrapped(safe($0), indent: "") })
            out.append(contentsOf: renderReport(reply.report, fixesShownBefore: reply.fixesShownBefore))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Every string that did not come from clawfix itself passes here before styling is added.
    private func safe(_ text: String) -> String { TerminalSafe.clean(text) }

    /// `text` cut into lines of at most `width` columns at spaces, continuation lines indented by
    /// `indent`. Lines that are code (starting with spaces or `$`) are never cut.
    public func wrapped(_ text: String, indent: String) -> [String] {
        guard let width, text.count > width, !text.hasPrefix(" "), !text.hasPrefix("$") else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty, current.count + 1 + word.count > width {
                lines.append(current)
                current = indent + word
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Each line of `text` wrapped to the width left after `indent`, then indented; a code line
    /// (leading spaces) or an empty one is only indented.
    func wrappedIndented(_ text: String, indent: String) -> [String] {
        guard !text.isEmpty, !text.hasPrefix(" "), let width else { return [text.isEmpty ? "" : indent + text] }
        var narrower = self
        narrower.width = max(20, width - indent.count)
        return narrower.wrapped(text, indent: "").map { indent + $0 }
    }

    func renderReport(_ report: DiagnosisReport, fixesShownBefore: Set<String> = []) -> [String] {
        var out: [String] = []
        let shown = report.diagnoses.prefix(diagnosisLimit)
        if let solved = report.solved {
            out.append(SolvedNotice.text(solved))
            return out
        }
        // With nothing ranked, the question asked (the opening one, or the one still open) says it.
        if shown.isEmpty, report.next == nil {
            out.append("No diagnosis yet: nothing so far matches a known cause.")
        }
        for (rank, diagnosis) in shown.enumerated() {
            let percent = Int((diagnosis.confidence * 100).rounded())
            let heading = "\(rank + 1). \(safe(diagnosis.id)) — \(safe(diagnosis.title)) (\(percent)%)"
            out.append(contentsOf: wrapped(heading, indent: "   ").map { rank == 0 ? style.bold($0) : $0 })
            let evidence = EvidenceText.shown(diagnosis.evidence)
            for evidence in evidence.lines {
                let (place, text) = EvidenceText.placed(evidence)
                out.append("   " + style.dim("\(place): ") + safe(EvidenceText.cut(text)))
            }
            if evidence.omitted > 0 { out.append("   " + style.dim("… and \(evidence.omitted) more lines")) }
            if rank == 0, !diagnosis.fix.isEmpty {
                if fixesShownBefore.contains(diagnosis.id) {
                    out.append("   " + style.green("Fix:") + " as shown above (unchanged).")
                } else {
                    out.append("   " + style.green("Fix:"))
                    for line in safe(diagnosis.fix).split(separator: "\n", omittingEmptySubsequences: false) {
                        out.append(contentsOf: wrappedIndented(String(line), indent: "     "))
                    }
                }
            }
        }
        if let next = report.next {
            out.append("")
            out.append(contentsOf: wrapped(style.cyan("Next: ") + safe(next.question), indent: "      "))
            for command in next.commands { out.append("   $ " + safe(command)) }
            if !next.why.isEmpty { out.append(contentsOf: wrappedIndented(style.dim("Why: " + safe(next.why)), indent: "   ")) }
        }
        if showsFacts, !report.facts.isEmpty {
            out.append("")
            out.append("Facts: " + safe(FactSummary.line(report.facts)))
        }
        if !report.redactions.isEmpty {
            out.append("")
            out.append(style.yellow("Redacted: ") + safe(RedactionSummary.line(report.redactions)))
        }
        for advisory in report.advisories {
            out.append(style.red("[\(safe(advisory.id))] ") + safe(advisory.message))
        }
        return out
    }
}

/// `name=value (line 3), …` — one line that says what clawfix knows.
enum FactSummary {
    static func line(_ facts: [FactRecord]) -> String {
        facts.map { fact in
            let place = fact.line.map { " (line \($0))" } ?? ""
            return "\(fact.name)=\(fact.value)\(place)"
        }.joined(separator: ", ")
    }
}

/// `gateway-token on line 4, anthropic-api-key on line 7` — kinds and lines only, never values;
/// past ten, the rest are counted rather than listed (a dump of secrets stays one readable line).
enum RedactionSummary {
    static let listed = 10

    static func line(_ redactions: [RedactionRecord]) -> String {
        var text = redactions.prefix(listed).map { "\($0.kind) on line \($0.line)" }.joined(separator: ", ")
        if redactions.count > listed { text += " and \(redactions.count - listed) more" }
        return text + " (replaced before analysis; only the redacted text is kept)"
    }
}

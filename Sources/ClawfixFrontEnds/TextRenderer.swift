import ClawfixDiagnosis

/// Renders a reply for a terminal: ranked diagnoses with their confidence and supporting lines,
/// the fix, the next question with its exact commands, a facts summary and the redaction notice.
public struct TextRenderer: Sendable {
    public var style: TerminalStyle
    /// How many diagnoses to show (the rest are noise to a person; JSON keeps them all).
    public var diagnosisLimit: Int
    /// Whether to list facts (paste shows them; chat keeps replies short and has `/facts`).
    public var showsFacts: Bool

    public init(style: TerminalStyle = .plain, diagnosisLimit: Int = 3, showsFacts: Bool = true) {
        self.style = style
        self.diagnosisLimit = diagnosisLimit
        self.showsFacts = showsFacts
    }

    public func render(_ reply: Reply) -> String {
        var out: [String] = []
        for notice in reply.notices { out.append(style.yellow("! ") + safe(notice)) }
        switch reply.kind {
        case .rejected:
            break
        case .command:
            out.append(contentsOf: reply.lines.map(safe))
        case .diagnosis:
            out.append(contentsOf: reply.lines.map(safe))
            out.append(contentsOf: renderReport(reply.report))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Every string that did not come from clawfix itself passes here before styling is added.
    private func safe(_ text: String) -> String { TerminalSafe.clean(text) }

    func renderReport(_ report: DiagnosisReport) -> [String] {
        var out: [String] = []
        let shown = report.diagnoses.prefix(diagnosisLimit)
        if let solved = report.solved {
            out.append(SolvedNotice.text(solved))
            return out
        }
        if shown.isEmpty {
            out.append("No diagnosis yet: nothing so far matches a known cause.")
        }
        for (rank, diagnosis) in shown.enumerated() {
            let percent = Int((diagnosis.confidence * 100).rounded())
            let heading = "\(rank + 1). \(safe(diagnosis.id)) — \(safe(diagnosis.title)) (\(percent)%)"
            out.append(rank == 0 ? style.bold(heading) : heading)
            for evidence in diagnosis.evidence {
                let place = evidence.line.map { "line \($0)" } ?? "you said"
                out.append("   " + style.dim("\(place): ") + safe(evidence.text))
            }
            if rank == 0, !diagnosis.fix.isEmpty {
                out.append("   " + style.green("Fix:"))
                for line in safe(diagnosis.fix).split(separator: "\n", omittingEmptySubsequences: false) {
                    out.append("     " + line)
                }
            }
        }
        if let next = report.next {
            out.append("")
            out.append(style.cyan("Next: ") + safe(next.question))
            for command in next.commands { out.append("   $ " + safe(command)) }
            if !next.why.isEmpty { out.append("   " + style.dim("Why: " + safe(next.why))) }
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

/// `gateway-token on line 4, anthropic-api-key on line 7` — kinds and lines only, never values.
enum RedactionSummary {
    static func line(_ redactions: [RedactionRecord]) -> String {
        redactions.map { "\($0.kind) on line \($0.line)" }.joined(separator: ", ")
            + " (replaced before analysis; only the redacted text is kept)"
    }
}

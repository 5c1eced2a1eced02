import ClawfixDiagnosis

/// Renders a reply as Markdown: `clawfix paste --format markdown` and the bot's Discord replies.
///
/// Pasted text is shown inside fenced code blocks only, with any ``` in it defused, so a user's
/// paste can never close a fence early or format the rest of the reply. `@everyone`/`@here` from a
/// paste are broken with a zero-width space so a Discord reply never pings a server.
public struct MarkdownRenderer: Sendable {
    public var diagnosisLimit: Int
    public var showsFacts: Bool

    public init(diagnosisLimit: Int = 3, showsFacts: Bool = true) {
        self.diagnosisLimit = diagnosisLimit
        self.showsFacts = showsFacts
    }

    public func render(_ reply: Reply) -> String {
        var out: [String] = []
        for notice in reply.notices { out.append("> ⚠️ " + Self.inline(notice)) }
        switch reply.kind {
        case .rejected:
            break
        case .command:
            if !reply.lines.isEmpty {
                out.append("```text")
                out.append(contentsOf: reply.lines.map(Self.fenced))
                out.append("```")
            }
        case .diagnosis:
            out.append(contentsOf: renderReport(reply.report))
        }
        return out.joined(separator: "\n")
    }

    func renderReport(_ report: DiagnosisReport) -> [String] {
        var out: [String] = []
        let shown = report.diagnoses.prefix(diagnosisLimit)
        if let solved = report.solved {
            out.append(SolvedNotice.text(solved))
            return out
        }
        if shown.isEmpty { out.append("No diagnosis yet: nothing so far matches a known cause.") }
        for (rank, diagnosis) in shown.enumerated() {
            let percent = Int((diagnosis.confidence * 100).rounded())
            out.append("**\(rank + 1). `\(diagnosis.id)`** — \(Self.inline(diagnosis.title)) (\(percent)%)")
            if !diagnosis.evidence.isEmpty {
                out.append("```text")
                for evidence in diagnosis.evidence {
                    let place = evidence.line.map { "line \($0)" } ?? "you said"
                    out.append(Self.fenced("\(place): \(evidence.text)"))
                }
                out.append("```")
            }
            if rank == 0, !diagnosis.fix.isEmpty {
                out.append("**Fix:** " + Self.mentionSafe(diagnosis.fix))
            }
        }
        if let next = report.next {
            out.append("")
            out.append("**Next:** " + Self.inline(next.question))
            if !next.commands.isEmpty {
                out.append("```sh")
                out.append(contentsOf: next.commands.map(Self.fenced))
                out.append("```")
            }
            if !next.why.isEmpty { out.append("_Why:_ " + Self.inline(next.why)) }
        }
        if showsFacts, !report.facts.isEmpty {
            out.append("")
            out.append("**Facts:** " + Self.inline(FactSummary.line(report.facts)))
        }
        if !report.redactions.isEmpty {
            out.append("")
            out.append("**Redacted:** " + Self.inline(RedactionSummary.line(report.redactions)))
        }
        for advisory in report.advisories {
            out.append("⚠️ **\(advisory.id)**: " + Self.inline(advisory.message))
        }
        return out
    }

    /// A line inside a fence: a ``` run would end the fence, so it is broken up.
    static func fenced(_ text: String) -> String {
        mentionSafe(defused(text))
    }

    /// Text outside a fence: keep it on one line and without mentions.
    static func inline(_ text: String) -> String {
        mentionSafe(defused(text))
    }

    /// ``` broken up by zero-width spaces. Most lines hold no backtick pair at all, and a byte scan
    /// is far cheaper than Foundation's search, which ran for every line of every bot reply.
    static func defused(_ text: String) -> String {
        guard contains(text, "``") else { return text }
        return text.replacingOccurrences(of: "```", with: "`\u{200B}`\u{200B}`")
    }

    static func mentionSafe(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "@")) else { return text }
        return text.replacingOccurrences(of: "@everyone", with: "@\u{200B}everyone")
            .replacingOccurrences(of: "@here", with: "@\u{200B}here")
    }

    /// True when the UTF-8 bytes of `text` hold those of `needle` (ASCII).
    private static func contains(_ text: String, _ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= pattern.count else { return false }
            var index = 0
            while index <= bytes.count - pattern.count {
                if bytes[index] == pattern[0] {
                    var matched = 1
                    while matched < pattern.count, bytes[index + matched] == pattern[matched] { matched += 1 }
                    if matched == pattern.count { return true }
                }
                index += 1
            }
            return false
        }
    }
}

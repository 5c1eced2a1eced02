import ClawfixDiagnosis
import Foundation

/// Renders a reply as Markdown: `clawfix paste --format markdown` and the bot's Discord replies.
///
/// Pasted text is shown inside fenced code blocks only, with any ``` in it defused, so a user's
/// paste can never close a fence early or format the rest of the reply. `@everyone`/`@here` from a
/// paste are broken with a zero-width space so a Discord reply never pings a server.
public struct MarkdownRenderer: Sendable {
    public var diagnosisLimit: Int
    public var showsFacts: Bool

    public init(diagnosisLimit: Int = 3, showsFacts: Bool = false) {
        self.diagnosisLimit = diagnosisLimit
        self.showsFacts = showsFacts
    }

    /// Blocks (paragraphs, fences, quotes) separated by blank lines, as CommonMark needs them to
    /// stay apart: two paragraph lines in a row would join into one paragraph.
    public func render(_ reply: Reply) -> String {
        var blocks: [[String]] = []
        for notice in reply.notices { blocks.append(["> ⚠️ " + Self.inline(notice)]) }
        switch reply.kind {
        case .rejected:
            break
        case .command:
            // `/why` without the conditions written in fact names: Discord readers get the evidence.
            let lines = reply.lines + ScoreExplanation.lines(reply.explanation, namingFacts: false)
            if !lines.isEmpty { blocks.append(["```text"] + lines.map(Self.fenced) + ["```"]) }
        case .diagnosis:
            blocks += reply.lines.map { [Self.inline($0)] }
            blocks += renderBlocks(reply.report, fixesShownBefore: reply.fixesShownBefore)
        }
        return blocks.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
    }

    func renderReport(_ report: DiagnosisReport) -> [String] {
        renderBlocks(report, fixesShownBefore: []).map { $0.joined(separator: "\n") }
    }

    func renderBlocks(_ report: DiagnosisReport, fixesShownBefore: Set<String>) -> [[String]] {
        var blocks: [[String]] = []
        let shown = report.diagnoses.prefix(diagnosisLimit)
        if let solved = report.solved { return [[SolvedNotice.text(solved)]] }
        if shown.isEmpty, report.next == nil { blocks.append(["No diagnosis yet: nothing so far matches a known cause."]) }
        for (rank, diagnosis) in shown.enumerated() {
            let percent = Int((diagnosis.confidence * 100).rounded())
            blocks.append(["**\(rank + 1). `\(Self.codeSpan(diagnosis.id))`** — \(Self.inline(diagnosis.title)) (\(percent)%)"])
            let evidence = EvidenceText.shown(diagnosis.evidence.filter { !EvidenceText.isInternal($0) })
            if !evidence.lines.isEmpty {
                var fence = ["```text"]
                for line in evidence.lines {
                    let (place, text) = EvidenceText.placed(line)
                    fence.append(Self.fenced("\(place): \(EvidenceText.cut(text))"))
                }
                if evidence.omitted > 0 { fence.append("… and \(evidence.omitted) more lines") }
                fence.append("```")
                blocks.append(fence)
            }
            if rank == 0, !diagnosis.fix.isEmpty {
                blocks.append([
                    fixesShownBefore.contains(diagnosis.id)
                        ? "**Fix:** as shown above (unchanged)." : "**Fix:** " + Self.mentionSafe(diagnosis.fix)
                ])
            }
        }
        if let next = report.next {
            blocks.append(["**Next:** " + Self.inline(next.question)])
            if !next.commands.isEmpty { blocks.append(["```sh"] + next.commands.map(Self.fenced) + ["```"]) }
            if !next.why.isEmpty { blocks.append(["_Why:_ " + Self.inline(next.why)]) }
        }
        if showsFacts, !report.facts.isEmpty {
            blocks.append(["**Facts:** " + Self.inline(FactSummary.line(report.facts))])
        }
        if !report.redactions.isEmpty {
            blocks.append(["**Redacted:** " + Self.inline(RedactionSummary.line(report.redactions))])
        }
        for advisory in report.advisories {
            blocks.append(["⚠️ **\(Self.inline(advisory.id))**: " + Self.inline(advisory.message)])
        }
        return blocks
    }

    /// Text inside a one-backtick code span: a backtick in it would end the span.
    static func codeSpan(_ text: String) -> String {
        text.replacingOccurrences(of: "`", with: "'")
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

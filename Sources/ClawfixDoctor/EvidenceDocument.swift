import ClawfixDiagnosis
import ClawfixRedaction
import Foundation

/// Everything doctor collected, redacted, as one Markdown document: a short header, the notes,
/// then each command after a shell prompt with its output below it, the way a user pastes a
/// session. It is what doctor analyses, what `--bundle` writes, and what `clawfix paste` reads
/// back: one text, so the three can never disagree.
public struct EvidenceDocument: Sendable {
    /// The redacted Markdown.
    public let text: String
    /// Secrets removed, with their line in `text`.
    public let redactions: [RedactionFinding]
    /// The 1-based line of each command's prompt in `text`, with the command, in order.
    public let commandLines: [(line: Int, command: String)]

    /// One command's part of the evidence, before redaction.
    struct Section {
        var command: PlannedCommand
        var output: [UInt8]
    }

    /// Assembles the document from raw outputs and redacts it as a whole, with `memory` holding
    /// every secret seen while collecting, so a value shown bare in an early output is found even
    /// when only a later output said it was a token.
    init(
        sections: [Section], header: [String], notes: [DoctorNote], user: String, host: String, home: String?,
        memory: SecretMemory
    ) {
        var raw: [UInt8] = []
        func line(_ text: String) {
            raw += Array(text.utf8)
            raw.append(0x0A)
        }
        for text in header { line(text) }
        if !notes.isEmpty {
            line("")
            line("Notes:")
            for note in notes { line("- " + note.text) }
        }
        line("")
        let fence = String(repeating: "`", count: max(3, Self.longestBacktickRun(sections) + 1))
        line(fence + "console")
        var prompts: [String] = []
        for section in sections {
            let prompt = Self.prompt(user: user, host: host, home: home, directory: section.command.directory) + section.command.command
            prompts.append(prompt)
            line(prompt)
            var output = section.output
            while output.last == 0x0A || output.last == 0x0D { output.removeLast() }
            if !output.isEmpty {
                raw += output
                raw.append(0x0A)
            }
        }
        line(fence)
        var redactor = Redactor(memory: memory)
        let redacted = redactor.redact(PastedInput(bytes: raw))
        text = redacted.text
        redactions = redacted.findings
        // The prompts are found again in the redacted text, line by line and in order: redaction may
        // join lines (a private key block), so counting lines before it would not do.
        var lines: [(Int, String)] = []
        var next = 0
        var number = 0
        for textLine in redacted.text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            guard next < prompts.count else { break }
            if textLine == prompts[next] {
                lines.append((number, sections[next].command.command))
                next += 1
            }
        }
        commandLines = lines
    }

    /// `alice@vps:~/openclaw$ ` (`#` for root): the prompt makes the user, home and directory
    /// part of the evidence, as in a pasted session.
    static func prompt(user: String, host: String, home: String?, directory: String?) -> String {
        let home = home ?? (user == "root" ? "/root" : "/home/\(user)")
        var shown = "~"
        if let directory {
            if directory == home {
                shown = "~"
            } else if directory.hasPrefix(home + "/") {
                shown = "~" + directory.dropFirst(home.count)
            } else {
                shown = directory
            }
        }
        return "\(user)@\(host):\(shown)\(user == "root" ? "#" : "$") "
    }

    /// The command whose output holds 1-based `line`, if any.
    public func command(atLine line: Int) -> String? {
        commandLines.last { $0.line <= line }?.command
    }

    /// `report` with each evidence line naming the command it came from, so the report says
    /// "line 14 (docker ps -a): …" without the reader counting lines in the bundle.
    public func annotating(_ report: DiagnosisReport) -> DiagnosisReport {
        var report = report
        for index in report.diagnoses.indices {
            for evidenceIndex in report.diagnoses[index].evidence.indices {
                let evidence = report.diagnoses[index].evidence[evidenceIndex]
                guard let line = evidence.line, let command = command(atLine: line) else { continue }
                // The prompt line itself already shows its command.
                if commandLines.contains(where: { $0.line == line }) { continue }
                report.diagnoses[index].evidence[evidenceIndex].text = "\(evidence.text)   ← \(DoctorProgress.label(command))"
            }
        }
        report.redactions = redactions.map { RedactionRecord(kind: $0.kind.rawValue, line: $0.line) }
        return report
    }

    /// A fence longer than any backtick run in the outputs keeps the Markdown block closed.
    private static func longestBacktickRun(_ sections: [Section]) -> Int {
        var longest = 0
        for section in sections {
            var run = 0
            for byte in section.output {
                run = byte == UInt8(ascii: "`") ? run + 1 : 0
                longest = max(longest, run)
            }
        }
        return longest
    }
}

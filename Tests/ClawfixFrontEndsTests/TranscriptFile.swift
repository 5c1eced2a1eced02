import Testing
import Foundation

/// A golden conversation from `Transcripts/*.md`: user turns and, per turn, what the reply must
/// show. Format (see `Transcripts/README.md`):
///
///     # <title>
///     conversation: <id>
///     ## Turn 1
///     user:
///         <message lines, each indented 4 spaces>
///     expect top: <id>
///     expect diagnoses: <id>, <id>
///     expect not: <id>, <id>
///     expect next: <substring>   (`none` = no next question)
///     expect reply contains: <text>
///     expect reply lacks: <text>
struct TranscriptFile: Sendable, CustomTestStringConvertible {
    struct Turn: Sendable {
        var number: Int
        var line: Int
        var message: String = ""
        var top: String?
        var diagnoses: [String] = []
        var not: [String] = []
        /// nil: not checked; "none": no next question.
        var next: String?
        var contains: [String] = []
        var lacks: [String] = []
    }

    var name: String
    var title = ""
    var conversation = ""
    var turns: [Turn] = []
    /// Lines the parser did not understand: a transcript with any is a failing test, not a silent skip.
    var problems: [String] = []

    var testDescription: String { name }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Transcripts")

    static func all() -> [TranscriptFile] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted().map { name in
            let text = (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)) ?? ""
            return TranscriptFile(name: name, text: text)
        }
    }

    init(name: String, text: String) {
        self.name = name
        var current: Turn?
        var inMessage = false
        var messageLines: [Substring] = []

        func finishMessage() {
            guard inMessage else { return }
            while messageLines.last?.allSatisfy(\.isWhitespace) == true { messageLines.removeLast() }
            current?.message = messageLines.joined(separator: "\n")
            messageLines = []
            inMessage = false
        }

        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            var line = line
            if line.hasSuffix("\r") { line = line.dropLast() }
            if inMessage {
                if line.hasPrefix("    ") {
                    messageLines.append(line.dropFirst(4))
                    continue
                }
                if line.allSatisfy(\.isWhitespace) {
                    messageLines.append("")
                    continue
                }
                finishMessage()
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("## ") {
                if let turn = current { turns.append(turn) }
                current = Turn(number: turns.count + 1, line: number)
                continue
            }
            if trimmed.hasPrefix("# ") {
                title = String(trimmed.dropFirst(2))
                continue
            }
            if trimmed.hasPrefix("conversation:") {
                conversation = trimmed.dropFirst("conversation:".count).trimmingCharacters(in: .whitespaces)
                continue
            }
            guard current != nil else { continue }  // prose before the first turn
            if trimmed == "user:" {
                inMessage = true
                continue
            }
            func value(_ key: String) -> String? {
                guard trimmed.hasPrefix(key) else { return nil }
                return trimmed.dropFirst(key.count).trimmingCharacters(in: .whitespaces)
            }
            func ids(_ text: String) -> [String] {
                text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
                    .filter { !$0.isEmpty }
            }
            if let id = value("expect top:") {
                current?.top = ids(id).first
            } else if let list = value("expect diagnoses:") {
                current?.diagnoses += ids(list)
            } else if let list = value("expect not:") {
                current?.not += ids(list)
            } else if let next = value("expect next:") {
                current?.next = Self.unquote(next)
            } else if let text = value("expect reply contains:") {
                current?.contains.append(Self.unquote(text))
            } else if let text = value("expect reply lacks:") {
                current?.lacks.append(Self.unquote(text))
            } else if trimmed.hasPrefix("expect") {
                problems.append("line \(number): unknown expectation: \(trimmed)")
            }
            // Any other line is prose for the reader.
        }
        finishMessage()
        if let turn = current { turns.append(turn) }
        if conversation.isEmpty { problems.append("no `conversation:` line") }
        if turns.isEmpty { problems.append("no turns") }
        for turn in turns where turn.message.isEmpty { problems.append("turn \(turn.number) (line \(turn.line)) has no user message") }
    }

    /// `` `docker ps` `` and `"docker ps"` both mean the text inside.
    static func unquote(_ text: String) -> String {
        for quote in ["`", "\""] where text.count >= 2 && text.hasPrefix(quote) && text.hasSuffix(quote) {
            return String(text.dropFirst().dropLast())
        }
        return text
    }
}

import ClawfixEvidence
import ClawfixKnowledge

/// Turns words into facts: the prose lines of every message, of any length ("I run it with docker
/// compose on a VPS", "restarted, still failing", "upgraded from 2026.3.8 to 2026.3.13", the same in
/// Chinese and Spanish; see `ProseReader`), a bare "yes"/"no" to the last question asked, and what a
/// message says about the conversation itself ("thanks, that fixed it" → `conversation.solved`,
/// "it runs now" → `conversation.gateway-runs-now`), so the conversation state reads facts, not words.
///
/// Pasted output mentions "docker" or "server" all over: only prose lines are read, line by line,
/// so the words around a paste count and the paste does not. Facts from words have `origin: .answer`
/// and the line that said them.
public struct AnswerInterpreter: Sendable {
    /// A bare "yes"/"no" is an answer only in a short message; a longer one is a report.
    public static let maximumAnswerLength = 400
    public static let maximumAnswerLines = 4

    public init() {}

    public func interpret(_ text: String, answering question: KnowledgeNode? = nil) -> [Fact] {
        var facts = ProseReader().read(text)
        if let question, text.utf8.count <= Self.maximumAnswerLength,
            text.split(separator: "\n", omittingEmptySubsequences: true).count <= Self.maximumAnswerLines,
            let reply = Self.yesOrNo(Self.words(text))
        {
            for fact in Self.answer(reply, to: question) where !facts.contains(where: { $0.name == fact.name }) {
                facts.append(fact)
            }
        }
        if ConversationClosing.saysSolved(text) { facts.append(Fact(.saysSolved, "true", origin: .answer)) }
        if Self.saysGatewayRunsNow(text) { facts.append(Fact(.saysGatewayRunsNow, "true", origin: .answer)) }
        return facts
    }

    /// Every run of 1…`longest` consecutive words, joined by single spaces.
    static func phrases(_ words: [String], longest: Int) -> Set<String> {
        var phrases: Set<String> = []
        for start in words.indices {
            var phrase = ""
            for word in words[start..<min(words.count, start + longest)] {
                phrase += phrase.isEmpty ? word : " " + word
                phrases.insert(phrase)
            }
        }
        return phrases
    }

    /// True when the user's own words say the gateway runs now ("it runs now", "it's up now"): the
    /// restart loop or startup refusal an older message showed is over. Only the first lines are
    /// read: that is where people write, above what they paste.
    static func saysGatewayRunsNow(_ text: String) -> Bool {
        let head = text.split(separator: "\n", maxSplits: 3, omittingEmptySubsequences: true).prefix(3)
        let words = Self.words(head.joined(separator: "\n").prefix(maximumAnswerLength).description)
        guard !words.isEmpty else { return false }
        let phrases = Self.phrases(words, longest: 3)
        return ["runs now", "running now", "it's running", "its running", "is running", "starts now", "started now",
            "it started", "up now", "it's up", "is up", "starts again", "runs again", "running again", "up again",
        ].contains { phrases.contains($0) } && !["not running", "isn't running", "not up", "still restarting"].contains {
            phrases.contains($0)
        }
    }

    /// Lower-cased words of the user's own prose, punctuation other than `.`, `-`, `'` and `@` dropped
    /// ("Yes, it's Docker!" → `yes it's docker`). Pasted output inside a short message is not the
    /// user speaking: lines of output (a close banner, a log line, an error message) and tokens that
    /// are addresses or settings (`ws://localhost:18789`, `origin=http://localhost:18789`,
    /// `localhost:18789`) are left out, so the `localhost` in an error is not "same machine".
    static func words(_ text: String) -> [String] {
        var prose = ""
        for line in text.split(whereSeparator: \.isNewline) where !isOutputLine(line) {
            for token in line.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }) where !isAddressOrSetting(token) {
                prose += prose.isEmpty ? "" : " "
                prose += token
            }
            prose += "\n"
        }
        var words: [String] = []
        var current = ""
        for character in prose {
            if character.isLetter || character.isNumber || "-'.@_".contains(character) {
                current.append(character == "’" ? "'" : character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        // A trailing full stop belongs to the sentence, not the word ("docker." → "docker").
        return words.map { word in
            var trimmed = Substring(word)
            while let last = trimmed.last, last == "." || last == "'" { trimmed = trimmed.dropLast() }
            return String(trimmed)
        }.filter { !$0.isEmpty }
    }

    /// A line of program output rather than prose: a gateway close banner (`disconnected (1008): …`,
    /// `gateway closed (1006 …`), a log line (`[ws] …`, an ISO timestamp), an error message
    /// (`Error: …`, `… failed: …`), a prompt and the command typed after it (`ShellPrompt`), a
    /// Markdown heading or quote (`# …`, `> …`).
    static func isOutputLine(_ line: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        if trimmed.hasPrefix("[") || trimmed.hasPrefix("# ") || trimmed.hasPrefix("> ") { return true }
        if ShellPrompt.parse(String(trimmed)) != nil { return true }
        let bytes = Array(trimmed.utf8.prefix(11))
        if bytes.count >= 10, bytes[0...3].allSatisfy(isDigit), bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") {
            return true
        }
        let lower = trimmed.lowercased()
        if lower.contains("error:") || lower.contains("failed:") || lower.contains("exception") { return true }
        // `(1008)` or `(1006 abnormal closure …`: a WebSocket close code in parentheses.
        var utf8 = trimmed.utf8[...]
        while let open = utf8.firstIndex(of: UInt8(ascii: "(")) {
            let digits = utf8[utf8.index(after: open)...].prefix(5)
            if digits.count == 5, digits.prefix(4).allSatisfy(isDigit), !isDigit(digits.last!) { return true }
            utf8 = utf8[utf8.index(after: open)...]
        }
        return false
    }

    /// A token that names an address or a setting, not a word: a URL, `key=value`, `host:port`.
    static func isAddressOrSetting(_ token: Substring) -> Bool {
        if token.contains("://") || token.contains("=") { return true }
        guard let colon = token.lastIndex(of: ":"), colon != token.startIndex else { return false }
        let port = token[token.index(after: colon)...].prefix { $0.isASCII && $0.isNumber }
        return port.count >= 2
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func yesOrNo(_ words: [String]) -> Bool? {
        guard let first = words.first else { return nil }
        if ["yes", "yeah", "yep", "yup", "y", "correct", "right", "sure", "affirmative"].contains(first) { return true }
        if ["no", "nope", "nah", "n", "not"].contains(first) { return false }
        return nil
    }

    /// Maps yes/no onto a question whose branches test one fact for simple values
    /// (`install.kind = docker`): yes → the first branch's value; no → the other value when the
    /// branches name exactly two, or `false` for a `= true` question.
    static func answer(_ yes: Bool, to question: KnowledgeNode) -> [Fact] {
        var name: String?
        var values: [String] = []
        for branch in question.branches {
            guard let condition = branch.condition else { continue }
            let (branchName, branchValues): (String, [String])
            switch condition {
            case .equals(let factName, let value): (branchName, branchValues) = (factName, [value])
            case .oneOf(let factName, let list): (branchName, branchValues) = (factName, list)
            default: return []
            }
            if let name, name != branchName { return [] }
            name = branchName
            for value in branchValues where !values.contains(value) { values.append(value) }
        }
        guard let name, let first = values.first else { return [] }
        let factName = FactName(rawValue: name)
        if yes { return [Fact(factName, first, origin: .answer)] }
        if values.count == 2 { return [Fact(factName, values[1], origin: .answer)] }
        if values == ["true"] { return [Fact(factName, "false", origin: .answer)] }
        return []
    }
}

/// Reading `messages.md`: every Markdown table whose header is
/// `| message | symptom | printed by | code or reason | releases | match |` holds rows; other
/// tables and prose are documentation.
extension MessageTable {
    static let columns = ["message", "symptom", "printed by", "code or reason", "releases", "match"]
    /// The `printed by` values (`KnowledgeBase/messages.md`, "Columns").
    public static let printers: Set<String> = ["gateway", "control-ui", "cli", "gateway-log", "doctor", "shell"]

    /// Parses a `messages.md`; a row with a problem is reported and left out.
    public static func parse(markdown: String, file: String) -> MessageTable {
        let parsed = parseRows(markdown: markdown, file: file)
        return MessageTable(rows: parsed.rows, files: parsed.files, problems: parsed.problems, isBuiltIn: false)
    }

    static func parseRows(markdown: String, file: String)
        -> (rows: [OpenClawMessage], files: [String], problems: [(file: String, problem: Problem)])
    {
        var rows: [OpenClawMessage] = []
        var problems: [(file: String, problem: Problem)] = []
        var inTable = false
        var number = 0
        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            guard line.hasPrefix("|") else {
                inTable = false
                continue
            }
            let cells = MarkdownTableRow.cells(line)
            if cells.map({ $0.lowercased() }) == columns {
                inTable = true
                continue
            }
            guard inTable, !cells.allSatisfy({ $0.allSatisfy { $0 == "-" || $0 == ":" || $0 == " " } }) else { continue }
            func problem(_ text: String) { problems.append((file, Problem(line: number, message: text))) }
            guard cells.count == columns.count else {
                problem("a message row needs \(columns.count) cells, found \(cells.count)")
                continue
            }
            guard let text = Self.code(cells[0]), !text.isEmpty else {
                problem("the message must be written in backticks")
                continue
            }
            guard !text.contains("\n") else { continue }
            let symptom = Self.isNone(cells[1]) ? nil : cells[1]
            if let symptom, !Self.isKebab(symptom) {
                problem("symptom `\(symptom)` is not a kebab-case id")
                continue
            }
            guard printers.contains(cells[2]) else {
                problem("unknown printer `\(cells[2])` (one of \(printers.sorted().joined(separator: ", ")))")
                continue
            }
            guard let match = OpenClawMessage.Match(rawValue: cells[5]) else {
                problem("unknown match `\(cells[5])` (one of \(OpenClawMessage.Match.allCases.map(\.rawValue).joined(separator: ", ")))")
                continue
            }
            var authReason: String?
            var pairingReason: String?
            var closeCode: Int?
            var sshError: String?
            var refusesStart = false
            var facts: [Fact] = []
            var bad = false
            if !Self.isNone(cells[3]) {
                for token in cells[3].split(separator: " ") {
                    let parts = token.split(separator: "=", maxSplits: 1).map(String.init)
                    guard parts.count == 2, !parts[1].isEmpty else {
                        problem("`\(token)` in code or reason is not `key=value`")
                        bad = true
                        continue
                    }
                    switch parts[0] {
                    case "reason": authReason = parts[1]
                    case "pairing": pairingReason = parts[1]
                    case "close": closeCode = Int(parts[1])
                    case "ssh": sshError = parts[1]
                    case "start" where parts[1] == "refused": refusesStart = true
                    case "code": break
                    // A fact name (it has a dot): what the message tells besides its symptom.
                    case let name where name.contains(".") && FactVocabulary.isKnown(name):
                        facts.append(Fact(FactName(rawValue: name), parts[1]))
                    default:
                        problem(
                            "unknown key `\(parts[0])` in code or reason (reason, pairing, close, ssh, start=refused, code, "
                                + "or a fact name from facts.md)")
                        bad = true
                    }
                }
            }
            if match == .closeCode {
                guard let code = Int(text), (1000...4999).contains(code), closeCode == nil || closeCode == code else {
                    problem("a close-code row's message is the close code (1000…4999), and `close=` repeats it")
                    continue
                }
                closeCode = code
            }
            guard !bad else { continue }
            rows.append(
                OpenClawMessage(
                    text: text, symptom: symptom, printedBy: cells[2], authReason: authReason, pairingReason: pairingReason,
                    closeCode: closeCode, sshError: sshError, refusesStart: refusesStart, facts: facts, releases: Self.isNone(cells[4]) ? nil : cells[4], match: match,
                    line: number))
        }
        return (rows, rows.map { _ in file }, problems)
    }

    /// The text of a code span: `` `text` `` or ``` `` text with ` inside `` ```.
    static func code(_ cell: String) -> String? {
        let fence = cell.prefix { $0 == "`" }
        guard !fence.isEmpty, cell.count > 2 * fence.count, cell.hasSuffix(fence) else { return nil }
        var inner = cell.dropFirst(fence.count).dropLast(fence.count)
        if fence.count > 1, inner.hasPrefix(" "), inner.hasSuffix(" ") { inner = inner.dropFirst().dropLast() }
        return String(inner)
    }

    static func isNone(_ cell: String) -> Bool { cell.isEmpty || cell == "—" || cell == "-" }

    static func isKebab(_ text: String) -> Bool {
        guard let first = text.utf8.first, first >= 0x61 && first <= 0x7A else { return false }
        return text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "-") }
    }
}

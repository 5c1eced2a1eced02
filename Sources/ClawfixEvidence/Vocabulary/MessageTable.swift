import Foundation

/// The messages of `KnowledgeBase/messages.md`: what every printed OpenClaw message means. The
/// extractors and the probe look text up here; no other Swift lists message text.
///
/// The built-in table is compiled into this module by the `EmbedKnowledgeBase` plugin and parsed
/// once per process; `adding(_:)` extends it with the rows of a `--kb` directory's `messages.md`,
/// so a new message is Markdown only.
public final class MessageTable: Sendable {
    /// One problem found while reading a table (`clawfix kb lint` reports it as `file:line`).
    public struct Problem: Sendable, Hashable {
        public let line: Int
        public let message: String
    }

    public let rows: [OpenClawMessage]
    /// Where each row came from (`messages.md`, or a `--kb` path), parallel to `rows`.
    public let files: [String]
    /// What reading the Markdown found wrong; rows with a problem are left out.
    public let problems: [(file: String, problem: Problem)]
    /// Whether this is exactly the compiled-in table (the paste's line triggers were built from it).
    let isBuiltIn: Bool
    /// Rows read by `ErrorStringExtractor` (every printer but `shell`) and `ShellErrorExtractor`,
    /// as indices into `rows`, each with an automaton over their needles.
    let errorRows: [Int]
    let shellRows: [Int]
    let errorAutomaton: KeywordAutomaton
    let shellAutomaton: KeywordAutomaton

    init(rows: [OpenClawMessage], files: [String], problems: [(file: String, problem: Problem)], isBuiltIn: Bool) {
        self.rows = rows
        self.files = files
        self.problems = problems
        self.isBuiltIn = isBuiltIn
        let searchable = rows.indices.filter { rows[$0].match != .closeCode && rows[$0].match != .closeReason }
        errorRows = searchable.filter { rows[$0].printedBy != "shell" }
        shellRows = searchable.filter { rows[$0].printedBy == "shell" }
        errorAutomaton = KeywordAutomaton(errorRows.map { (rows[$0].needle, 1) })
        shellAutomaton = KeywordAutomaton(shellRows.map { (rows[$0].needle, 1) })
    }

    /// A table of the given rows (tests, tools).
    public convenience init(rows: [OpenClawMessage], file: String = "messages.md") {
        self.init(rows: rows, files: rows.map { _ in file }, problems: [], isBuiltIn: false)
    }

    /// The table compiled into clawfix (`KnowledgeBase/messages.md`).
    public static let builtIn: MessageTable = {
        let text = EmbeddedMessages.files.first { $0.name == "messages.md" }.flatMap { decodeBase64($0.base64) } ?? ""
        let parsed = parseRows(markdown: text, file: "messages.md")
        return MessageTable(rows: parsed.rows, files: parsed.files, problems: parsed.problems, isBuiltIn: true)
    }()

    /// This table followed by the rows of `other` (a `--kb` directory's `messages.md`).
    public func adding(_ other: MessageTable) -> MessageTable {
        guard !other.rows.isEmpty || !other.problems.isEmpty else { return self }
        return MessageTable(
            rows: rows + other.rows, files: files + other.files, problems: problems + other.problems, isBuiltIn: false)
    }

    /// The rows after which the gateway exits (`start=refused`): a log line holding one is the
    /// gateway's start failure.
    var startRefusals: [[UInt8]] { rows.filter(\.refusesStart).map(\.needle) }

    /// Every symptom id some row gives.
    public var symptoms: Set<String> { Set(rows.compactMap(\.symptom)) }

    /// The symptom of a raw gateway authReason (`reason=` of a `[ws] unauthorized` line,
    /// `details.authReason`): the row for that reason, or a `prefix` row the reason starts with.
    public func symptom(forAuthReason reason: String) -> String? {
        let lower = reason.lowercased()
        for row in rows where row.symptom != nil {
            if row.authReason == reason && (row.match == .word || row.match == .prefix) { return row.symptom }
            if row.match == .prefix && lower.utf8.starts(with: row.needle) { return row.symptom }
        }
        return rows.first { $0.authReason == reason && $0.symptom != nil }?.symptom
    }

    /// The symptom a close code means by itself (the reason, when there is one, is read as text).
    public func symptom(forCloseCode code: Int) -> String? {
        rows.first { $0.match == .closeCode && $0.closeCode == code }?.symptom
    }

    /// Whether a close code is one the table knows (so `code 1012` in prose is read as one).
    func knowsCloseCode(_ code: Int) -> Bool {
        rows.contains { $0.match == .closeCode && $0.closeCode == code }
    }

    /// The row of a whole printed close reason (`unauthorized`, `service restart`).
    func closeReasonRow(_ reason: String) -> OpenClawMessage? {
        let needle = ByteSearch.needle(reason)
        return rows.first { $0.match == .closeReason && $0.needle == needle }
    }

    /// The symptoms a single text (a close reason, a connect error's message or `details`) shows,
    /// most specific first, read exactly as a pasted line would be.
    public func symptoms(in text: String) -> [String] {
        let line = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
        let document = PasteDocument(redactedText: line)
        var facts: [Fact] = []
        let extractor = ErrorStringExtractor(messages: self)
        for pasteLine in document.cleanLines { extractor.extract(pasteLine, into: &facts) }
        facts += ShellErrorExtractor(messages: self).extract(from: document)
        var seen: Set<String> = []
        return facts.filter { $0.name == .symptom && seen.insert($0.value).inserted }.map(\.value)
    }

    /// Whether a text, read as a pasted line, gives a symptom or a close code.
    public func recognises(_ text: String) -> Bool {
        let document = PasteDocument(redactedText: text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " "))
        var facts: [Fact] = []
        let extractor = ErrorStringExtractor(messages: self)
        for line in document.cleanLines { extractor.extract(line, into: &facts) }
        facts += ShellErrorExtractor(messages: self).extract(from: document)
        return facts.contains { $0.name == .symptom || $0.name == .closeCode || $0.name == .authReason }
    }

    private static func decodeBase64(_ text: String) -> String? {
        Data(base64Encoded: text).map { String(decoding: $0, as: UTF8.self) }
    }
}

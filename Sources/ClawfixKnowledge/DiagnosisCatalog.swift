import ClawfixEvidence

/// The diagnosis ids clawfix may report, read from `KnowledgeBase/diagnoses.md` (a copy of the
/// project's public contract): one Markdown table per family, plus the Advisories table.
public struct DiagnosisCatalog: Sendable {
    /// One row of the catalogue.
    public struct Entry: Sendable, Hashable {
        public var id: String
        /// The "what is wrong" column (the "what" column for advisories).
        public var title: String
        /// The section heading the row sits under, e.g. "Pairing and device trust".
        public var family: String
        /// The "signals" column (the "when" column for advisories).
        public var signals: String
        public var fix: String
        public var versions: String
        /// The row's line in its file (lint messages point at it).
        public var line: Int

        public init(id: String, title: String, family: String, signals: String, fix: String, versions: String, line: Int = 0) {
            self.line = line
            self.id = id
            self.title = title
            self.family = family
            self.signals = signals
            self.fix = fix
            self.versions = versions
        }
    }

    /// Diagnoses in file order.
    public var entries: [Entry]
    /// Rows of the Advisories section (reported beside any diagnosis, never ranked).
    public var advisories: [Entry]

    public init(entries: [Entry], advisories: [Entry]) {
        self.entries = entries
        self.advisories = advisories
    }

    /// The diagnosis or advisory with this id.
    public func entry(_ id: String) -> Entry? {
        entries.first { $0.id == id } ?? advisories.first { $0.id == id }
    }

    /// Every diagnosis id (advisories excluded), in file order.
    public var ids: [String] { entries.map(\.id) }

    /// Reads every table row under a `## ` heading. A section whose heading starts with
    /// "Advisories" fills `advisories`. Throws `KnowledgeBaseError` with `file:line` problems for
    /// rows with a missing id or a duplicate id.
    public static func parse(markdown: String, file: String) throws -> DiagnosisCatalog {
        var entries: [Entry] = []
        var advisories: [Entry] = []
        var problems: [LintMessage] = []
        var seen: Set<String> = []
        var family = ""
        var header: [String]? = nil
        for (offset, rawLine) in markdown.markdownLines.enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = line.trimmingSpaces
            if trimmed.hasPrefix("## ") {
                family = String(trimmed.dropFirst(3)).trimmingSpaces
                header = nil
                continue
            }
            guard trimmed.hasPrefix("|") else {
                header = nil
                continue
            }
            let cells = splitRow(trimmed)
            guard let columns = header else {
                header = cells.map { $0.lowercased() }
                continue
            }
            if cells.allSatisfy({ $0.allSatisfy { $0 == "-" || $0 == ":" } }) { continue }
            func cell(_ names: String...) -> String {
                for name in names { if let index = columns.firstIndex(of: name), index < cells.count { return cells[index] } }
                return ""
            }
            let id = cell("id").trimming("`")
            guard !id.isEmpty else {
                problems.append(LintMessage(file: file, line: offset + 1, message: "table row without an id"))
                continue
            }
            guard seen.insert(id).inserted else {
                problems.append(LintMessage(file: file, line: offset + 1, message: "duplicate diagnosis id `\(id)`"))
                continue
            }
            let entry = Entry(
                id: id, title: cell("what is wrong", "what"), family: family, signals: cell("signals", "when"),
                fix: cell("fix"), versions: cell("versions"), line: offset + 1)
            if family.lowercased().hasPrefix("advisories") { advisories.append(entry) } else { entries.append(entry) }
        }
        if entries.isEmpty && problems.isEmpty {
            problems.append(LintMessage(file: file, line: 1, message: "no diagnosis table found"))
        }
        guard problems.isEmpty else { throw KnowledgeBaseError(problems) }
        return DiagnosisCatalog(entries: entries, advisories: advisories)
    }

    /// Splits `| a | b |` into cells (one splitter for every table of the knowledge base).
    static func splitRow(_ row: String) -> [String] { MarkdownTableRow.cells(row) }
}

extension StringProtocol {
    /// Without leading spaces and tabs and trailing spaces, tabs and CRs. Scans UTF-8 bytes (every
    /// line of the knowledge base passes here on every run), so a space before a combining mark
    /// is trimmed too, where a `Character` scan would keep the pair.
    var trimmingSpaces: String {
        let text = Substring(self)
        let bytes = text.utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start != end, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
        while start != end {
            let last = bytes[bytes.index(before: end)]
            guard last == 0x20 || last == 0x09 || last == 0x0D else { break }
            end = bytes.index(before: end)
        }
        return String(text[start..<end])
    }

    func trimming(_ set: Character) -> String {
        var slice = Substring(self)
        while slice.first == set { slice = slice.dropFirst() }
        while slice.last == set { slice = slice.dropLast() }
        return String(slice)
    }
}

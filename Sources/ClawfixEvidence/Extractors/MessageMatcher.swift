/// The part of the message table one extractor reads — every printer but `shell` for
/// `ErrorStringExtractor`, `shell` for `ShellErrorExtractor` — and how a line finds its rows, as
/// `KnowledgeBase/messages.md` says: rows in table order, each found as its `match` column says, a
/// match inside the text of an earlier match on the line ignored, and `fallback` rows counted only
/// when no other row gave the line a symptom.
struct MessageMatcher: Sendable {
    let table: MessageTable
    /// The rows read, as indices into `table.rows`, and an automaton over their needles.
    private let indices: [Int]
    private let automaton: KeywordAutomaton

    /// Every row but the `shell` ones (and the close codes and reasons, read where a client prints them).
    static func errors(_ table: MessageTable) -> MessageMatcher {
        MessageMatcher(table: table, indices: table.errorRows, automaton: table.errorAutomaton)
    }

    /// The `shell` rows.
    static func shell(_ table: MessageTable) -> MessageMatcher {
        MessageMatcher(table: table, indices: table.shellRows, automaton: table.shellAutomaton)
    }

    /// The rows' texts, lower-cased: with the built-in table, the words that mark a paste's lines
    /// for the extractor (`LineTriggers`).
    var words: [String] { indices.map { table.rows[$0].text.lowercased() } }

    /// Calls `body` for each line the extractor reads: the lines marked with `trigger`, or, when the
    /// table has rows of a `--kb` directory (the marks were made from the built-in words), every
    /// non-empty line.
    func forEachLine(of document: PasteDocument, marked trigger: LineTriggers, _ body: (PasteLine) -> Void) {
        if table.isBuiltIn {
            for line in document.lines(with: trigger) { body(line) }
        } else {
            for line in document.cleanLines where !line.isEmpty { body(line) }
        }
    }

    /// The rows a line holds, in table order, and the spans of the line their texts cover.
    func rows(in line: PasteLine) -> (rows: [OpenClawMessage], spans: [Range<Int>]) {
        var rows: [OpenClawMessage] = []
        var fallbacks: [OpenClawMessage] = []
        var spans: [Range<Int>] = []
        // One automaton pass finds which rows occur; they are then taken in table order.
        for (index, start) in automaton.matches(in: line.lower) {
            let row = table.rows[indices[index]]
            let offset: Int?
            switch row.match {
            case .word: offset = ByteSearch.findWord(row.needle, in: line.lower)
            case .prefix: offset = Self.findWordStart(row.needle, in: line.lower)
            default: offset = start
            }
            guard let offset else { continue }
            let span = offset..<(offset + row.needle.count)
            if spans.contains(where: { $0.contains(span.lowerBound) && $0.upperBound >= span.upperBound }) { continue }
            spans.append(span)
            if row.match == .fallback {
                fallbacks.append(row)
            } else {
                rows.append(row)
            }
        }
        if !rows.contains(where: { $0.symptom != nil }) { rows += fallbacks }
        return (rows, spans)
    }

    /// Offset of `needle` where a word starts (the rest of the word may follow).
    static func findWordStart(_ needle: [UInt8], in haystack: LineBytes) -> Int? {
        var from = 0
        while let offset = ByteSearch.find(needle, in: haystack, from: from) {
            if offset == 0 || !ByteSearch.isWordByte(haystack[offset - 1]) { return offset }
            from = offset + 1
        }
        return nil
    }
}

/// A `| a | b |` line of a Markdown table, split into cells: the knowledge base's tables
/// (`messages.md`, `diagnoses.md`) are read by this one splitter.
public enum MarkdownTableRow {
    /// The trimmed cells; a `|` inside a backtick span or escaped as `\|` stays in its cell. Scans
    /// UTF-8 bytes: every row of the tables is split on every run.
    public static func cells<Text: StringProtocol>(_ row: Text) -> [String] {
        var cells: [String] = []
        var current: [UInt8] = []
        var inCode = false
        var escaped = false
        func finish() -> String {
            var start = 0
            var end = current.count
            while start < end, current[start] == 0x20 || current[start] == 0x09 { start += 1 }
            while end > start, current[end - 1] == 0x20 || current[end - 1] == 0x09 || current[end - 1] == 0x0D { end -= 1 }
            return String(decoding: current[start..<end], as: UTF8.self)
        }
        var bytes = row.utf8.makeIterator()
        // Skip up to the first bar: leading spaces before it are not a cell.
        while let byte = bytes.next(), byte != UInt8(ascii: "|") {}
        while let byte = bytes.next() {
            if escaped {
                current.append(byte)
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "`") {
                inCode.toggle()
                current.append(byte)
            } else if byte == UInt8(ascii: "|") && !inCode {
                cells.append(finish())
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(byte)
            }
        }
        let last = finish()
        if !last.isEmpty { cells.append(last) }
        return cells
    }
}

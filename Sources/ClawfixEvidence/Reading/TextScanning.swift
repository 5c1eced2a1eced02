/// Cheap, Foundation-free text helpers the extractors use on the few lines they parse.
extension StringProtocol {
    /// Without leading and trailing spaces and tabs (Foundation-free, so it is cheap per line).
    func trimmingBlanks() -> String {
        // Byte-level fast path: blanks are ASCII (or NBSP, `C2 A0`, handled by the slow path).
        let bytes = utf8
        var start = bytes.startIndex
        while start < bytes.endIndex, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
        var end = start
        var lastByte: UInt8 = 0
        var index = start
        while index < bytes.endIndex {
            let byte = bytes[index]
            index = bytes.index(after: index)
            if byte != 0x20 && byte != 0x09 {
                end = index
                lastByte = byte
            }
        }
        if start < end, bytes[start] != 0xC2, lastByte != 0xA0 {
            return String(self[start..<end])
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" && $0 != "\u{A0}" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" && $0 != "\u{A0}" })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// Whether the UTF-8 bytes of `needle` occur in this text: a plain byte search, far cheaper per
    /// line than `contains(_:)` (which goes through Foundation or Character comparison).
    func containsBytes(_ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard !pattern.isEmpty else { return true }
        if let found = utf8.withContiguousStorageIfAvailable({ ByteSearch.find(pattern, in: $0) != nil }) { return found }
        var copy = String(self)
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable { ByteSearch.find(pattern, in: $0) != nil } ?? false
    }

    /// The range of the first occurrence of `needle`, found with `memchr` over the UTF-8 bytes (no
    /// Foundation, no Character comparison).
    func byteRange(of needle: String) -> Range<Index>? {
        let pattern = Array(needle.utf8)
        let offset: Int? = utf8.withContiguousStorageIfAvailable { ByteSearch.find(pattern, in: $0) } ?? nil
        guard let offset else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: needle.utf8.count)
    }

    /// Cells separated by a TAB or by two or more spaces, each with the offset (in Unicode scalars,
    /// the unit Go's tabwriter pads in) where it starts. Works on the UTF-8 bytes: a cell is cut
    /// out once, never built character by character.
    func tableCells() -> [(offset: Int, text: String)] {
        var cells: [(Int, String)] = []
        let bytes = utf8
        var cellStart: String.UTF8View.Index?
        var cellEnd = bytes.startIndex
        var cellOffset = 0
        var spaces = 0
        var offset = 0
        var index = bytes.startIndex
        func close() {
            if let start = cellStart {
                cells.append((cellOffset, String(decoding: bytes[start..<cellEnd], as: UTF8.self)))
                cellStart = nil
            }
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            if byte == 0x09 {
                close()
                spaces = 0
            } else if byte == 0x20 {
                spaces += 1
            } else {
                if spaces >= 2 { close() }
                if cellStart == nil {
                    cellStart = index
                    cellOffset = offset
                }
                spaces = 0
                cellEnd = next
            }
            // Continuation bytes do not start a scalar.
            if byte & 0xC0 != 0x80 { offset += 1 }
            index = next
        }
        close()
        return cells
    }
}

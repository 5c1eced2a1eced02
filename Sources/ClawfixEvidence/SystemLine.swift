/// One pasted line as the system extractors read it: carriage returns, ANSI/OSC escapes and
/// other control characters removed, but tabs kept, because `docker ps --format '{{.Names}}\t…'`
/// separates its columns with a literal TAB and nothing else.
struct SystemLine: Sendable {
    /// 1-based line number in the paste.
    let number: Int
    /// The cleaned line, untrimmed, tabs kept: column offsets of tabwriter tables count from here.
    let raw: String
    /// `raw` without surrounding blanks; shown as evidence.
    let text: String

    init(number: Int, line: Substring) {
        self.number = number
        // Almost every pasted line has no control character: keep it as is, without rebuilding it
        // scalar by scalar (that rebuild was the biggest cost of reading a megabyte paste).
        if !SystemLine.needsCleaning(line.utf8) {
            raw = String(line)
            text = raw.trimmingBlanks()
            return
        }
        var scalars = String.UnicodeScalarView()
        var iterator = line.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            switch scalar.value {
            case 0x1B:
                // CSI `ESC [ … final`, OSC `ESC ] … BEL|ESC \`, or the single byte after ESC.
                guard let kind = iterator.next() else { break }
                if kind == "[" {
                    while let next = iterator.next(), !(next.value >= 0x40 && next.value <= 0x7E) {}
                } else if kind == "]" {
                    var previous: UInt32 = 0
                    while let next = iterator.next() {
                        if next.value == 0x07 || (previous == 0x1B && next == "\\") { break }
                        previous = next.value
                    }
                }
            case 0x09:
                scalars.append(scalar)
            case 0x00..<0x20, 0x7F, 0xFEFF:
                continue
            default:
                scalars.append(scalar)
            }
        }
        raw = String(scalars)
        text = raw.trimmingBlanks()
    }

    /// Whether the line holds a byte the cleaning removes: a C0 control other than TAB, DEL, or
    /// the UTF-8 byte-order mark `EF BB BF`.
    private static func needsCleaning(_ bytes: Substring.UTF8View) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in bytes {
            if (byte < 0x20 && byte != 0x09) || byte == 0x7F { return true }
            if byte == 0xBF, previous == 0xBB, beforePrevious == 0xEF { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// A fact from this line.
    func fact(_ name: FactName, _ value: String) -> Fact {
        Fact(name, value, line: number, text: text)
    }

    /// Every line of a paste, cleaned.
    static func lines(of document: PasteDocument) -> [SystemLine] {
        var result: [SystemLine] = []
        result.reserveCapacity(document.lines.count)
        for (index, line) in document.lines.enumerated() {
            result.append(SystemLine(number: index + 1, line: line))
        }
        return result
    }
}

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
        guard let first = pattern.first else { return true }
        let bytes = utf8
        var index = bytes.startIndex
        while let found = bytes[index...].firstIndex(of: first) {
            var probe = found
            var matched = 0
            while matched < pattern.count, probe < bytes.endIndex, bytes[probe] == pattern[matched] {
                matched += 1
                probe = bytes.index(after: probe)
            }
            if matched == pattern.count { return true }
            if probe == bytes.endIndex { return false }
            index = bytes.index(after: found)
        }
        return false
    }

    /// Cells separated by a TAB or by two or more spaces, each with the offset (in Unicode scalars,
    /// the unit Go's tabwriter pads in) where it starts.
    func tableCells() -> [(offset: Int, text: String)] {
        var cells: [(Int, String)] = []
        var current = String.UnicodeScalarView()
        var start = 0
        var spaces = 0
        var offset = 0
        for scalar in unicodeScalars {
            if scalar == "\t" {
                if !current.isEmpty { cells.append((start, String(current))); current = .init() }
                spaces = 0
            } else if scalar == " " {
                spaces += 1
            } else {
                if spaces >= 2, !current.isEmpty {
                    cells.append((start, String(current)))
                    current = .init()
                }
                if current.isEmpty {
                    start = offset
                } else if spaces == 1 {
                    current.append(" ")
                }
                spaces = 0
                current.append(scalar)
            }
            offset += 1
        }
        if !current.isEmpty { cells.append((start, String(current))) }
        return cells
    }
}

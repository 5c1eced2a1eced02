#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One pasted line made ready for the OpenClaw extractors: carriage returns, leftover ANSI/OSC
/// escapes and other control characters removed, surrounding blanks trimmed, and an ASCII
/// lower-cased copy for case-insensitive search. Offsets into `lower` are offsets into `bytes`
/// (lower-casing ASCII never changes a byte count), so a match found case-insensitively can be
/// cut out of the original text.
struct ScannedLine: Sendable {
    /// 1-based line number in the paste.
    let number: Int
    /// The cleaned, trimmed line as UTF-8.
    let bytes: [UInt8]
    /// `bytes` with ASCII letters lower-cased.
    let lower: [UInt8]

    init(number: Int, raw: Substring) {
        self.number = number
        var cleaned: [UInt8] = []
        cleaned.reserveCapacity(raw.utf8.count)
        var iterator = raw.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case 0x1B:
                ScannedLine.skipEscape(&iterator)
            case 0x09:
                cleaned.append(0x20)
            case 0x00..<0x20, 0x7F:
                continue
            default:
                cleaned.append(byte)
            }
        }
        var start = 0
        var end = cleaned.count
        while start < end, cleaned[start] == 0x20 { start += 1 }
        while end > start, cleaned[end - 1] == 0x20 { end -= 1 }
        let trimmed = start == 0 && end == cleaned.count ? cleaned : Array(cleaned[start..<end])
        self.bytes = trimmed
        self.lower = trimmed.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    /// Skips a CSI (`ESC [ … letter`) or OSC (`ESC ] … BEL|ESC \`) sequence, or the one byte after ESC.
    private static func skipEscape(_ iterator: inout Substring.UTF8View.Iterator) {
        guard let kind = iterator.next() else { return }
        if kind == UInt8(ascii: "[") {
            while let byte = iterator.next(), !(byte >= 0x40 && byte <= 0x7E) {}
        } else if kind == UInt8(ascii: "]") {
            var previous: UInt8 = 0
            while let byte = iterator.next() {
                if byte == 0x07 || (previous == 0x1B && byte == UInt8(ascii: "\\")) { break }
                previous = byte
            }
        }
    }

    /// The cleaned line, as shown in evidence.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    var isEmpty: Bool { bytes.isEmpty }

    /// The original text of `range` (byte offsets).
    func slice(_ range: Range<Int>) -> String {
        String(decoding: bytes[max(0, range.lowerBound)..<min(bytes.count, range.upperBound)], as: UTF8.self)
    }

    /// The original text from `offset` to the end of the line.
    func suffix(from offset: Int) -> String { slice(offset..<bytes.count) }

    /// First offset of `needle` (lower-case ASCII) at or after `from`, case-insensitively.
    func find(_ needle: [UInt8], from: Int = 0) -> Int? {
        ByteSearch.find(needle, in: lower, from: from)
    }

    func contains(_ needle: [UInt8]) -> Bool { find(needle) != nil }

    func hasPrefix(_ needle: [UInt8]) -> Bool {
        lower.count >= needle.count && lower[0..<needle.count].elementsEqual(needle)
    }

    /// A fact from this line.
    func fact(_ name: FactName, _ value: String) -> Fact {
        Fact(name, value, line: number, text: text)
    }

    /// Every line of a paste, prepared.
    static func lines(of document: PasteDocument) -> [ScannedLine] {
        var result: [ScannedLine] = []
        result.reserveCapacity(document.lines.count)
        for (index, line) in document.lines.enumerated() {
            result.append(ScannedLine(number: index + 1, raw: line))
        }
        return result
    }
}

/// Byte-string search without regular expressions: `memchr` finds candidate first bytes, then a
/// plain comparison; linear for the short needles and lines the extractors use.
enum ByteSearch {
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int = 0) -> Int? {
        let count = needle.count
        guard count > 0, from >= 0, haystack.count - from >= count else { return nil }
        let first = needle[0]
        return haystack.withUnsafeBufferPointer { hay -> Int? in
            needle.withUnsafeBufferPointer { pattern -> Int? in
                guard let base = hay.baseAddress, let patternBase = pattern.baseAddress else { return nil }
                var position = from
                let last = hay.count - count
                while position <= last {
                    guard let hit = memchr(base + position, Int32(first), last - position + 1) else { return nil }
                    let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if count == 1 || memcmp(base + offset + 1, patternBase + 1, count - 1) == 0 { return offset }
                    position = offset + 1
                }
                return nil
            }
        }
    }

    /// `text` as lower-case bytes, the form `ScannedLine.find` expects.
    static func needle(_ text: String) -> [UInt8] {
        text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    /// Offsets of `needle` standing as a whole word (not inside `FOO_NEEDLE` or `needle2`).
    static func findWord(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        var from = 0
        while let offset = find(needle, in: haystack, from: from) {
            let end = offset + needle.count
            let before = offset == 0 || !isWordByte(haystack[offset - 1])
            let after = end == haystack.count || !isWordByte(haystack[end])
            if before && after { return offset }
            from = offset + 1
        }
        return nil
    }
}

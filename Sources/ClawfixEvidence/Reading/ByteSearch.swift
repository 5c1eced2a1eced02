#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-string search without regular expressions: `memchr` finds candidate first bytes, then a
/// plain comparison; linear for the short needles and lines the extractors use.
enum ByteSearch {
    static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        needle.withUnsafeBufferPointer { find($0, in: haystack, from: from) }
    }

    static func find(_ pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        let count = pattern.count
        guard count > 0, from >= 0, haystack.count - from >= count, let base = haystack.baseAddress,
            let patternBase = pattern.baseAddress
        else { return nil }
        let first = pattern[0]
        var position = from
        let last = haystack.count - count
        while position <= last {
            guard let hit = memchr(base + position, Int32(first), last - position + 1) else { return nil }
            let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if count == 1 || memcmp(base + offset + 1, patternBase + 1, count - 1) == 0 { return offset }
            position = offset + 1
        }
        return nil
    }

    static func find(_ needle: [UInt8], in haystack: LineBytes, from: Int = 0) -> Int? {
        find(needle, in: haystack.buffer, from: from)
    }

    /// `text` as lower-case bytes, the form `PasteLine.find` expects.
    static func needle(_ text: String) -> [UInt8] {
        text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    /// Offset of `needle` standing as a whole word (not inside `FOO_NEEDLE` or `needle2`).
    static func findWord(_ needle: [UInt8], in haystack: LineBytes) -> Int? {
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

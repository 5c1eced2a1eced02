/// Cleans one raw pasted line into a `LineBuffer`: the single place where escapes, control
/// characters, byte-order marks and box-drawing mojibake are dealt with.
enum LineCleaning {
    /// Appends the cleaned `raw` line and a `\n` to `storage`; returns the offsets of the
    /// untrimmed and trimmed line.
    static func clean(_ raw: UnsafeBufferPointer<UInt8>, into storage: LineBuffer) -> (rawStart: Int, start: Int, end: Int, rawEnd: Int) {
        let out = storage.bytes.baseAddress!
        let rawStart = storage.count
        var position = rawStart
        if !needsCleaning(raw) {
            if let base = raw.baseAddress, raw.count > 0 { (out + position).update(from: base, count: raw.count) }
            position += raw.count
        } else {
            var index = 0
            while index < raw.count {
                let byte = raw[index]
                if byte == 0x1B {
                    index = escapeEnd(raw, from: index + 1)
                    continue
                }
                if (byte < 0x20 && byte != 0x09) || byte == 0x7F {
                    index += 1
                    continue
                }
                if byte == 0xEF, index + 2 < raw.count, raw[index + 1] == 0xBB, raw[index + 2] == 0xBF {
                    index += 3
                    continue
                }
                if byte == 0xC3, index + 1 < raw.count, raw[index + 1] == 0xA2, let (repaired, next) = mojibake(raw, from: index + 2) {
                    out[position] = 0xE2
                    out[position + 1] = repaired.0
                    out[position + 2] = repaired.1
                    position += 3
                    index = next
                    continue
                }
                out[position] = byte
                position += 1
                index += 1
            }
        }
        let lower = storage.lower.baseAddress!
        for offset in rawStart..<position {
            let byte = out[offset]
            lower[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : (byte == 0x09 ? 0x20 : byte)
        }
        var start = rawStart
        var end = position
        while start < end {
            if out[start] == 0x20 || out[start] == 0x09 {
                start += 1
            } else if out[start] == 0xC2, start + 1 < end, out[start + 1] == 0xA0 {
                start += 2
            } else {
                break
            }
        }
        while end > start {
            if out[end - 1] == 0x20 || out[end - 1] == 0x09 {
                end -= 1
            } else if out[end - 1] == 0xA0, end - 2 >= start, out[end - 2] == 0xC2 {
                end -= 2
            } else {
                break
            }
        }
        out[position] = 0x0A
        lower[position] = 0x0A
        storage.count = position + 1
        return (rawStart, start, end, position)
    }

    /// Whether the line holds a byte the cleaning acts on: a C0 control other than TAB, DEL, a
    /// possible byte-order mark (`EF`) or a possible mojibake `â` (`C3`).
    private static func needsCleaning(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in raw where (byte < 0x20 && byte != 0x09) || byte == 0x7F || byte == 0xEF || byte == 0xC3 {
            return true
        }
        return false
    }

    /// The offset after a CSI (`ESC [ … final`), an OSC (`ESC ] … BEL|ESC \`), or the one byte
    /// after ESC; `from` is the offset after ESC.
    private static func escapeEnd(_ raw: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        guard from < raw.count else { return from }
        var index = from + 1
        if raw[from] == UInt8(ascii: "[") {
            while index < raw.count {
                let byte = raw[index]
                index += 1
                if byte >= 0x40 && byte <= 0x7E { break }
            }
        } else if raw[from] == UInt8(ascii: "]") {
            var previous: UInt8 = 0
            while index < raw.count {
                let byte = raw[index]
                index += 1
                if byte == 0x07 || (previous == 0x1B && byte == UInt8(ascii: "\\")) { break }
                previous = byte
            }
        }
        return index
    }

    /// A three-byte character (`│` = `E2 94 82`) whose bytes were decoded as Windows-1252 and
    /// re-encoded reads `â”‚`. Given the offset after `â`, the two continuation bytes and the
    /// offset after them, or nil when the next two characters are not such bytes.
    private static func mojibake(_ raw: UnsafeBufferPointer<UInt8>, from: Int) -> ((UInt8, UInt8), Int)? {
        guard let (first, middle) = windows1252Byte(raw, at: from), let (second, end) = windows1252Byte(raw, at: middle) else {
            return nil
        }
        return ((first, second), end)
    }

    /// The byte 0x80–0xBF that Windows-1252 decodes to the UTF-8 character at `offset`, and the
    /// offset after that character.
    private static func windows1252Byte(_ raw: UnsafeBufferPointer<UInt8>, at offset: Int) -> (UInt8, Int)? {
        guard offset + 1 < raw.count else { return nil }
        let lead = raw[offset]
        var scalar: UInt32
        var length: Int
        if lead >= 0xC2 && lead <= 0xDF {
            scalar = UInt32(lead & 0x1F) << 6 | UInt32(raw[offset + 1] & 0x3F)
            length = 2
        } else if lead == 0xE2, offset + 2 < raw.count {
            scalar = UInt32(lead & 0x0F) << 12 | UInt32(raw[offset + 1] & 0x3F) << 6 | UInt32(raw[offset + 2] & 0x3F)
            length = 3
        } else {
            return nil
        }
        for continuation in 1..<length where raw[offset + continuation] & 0xC0 != 0x80 { return nil }
        if scalar >= 0x80 && scalar <= 0xBF { return (UInt8(scalar), offset + length) }
        guard let byte = windows1252[scalar] else { return nil }
        return (byte, offset + length)
    }

    /// Windows-1252's characters for the bytes 0x80–0x9F (the others decode to U+0080–U+00BF).
    private static let windows1252: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02C6: 0x88,
        0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93,
        0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B,
        0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]
}

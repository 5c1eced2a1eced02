@testable import ClawfixRedaction
import Testing

/// `ValueShape.isPlaceholder` looks for masking runs and words in a value's first 40 bytes, and
/// turns most values away with a vector test of sixteen bytes (and the byte after them) at a
/// time, falling back to a byte loop at the end of the input. So each run is tried at every
/// offset around the 40-byte limit, in the middle of a paste and at its very end, with more
/// of the run just past the value (which must not count).
struct PlaceholderHeadTests {
    /// Key material with none of the bytes or pairs a run or word begins with.
    static let material = Array("Zq7Kw9Lm2Nb4Rt6WaB3dF5gH7jK9mQ2sT4vY6zC8Dk5Hn3Jw".utf8)
    static let runs = ["...", "xxxx", "XXXX", "***", "\u{2026}", "\u{2022}\u{2022}", "REDACTED", "example", "Placeholder"]

    static func isPlaceholder(_ value: [UInt8], followedBy after: [UInt8]) -> Bool {
        let paste = Array("apiKey: ".utf8) + value + after
        return paste.withUnsafeBufferPointer { ValueShape.isPlaceholder($0[8..<(8 + value.count)]) }
    }

    @Test(arguments: runs)
    func runCountsOnlyInsideTheHead(run: String) {
        let bytes = Array(run.utf8)
        // `…` and `•` are found by their first byte; words and runs must fit.
        let needed = bytes[0] == 0xE2 ? 1 : bytes.count
        for offset in 0...(Self.material.count - bytes.count) {
            var value = Self.material
            value.replaceSubrange(offset..<(offset + bytes.count), with: bytes)
            let expected = offset + needed <= 40
            for after in [[], Array(" in the example config ...\n".utf8)] {
                #expect(Self.isPlaceholder(value, followedBy: after) == expected, "\(run) at \(offset), \(after.count) after")
            }
        }
    }

    /// A value cut short just before a run: the run lies past its end, in the bytes the
    /// vector test reads but must not count.
    @Test(arguments: runs)
    func runJustPastTheValueDoesNotCount(run: String) {
        let bytes = Array(run.utf8)
        for length in 3...40 {
            let value = Array(Self.material.prefix(length))
            #expect(!Self.isPlaceholder(value, followedBy: bytes + Array(" done\n".utf8)), "\(run) after \(length)")
            // Half the run inside: it counts only where `isPlaceholder` would count it whole.
            let half = Array(bytes.prefix((bytes.count + 1) / 2))
            let cut = Array(value.dropLast(half.count)) + half
            let expected = half.first == 0xE2
            #expect(Self.isPlaceholder(cut, followedBy: Array(bytes.dropFirst(half.count))) == expected, "\(run) cut at \(length)")
        }
    }

    /// The lead byte of `…` as a value's last byte (a slice may end anywhere): the one byte that
    /// decides alone, in the last lane of the last block read.
    @Test func leadByteInTheLastLane() {
        for length in 1...40 {
            let value = Array(Self.material.prefix(length - 1)) + [0xE2]
            #expect(Self.isPlaceholder(value, followedBy: [0x80, 0xA6, 0x0A]), "length \(length)")
            #expect(Self.isPlaceholder(value, followedBy: []), "length \(length) at the end")
        }
    }

    @Test func keyMaterialIsNoPlaceholder() {
        for length in 3...48 {
            #expect(!Self.isPlaceholder(Array(Self.material.prefix(length)), followedBy: []))
            #expect(!Self.isPlaceholder(Array(Self.material.prefix(length)), followedBy: Array("\n".utf8)))
        }
    }
}

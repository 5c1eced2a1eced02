/// Where the fallback (`HighEntropyDetector`) can skip to: the words it judges are long, and most
/// words of a paste are not. Walking every word cost it a branch at each word's end and at each
/// byte between words; finding the long runs eight bytes at a time skips the rest.
///
/// Why a run shorter than `minimum` (16) word bytes — token bytes and `+` — is never judged:
/// - a prefixed key (`PrefixedTokenDetector`) is `PrefixedTokenDetector.minimumLength` (23) long;
/// - a hex value is 24 hex digits or more;
/// - any other is 24 bytes or more with the `=` of its base64 padding, and needs an entropy of
///   3.5 bits per byte. With 15 word bytes, all different, and 9 `=` the entropy is 3.40, and
///   more padding lowers it: it takes 16 word bytes.
/// The word judged lies inside a run of word bytes of the text (a marker or a flag's dashes only
/// cut it shorter), so the run is at least as long.
///
/// A run of 16 bytes, wherever it starts, covers eight bytes that start at a multiple of eight
/// (any run of 15 does). So the search looks at those eight bytes only: one load and a few
/// lane-wise tests (`WordEnd.nonTokenLanes`) per eight bytes of text.
enum LongRun {
    static let minimum = 16

    /// The start of the first eight word bytes at a multiple of eight at or after `from` (the run
    /// they belong to starts at most seven bytes before), or `bytes.count`: past the last such
    /// eight there is no run of `minimum` bytes that starts at or after `from`.
    @inline(__always)
    static func first(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        let n = bytes.count
        guard let base = bytes.baseAddress else { return n }
        let raw = UnsafeRawPointer(base)
        var w = (from + 7) & ~7
        while w + 8 <= n {
            let lanes = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: w, as: UInt64.self))
            // Word bytes lie in `+` (0x2B) ... `z` (0x7A): eight bytes with one outside that range,
            // a space or a line break most often, are told by two lane-wise tests; the others get
            // the exact one.
            if Self.hasByte(in: lanes, below: 0x2B) | Self.hasByte(in: lanes, above: 0x7A) == 0,
                WordEnd.nonTokenLanes(lanes, plus: true) == 0 { return w }
            w += 8
        }
        return n
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let high: UInt64 = 0x8080_8080_8080_8080

    /// Non-zero when some byte of `x` is below `limit` (at most 0x80).
    @inline(__always) static func hasByte(in x: UInt64, below limit: UInt8) -> UInt64 {
        (x &- ones &* UInt64(limit)) & ~x & high
    }

    /// Non-zero when some byte of `x` is above `limit` (below 0x80).
    @inline(__always) static func hasByte(in x: UInt64, above limit: UInt8) -> UInt64 {
        ((x &+ ones &* UInt64(127 - limit)) | x) & high
    }
}

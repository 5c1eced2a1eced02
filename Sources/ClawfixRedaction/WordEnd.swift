/// Where a run of token bytes (`ByteClass.isTokenByte`, and `+` when asked) ends, eight bytes at
/// a time. The memory's search and the fallback walk every word of a paste; a byte loop there
/// mispredicted the branch at the end of nearly every word, and most words fit in eight bytes:
/// one load, a few lane-wise range tests and a count of trailing zeros find the end without a
/// branch per byte.
enum WordEnd {
    private static let high: UInt64 = 0x8080_8080_8080_8080
    private static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// The first index in `start..<limit` (`limit` ≤ `bytes.count`) whose byte is not a token
    /// byte (nor `+` when `plus`), or `limit`.
    @inline(__always)
    static func from(_ start: Int, in bytes: UnsafeBufferPointer<UInt8>, limit: Int, plus: Bool) -> Int {
        var i = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= limit {
                let lanes = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let stop = nonTokenLanes(lanes, plus: plus)
                if stop != 0 { return i + stop.trailingZeroBitCount / 8 }
                i += 8
            }
        }
        if plus {
            while i < limit && (ByteClass.isTokenByte(bytes[i]) || bytes[i] == UInt8(ascii: "+")) { i += 1 }
        } else {
            while i < limit && ByteClass.isTokenByte(bytes[i]) { i += 1 }
        }
        return i
    }

    /// The high bit of each lane whose byte is not a token byte (nor `+` when `plus`).
    @inline(__always)
    static func nonTokenLanes(_ x: UInt64, plus: Bool) -> UInt64 {
        let y = x & low7  // the low seven bits; lanes with the high bit set are never token bytes
        // Lane-wise y ≥ c, for y < 0x80: y + (0x80 - c) carries into the lane's high bit and never
        // beyond it.
        @inline(__always) func atLeast(_ v: UInt64, _ c: UInt8) -> UInt64 { (v &+ ones &* UInt64(0x80 &- c)) & high }
        @inline(__always) func equal(_ v: UInt64, _ c: UInt8) -> UInt64 {
            let t = v ^ (ones &* UInt64(c))
            return ~(((t & low7) &+ low7) | t) & high
        }
        let digits = atLeast(y, 0x30) & ~atLeast(y, 0x3A)
        let folded = y | (ones &* 0x20)  // `A`–`Z` onto `a`–`z`; nothing else lands there
        let letters = atLeast(folded, 0x61) & ~atLeast(folded, 0x7B)
        var token = digits | letters | equal(y, UInt8(ascii: "_")) | equal(y, UInt8(ascii: "-"))
        if plus { token |= equal(y, UInt8(ascii: "+")) }
        return ~(token & ~(x & high)) & high
    }
}

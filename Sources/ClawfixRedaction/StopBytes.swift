/// Up to eight bytes at which a walk through a URL's path, query or a parameter's value has
/// something to decide, besides space and control bytes (`<= 0x20`), which end it. The walk
/// skips the plain bytes in between 16 at a time: a byte loop with half a dozen comparisons for
/// each byte of every URL was most of the URL detector's time.
struct StopBytes: Sendable {
    private let a, b, c, d, e, f, g, h: SIMD16<UInt8>
    private let table: ByteSet

    /// One to eight bytes.
    init(_ stops: StaticString) {
        let bytes = Array(UnsafeBufferPointer(start: stops.utf8Start, count: stops.utf8CodeUnitCount))
        let s = (0..<8).map { SIMD16<UInt8>(repeating: bytes[$0 < bytes.count ? $0 : 0]) }
        (a, b, c, d, e, f, g, h) = (s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7])
        table = ByteSet(bytes + (0...0x20).map { UInt8($0) })
    }

    /// The first place at or after `from` whose byte is `<= 0x20` or a stop; `bytes.count`
    /// when there is none.
    @inline(__always)
    func first(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        guard let base = bytes.baseAddress else { return from }
        let n = bytes.count
        let raw = UnsafeRawPointer(base)
        var i = from
        while i + 16 <= n {
            let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
            // Every type spelled out: inferred, the comparisons took the generic lane-by-lane
            // implementation.
            let low: SIMDMask<SIMD16<Int8>> = v .< SIMD16<UInt8>(repeating: 0x21)
            let m0: SIMDMask<SIMD16<Int8>> = (v .== a) .| (v .== b)
            let m1: SIMDMask<SIMD16<Int8>> = (v .== c) .| (v .== d)
            let m2: SIMDMask<SIMD16<Int8>> = (v .== e) .| (v .== f)
            let m3: SIMDMask<SIMD16<Int8>> = (v .== g) .| (v .== h)
            let m: SIMDMask<SIMD16<Int8>> = (low .| m0) .| ((m1 .| m2) .| m3)
            let lanes = unsafeBitCast(m, to: (UInt64, UInt64).self)
            if lanes.0 != 0 { return i + lanes.0.trailingZeroBitCount >> 3 }
            if lanes.1 != 0 { return i + 8 + lanes.1.trailingZeroBitCount >> 3 }
            i += 16
        }
        return table.withTable { stops in
            while i < n && !stops[Int(bytes[i])] { i += 1 }
            return i
        }
    }
}

/// The lanes of a comparison of sixteen bytes, read as plain integers. A lane that holds is all
/// ones in its byte, lane k in byte k (little-endian, as on every platform clawfix builds for).
/// The detectors that look at 16 bytes at a time (`DetectorTrigger`, `KeyContextDetector`,
/// `ValueShape`) read their comparisons through these.
extension SIMDMask where Storage == SIMD16<Int8> {
    /// A bit for each lane that holds, lane k as bit k: the top bit of each byte, gathered by a
    /// multiplication.
    @inline(__always) var bits: UInt32 {
        let words = unsafeBitCast(self, to: SIMD2<UInt64>.self)
        let gather: UInt64 = 0x0002_0408_1020_4081
        let low = ((words[0] & 0x8080_8080_8080_8080) &* gather) >> 56
        let high = ((words[1] & 0x8080_8080_8080_8080) &* gather) >> 56
        return UInt32(truncatingIfNeeded: low | high << 8)
    }

    /// Whether no lane holds: two word tests (`any(_:)` compiled to a chain of vector minimums).
    @inline(__always) var isEmpty: Bool {
        let words = unsafeBitCast(self, to: SIMD2<UInt64>.self)
        return words[0] | words[1] == 0
    }
}

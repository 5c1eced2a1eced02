@testable import ClawfixRedaction
import Foundation
import Testing

/// `ValueShape.entropy` decides against thresholds (3.5 bits for a bare word, 3.2 for a prefixed
/// token's run), so its sum must stay the same to the last bit however it is computed: the
/// reference here is the plain sum over all 128 ASCII counts in byte order.
struct EntropyTests {
    static func reference(_ v: [UInt8]) -> Double {
        guard !v.isEmpty else { return 0 }
        var counts = [Int](repeating: 0, count: 128)
        for b in v where b < 128 { counts[Int(b)] += 1 }
        let n = Double(v.count)
        var h = 0.0
        for c in counts where c > 0 {
            let p = Double(c) / n
            h -= p * log2(p)
        }
        return h
    }

    static let words = [
        "", "a", "aaaaaaaa", "3f9a6c1e8b2d4f7a9c0e1b3d5f7aa1b2", "Zq7Kx9Lm2Np4Rt6WaB3dF5gH7jK9mQ2sT4vY6zC8",
        "sk-ant-api03-Xq3vB7nK2mP9sL4tR8wY1zA6cD0eF5gH2jI4kL6mN8o", "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
        "p@ss w0rd!~`{}|\u{7F}", "ключключ-a]b]", "tr0ub4dor&3…•", "AKIAIOSFODNN7EXAMPLE",
    ]

    @Test(arguments: words)
    func sameSumAsOverAllCounts(word: String) {
        let bytes = Array(word.utf8)
        let got = bytes.withUnsafeBufferPointer { ValueShape.entropy($0[...]) }
        #expect(got.bitPattern == Self.reference(bytes).bitPattern)
    }

    /// Past 65,535 bytes the counts no longer fit in 16 bits.
    @Test func longWordCountsBeyondSixteenBits() {
        let bytes = Array(String(repeating: "Zq7Kx9Lm2Np4Rt6Wa", count: 4_000).utf8) + Array("ab".utf8)
        #expect(bytes.count > 65_535)
        let got = bytes.withUnsafeBufferPointer { ValueShape.entropy($0[...]) }
        #expect(got.bitPattern == Self.reference(bytes).bitPattern)
        let a = [UInt8](repeating: UInt8(ascii: "a"), count: 70_000) + Array("b".utf8)
        #expect(a.withUnsafeBufferPointer { ValueShape.entropy($0[...]) }.bitPattern == Self.reference(a).bitPattern)
    }
}

@testable import ClawfixRedaction
import Foundation
import Testing

/// `ValueShape.entropy` sums c·log2 c from a table instead of p·log2 p for each byte value; it must
/// give Shannon's entropy (bits per byte, over all the bytes, bytes from 0x80 not counted as
/// symbols) for short and long values, values with repeats, and values with non-ASCII bytes.
struct EntropyTests {
    static func shannon(_ bytes: [UInt8]) -> Double {
        var counts = [Int](repeating: 0, count: 128)
        for b in bytes where b < 128 { counts[Int(b)] += 1 }
        let n = Double(bytes.count)
        return counts.filter { $0 > 0 }.reduce(0.0) { h, c in h - Double(c) / n * log2(Double(c) / n) }
    }

    @Test(arguments: [
        "Qm9xT2wK8rLz5VbN3cHj7YpA", "aaaaaaaaaaaaaaaaaaaaaaaa", "ab", "Ab3De6Gh9Jk2Mn5P=========",
        "3f9a6c1e8b2d4f7a9c0e1b3d5f7aa1b2", "ключключключключ-a]b]", "x", String(repeating: "ab1", count: 700),
        String(repeating: "Zq7Kx9Lm2Np4", count: 200) + "é",
    ])
    func matchesShannon(value: String) {
        let bytes = Array(value.utf8)
        let h = bytes.withUnsafeBufferPointer { ValueShape.entropy($0[...]) }
        #expect(abs(h - Self.shannon(bytes)) < 1e-9, "\(value.prefix(30))")
    }

    @Test func knownValues() {
        func entropy(_ s: String) -> Double { Array(s.utf8).withUnsafeBufferPointer { ValueShape.entropy($0[...]) } }
        #expect(entropy("") == 0)
        #expect(entropy("aaaa") == 0)
        #expect(abs(entropy("abcd") - 2) < 1e-12)
        #expect(abs(entropy("0123456789abcdef") - 4) < 1e-12)
    }
}

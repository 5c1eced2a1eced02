import Foundation

/// Decisions about a candidate value's shape that every detector shares: placeholders and
/// existing redactions stay, hashes and identifiers stay, random-looking strings may go.
enum ValueShape {
    /// A value that is not a secret even though its key says it could be: a placeholder, a
    /// variable reference, or a marker some earlier tool (or clawfix itself) left.
    static func isPlaceholder(_ v: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
        guard let first = v.first else { return true }
        switch first {
        case UInt8(ascii: "$"), UInt8(ascii: "<"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "%"):
            return true  // ${VAR}, $VAR, <your-token>, [gateway-token …a1b2], {, %VAR%
        default: break
        }
        // ***, ..., xxxx, •••, …
        if v.allSatisfy({ $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "x")
            || $0 == UInt8(ascii: "X") || $0 >= 0x80 || $0 == UInt8(ascii: "-") }) { return true }
        // Compared as bytes: `String.contains` goes through Foundation, slow for a call per value.
        let head = v.prefix(40)
        func matches(_ word: [UInt8], at start: Int) -> Bool {
            start + word.count <= head.endIndex && word.indices.allSatisfy { ByteClass.lower(head[start + $0]) == word[$0] }
        }
        if (head.startIndex..<head.endIndex).contains(where: { matches(redacted, at: $0) })
            || matches(your, at: head.startIndex) || matches(envColon, at: head.startIndex) { return true }
        return notSecrets.contains { $0.count == head.count && matches($0, at: head.startIndex) }
    }

    private static let redacted = Array("redacted".utf8)
    private static let your = Array("your".utf8)
    private static let envColon = Array("env:".utf8)
    private static let notSecrets = ["null", "true", "false", "none", "undefined", "nil", "changeme-token", "token", "password"].map { Array($0.utf8) }

    /// Shannon entropy in bits per byte.
    static func entropy(_ v: UnsafeBufferPointer<UInt8>.SubSequence) -> Double {
        guard !v.isEmpty else { return 0 }
        // On the stack: this runs for every long word on a line that mentions a secret.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 128) { counts in
            counts.initialize(repeating: 0)
            for b in v where b < 128 { counts[Int(b)] += 1 }
            let n = Double(v.count)
            var h = 0.0
            for c in counts where c > 0 {
                let p = Double(c) / n
                h -= p * log2(p)
            }
            return h
        }
    }

    /// 8-4-4-4-12 hex: a UUID, such as a pairing `requestId` — clawfix needs these.
    static func isUUID(_ v: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
        guard v.count == 36 else { return false }
        for (k, b) in v.enumerated() {
            if k == 8 || k == 13 || k == 18 || k == 23 {
                if b != UInt8(ascii: "-") { return false }
            } else if !ByteClass.isHex(b) { return false }
        }
        return true
    }

    static func isAllHex(_ v: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
        !v.isEmpty && v.allSatisfy(ByteClass.isHex)
    }
}


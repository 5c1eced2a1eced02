import Foundation

/// Decisions about a candidate value's shape that every detector shares: placeholders and
/// existing redactions stay, hashes and identifiers stay, random-looking strings may go.
enum ValueShape {
    /// A value that is not a secret even though its key says it could be: a placeholder, a
    /// variable reference, an example from documentation, or a marker some earlier tool (or
    /// clawfix itself) left. These stay in the text: that the user pasted a placeholder is itself
    /// the finding (`token-placeholder`).
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
        // Looked at near the start only: nested keys make values overlap, and reading a whole
        // value for each key inside it would read a long one again and again.
        let head = v.prefix(40)
        // Compared as bytes: `String.contains` goes through Foundation, slow for a call per value.
        func matches(_ word: [UInt8], at start: Int) -> Bool {
            start + word.count <= head.endIndex && word.indices.allSatisfy { ByteClass.lower(head[start + $0]) == word[$0] }
        }
        // A key written out only to its prefix (`sk-ant-...`, `ghp_…`) or masked (`sk-****abcd`,
        // `ghp_xxxxxxxx…`) has a run that random key material practically never holds: three dots,
        // four `x`, three `*`, or 0xE2, which leads `…`, `•` and the other symbols (U+2000–U+2FFF)
        // such keys are shown with (key material is ASCII).
        var dots = 0, xs = 0, stars = 0
        let raw = UnsafeBufferPointer(rebasing: head)
        let found = placeholderBytes.withUnsafeBufferPointer { classes -> Bool in
            for k in raw.indices {
                let c = classes[Int(raw[k])]
                if c == 0 {
                    (dots, xs, stars) = (0, 0, 0)
                    continue
                }
                dots = c == 1 ? dots + 1 : 0
                xs = c == 2 ? xs + 1 : 0
                stars = c == 3 ? stars + 1 : 0
                switch c {
                case 1: if dots >= 3 { return true }
                case 2: if xs >= 4 { return true }
                case 3: if stars >= 3 { return true }
                case 4: return true
                case 5: if matches(redacted, at: head.startIndex + k) { return true }
                case 6: if matches(example, at: head.startIndex + k) { return true }
                default: if matches(placeholder, at: head.startIndex + k) { return true }
                }
            }
            return false
        }
        if found { return true }
        if leadingWords.contains(where: { matches($0, at: head.startIndex) }) { return true }
        return v.count <= 9 && notSecrets.contains { $0.count == v.count && matches($0, at: head.startIndex) }
    }

    /// What each byte may start or continue in `isPlaceholder`: 1 `.`, 2 `x`, 3 `*`, 4 0xE2, and
    /// the first letters of the words looked for, 5 `r`, 6 `e`, 7 `p`; 0 nothing.
    private static let placeholderBytes: [UInt8] = (0...255).map { b in
        switch UInt8(b) {
        case UInt8(ascii: "."): return 1
        case UInt8(ascii: "x"), UInt8(ascii: "X"): return 2
        case UInt8(ascii: "*"): return 3
        case 0xE2: return 4
        case UInt8(ascii: "r"), UInt8(ascii: "R"): return 5
        case UInt8(ascii: "e"), UInt8(ascii: "E"): return 6
        case UInt8(ascii: "p"), UInt8(ascii: "P"): return 7
        default: return 0
        }
    }

    // Anywhere in the value: `__OPENCLAW_REDACTED__`, AWS's documented `AKIAIOSFODNN7EXAMPLE`.
    private static let redacted = Array("redacted".utf8)
    private static let example = Array("example".utf8)
    private static let placeholder = Array("placeholder".utf8)
    /// At its start: `your-token-here`, `env:VAR`, `changeme`, `change-me-to-a-long-random-token`
    /// (the `.env.example` value the gateway itself refuses since 2026.4.12), `replace-with-…`.
    private static let leadingWords = ["your", "env:", "changeme", "change-me", "change_me", "replace", "insert-", "insert_"]
        .map { Array($0.utf8) }
    /// The whole value: JSON and language literals, and words that name a field instead of filling it.
    private static let notSecrets = ["null", "true", "false", "none", "undefined", "nil", "token", "password", "new", "this", "self"]
        .map { Array($0.utf8) }

    /// Shannon entropy in bits per byte.
    static func entropy(_ v: UnsafeBufferPointer<UInt8>.SubSequence) -> Double {
        guard !v.isEmpty else { return 0 }
        // On the stack: this runs for every long word on a line that mentions a secret.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 128) { counts in
            counts.initialize(repeating: 0)
            var counted = 0
            for b in v where b < 128 {
                counts[Int(b)] += 1
                counted += 1
            }
            // -Σ p·log2 p with p = c/n is (m·log2 n - Σ c·log2 c) / n, m the bytes counted: one
            // logarithm per value instead of one per byte value in it, the others from a table.
            let n = Double(v.count)
            var sum = 0.0
            for c in counts where c > 1 {
                sum += c < cLog2c.count ? cLog2c[c] : Double(c) * log2(Double(c))
            }
            return (Double(counted) * log2(n) - sum) / n
        }
    }

    /// c·log2 c for the counts a word of ordinary length has.
    private static let cLog2c: [Double] = (0..<1024).map { $0 < 2 ? 0 : Double($0) * log2(Double($0)) }

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


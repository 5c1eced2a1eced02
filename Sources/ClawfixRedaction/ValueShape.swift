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
        let head = v.prefix(64)
        // Compared as bytes: `String.contains` goes through Foundation, slow for a call per value.
        func matches(_ word: [UInt8], at start: Int) -> Bool {
            start + word.count <= head.endIndex && word.indices.allSatisfy { ByteClass.lower(head[start + $0]) == word[$0] }
        }
        // A key written out only to its prefix (`sk-ant-...`, `ghp_…`) or masked (`sk-****abcd`,
        // `ghp_xxxxxxxx…`) has a run that random key material practically never holds: three dots,
        // four `x`, three `*`, or 0xE2, which leads `…`, `•` and the other symbols (U+2000–U+2FFF)
        // such keys are shown with (key material is ASCII).
        var dots = 0, xs = 0, stars = 0
        for p in head.indices {
            let b = head[p]
            dots = b == UInt8(ascii: ".") ? dots + 1 : 0
            xs = b == UInt8(ascii: "x") || b == UInt8(ascii: "X") ? xs + 1 : 0
            stars = b == UInt8(ascii: "*") ? stars + 1 : 0
            if dots >= 3 || xs >= 4 || stars >= 3 || b == 0xE2 { return true }
            switch ByteClass.lower(b) {
            case UInt8(ascii: "r"), UInt8(ascii: "e"), UInt8(ascii: "p"):
                if containedWords.contains(where: { matches($0, at: p) }) { return true }
            default: break
            }
        }
        if leadingWords.contains(where: { matches($0, at: head.startIndex) }) { return true }
        return notSecrets.contains { $0.count == v.count && matches($0, at: head.startIndex) }
    }

    /// Anywhere in the value: `__OPENCLAW_REDACTED__`, AWS's documented `AKIAIOSFODNN7EXAMPLE`.
    private static let containedWords = ["redacted", "example", "placeholder"].map { Array($0.utf8) }
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


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
        if !mayHoldPlaceholderRun(head) { return startsOrIsWord(head, count: v.count) }
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
        return startsOrIsWord(head, count: v.count)
    }

    /// False when `head` holds none of the bytes and pairs every run and word `isPlaceholder`
    /// looks for in it begins with: `.`, `*`, 0xE2, `xx`, `re` (`redacted`), `ex` (`example`),
    /// `pl` (`placeholder`), in either case. Random key material seldom does (hex never), and
    /// a vector test of sixteen bytes at a time turns it away without the byte loop.
    @inline(__always) private static func mayHoldPlaceholderRun(_ head: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
        let count = head.count
        // Sixteen bytes and the byte after them are read from each block: past the head when
        // the input goes on, the byte loop when it does not.
        let blocks = (count + 15) >> 4
        guard let base = head.base.baseAddress, head.startIndex + blocks * 16 + 1 <= head.base.count else { return true }
        typealias Bytes = SIMD16<UInt8>
        func all(_ b: UInt8) -> Bytes { Bytes(repeating: b) }  // against a vector, not a scalar: see KeyContextDetector
        for block in 0..<blocks {
            let p = UnsafeRawPointer(base + head.startIndex + block * 16)
            let current = p.loadUnaligned(as: Bytes.self)
            let next = p.loadUnaligned(fromByteOffset: 1, as: Bytes.self)
            // `| 0x20` lowercases the letters and maps no other byte onto one.
            let lowered = current | all(0x20), nextLowered = next | all(0x20)
            let single = (current .== all(UInt8(ascii: "."))) .| (current .== all(UInt8(ascii: "*"))) .| (current .== all(0xE2))
            let x = lowered .== all(UInt8(ascii: "x")), e = lowered .== all(UInt8(ascii: "e"))
            let pair = (x .& (nextLowered .== all(UInt8(ascii: "x"))))
                .| ((lowered .== all(UInt8(ascii: "r"))) .& (nextLowered .== all(UInt8(ascii: "e"))))
                .| (e .& (nextLowered .== all(UInt8(ascii: "x"))))
                .| ((lowered .== all(UInt8(ascii: "p"))) .& (nextLowered .== all(UInt8(ascii: "l"))))
            // Only the lanes inside the head count.
            let inside = count - block * 16
            let lanes = (single .| pair).bits
            if (inside >= 16 ? lanes : lanes & (1 << UInt32(inside) - 1)) != 0 { return true }
        }
        return false
    }

    /// The value starts with a word of a placeholder or is a word that is not a value. By its
    /// first letter, so a value is compared with the one or two words it could be.
    private static func startsOrIsWord(_ head: UnsafeBufferPointer<UInt8>.SubSequence, count: Int) -> Bool {
        func starts(_ word: StaticString) -> Bool {
            let w = word.utf8Start
            return word.utf8CodeUnitCount <= head.count
                && (0..<word.utf8CodeUnitCount).allSatisfy { ByteClass.lower(head[head.startIndex + $0]) == w[$0] }
        }
        func `is`(_ word: StaticString) -> Bool { count == word.utf8CodeUnitCount && starts(word) }
        // At its start: `your-token-here`, `env:VAR`, `changeme`, `change-me-to-a-long-random-token`
        // (the `.env.example` value the gateway itself refuses since 2026.4.12), `replace-with-…`.
        // The whole value: JSON and language literals, and words that name a field instead of filling it.
        switch ByteClass.lower(head[head.startIndex]) {
        case UInt8(ascii: "y"): return starts("your")
        case UInt8(ascii: "e"): return starts("env:")
        case UInt8(ascii: "c"): return starts("changeme") || starts("change-me") || starts("change_me")
        case UInt8(ascii: "r"): return starts("replace")
        case UInt8(ascii: "i"): return starts("insert-") || starts("insert_")
        case UInt8(ascii: "n"): return `is`("null") || `is`("none") || `is`("nil") || `is`("new")
        case UInt8(ascii: "t"): return `is`("true") || `is`("token") || `is`("this")
        case UInt8(ascii: "f"): return `is`("false")
        case UInt8(ascii: "u"): return `is`("undefined")
        case UInt8(ascii: "p"): return `is`("password")
        case UInt8(ascii: "s"): return `is`("self")
        default: return false
        }
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
    /// Shannon entropy in bits per byte.
    static func entropy(_ v: UnsafeBufferPointer<UInt8>.SubSequence) -> Double {
        guard !v.isEmpty else { return 0 }
        // On the stack: this runs for every long word on a line that mentions a secret. Counts
        // of 16 bits (a quarter of the memory to clear) where the word is short enough, and the
        // bytes seen kept as bits, so the sum visits only those, in the same order as a walk
        // over all 128 (the same sum, to the last bit).
        guard v.count <= Int(UInt16.max) else { return entropy(v, counting: Int.self) }
        return entropy(v, counting: UInt16.self)
    }

    @inline(__always) private static func entropy<Count: FixedWidthInteger>(
        _ v: UnsafeBufferPointer<UInt8>.SubSequence, counting: Count.Type
    ) -> Double {
        withUnsafeTemporaryAllocation(of: Count.self, capacity: 128) { counts in
            counts.initialize(repeating: 0)
            var seen: (UInt64, UInt64) = (0, 0)
            for b in v where b < 128 {
                counts[Int(b)] &+= 1
                if b < 64 { seen.0 |= 1 << UInt64(b) } else { seen.1 |= 1 << UInt64(b - 64) }
            }
            let n = Double(v.count)
            var h = 0.0
            func add(_ half: UInt64, from offset: Int) {
                var bits = half
                while bits != 0 {
                    let p = Double(counts[offset + bits.trailingZeroBitCount]) / n
                    h -= p * log2(p)
                    bits &= bits - 1
                }
            }
            add(seen.0, from: 0)
            add(seen.1, from: 64)
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


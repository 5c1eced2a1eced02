@testable import ClawfixRedaction
import Testing

/// The key-context scan looks for separators sixteen bytes at a time, and the byte before a
/// space or comma (the end of a flag's name, a closing quote) may lie in the block before; the
/// last bytes of the input go one at a time. So each shape of key and value is tried with its
/// separator at every offset within a block, and with and without text after it (in a block or
/// in the tail).
struct KeyContextBlockTests {
    static let value = "Zq7Kx9Lm2Np4Rt6W"
    /// `KEY=value`, `key: value`, `--flag value`, `("key", "value")`, `key%3Dvalue`, and a
    /// second key whose value starts in the block the first one's value ends in.
    static let shapes = [
        "OPENCLAW_GATEWAY_TOKEN=\(value)",
        "  token: \(value)",
        "docker login --password \(value)",
        "System.setProperty(\"db.password\", \"\(value)\");",
        "redirect_uri=https%3A%2F%2Fgw.example.net%2Fcb%3Fapi_key%3D\(value)",
    ]

    @Test(arguments: shapes)
    func separatorAtEveryOffsetOfABlock(line: String) {
        for pad in 0..<34 {
            for after in ["", "\nhooks: configured for the gateway in this paste\n"] {
                let text = String(repeating: "\n", count: pad) + line + after
                let bytes = Array(text.utf8)
                var found: [SecretCandidate] = []
                bytes.withUnsafeBufferPointer { KeyContextDetector().scan($0, into: &found) }
                let start = pad + line.utf8.count - Self.value.utf8.count - (line.hasSuffix("\");") ? 3 : 0)
                #expect(found.map { [$0.start, $0.end] } == [[start, start + Self.value.utf8.count]], "pad \(pad), \(after.count) after")
                #expect(found.map(\.detector) == ["key-context"])
            }
        }
    }

    /// Two values whose keys are a few bytes apart: the second separator is in the block the
    /// first value was found from, after the place the scan moved on to.
    @Test func secondKeyInTheSameBlock() {
        for pad in 0..<17 {
            let text = String(repeating: "\n", count: pad) + "pwd=ab1 pwd=cd2 token=ef3\n"
            let bytes = Array(text.utf8)
            var found: [SecretCandidate] = []
            bytes.withUnsafeBufferPointer { KeyContextDetector().scan($0, into: &found) }
            #expect(found.map { [$0.start - pad, $0.end - pad] } == [[4, 7], [12, 15], [22, 25]], "pad \(pad)")
        }
    }

    /// What may follow a bare value, and where the value then ends (bytes of the value that
    /// come after it): a space, a tab, a closing byte; `&`, `;`, `#` and `%26` only before the
    /// next key; trailing commas and semicolons are syntax. The value ends are found sixteen
    /// bytes at a time, so each is tried at every offset.
    static let valueEnds: [(after: String, kept: String)] = [
        (" --verbose\n", ""), ("\tdone\n", ""), ("\n", ""), ("\"}\n", ""), ("'\n", ""), (")\n", ""), ("}\n", ""),
        ("]\n", ""), (">\n", ""), ("`\n", ""), ("</token>\n", ""), ("&session=4\n", ""), (";EndpointSuffix=core\n", ""),
        ("#section=2\n", ""), ("%26next=1\n", ""), (",;\n", ""), ("&3\n", "&3"), (";x\n", ";x"), ("#2\n", "#2"), ("%2F\n", "%2F"),
    ]

    @Test func bareValueEndsAtEveryOffset() {
        let material = Array("Zq7Kw9Lm2Nb4Rt6WaB3dF5gH7jK9mQ2sT4vY6zC8".utf8)
        for (after, kept) in Self.valueEnds {
            for pad in 0..<16 {
                for length in 3...material.count {
                    let key = String(repeating: "\n", count: pad) + "OPENCLAW_GATEWAY_TOKEN="
                    let bytes = Array(key.utf8) + material.prefix(length) + Array(after.utf8)
                    var found: [SecretCandidate] = []
                    bytes.withUnsafeBufferPointer { KeyContextDetector().scan($0, into: &found) }
                    let start = key.utf8.count
                    #expect(found.first.map { [$0.start, $0.end] } == [start, start + length + kept.utf8.count],
                            "\(after.debugDescription) after \(length), pad \(pad)")
                }
            }
        }
    }

    /// The walk back over a key tests its bytes with two words of bits, which must say what
    /// `ByteClass.isKeyByte` says of every byte.
    @Test func keyByteBitsAgreeWithTheByteClass() {
        for b in UInt8.min...UInt8.max {
            #expect(KeyContextDetector.isKeyByte(b) == ByteClass.isKeyByte(b), "byte \(b)")
        }
    }
}

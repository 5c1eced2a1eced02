import ClawfixRedaction
import Testing

/// Where a word ends decides whether a remembered value is found bare: the value must be the
/// whole word. The memory's search and the fallback find word ends eight bytes at a time, so
/// the value is tried at every offset within those eight and next to each byte at the edges of
/// the ranges a word is made of (`/` and `:` around the digits, `@` and `[` around the upper
/// case, `` ` `` and `{` around the lower case, a UTF-8 lead byte).
struct WordBoundaryTests {
    static let value = "Zq7Kx9Lm2Np4"
    /// Several values, so that the memory looks for more than one in the same words.
    static let env = """
        OPENCLAW_GATEWAY_TOKEN=\(value)
        DB_PASSWORD=h7Rt2wQx9
        REDIS_PASSWORD=p4Lk8mZc1
        SMTP_PASSWORD=t6Vb3nHs0
        MQTT_PASSWORD=w2Jd5gFy7

        """

    @Test(arguments: ["/", ":", "@", "[", "`", "{", "é", "+", ".", "\"", "\t"])
    func valueEndsBeforeANonWordByte(after: String) {
        for pad in 0..<9 {
            var redactor = Redactor()
            let text = "\(Self.env)\(String(repeating: " ", count: pad))\(Self.value)\(after) was printed\n"
            let redacted = redactor.redact(text)
            #expect(!redacted.text.contains(Self.value), "pad \(pad), then \(after)")
            #expect(redacted.findings.map(\.detector) == Array(repeating: "key-context", count: 5) + ["memory"], "pad \(pad), then \(after)")
        }
    }

    @Test(arguments: ["0", "9", "A", "Z", "a", "z", "_", "-"])
    func valueInsideALongerWordStays(after: String) {
        for pad in 0..<9 {
            var redactor = Redactor()
            let text = "\(Self.env)\(String(repeating: " ", count: pad))\(Self.value)\(after) was printed\n"
            let redacted = redactor.redact(text)
            #expect(redacted.text.hasSuffix("\(Self.value)\(after) was printed\n"), "pad \(pad), then \(after)")
            #expect(redacted.findings.map(\.detector) == Array(repeating: "key-context", count: 5), "pad \(pad), then \(after)")
        }
    }
}

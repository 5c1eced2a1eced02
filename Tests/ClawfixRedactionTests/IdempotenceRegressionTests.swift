import ClawfixRedaction
import Testing

/// Inputs libFuzzer found on which redacting the output again changed it (copies of the files
/// in `Fuzz/Regressions/FuzzRedactor/`). A marker's words must never become context.
struct IdempotenceRegressionTests {
    /// `non-idempotent-high-entropy`: line 2 has no secret word of its own, but once line 2's
    /// memory hit became `[gateway-token]`, the marker's "token" made the glued hex run beside it
    /// look like a high-entropy secret on the second pass.
    @Test func markerWordsAreNotContext() {
        let bytes: [UInt8] = Array("LAW_GATEWAY_TOKEN=3f9h0b9a87\nd4e21a&c5bd2f09e8d7Z6b5e21a6LAW_GATEW_YOATKEN=3f9h0b9a87\nd4e21a&c5bd2f09ennected (1008[".utf8)
            + [0xB0] + Array("m\r\n".utf8)
        var redactor = Redactor()
        let first = redactor.redact(PastedInput(bytes: bytes))
        #expect(first.text == "LAW_GATEWAY_TOKEN=[gateway-token]\nd4e21a&c5bd2f09e8d7Z6b5e21a6LAW_GATEW_YOATKEN=[gateway-token]\nd4e21a&c5bd2f09ennected (1008[\u{FFFD}m\n")
        #expect(first.findings == [
            RedactionFinding(kind: .gatewayToken, detector: "key-context", line: 1, start: 18, end: 28, marker: "[gateway-token]"),
            RedactionFinding(kind: .gatewayToken, detector: "memory", line: 2, start: 75, end: 85, marker: "[gateway-token]"),
        ])
        var again = Redactor()
        let second = again.redact(first.text)
        #expect(second.text == first.text)
        #expect(second.findings == [])
    }
}

extension IdempotenceRegressionTests {
    /// `non-idempotent-url-secret`: the first URL's query scan ran on over a second `://`, so
    /// that URL was never looked at — until the first password's marker (which has a space)
    /// ended the first URL early on the second pass.
    @Test func nextURLStartsAtItsScheme() {
        let bytes: [UInt8] = [99, 112, 105, 95, 7, 1, 0, 58, 47, 47, 58, 58, 58, 58, 110, 45, 45, 45, 45, 80, 69, 84, 65, 43, 84, 79, 75, 69, 78, 61, 45, 45, 45, 45, 37, 45, 64, 65, 87, 97, 110, 103, 115, 101, 100, 99, 114, 101, 116, 69, 78, 65, 84, 158, 105, 110, 112, 105, 95, 7, 1, 0, 58, 47, 47, 58, 58, 58, 58, 110, 45, 45, 45, 45, 80, 69, 84, 132, 132, 132, 132, 132, 132, 132, 132, 65, 43, 84, 79, 75, 69, 78, 61, 45, 45, 45, 45, 37, 45, 64, 65, 87, 97, 110, 103, 115, 101, 100, 99, 114, 101, 116, 78, 61, 45, 45, 45, 45, 37, 45, 64, 65, 87, 48, 38, 61, 50, 102, 48, 57, 51]
        var redactor = Redactor()
        let first = redactor.redact(PastedInput(bytes: bytes))
        #expect(first.text == "cpi_://:[password …--%-]@AWangsedcretENAT\u{FFFD}inpi_://:[password …--%-]@AW0&=2f093")
        #expect(first.findings == [
            RedactionFinding(kind: .password, detector: "url-secret", line: 1, start: 8, end: 33, marker: "[password …--%-]"),
            RedactionFinding(kind: .password, detector: "url-secret", line: 1, start: 62, end: 132, marker: "[password …--%-]"),
        ])
        var again = Redactor()
        let second = again.redact(first.text)
        #expect(second.text == first.text)
        #expect(second.findings == [])
    }
}

extension IdempotenceRegressionTests {
    /// `key-context-after-marker`: `TOKEN=` took the rest of the line as its value, so the
    /// `bapi-key=` inside it was never looked at; the URL password that starts earlier overlaps
    /// that value and wins, the value is dropped — and on the second pass, with the marker in
    /// place of `TOKEN=`, `bapi-key=EW9atN.` was found. Keys inside a value are looked at now.
    @Test func keyInsideADroppedValueIsFound() {
        let bytes: [UInt8] = [79, 80, 46, 46, 78, 46, 78, 46, 96, 46, 61, 10, 46, 49, 61, 46, 46, 46, 46, 112, 105, 95, 7, 1, 0, 58, 47, 47, 58, 58, 58, 58, 110, 45, 45, 45, 45, 80, 69, 84, 65, 43, 84, 79, 75, 69, 78, 61, 45, 45, 45, 45, 37, 45, 64, 65, 87, 97, 110, 103, 115, 112, 115, 105, 118, 97, 215, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 244, 223, 223, 223, 223, 223, 223, 223, 45, 102, 57, 77, 0, 0, 0, 78, 46, 98, 97, 112, 105, 45, 107, 101, 121, 61, 69, 87, 57, 97, 116, 78, 46]
        var redactor = Redactor()
        let first = redactor.redact(PastedInput(bytes: bytes))
        let invalid = String(repeating: "\u{FFFD}", count: 28)
        #expect(first.text == "OP..N.N.`.=\n.1=....pi_://:[password …--%-]@AWangspsiva\(invalid)-f9MN.bapi-key=[secret]")
        #expect(first.findings == [
            RedactionFinding(kind: .password, detector: "url-secret", line: 2, start: 26, end: 51, marker: "[password …--%-]"),
            RedactionFinding(kind: .genericSecret, detector: "key-context", line: 2, start: 162, end: 169, marker: "[secret]"),
        ])
        var again = Redactor()
        let second = again.redact(first.text)
        #expect(second.text == first.text)
        #expect(second.findings == [])
    }

    /// The same shape in a realistic paste: the URL password `TOKEN=x1y2z3` starts before the
    /// `TOKEN=` value, which runs on to the end of the word; the `secret_key` behind it goes too.
    @Test func nestedKeyAfterAURLPassword() {
        var redactor = Redactor()
        let first = redactor.redact("jdbc=https://app:TOKEN=x1y2z3@db/app;secret_key=EW9atNq2\n")
        #expect(first.text == "jdbc=https://app:[password]@db/app;secret_key=[secret]\n")
        #expect(first.findings.map(\.detector) == ["url-secret", "key-context"])
        var again = Redactor()
        #expect(again.redact(first.text).text == first.text)
    }
}

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

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

import ClawfixRedaction
import ClawfixTestSupport
import Testing

/// The paste shapes of issue 14 (`RedactionShapes`): each secret goes with its exact span and
/// kind, every other byte stays — placeholders, user names, ids and words beside them included —
/// and a second pass changes nothing.
struct RedactionShapesTests {
    @Test(arguments: RedactionShapes.documents.map(\.name))
    func shapeIsRedactedExactly(name: String) {
        MarkedRedaction.expectRedactedExactly(RedactionShapes.documents.first { $0.name == name }!.marked, name: name)
    }

    @Test(arguments: RedactionShapes.documents.map(\.name))
    func redactingAShapeTwiceIsIdempotent(name: String) {
        MarkedRedaction.expectIdempotent(RedactionShapes.documents.first { $0.name == name }!.marked)
    }

    /// Placeholders are what the diagnosis needs to see (`token-placeholder`): they come out
    /// verbatim, not as a marker.
    @Test func placeholdersReachTheDiagnosisVerbatim() {
        var redactor = Redactor()
        for line in ["OPENCLAW_GATEWAY_TOKEN=change-me-to-a-long-random-token", "OPENCLAW_GATEWAY_TOKEN=undefined",
                     "OPENCLAW_GATEWAY_TOKEN=__OPENCLAW_REDACTED__", "ANTHROPIC_API_KEY=sk-ant-...",
                     "OPENCLAW_GATEWAY_TOKEN=${OPENCLAW_GATEWAY_TOKEN:=changeme}", "GH_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"] {
            let result = redactor.redact(line)
            #expect(result.text == line)
            #expect(result.findings.isEmpty, "\(line)")
        }
    }

    /// A password never shows its last characters, however long; a generated key of 16 or more
    /// characters keeps four, as its provider shows it; anything shorter shows none.
    @Test func markersShowLastFourOnlyOfLongKeys() {
        var redactor = Redactor()
        let result = redactor.redact("""
            OPENCLAW_GATEWAY_PASSWORD=correct-horse-battery-staple
            $ curl -u omer:a-very-long-passphrase-indeed https://gw.example.net/
            ANTHROPIC_API_KEY=sk-ant-api03-Xq3vB7nK2mP9sL4tR8wY1zA6cD0eF5gH-jI2kL7mN3oP9qR4sT8uV1wX6yZ0aB5cD-EfGhAA
            API_TOKEN=short-tok-1
            """)
        #expect(result.findings.map(\.marker) == ["[gateway-password]", "[password]", "[anthropic-api-key …GhAA]", "[secret]"])
    }

    /// The memory of values found has no cap: values found after hundreds of others (it once
    /// kept 256) are still redacted when they come back bare later in a long log.
    @Test func memoryHasNoCap() {
        var redactor = Redactor()
        let env = (0..<1_000).map { "SERVICE_\($0)_TOKEN=9c1e\(String($0 * 7_919, radix: 16))f3a5c7e9b1d3\n" }.joined()
        #expect(redactor.redact(env).findings.count == 1_000)
        #expect(redactor.memory.secrets.count == 1_000)
        // Values 999 (7,911,081 = 0x78b6a9) and 500 (3,959,500 = 0x3c6acc).
        let later = redactor.redact("gateway log: auth failed for 9c1e78b6a9f3a5c7e9b1d3 and 9c1e3c6accf3a5c7e9b1d3\n")
        #expect(later.text == "gateway log: auth failed for [secret …b1d3] and [secret …b1d3]\n")
        #expect(later.findings.map(\.detector) == ["memory", "memory"])
    }
}

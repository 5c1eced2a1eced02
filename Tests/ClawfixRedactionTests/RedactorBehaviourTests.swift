import ClawfixRedaction
import Foundation
import Testing

struct RedactorBehaviourTests {
    /// A value found in context is remembered and goes again when pasted bare later.
    @Test func memoryRedactsLaterBareOccurrences() {
        var redactor = Redactor()
        _ = redactor.redact("OPENCLAW_GATEWAY_PASSWORD=topsecretomer\n")
        let later = redactor.redact("I typed topsecretomer into the settings box")
        #expect(later.text == "I typed [gateway-password] into the settings box")
        #expect(later.findings.map(\.detector) == ["memory"])
        // A copy carries the memory; a fresh redactor does not know it.
        var fresh = Redactor()
        #expect(fresh.redact("I typed topsecretomer").findings.isEmpty)
    }

    @Test func markerKeepsLastFourOnlyForLongValues() {
        #expect(RedactionMarker.marker(for: "3f9a6c1e8b2d4f7a9c0e1b3d5f7aa1b2", kind: .gatewayToken) == "[gateway-token …a1b2]")
        #expect(RedactionMarker.marker(for: "123456", kind: .password) == "[password]")
        // Only printable ASCII is shown: a marker is read back as four bytes and `]`.
        #expect(RedactionMarker.marker(for: "3f9a6c1e8b2d4f7a9c0e1b3d5f7aключ", kind: .gatewayToken) == "[gateway-token]")
        #expect(RedactionMarker.marker(for: "3f9a6c1e8b2d4f7a9c0e1b3d5f7a\tb\nc", kind: .gatewayToken) == "[gateway-token]")
        #expect(RedactionMarker.marker(for: "ключключключключ-a]b]", kind: .genericSecret) == "[secret …a]b]]")
    }

    @Test func gatewayAdviceSaysHowToRotate() {
        let advice = SecretExposure.advice(for: [.gatewayToken])
        for phrase in ["openssl rand -hex 32", "gateway.auth.token", "OPENCLAW_GATEWAY_TOKEN", ".env",
                       "openclaw dashboard --no-open", "4001", "gateway auth changed"] {
            #expect(advice.contains(phrase), "\(phrase)")
        }
    }

    @Test func invalidUTF8AndEscapesDoNotSplitASecret() {
        let bytes: [UInt8] = Array("OPENCLAW_GATEWAY_TOKEN=\u{1B}[31m".utf8) + Array("e4b6d8f0a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9\n".utf8) + [0xFF, 0x00]
        var redactor = Redactor()
        let result = redactor.redact(PastedInput(bytes: bytes))
        #expect(result.text == "OPENCLAW_GATEWAY_TOKEN=[gateway-token …a7c9]\n\u{FFFD}")
    }
}

import ClawfixEvidence
import Testing

/// The CLI's plaintext guard names the URL it refused; that URL tells a CLI container dialling the
/// compose service name apart from a remote target.
@Suite struct PlaintextGuardTargetTests {
    @Test func securityErrorGivesTheRefusedURL() {
        let document = PasteDocument(redactedText: """
            $ docker compose run --rm openclaw-cli devices list --url ws://openclaw-gateway:18789
            SECURITY ERROR: Gateway URL "ws://openclaw-gateway:18789" uses plaintext ws:// to a non-loopback address.
            Both credentials and chat data would be exposed to network interception.
            """)
        let facts = EvidenceReader.standard.read(document)
        #expect(facts.contains { $0.name == .cliTarget && $0.value == "ws://openclaw-gateway:18789" && $0.line == 2 })
        #expect(facts.contains { $0.name == .symptom && $0.value == "plaintext-ws-refused" && $0.line == 2 })
    }

    @Test func proseAboutTheGuardGivesNoTarget() {
        let document = PasteDocument(redactedText: "why does it say Gateway URL \"ws://x\" is plaintext?")
        #expect(!EvidenceReader.standard.read(document).contains { $0.name == .cliTarget })
    }
}

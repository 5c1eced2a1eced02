import ClawfixEvidence
import ClawfixRedaction
import Foundation
import Testing

/// Inputs that almost match a redaction detector or an extractor, 1 MB each: every scan must stay
/// linear (finish well inside the bound even in debug) and find nothing that is not there.
@Suite struct NearMatchTests {
    static let megabyte = 1 << 20

    /// Redaction and extraction of `text`, with the time both took.
    func analyse(_ text: String) -> (seconds: Double, redacted: RedactedText, facts: [Fact]) {
        var redacted: RedactedText?
        var facts: [Fact] = []
        let seconds = Hostile.seconds {
            var redactor = Redactor()
            redacted = redactor.redact(PastedInput(text))
            facts = EvidenceReader.standard.read(redacted!)
        }
        return (seconds, redacted!, facts)
    }

    @Test func longBase64RunWithoutKeyIsBoundedAndFactFree() {
        // One 1 MB "word" of base64 alphabet: the entropy detector sees a single candidate.
        let result = analyse(Hostile.run("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODkrLw", count: Self.megabyte))
        #expect(result.seconds < Hostile.sanitySeconds)
        #expect(result.facts.isEmpty)
    }

    @Test func tokenEqualsWithoutEndIsRedactedNotEchoed() {
        let tail = Hostile.run("0123456789abcdef", count: Self.megabyte)
        let result = analyse("OPENCLAW_GATEWAY_TOKEN=" + tail)
        #expect(result.seconds < Hostile.sanitySeconds)
        #expect(!result.redacted.text.contains(String(tail.prefix(64))))
        #expect(result.redacted.findings.count >= 1)
    }

    @Test func manyTokenEqualsPrefixesWithoutValues() {
        let result = analyse(String(repeating: "token=", count: Self.megabyte / 6))
        #expect(result.seconds < Hostile.sanitySeconds)
        #expect(result.facts.isEmpty)
    }

    @Test func unterminatedPrivateKeyBlockIsRedactedToTheEnd() {
        let body = Hostile.run("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ\n", count: Self.megabyte)
        let result = analyse("-----BEGIN PRIVATE KEY-----\n" + body)
        #expect(result.seconds < Hostile.sanitySeconds)
        #expect(!result.redacted.text.contains("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ"))
        #expect(result.facts.isEmpty)
    }

    @Test func manyPEMHeadersWithoutBodies() {
        let result = analyse(String(repeating: "-----BEGIN OPENSSH PRIVATE KEY-----\n", count: Self.megabyte / 36))
        #expect(result.seconds < Hostile.sanitySeconds)
        #expect(result.facts.isEmpty)
    }

    @Test func dockerPsHeaderFollowedByJunkGivesNoContainers() {
        let header = "CONTAINER ID   IMAGE            COMMAND                  CREATED         STATUS                   PORTS                                                                     NAMES\n"
        let junk = Hostile.run("lorem ipsum dolor sit amet   consectetur  adipiscing\n", count: Self.megabyte)
        let result = analyse(header + junk)
        #expect(result.seconds < Hostile.sanitySeconds)
        #expect(!result.facts.contains { $0.name.rawValue.hasPrefix("docker.") && $0.value.contains("lorem") })
        #expect(result.facts.allSatisfy { $0.value.utf8.count < 1024 })
    }

    @Test func closedBeforeConnectWithAMegabyteOfKeys() {
        let keys = Hostile.run("k=v ", count: Self.megabyte)
        let line = "[ws] closed before connect conn=2b7c0a51 peer=172.18.0.1:53422->172.18.0.2:18789 " + keys + " remote=172.18.0.1\n"
        let result = analyse(line)
        #expect(result.seconds < Hostile.sanitySeconds)
        #expect(result.facts.allSatisfy { $0.value.utf8.count < 1024 })
    }

    @Test func manyClosedBeforeConnectPrefixesWithoutKeys() {
        let result = analyse(String(repeating: "[ws] closed before connect\n", count: Self.megabyte / 27))
        #expect(result.seconds < Hostile.sanitySeconds)
        #expect(result.facts.allSatisfy { $0.value.utf8.count < 1024 })
    }

    @Test func nearMissErrorStringsAreNotSymptoms() {
        // Every §6 string with one letter changed, repeated to 1 MB.
        let block = """
            disconnected (1008): pairing requirex
            gateway closed (1008): pairinq required
            unauthorized: gateway token missinG
            origin not alowed
            control ui requires HTTPS or localhosd (secure context)

            """
        let result = analyse(String(repeating: block, count: Self.megabyte / block.utf8.count))
        #expect(result.seconds < Hostile.sanitySeconds)
        #expect(!result.facts.contains { $0.value == "pairing-required" })
    }

    @Test func jwtAndTelegramShapesWithoutTheirEnds() {
        let text = String(repeating: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIx. 123456789:AAH ", count: Self.megabyte / 48)
        let result = analyse(text)
        #expect(result.seconds < Hostile.sanitySeconds)
        #expect(result.facts.isEmpty)
    }

    @Test func urlWithEndlessQuery() {
        let result = analyse("http://127.0.0.1:18789/?token=" + Hostile.run("ab", count: Self.megabyte))
        #expect(result.seconds < Hostile.sanitySeconds)
        #expect(!result.redacted.text.contains(Hostile.run("ab", count: 128)))
    }
}

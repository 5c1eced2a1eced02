import ClawfixDiagnosis
import Testing
@testable import ClawfixFrontEnds

struct RendererTests {
    static let report = DiagnosisReport(
        diagnoses: [
            RankedDiagnosis(
                id: "docker-nat-not-local", title: "Docker NAT makes the browser remote", confidence: 0.72,
                evidence: [
                    EvidenceLine(line: 3, text: "[ws] closed before connect remote=172.18.0.1 code=1008 reason=pairing required")
                ],
                fix: "Approve from inside the container:\n`docker compose exec openclaw-gateway node dist/index.js devices list`"),
            RankedDiagnosis(
                id: "pairing-not-approved", title: "Device not approved", confidence: 0.2,
                evidence: [EvidenceLine(line: nil, text: "it's docker")], fix: "openclaw devices approve"),
        ],
        next: NextQuestion(
            question: "Which version runs?", commands: ["docker exec openclaw-gateway node dist/index.js --version"],
            why: "2026.4 auto-approves NAT clients."),
        facts: [FactRecord(name: "docker.gateway-container", value: "openclaw-gateway", line: 1)],
        redactions: [RedactionRecord(kind: "gateway-token", line: 2)],
        advisories: [Advisory(id: "secret-exposed", message: "Rotate the gateway token.")])

    @Test func plainTextShowsRankingEvidenceFixNextFactsAndRedactions() {
        let text = TextRenderer(style: .plain, showsFacts: true).render(Reply(kind: .diagnosis, report: Self.report))
        #expect(
            text == """
                1. docker-nat-not-local — Docker NAT makes the browser remote (72%)
                   line 3: [ws] closed before connect remote=172.18.0.1 code=1008 reason=pairing required
                   Fix:
                     Approve from inside the container:
                     `docker compose exec openclaw-gateway node dist/index.js devices list`
                2. pairing-not-approved — Device not approved (20%)
                   you said: it's docker

                Next: Which version runs?
                   $ docker exec openclaw-gateway node dist/index.js --version
                   Why: 2026.4 auto-approves NAT clients.

                Facts: docker.gateway-container=openclaw-gateway (line 1)

                Redacted: gateway-token on line 2 (replaced before analysis; only the redacted text is kept)
                [secret-exposed] Rotate the gateway token.

                """)
    }

    @Test func colourOnlyWhenAsked() {
        let plain = TextRenderer(style: .plain).render(Reply(kind: .diagnosis, report: Self.report))
        let coloured = TextRenderer(style: TerminalStyle(colour: true)).render(Reply(kind: .diagnosis, report: Self.report))
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.contains("\u{1B}[1m1. docker-nat-not-local"))
    }

    @Test func controlCharactersNeverReachTheTerminal() {
        var report = Self.report
        report.diagnoses[0].evidence = [EvidenceLine(line: 1, text: "bad\u{1B}]0;title\u{07}\u{9B}31m")]
        let text = TextRenderer(style: .plain).render(Reply(kind: .diagnosis, report: report))
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
        #expect(text.contains("line 1: bad]0;title31m"))
    }

    @Test func markdownFencesPastedTextAndDefusesFencesAndMentions() {
        var report = Self.report
        report.diagnoses[0].evidence = [EvidenceLine(line: 4, text: "``` @everyone")]
        let markdown = MarkdownRenderer().render(Reply(kind: .diagnosis, report: report))
        #expect(markdown.contains("**1. `docker-nat-not-local`** — Docker NAT makes the browser remote (72%)\n\n```text\nline 4: `\u{200B}`\u{200B}` @\u{200B}everyone\n```"))
        #expect(markdown.contains("**Next:** Which version runs?\n\n```sh\ndocker exec openclaw-gateway node dist/index.js --version\n```\n\n_Why:_ 2026.4 auto-approves NAT clients."))
        #expect(markdown.components(separatedBy: "\n").filter { $0.hasPrefix("```") }.count % 2 == 0)
    }

    @Test func jsonKeepsContractKeyOrderAndNullNext() {
        var report = Self.report
        report.next = nil
        report.diagnoses = []
        let json = JSONReportRenderer(pretty: false).render(report)
        #expect(
            json == #"{"diagnoses":[],"next":null,"facts":[{"name":"docker.gateway-container","value":"openclaw-gateway","line":1}],"redactions":[{"kind":"gateway-token","line":2}],"advisories":[{"id":"secret-exposed","message":"Rotate the gateway token."}]}"#)
    }
}

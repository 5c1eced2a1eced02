import ClawfixEvidence
import ClawfixKnowledge
import Testing

@testable import ClawfixDiagnosis

struct DiagnosisEngineTests {
    static let banner = Fact(.symptom, "pairing-required", line: 1, text: "disconnected (1008): pairing required")
    static let ports = Fact(
        .gatewayPublishScope, "loopback", line: 3,
        text: "openclaw-openclaw-gateway-1   Up 2 hours   127.0.0.1:18789->18789/tcp")
    static let wsLog = Fact(
        .gatewayRemoteKind, "docker-bridge", line: 6,
        text: "[ws] closed before connect conn=4f1e remote=172.18.0.1 fwd=n/a origin=http://localhost:18789 code=1008 reason=pairing required")
    static let compose = Fact(.installKind, "compose", origin: .answer)

    @Test func dockerNATOutranksPlainPairingWithItsEvidenceLines() {
        let engine = SampleTrees.engine()
        let report = engine.diagnose(
            facts: [Self.banner, Self.ports, Self.wsLog, Self.compose],
            symptomText: "disconnected (1008): pairing required")
        #expect(report.diagnoses.map(\.id) == ["docker-nat-not-local"])
        let top = report.diagnoses[0]
        // prior 1.5 + signals 3 + 1 + three branches taken = 8.5; pairing-not-approved 1.5; other 2.
        #expect(top.confidence == 0.976)
        #expect(top.title == "The gateway sees your browser through Docker's NAT")
        #expect(top.evidence.map(\.line) == [1, 3, 6, nil])
        #expect(top.evidence.last?.text == "install.kind = compose")
        #expect(top.evidence[2].text.contains("remote=172.18.0.1"))
        #expect(report.facts.count == 4)
    }

    @Test func uncertainRankingKeepsBothCandidatesVisible() {
        let engine = SampleTrees.engine()
        let report = engine.diagnose(
            facts: [Self.banner, Self.ports, Self.compose], symptomText: "disconnected (1008): pairing required")
        // Both 4.5 (prior 1.5 + signal 1 + two branches): a tie broken by id, neither near 1.
        #expect(report.diagnoses.map(\.id) == ["docker-nat-not-local", "pairing-not-approved"])
        #expect(report.diagnoses.map(\.confidence) == [0.45, 0.45])
        #expect(report.diagnoses.reduce(0) { $0 + $1.confidence } < 1)
    }

    @Test func contradictedRequirementRulesADiagnosisOut() {
        let engine = SampleTrees.engine()
        let host = Fact(.installKind, "host", origin: .answer)
        let report = engine.diagnose(facts: [Self.banner, Self.wsLog, host], symptomText: "pairing required")
        #expect(!report.diagnoses.map(\.id).contains("docker-nat-not-local"))
        #expect(report.diagnoses.first?.id == "pairing-not-approved")
    }

    @Test func knownReleaseOutsideTheRangeRulesADiagnosisOut() {
        let engine = SampleTrees.engine()
        let newer = Fact(.openclawVersion, "2026.4.10", line: 9, text: "2026.4.10")
        let report = engine.diagnose(facts: [Self.banner, Self.ports, Self.wsLog, Self.compose, newer])
        #expect(!report.diagnoses.map(\.id).contains("docker-nat-not-local"))
    }

    @Test func negativeSignalLowersACandidate() {
        let engine = SampleTrees.engine()
        let edited = Fact(.configEdited, "~/openclaw/openclaw.json", origin: .answer)
        let alone = engine.analyse(FactSet([edited]), symptomText: "", asked: [])
        let withBanner = engine.analyse(FactSet([edited, Self.banner]), symptomText: "", asked: [])
        let score = { (analysis: DiagnosisEngine.Analysis) in
            analysis.ranked.first { $0.diagnosisID == "config-not-loaded" }?.score
        }
        #expect(score(alone) == 2)
        #expect(score(withBanner) == -2)
    }

    @Test func fixIsTailoredAndOmitsTrustedProxiesForADockerNAT() {
        let engine = SampleTrees.engine()
        let request = Fact(
            .pairingRequestId, "6f2d8a4e-1c3b-4b8e-9a51-0c7d2e9f4b13", line: 2,
            text: "pairing required: device is not approved yet (requestId: 6f2d8a4e-1c3b-4b8e-9a51-0c7d2e9f4b13)")
        let report = engine.diagnose(facts: [Self.banner, request, Self.ports, Self.wsLog, Self.compose])
        let fix = report.diagnoses[0].fix
        #expect(
            fix == """
                Approve the browser from inside the gateway's own network namespace:

                    docker compose exec openclaw-gateway node dist/index.js devices list
                    docker compose exec openclaw-gateway node dist/index.js devices approve 6f2d8a4e-1c3b-4b8e-9a51-0c7d2e9f4b13

                Note: `gateway.trustedProxies` with the bridge address does not help: docker-proxy sends no X-Forwarded-For.
                """)
    }

    @Test func explainListsSignalsAndBranchesWithTheirLines() {
        let engine = SampleTrees.engine()
        var state = ConversationState()
        state.absorb(message: "disconnected (1008): pairing required", facts: [Self.banner, Self.ports, Self.wsLog, Self.compose])
        let lines = engine.explain(state)
        #expect(lines.first == "docker-nat-not-local — 98% (score 8.5, tree pairing-required, node docker-nat)")
        #expect(lines.contains("  +1.5 prior: your message matches “Pairing required in the Control UI”"))
        #expect(lines.contains("  +3 signal: gateway.remote-kind in docker-bridge, docker-desktop"))
        #expect(lines.contains("      line 6: " + Self.wsLog.text!))
        #expect(lines.contains("  +1 branch: where-gateway-runs: install.kind in compose, docker → docker-ports"))
        #expect(lines.contains("      answer: install.kind = compose"))
    }
}

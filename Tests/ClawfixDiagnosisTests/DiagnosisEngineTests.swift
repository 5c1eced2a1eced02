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
        #expect(report.diagnoses.map(\.id) == ["docker-nat-not-local", "pairing-not-approved", "insecure-context"])
        let top = report.diagnoses[0]
        // Default weights. docker-nat: text 4 (its tree's symptom) + signals 3 and 1 (two lines) +
        // three branches taken × 0.3 − 1 (it applies until 2026.4.6; the release is unknown) = 7.9.
        // pairing-not-approved: 4 + 1, every path to it contradicted: 5. insecure-context: 4.
        // Softmax at T 1.5 with "other" at 2: 0.807 (under the two-line cap of 0.92).
        #expect(top.confidence == 0.807)
        #expect(report.diagnoses.map(\.confidence) == [0.807, 0.117, 0.06])
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
        // Without the gateway's log nothing speaks for the NAT but the symptom both share, and the
        // release is unknown: docker-nat 4 + 1 + 2 × 0.3 − 1 = 4.6, pairing-not-approved 4 + 1 + 0.6
        // = 5.6, insecure-context 4 (its path is contradicted, which costs nothing). Nobody near 1.
        #expect(report.diagnoses.map(\.id) == ["pairing-not-approved", "docker-nat-not-local", "insecure-context"])
        #expect(report.diagnoses.map(\.confidence) == [0.513, 0.264, 0.177])
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

    @Test func signalsReadFromOneLineCountOnce() {
        let engine = SampleTrees.engine(searching: false)
        // The same line gives the symptom and, in a second signal, the secure-context fact: one witness.
        let line = "control ui requires device identity (use HTTPS or localhost secure context)"
        let symptom = Fact(.symptom, "insecure-context", line: 4, text: line)
        let context = Fact(.browserSecureContext, "false", line: 4, text: line)
        let oneLine = engine.analyse(FactSet([symptom, context]), symptomText: "", asked: [])
        let insecure = oneLine.ranked.first { $0.diagnosisID == "insecure-context" }
        // The strongest signal of the line (3) counts; the +2 read from the same line adds nothing.
        #expect(insecure?.parts.filter { $0.kind == .signal }.map(\.weight) == [3, 0])
        #expect(insecure?.parts.last { $0.kind == .signal }?.reason == .signal(condition: .equals("browser.secure-context", "false"), repeatedLine: true))
        let otherLine = Fact(.browserSecureContext, "false", line: 5, text: "http://203.0.113.7:18789/")
        let twoLines = engine.analyse(FactSet([symptom, otherLine]), symptomText: "", asked: [])
        #expect(twoLines.ranked.first { $0.diagnosisID == "insecure-context" }?.parts.filter { $0.kind == .signal }.map(\.weight) == [3, 2])
    }

    @Test func aRefinementWithItsOwnEvidenceRanksItsGenericCauseBelowIt() throws {
        var trees = [SampleTrees.pairing]
        let index = try #require(trees[0].nodes.firstIndex { $0.id == "docker-nat" })
        trees[0].nodes[index].refines = "pairing-not-approved"
        let engine = DiagnosisEngine(trees: trees, titles: SampleTrees.titles, search: SampleTrees.search(trees))
        let version = Fact(.openclawVersion, "2026.2.9", line: 8, text: "2026.2.9")
        let report = engine.diagnose(
            facts: [Self.banner, Self.ports, Self.wsLog, Self.compose, version], symptomText: "disconnected (1008): pairing required")
        #expect(report.diagnoses.first?.id == "docker-nat-not-local")
        let analysis = engine.analyse(FactSet([Self.banner, Self.ports, Self.wsLog, Self.compose, version]), symptomText: "disconnected (1008): pairing required", asked: [])
        let nat = try #require(analysis.ranked.first { $0.diagnosisID == "docker-nat-not-local" })
        let generic = try #require(analysis.ranked.first { $0.diagnosisID == "pairing-not-approved" })
        // Its own 5 (text 4, symptom 1) less 2 for being refined, and never above the NAT less the margin.
        #expect(generic.score == min(5 - RankingWeights().refined, nat.score - DiagnosisEngine.refinementMargin))
        #expect(generic.score == 3)
        #expect(generic.parts.contains { $0.reason == .refined(by: "docker-nat-not-local") })
    }

    @Test func anUnknownRequirementCapsInsteadOfStayingNeutral() {
        let engine = SampleTrees.engine()
        // docker-nat requires a Docker install; with it unknown the NAT log line cannot lift it
        // above the cap of 3, while the generic cause keeps its points.
        let analysis = engine.analyse(FactSet([Self.banner, Self.wsLog]), symptomText: "disconnected (1008): pairing required", asked: [])
        let nat = analysis.ranked.first { $0.diagnosisID == "docker-nat-not-local" }
        #expect(nat?.score == RankingWeights().unconfirmedCap)
        #expect(nat?.parts.contains { $0.reason == .capped(requires: .oneOf("install.kind", ["compose", "docker"])) && $0.weight < 0 } == true)
        #expect(analysis.ranked.first?.diagnosisID == "pairing-not-approved")
    }

    /// A text floor of 0 is a weight the fit may choose: a message that matches no document then has
    /// relevance 0 everywhere, and every confidence stays a number in [0, 1] (it was 0/0 once).
    @Test func aZeroTextFloorWithNoMatchKeepsConfidencesFinite() {
        var weights = RankingWeights()
        weights.textFloor = 0
        let engine = DiagnosisEngine(trees: [SampleTrees.pairing], titles: SampleTrees.titles, search: { _ in [] }, weights: weights)
        let report = engine.diagnose(facts: [Self.banner, Self.wsLog], symptomText: "zzzz")
        #expect(!report.diagnoses.isEmpty)
        #expect(report.diagnoses.allSatisfy { $0.confidence.isFinite && (0...1).contains($0.confidence) })
    }

    @Test func noEvidenceNoDiagnosis() {
        let engine = SampleTrees.engine()
        for text in ["", "help", "hi", "x", "thanks, that fixed it!"] {
            #expect(engine.diagnose(facts: [], symptomText: text).diagnoses.isEmpty, "\(text)")
        }
    }

    /// `/why` gets each part as what produced it, with its parameters, its weight and its facts;
    /// the engine words none of them (the front ends do).
    @Test func explainGivesEachPartItsReasonWeightAndFacts() throws {
        let engine = SampleTrees.engine()
        var state = ConversationState()
        state.absorb(message: "disconnected (1008): pairing required", facts: [Self.banner, Self.ports, Self.wsLog, Self.compose])
        let candidates = engine.explain(state)
        #expect(candidates.map(\.diagnosisID) == ["docker-nat-not-local", "pairing-not-approved", "insecure-context"])
        let top = try #require(candidates.first)
        #expect([top.treeID, top.nodeID] == ["pairing-required", "docker-nat"])
        #expect((top.score * 10).rounded() == 79)
        let remoteKind = Condition.oneOf("gateway.remote-kind", ["docker-bridge", "docker-desktop"])
        #expect(
            top.parts.map(\.reason) == [
                .textMatch(diagnosis: "docker-nat-not-local"),
                .signal(condition: remoteKind, repeatedLine: false),
                .signal(condition: .equals("symptom", "pairing-required"), repeatedLine: false),
                .branch(node: "where-gateway-runs", condition: .oneOf("install.kind", ["compose", "docker"]), target: "docker-ports"),
                .branch(node: "docker-ports", condition: .equals("docker.gateway-publish-scope", "loopback"), target: "docker-logs"),
                .branch(node: "docker-logs", condition: remoteKind, target: "docker-nat"),
                .versionUnknown,
            ])
        #expect(top.parts.map(\.weight) == [4, 3, 1, 0.3, 0.3, 0.3, -1])
        #expect(top.parts.map(\.facts) == [[], [Self.wsLog], [Self.banner], [Self.compose], [Self.ports], [Self.wsLog], []])
        #expect(top.parts.map(\.kind) == [.prior, .signal, .signal, .branch, .branch, .branch, .prior])
    }
}

import ClawfixEvidence
import ClawfixKnowledge
import Testing

@testable import ClawfixDiagnosis

struct NextQuestionTests {
    static let banner = DiagnosisEngineTests.banner
    static let ports = DiagnosisEngineTests.ports
    static let compose = DiagnosisEngineTests.compose
    static let pairingText = "disconnected (1008): pairing required"

    @Test func withOnlyTheSymptomItAsksWhereTheGatewayRuns() {
        let engine = SampleTrees.engine()
        let analysis = engine.analyse(FactSet([Self.banner]), symptomText: Self.pairingText, asked: [])
        #expect(analysis.nextKey == "pairing-required/where-gateway-runs")
        #expect(analysis.report.next?.question == "Does the gateway run in Docker, directly on a machine, or on a remote server?")
        #expect(analysis.report.next?.commands == [])
        #expect(analysis.report.next?.why == "Tells pairing-not-approved apart from insecure-context.")
    }

    @Test func knownAnswersAreSkippedAndTheSplittingCommandIsChosen() {
        let engine = SampleTrees.engine()
        // install.kind and the publish scope decide the first two nodes: the logs are what is left.
        let analysis = engine.analyse(FactSet([Self.banner, Self.ports, Self.compose]), symptomText: Self.pairingText, asked: [])
        #expect(analysis.nextKey == "pairing-required/docker-logs")
        #expect(analysis.report.next?.commands == ["docker compose logs --tail 50 openclaw-gateway"])
        #expect(analysis.report.next?.why == "Tells pairing-not-approved apart from docker-nat-not-local.")
    }

    @Test func theSameNodeIsNeverAskedTwice() {
        let engine = SampleTrees.engine()
        var state = ConversationState()
        state.absorb(message: Self.pairingText, facts: [Self.banner])
        let first = engine.respond(to: &state)
        #expect(state.askedNodes == ["pairing-required/where-gateway-runs"])
        #expect(state.lastAskedNode == "pairing-required/where-gateway-runs")
        #expect(first.next?.question.hasPrefix("Does the gateway run in Docker") == true)
        let second = engine.respond(to: &state)
        #expect(second.next?.question != first.next?.question)
        #expect(state.turn == 2)
        #expect(state.lastReport == second)
    }

    @Test func nothingLeftToAskWhenOneCauseIsOverwhelming() {
        let engine = SampleTrees.engine()
        let report = engine.diagnose(
            facts: [Self.banner, Self.ports, DiagnosisEngineTests.wsLog, Self.compose,
                    Fact(.openclawVersion, "2026.2.9", line: 8)],
            symptomText: Self.pairingText)
        #expect(report.next == nil)
    }

    @Test func unknownReleaseMakesTheVersionACandidateQuestion() {
        let engine = SampleTrees.engine()
        let closure = Fact(.symptom, "abnormal-closure", line: 1, text: "gateway closed (1006 abnormal closure (no close frame))")
        let analysis = engine.analyse(
            FactSet([closure, Self.compose]), symptomText: "gateway closed (1006 abnormal closure (no close frame))",
            asked: ["cli-abnormal-closure/network"])
        #expect(analysis.ranked.prefix(2).map(\.diagnosisID) == ["cli-container-loopback", "cli-wrong-target"])
        #expect(analysis.nextKey == "version")
        #expect(analysis.report.next?.question == "What does `openclaw --version` print?")
        #expect(analysis.report.next?.commands == ["docker compose exec openclaw-gateway node dist/index.js --version"])
        #expect(
            analysis.report.next?.why
                == "The fix depends on the OpenClaw release. Tells cli-container-loopback apart from cli-wrong-target.")
        // Once the release is known the question is gone, and so is the cause it rules out.
        let known = engine.analyse(
            FactSet([closure, Self.compose, Fact(.openclawVersion, "2026.3.2", origin: .answer)]),
            symptomText: "gateway closed (1006 abnormal closure (no close frame))", asked: ["cli-abnormal-closure/network"])
        #expect(known.nextKey != "version")
        #expect(known.ranked.first?.diagnosisID == "cli-wrong-target")
        #expect(!known.ranked.map(\.diagnosisID).contains("cli-container-loopback"))
    }

    /// A question behind a branch the facts rule out presumes what is not so: on a host install
    /// the Docker questions of the pairing tree are not open, while unknown facts leave them open.
    @Test func questionsBehindARuledOutBranchAreNotOpen() throws {
        let engine = SampleTrees.engine()
        let tree = try #require(engine.knowledge.treeIndex["pairing-required"])
        let dockerPorts = try #require(engine.knowledge.trees[tree].nodeIndex["docker-ports"])
        var unknown = BranchTruthCache(engine.knowledge, FactSet([]))
        #expect(DiagnosisEngine.openNodes(of: tree, &unknown).contains(dockerPorts))
        var host = BranchTruthCache(engine.knowledge, FactSet([Fact(.installKind, "host")]))
        #expect(!DiagnosisEngine.openNodes(of: tree, &host).contains(dockerPorts))
        let analysis = engine.analyse(
            FactSet([Fact(.installKind, "host")]), symptomText: "disconnected (1008): pairing required", asked: [])
        #expect(analysis.nextKey?.hasPrefix("pairing-required/docker") != true)
    }

    @Test func gainPrefersTheEvenSplitAndCheaperOnTies() {
        let distribution: [(id: String, mass: Double)] = [("a", 0.25), ("b", 0.25), ("c", 0.25), ("d", 0.25)]
        let even = QuestionPlanner.gain([["a", "b"], ["c", "d"]], distribution)
        let uneven = QuestionPlanner.gain([["a"], ["b", "c", "d"]], distribution)
        let useless = QuestionPlanner.gain([["a", "b", "c", "d"], ["a", "b", "c", "d"]], distribution)
        #expect(abs(even - 1.0) < 1e-9)
        #expect(abs(uneven - 0.811_278) < 1e-5)
        #expect(abs(useless) < 1e-9)
        let cheap = KnowledgeNode(id: "cheap", kind: .question, line: 1, cost: 1)
        let dear = KnowledgeNode(id: "dear", kind: .question, line: 2, cost: 1)
        let options = [
            QuestionPlanner.Option(key: "t/dear", node: KnowledgeNode(id: "dear", kind: .command, line: 2, cost: 4), outcomes: [["a", "b"], ["c", "d"]]),
            QuestionPlanner.Option(key: "t/cheap", node: cheap, outcomes: [["a", "b"], ["c", "d"]]),
            QuestionPlanner.Option(key: "t/same", node: dear, outcomes: [["a", "b"], ["c", "d"]]),
        ]
        #expect(DiagnosisEngine.best(of: options, distribution)?.key == "t/cheap")
    }
}

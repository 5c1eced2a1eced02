import ClawfixEvidence
import Foundation
import Testing

@testable import ClawfixDiagnosis

struct ConversationStateTests {
    @Test func stateRoundTripsThroughJSONForTheSessionStore() throws {
        let engine = SampleTrees.engine()
        var state = ConversationState()
        state.absorb(message: "disconnected (1008): pairing required", facts: [DiagnosisEngineTests.banner])
        state.absorb(message: "compose", facts: [DiagnosisEngineTests.compose])
        _ = engine.respond(to: &state)
        let data = try JSONEncoder().encode(state)
        let decoded = try JSONDecoder().decode(ConversationState.self, from: data)
        #expect(decoded == state)
        #expect(decoded.facts.map(\.name) == [.symptom, .installKind])
        #expect(engine.diagnose(decoded).diagnoses == state.lastReport?.diagnoses)
        // The question asked is remembered: the resumed conversation moves on to the next one.
        #expect(state.lastReport?.next?.question == "Which address does Docker publish the gateway on?")
        #expect(decoded.askedNodes == ["pairing-required/docker-ports"])
        #expect(engine.diagnose(decoded).next?.question == "What does `openclaw --version` print?")
    }

    @Test func symptomTextFollowsTheLatestSymptomAndFactsAccumulate() {
        var state = ConversationState()
        state.absorb(message: "disconnected (1008): pairing required", facts: [DiagnosisEngineTests.banner])
        state.absorb(message: "it's compose", facts: [DiagnosisEngineTests.compose])
        #expect(state.symptomText == "disconnected (1008): pairing required")
        let closure = Fact(.symptom, "abnormal-closure", line: 1, text: "gateway closed (1006 abnormal closure (no close frame))")
        state.absorb(message: "gateway closed (1006 abnormal closure (no close frame))", facts: [closure])
        #expect(state.symptomText == "gateway closed (1006 abnormal closure (no close frame))")
        #expect(state.facts.count == 3)
    }

    /// "I pasted the token and now: token mismatch": the browser's newer close replaces its older
    /// one, while the CLI's close and the install from older messages stay.
    @Test func newerCloseFromTheSameReporterReplacesTheOlderOne() {
        func close(_ reason: String, _ symptom: String, reporter: String) -> [Fact] {
            let line = "disconnected (1008): unauthorized: gateway \(reason)"
            return [
                Fact(.authReason, symptom.replacingOccurrences(of: "-", with: "_"), line: 1, text: line),
                Fact(.closeCode, "1008", line: 1, text: line),
                Fact(.errorReporter, reporter, line: 1, text: line),
                Fact(.symptom, symptom, line: 1, text: line),
            ]
        }
        var state = ConversationState()
        state.absorb(message: "missing", facts: close("token missing", "token-missing", reporter: "control-ui"))
        state.absorb(message: "compose", facts: [DiagnosisEngineTests.compose])
        let cli = Fact(.closeCode, "1006", line: 2, text: "gateway closed (1006 abnormal closure (no close frame))")
        state.absorb(message: "cli", facts: [cli])
        state.absorb(message: "mismatch", facts: close("token mismatch", "token-mismatch", reporter: "control-ui"))
        #expect(state.factSet.facts(named: .symptom).map(\.value) == ["token-mismatch"])
        #expect(state.factSet.facts(named: .authReason).map(\.value) == ["token_mismatch"])
        #expect(state.factSet.facts(named: .closeCode).map(\.value) == ["1006", "1008"])
        #expect(state.factSet.value(.installKind) == DiagnosisEngineTests.compose.value)
    }

    @Test func topicChangeReranksButKeepsFacts() {
        let engine = SampleTrees.engine()
        var state = ConversationState()
        state.absorb(message: "disconnected (1008): pairing required", facts: [DiagnosisEngineTests.banner, DiagnosisEngineTests.compose])
        // Pairing required in a compose install: the NAT and the plain approval both stand (the
        // release, which decides the NAT case, is unknown).
        #expect(Set(engine.respond(to: &state).diagnoses.prefix(2).map(\.id)) == ["docker-nat-not-local", "pairing-not-approved"])
        let closure = Fact(.symptom, "abnormal-closure", line: 1, text: "gateway closed (1006 abnormal closure (no close frame))")
        state.absorb(message: "gateway closed (1006 abnormal closure (no close frame))", facts: [closure])
        let report = engine.respond(to: &state)
        #expect(Set(report.diagnoses.prefix(2).map(\.id)) == ["cli-container-loopback", "cli-wrong-target"])
        #expect(state.facts.contains(DiagnosisEngineTests.compose))
    }

    @Test func resetForgetsEverything() {
        var state = ConversationState(facts: [DiagnosisEngineTests.banner])
        state.askedNodes = ["pairing-required/where-gateway-runs"]
        state.turn = 3
        state.reset()
        #expect(state == ConversationState())
    }

    /// "It runs now": the restart loop and its startup refusal are over, the install stays.
    @Test func sayingItRunsNowRetiresTheStartupFailure() {
        let row = "openclaw-openclaw-gateway-1   openclaw:local   \"docker-entrypoint.s…\"   openclaw-gateway   10 minutes ago   Restarting (1) 8 seconds ago"
        let log = "openclaw-gateway-1  | Gateway failed to start: non-loopback Control UI requires gateway.controlUi.allowedOrigins"
        var state = ConversationState()
        state.absorb(
            message: row + "\n" + log,
            facts: [
                Fact(.installKind, "compose", line: 1, text: row), Fact(.gatewayContainerState, "restarting", line: 1, text: row),
                Fact(.gatewayExitCode, "1", line: 1, text: row), Fact(.gatewayStartFailure, "non-loopback …", line: 2, text: log),
                Fact(.symptom, "allowed-origins-required", line: 2, text: log),
            ])
        state.absorb(message: "thanks, still restarting", facts: [])
        #expect(state.facts.count == 5)
        let runsNow = "it runs now. but the browser says Unauthorized"
        // The state acts on the interpreter's fact, not on the words: without it nothing is retired.
        var unread = state
        unread.absorb(message: runsNow, facts: [])
        #expect(unread.facts.count == 5)
        state.absorb(message: runsNow, facts: AnswerInterpreter().interpret(runsNow))
        #expect(state.facts == [Fact(.installKind, "compose", line: 1, text: row)])
    }

    @Test(arguments: [
        ("it runs now", true), ("It's up again!", true), ("the gateway is running but", true), ("it's not running", false),
        ("still restarting", false), ("[ws] gateway is running", false),
    ])
    func runsNowIsReadFromTheUsersWords(text: String, expected: Bool) {
        #expect(AnswerInterpreter.saysGatewayRunsNow(text) == expected)
        #expect(AnswerInterpreter().interpret(text).contains(Fact(.saysGatewayRunsNow, "true", origin: .answer)) == expected, "\(text)")
    }

    /// Evidence for an older symptom stays, but the symptom the user asks about now leads: after a
    /// CLI container's 1006, "command not found" over ssh ranks the missing CLI first.
    @Test func theNewestSymptomLeadsAfterATopicChange() {
        let engine = RealKnowledgeBaseTests.engine
        var state = ConversationState()
        let first = """
            root@srv1:~/openclaw# docker compose run --rm openclaw-cli devices list
            [openclaw] CLI failed: Error: gateway closed (1006 abnormal closure (no close frame)): no close reason
            Gateway target: ws://127.0.0.1:18789
            """
        state.absorb(message: first, facts: RealKnowledgeBaseTests.facts(first))
        #expect(engine.respond(to: &state).diagnoses.first?.id == "cli-container-loopback")
        let second = """
            PS C:\\Users\\dana> ssh root@srv1 openclaw gateway status
            bash: line 1: openclaw: command not found
            """
        state.absorb(message: second, facts: RealKnowledgeBaseTests.facts(second))
        #expect(state.currentSymptoms == ["command-not-found"])
        let report = engine.respond(to: &state)
        #expect(report.diagnoses.prefix(2).map(\.id) == ["cli-not-on-path", "cli-container-loopback"])
        #expect(report.diagnoses.first?.fix.contains("docker compose exec openclaw-gateway node dist/index.js --version") == true)
    }
}

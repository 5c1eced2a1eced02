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
        #expect(engine.respond(to: &state).diagnoses.first?.id == "docker-nat-not-local")
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
}

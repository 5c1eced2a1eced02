import ClawfixEvidence
import Testing

@testable import ClawfixDiagnosis

/// "Thanks, that fixed it" closes a conversation; filler never gets a fix.
struct ConversationClosingTests {
    @Test(arguments: [
        ("thanks, that fixed it!", true), ("It works now, thank you", true), ("ya funciona, gracias", true),
        ("解决了，谢谢", true), ("problem solved", true),
        ("thanks but it's still not working", false), ("that didn't fix it", false), ("no funciona", false),
        ("disconnected (1008): pairing required", false), ("还是不行", false),
    ])
    func solvedIsReadFromTheUsersWords(text: String, solved: Bool) {
        #expect(ConversationClosing.saysSolved(text) == solved, "\(text)")
        #expect(AnswerInterpreter().interpret(text).contains(Fact(.saysSolved, "true", origin: .answer)) == solved, "\(text)")
    }

    /// The state closes on the interpreter's fact, only for a message that brings nothing else, and
    /// does not keep it among the facts of the setup.
    @Test func theSolvedFactClosesOnlyAMessageWithNothingElseAndIsNotKept() {
        let thanks = AnswerInterpreter().interpret("thanks, that fixed it!")
        var state = ConversationState()
        state.absorb(message: "thanks, that fixed it! now: disconnected (1008): pairing required", facts: thanks + [DiagnosisEngineTests.banner])
        #expect(!state.latest.saysSolved)
        state.absorb(message: "thanks, that fixed it!", facts: thanks)
        #expect(state.latest.saysSolved)
        #expect(state.latest.factCount == 0)
        #expect(state.facts == [DiagnosisEngineTests.banner])
        state.absorb(message: "thanks, that fixed it!", facts: [])
        #expect(!state.latest.saysSolved)
    }

    @Test func sayingItIsFixedRecordsTheCauseAndPostsNoFix() {
        let engine = SampleTrees.engine()
        var state = ConversationState()
        state.absorb(message: "disconnected (1008): pairing required", facts: [DiagnosisEngineTests.banner])
        let first = engine.respond(to: &state)
        let top = first.diagnoses.first?.id
        #expect(top != nil)
        state.absorb(message: "thanks, that fixed it!", facts: AnswerInterpreter().interpret("thanks, that fixed it!"))
        let closing = engine.respond(to: &state)
        #expect(closing.solved == top)
        #expect(closing.diagnoses.isEmpty)
        #expect(closing.next == nil)
        #expect(state.solvedBy == top)
    }

    @Test func fillerAtTheStartGetsTheOpeningQuestion() {
        let engine = SampleTrees.engine()
        for text in ["hi", "help", "x", "hello?"] {
            var state = ConversationState()
            state.absorb(message: text, facts: AnswerInterpreter().interpret(text))
            let report = engine.respond(to: &state)
            #expect(report.diagnoses.isEmpty, "\(text)")
            #expect(report.next == ConversationClosing.opening, "\(text)")
        }
    }

    @Test func fillerLaterRepeatsTheOpenQuestionWithoutAFix() {
        let engine = SampleTrees.engine()
        var state = ConversationState()
        state.absorb(message: "disconnected (1008): pairing required", facts: [DiagnosisEngineTests.banner])
        let first = engine.respond(to: &state)
        state.absorb(message: "ok", facts: AnswerInterpreter().interpret("ok"))
        let report = engine.respond(to: &state)
        #expect(report.diagnoses.isEmpty)
        #expect(report.next == first.next)
    }
}

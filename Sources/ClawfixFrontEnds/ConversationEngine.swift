import ClawfixDiagnosis
import ClawfixEvidence

/// What a conversation needs from the diagnosis stage: a state that accumulates facts across
/// turns, words turned into facts, and a ranked report with its next question.
///
/// `DiagnosisStage` is the implementation over `DiagnosisEngine`; the front ends depend on this
/// shape only, so one `Conversation` type serves chat, paste and bot.
public protocol ConversationEngine: Sendable {
    /// Everything known in one conversation; stored (redacted) as JSON by the session store.
    associatedtype State: Codable & Sendable

    func newState() -> State
    /// Facts stated in words ("yes it's docker", "I'm on Windows"); a bare "yes" answers the last question.
    func interpret(words: String, in state: State) -> [Fact]
    /// Adds one message's (redacted) text and the facts found in it and in its words.
    func absorb(message: String, facts: [Fact], into state: inout State)
    /// Ranks the causes for the state and remembers the report (and what was asked) in it.
    func diagnose(_ state: inout State) -> DiagnosisReport
    func reset(_ state: inout State)
    /// The scores behind the current ranking (`/why`): the top candidates with the parts of their
    /// scores; the renderers word them.
    func explain(_ state: State) -> [CandidateScore]
    /// Every fact known (`/facts`).
    func facts(of state: State) -> [Fact]
    /// The report after the last message, if any.
    func lastReport(of state: State) -> DiagnosisReport?
}

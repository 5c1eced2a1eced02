import ClawfixDiagnosis
import ClawfixEvidence
import ClawfixKnowledge

/// The real diagnosis stage behind every front end: `DiagnosisEngine` over a `ConversationState`.
public struct DiagnosisStage: ConversationEngine {
    public typealias State = ConversationState

    public var engine: DiagnosisEngine

    public init(engine: DiagnosisEngine) {
        self.engine = engine
    }

    /// The stage over the knowledge base built into clawfix, with the FTS index at `indexPath`
    /// (`ClawfixPaths.defaultIndexPath()` when nil). The index is opened once per process.
    /// Without a usable index the engine still ranks by facts, only without full-text priors.
    public static func builtIn(indexPath: String? = nil) throws -> DiagnosisStage {
        let knowledgeBase = try KnowledgeBase.builtIn()
        let index = try? KnowledgeIndex.open(path: indexPath ?? ClawfixPaths.defaultIndexPath(), knowledgeBase: knowledgeBase)
        return DiagnosisStage(engine: DiagnosisEngine(knowledgeBase: knowledgeBase, index: index))
    }

    public func newState() -> ConversationState { ConversationState() }

    public func interpret(words: String, in state: ConversationState) -> [Fact] {
        engine.interpret(words, in: state)
    }

    public func absorb(message: String, facts: [Fact], into state: inout ConversationState) {
        state.absorb(message: message, facts: facts)
    }

    public func diagnose(_ state: inout ConversationState) -> DiagnosisReport {
        engine.respond(to: &state)
    }

    public func reset(_ state: inout ConversationState) { state.reset() }

    public func explain(_ state: ConversationState) -> [String] { engine.explain(state) }

    public func facts(of state: ConversationState) -> [Fact] { state.facts }

    public func lastReport(of state: ConversationState) -> DiagnosisReport? { state.lastReport }
}

import ClawfixDiagnosis
import ClawfixEvidence
import ClawfixKnowledge
import Foundation

/// The real diagnosis stage behind every front end: `DiagnosisEngine` over a `ConversationState`.
public struct DiagnosisStage: ConversationEngine {
    public typealias State = ConversationState

    public var engine: DiagnosisEngine
    /// The extractors reading the same message table as the engine's knowledge base (a `--kb`
    /// directory's rows included): what a `Conversation` over this stage reads pastes with.
    public let evidence: EvidenceReader

    public init(engine: DiagnosisEngine, evidence: EvidenceReader = .standard) {
        self.engine = engine
        self.evidence = evidence
    }

    /// The stage every front end and test uses: the knowledge base built into clawfix plus the
    /// trees (and `diagnoses.md`, `messages.md`) of `directories`, with the FTS index at `indexPath`
    /// (`ClawfixPaths.defaultIndexPath()` when nil). A broken cache never stops an answer: without
    /// a usable index the engine still ranks by facts, only without full-text priors. A `--kb`
    /// tree that does not parse throws `KnowledgeBaseError`.
    public static func load(addingDirectories directories: [String] = [], indexPath: String? = nil) throws -> DiagnosisStage {
        let knowledgeBase = try KnowledgeBase.load(addingDirectories: directories.map { URL(fileURLWithPath: $0, isDirectory: true) })
        let index = try? KnowledgeIndex.open(path: indexPath, knowledgeBase: knowledgeBase)
        return DiagnosisStage(
            engine: DiagnosisEngine(knowledgeBase: knowledgeBase, index: index), evidence: EvidenceReader(messages: knowledgeBase.messages))
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

    public func explain(_ state: ConversationState) -> [CandidateScore] { engine.explain(state) }

    public func facts(of state: ConversationState) -> [Fact] { state.facts }

    public func lastReport(of state: ConversationState) -> DiagnosisReport? { state.lastReport }
}

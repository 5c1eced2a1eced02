import ClawfixDiagnosis
import ClawfixEvidence
import ClawfixKnowledge
@testable import ClawfixFrontEnds

/// A deliberately simple `ConversationEngine` for testing the front ends' plumbing (framing,
/// chunking, persistence, commands) independently of the knowledge base: every `symptom` fact
/// becomes a diagnosis with that id, and the word "docker" becomes a fact. The real engine is
/// exercised by the transcript replay and the end-to-end tests.
struct SymptomEchoEngine: ConversationEngine {
    struct State: Codable, Sendable, Equatable {
        var facts: [Fact] = []
        var last: DiagnosisReport?
    }

    func newState() -> State { State() }

    func interpret(words: String, in state: State) -> [Fact] {
        words.lowercased().contains("docker") ? [Fact("install.method", "docker", origin: .answer)] : []
    }

    func absorb(message: String, facts: [Fact], into state: inout State) {
        for fact in facts where !state.facts.contains(fact) { state.facts.append(fact) }
    }

    func diagnose(_ state: inout State) -> DiagnosisReport {
        let symptoms = state.facts.filter { $0.name == .symptom }
        let diagnoses = symptoms.map {
            RankedDiagnosis(
                id: $0.value, title: "Symptom \($0.value)", confidence: 1 / Double(symptoms.count),
                evidence: [EvidenceLine(line: $0.line, text: $0.text ?? $0.value)], fix: "Fix for \($0.value).")
        }
        let next =
            state.facts.contains { $0.name == "install.method" }
            ? nil : NextQuestion(question: "Is it Docker?", commands: ["docker ps"], why: "Docker changes everything.")
        let report = DiagnosisReport(diagnoses: diagnoses, next: next, facts: state.facts.map(FactRecord.init))
        state.last = report
        return report
    }

    func reset(_ state: inout State) { state = State() }

    func explain(_ state: State) -> [CandidateScore] {
        state.facts.filter { $0.name == .symptom }.map { fact in
            CandidateScore(
                diagnosisID: fact.value, treeID: "echo", nodeID: fact.value, score: 1,
                parts: [.init(reason: .signal(condition: .equals("symptom", fact.value), repeatedLine: false), weight: 1, facts: [fact])],
                confidence: 1)
        }
    }

    func facts(of state: State) -> [Fact] { state.facts }

    func lastReport(of state: State) -> DiagnosisReport? { state.last }
}

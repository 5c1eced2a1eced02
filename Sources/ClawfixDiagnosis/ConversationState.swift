import ClawfixEvidence

/// Everything one conversation knows between messages: the facts so far, the questions already
/// asked, and the last report. Stored (already redacted) as JSON by the session store, so a
/// restarted bot resumes where it was.
public struct ConversationState: Sendable, Codable, Hashable {
    /// Accumulated facts, oldest first (see `FactSet.absorb` for how newer facts replace older ones).
    public private(set) var facts: [Fact] = []
    /// Questions asked so far, as `tree-id/node-id` (`version` for the synthetic version question):
    /// never asked twice.
    public var askedNodes: Set<String> = []
    /// The question asked after the last message (`tree-id/node-id`), so a bare "yes"/"no" can be read
    /// as its answer.
    public var lastAskedNode: String?
    /// Messages diagnosed so far.
    public var turn: Int = 0
    /// The text searched for symptoms: the latest message that carried a symptom (the topic), else
    /// the latest message. Kept short.
    public var symptomText: String = ""
    public var lastReport: DiagnosisReport?
    /// The search result for `symptomText`, kept so a short answer ("yes") does not search again.
    public var searchedText: String?
    public var searchHits: [String] = []

    public init(facts: [Fact] = []) {
        self.facts = FactSet(facts).facts
    }

    /// Adds facts from a paste or from words.
    public mutating func absorb(facts newFacts: [Fact]) {
        var set = FactSet(facts)
        set.absorb(newFacts)
        facts = set.facts
    }

    /// Adds a message: its facts, and its text as the symptom text when it names a symptom (a topic
    /// change moves the search to the new symptom; the older facts stay and still count).
    public mutating func absorb(message text: String, facts newFacts: [Fact]) {
        let carriesSymptom = newFacts.contains { $0.name == .symptom || $0.name == .closeCode }
        // The newest gateway close a client reports is that client's current state: the user acted
        // on the older one ("I pasted the token, now: token mismatch"), so the older close from the
        // same reporter (the Control UI, the CLI…) and everything read from its line no longer speak
        // for a cause. Another client's close, other symptoms (`command not found`) and what older
        // messages established (install, versions, config) still count.
        if newFacts.contains(where: { $0.name == .closeCode }) {
            let reporters = Set(newFacts.filter { $0.name == .errorReporter }.map(\.value))
            var reporterOfLine: [String: String] = [:]
            for fact in facts where fact.name == .errorReporter { if let text = fact.text { reporterOfLine[text] = fact.value } }
            let supersededLines = Set(
                facts.filter { $0.name == .closeCode }.compactMap(\.text).filter { line in
                    reporters.isEmpty ? reporterOfLine[line] == nil : reporterOfLine[line].map(reporters.contains) == true
                })
            facts = facts.filter { fact in
                guard let text = fact.text, supersededLines.contains(text) else { return true }
                return !(Self.closeFactNames.contains(fact.name) || fact.name == .symptom || fact.name == .errorReporter)
            }
        }
        absorb(facts: newFacts)
        if carriesSymptom || symptomText.isEmpty {
            symptomText = String(text.prefix(Self.symptomTextLimit))
        }
    }

    /// Forgets everything (`/reset`).
    public mutating func reset() {
        self = ConversationState()
    }

    public var factSet: FactSet { FactSet(facts) }

    static let symptomTextLimit = 2_000
    /// The facts that describe one gateway close; a newer message's close replaces them.
    static let closeFactNames: Set<FactName> = [.closeCode, .closeReason, .authReason, .pairingReason]
}

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
        absorb(facts: newFacts)
        let carriesSymptom = newFacts.contains { $0.name == .symptom || $0.name == .closeCode }
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
}

import ClawfixEvidence
import ClawfixKnowledge

/// Everything one conversation knows between messages: the facts so far, the questions already
/// asked, and the last report. Stored (already redacted) as JSON by the session store, so a
/// restarted bot resumes where it was.
public struct ConversationState: Sendable, Codable, Hashable {
    /// Accumulated facts, indexed (see `FactSet.absorb` for how newer facts replace older ones):
    /// kept as a set between messages so a message costs its own facts, not all of them again.
    public private(set) var factSet = FactSet()
    /// Accumulated facts, oldest first.
    public var facts: [Fact] { factSet.facts }
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
    public var relevance: [DiagnosisRelevance] = []
    /// The symptom values of the newest message that named a symptom (what the user asks about now).
    public var currentSymptoms: [String] = []
    /// What the newest message brought: facts, words worth searching, or "it's fixed".
    public var latest = LatestMessage()
    /// The user said the problem is gone; the cause that was on top then ("" when none was).
    public var solvedBy: String?

    /// What the newest message brought, for the engine's "no evidence, no diagnosis" rule.
    public struct LatestMessage: Sendable, Codable, Hashable {
        public var factCount = 0
        /// It holds a word the knowledge base could match (not only greetings, thanks, "help").
        public var informative = false
        public var saysSolved = false
        public init() {}
    }

    public init(facts: [Fact] = []) {
        self.factSet = FactSet(facts)
    }

    /// Adds facts from a paste or from words.
    public mutating func absorb(facts newFacts: [Fact]) {
        factSet.absorb(newFacts)
    }

    /// Adds a message: its facts, and its text as the symptom text when it names a symptom (a topic
    /// change moves the search to the new symptom; the older facts stay and still count).
    /// What the message says about the conversation (`conversation.solved`,
    /// `conversation.gateway-runs-now`, from `AnswerInterpreter`) acts on the state and is not kept.
    public mutating func absorb(message text: String, facts allFacts: [Fact]) {
        let saysSolved = allFacts.contains { $0.name == .saysSolved && $0.value == "true" }
        let saysGatewayRunsNow = allFacts.contains { $0.name == .saysGatewayRunsNow && $0.value == "true" }
        let newFacts = allFacts.filter { !Self.conversationFactNames.contains($0.name) }
        latest.factCount = newFacts.count
        latest.informative = !newFacts.isEmpty || !InformativeQuery(text).tokens.isEmpty
        // "Thanks, that fixed it" above a new paste is a report, not a goodbye.
        latest.saysSolved = newFacts.isEmpty && saysSolved
        if latest.informative && !latest.saysSolved { solvedBy = nil }
        let carriesSymptom = newFacts.contains { $0.name == .symptom || $0.name == .closeCode }
        // The newest gateway close a client reports is that client's current state: the user acted
        // on the older one ("I pasted the token, now: token mismatch"), so the older close from the
        // same reporter (the Control UI, the CLI…) and everything read from its line no longer speak
        // for a cause. Another client's close, other symptoms (`command not found`) and what older
        // messages established (install, versions, config) still count.
        if newFacts.contains(where: { $0.name == .closeCode }) {
            let reporters = Set(newFacts.filter { $0.name == .errorReporter }.map(\.value))
            var reporterOfLine: [String: String] = [:]
            for fact in factSet.facts(named: .errorReporter) { if let text = fact.text { reporterOfLine[text] = fact.value } }
            let supersededLines = Set(
                factSet.facts(named: .closeCode).compactMap(\.text).filter { line in
                    reporters.isEmpty ? reporterOfLine[line] == nil : reporterOfLine[line].map(reporters.contains) == true
                })
            if !supersededLines.isEmpty {
                factSet = FactSet(
                    facts.filter { fact in
                        guard let text = fact.text, supersededLines.contains(text) else { return true }
                        return !(Self.closeFactNames.contains(fact.name) || fact.name == .symptom || fact.name == .errorReporter)
                    })
            }
        }
        // "It runs now": the startup refusal and restart loop of older messages are over (the user
        // fixed them), so they no longer speak for a cause; the install they showed still counts.
        if saysGatewayRunsNow {
            let pastLines = Set(
                (factSet.facts(named: .gatewayStartFailure) + factSet.facts(named: .gatewayContainerState)
                    .filter { $0.value.lowercased() != "running" }).compactMap(\.text))
            if !pastLines.isEmpty {
                factSet = FactSet(
                    facts.filter { fact in
                        guard let text = fact.text, pastLines.contains(text) else { return true }
                        return !Self.startupFactNames.contains(fact.name)
                    })
            }
        }
        absorb(facts: newFacts)
        if carriesSymptom {
            currentSymptoms = newFacts.filter { $0.name == .symptom }.map(\.value)
        }
        if carriesSymptom || symptomText.isEmpty {
            symptomText = String(text.prefix(Self.symptomTextLimit))
        }
    }

    /// Forgets everything (`/reset`).
    public mutating func reset() {
        self = ConversationState()
    }

    // Stored as before: the facts, oldest first (sessions written by older builds still load).
    enum CodingKeys: String, CodingKey {
        case facts, askedNodes, lastAskedNode, turn, symptomText, lastReport, searchedText, relevance, currentSymptoms, latest, solvedBy
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        factSet = FactSet(try container.decodeIfPresent([Fact].self, forKey: .facts) ?? [])
        askedNodes = try container.decodeIfPresent(Set<String>.self, forKey: .askedNodes) ?? []
        lastAskedNode = try container.decodeIfPresent(String.self, forKey: .lastAskedNode)
        turn = try container.decodeIfPresent(Int.self, forKey: .turn) ?? 0
        symptomText = try container.decodeIfPresent(String.self, forKey: .symptomText) ?? ""
        lastReport = try container.decodeIfPresent(DiagnosisReport.self, forKey: .lastReport)
        relevance = try container.decodeIfPresent([DiagnosisRelevance].self, forKey: .relevance) ?? []
        // A session stored before relevance was kept searches again.
        searchedText = container.contains(.relevance) ? try container.decodeIfPresent(String.self, forKey: .searchedText) : nil
        currentSymptoms = try container.decodeIfPresent([String].self, forKey: .currentSymptoms) ?? []
        latest = try container.decodeIfPresent(LatestMessage.self, forKey: .latest) ?? LatestMessage()
        solvedBy = try container.decodeIfPresent(String.self, forKey: .solvedBy)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(facts, forKey: .facts)
        try container.encode(askedNodes, forKey: .askedNodes)
        try container.encodeIfPresent(lastAskedNode, forKey: .lastAskedNode)
        try container.encode(turn, forKey: .turn)
        try container.encode(symptomText, forKey: .symptomText)
        try container.encodeIfPresent(lastReport, forKey: .lastReport)
        try container.encodeIfPresent(searchedText, forKey: .searchedText)
        try container.encode(relevance, forKey: .relevance)
        try container.encode(currentSymptoms, forKey: .currentSymptoms)
        try container.encode(latest, forKey: .latest)
        try container.encodeIfPresent(solvedBy, forKey: .solvedBy)
    }

    static let symptomTextLimit = 2_000
    /// Facts about the conversation rather than the setup: read by `absorb(message:facts:)`, never kept.
    static let conversationFactNames: Set<FactName> = [.saysSolved, .saysGatewayRunsNow]
    /// The facts that describe a gateway that failed to start; "it runs now" retires them.
    static let startupFactNames: Set<FactName> = [
        .gatewayStartFailure, .gatewayContainerState, .symptom, .errorReporter, .gatewayRestartCount,
        .gatewayExitCode,
    ]
    /// The facts that describe one gateway close; a newer message's close replaces them.
    static let closeFactNames: Set<FactName> = [.closeCode, .closeReason, .authReason, .pairingReason]
}

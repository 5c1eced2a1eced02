import ClawfixEvidence

/// What clawfix concluded from everything it knows: the contract behind `clawfix paste --format json`,
/// the bot's `diagnoses`/`next` fields and `clawfix probe --format json`'s `diagnoses`.
///
/// JSON shape (keys are a public contract):
/// `{"diagnoses":[{"id","title","confidence","evidence":[{"line","text"}],"fix"}],
///   "next":{"question","commands":[…],"why"}|null, "facts":[{"name","value","line"}],
///   "redactions":[{"kind","line"}], "advisories":[{"id","message"}]}`
public struct DiagnosisReport: Sendable, Codable, Hashable {
    /// Best first.
    public var diagnoses: [RankedDiagnosis]
    public var next: NextQuestion?
    public var facts: [FactRecord]
    public var redactions: [RedactionRecord]
    public var advisories: [Advisory]
    /// Every candidate's ranking features, when the engine records them (fitting the weights);
    /// nil otherwise, and then not encoded.
    public var rankingFeatures: [RankingFeatures]?
    /// The user said the problem is gone: the cause that was on top then ("" when none was). The
    /// report then holds no diagnosis and no question. nil otherwise, and then not encoded.
    public var solved: String?

    public init(
        diagnoses: [RankedDiagnosis] = [], next: NextQuestion? = nil, facts: [FactRecord] = [],
        redactions: [RedactionRecord] = [], advisories: [Advisory] = []
    ) {
        self.diagnoses = diagnoses
        self.next = next
        self.facts = facts
        self.redactions = redactions
        self.advisories = advisories
    }

    private enum CodingKeys: String, CodingKey {
        case diagnoses, next, facts, redactions, advisories, rankingFeatures = "ranking", solved
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(diagnoses, forKey: .diagnoses)
        // `next` is always present, `null` when there is nothing left to ask.
        try container.encode(next, forKey: .next)
        try container.encode(facts, forKey: .facts)
        try container.encode(redactions, forKey: .redactions)
        try container.encode(advisories, forKey: .advisories)
        try container.encodeIfPresent(rankingFeatures, forKey: .rankingFeatures)
        try container.encodeIfPresent(solved, forKey: .solved)
    }
}

/// One candidate cause with its confidence and the lines that support it.
public struct RankedDiagnosis: Sendable, Codable, Hashable {
    /// An id from the diagnosis catalogue (`pairing-not-approved`).
    public var id: String
    public var title: String
    /// 0…1; the confidences of a report's diagnoses sum to at most 1.
    public var confidence: Double
    public var evidence: [EvidenceLine]
    /// The remedy, tailored to the known facts (Markdown).
    public var fix: String

    public init(id: String, title: String, confidence: Double, evidence: [EvidenceLine], fix: String) {
        self.id = id
        self.title = title
        self.confidence = confidence
        self.evidence = evidence
        self.fix = fix
    }
}

/// A line of the user's paste (or a probe observation) that supports a diagnosis.
public struct EvidenceLine: Sendable, Codable, Hashable {
    /// 1-based line in the paste; nil for evidence that came from words or the probe.
    public var line: Int?
    public var text: String

    public init(line: Int?, text: String) {
        self.line = line
        self.text = text
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(line, forKey: .line)
        try container.encode(text, forKey: .text)
    }
}

/// The one question whose answer best separates the remaining causes.
public struct NextQuestion: Sendable, Codable, Hashable {
    public var question: String
    /// Exact commands to run, tailored to what is known (container name, port, sudo, ssh, PowerShell).
    public var commands: [String]
    /// Why this question: what its answer will tell apart.
    public var why: String

    public init(question: String, commands: [String], why: String) {
        self.question = question
        self.commands = commands
        self.why = why
    }
}

/// A fact as reported in JSON.
public struct FactRecord: Sendable, Codable, Hashable {
    public var name: String
    public var value: String
    public var line: Int?

    public init(name: String, value: String, line: Int?) {
        self.name = name
        self.value = value
        self.line = line
    }

    public init(_ fact: Fact) {
        self.init(name: fact.name.rawValue, value: fact.value, line: fact.line)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(value, forKey: .value)
        try container.encode(line, forKey: .line)
    }
}

/// A secret removed from the input, reported by kind and line only.
public struct RedactionRecord: Sendable, Codable, Hashable {
    public var kind: String
    public var line: Int

    public init(kind: String, line: Int) {
        self.kind = kind
        self.line = line
    }
}

/// A notice reported beside any diagnosis (`secret-exposed`).
public struct Advisory: Sendable, Codable, Hashable {
    public var id: String
    public var message: String

    public init(id: String, message: String) {
        self.id = id
        self.message = message
    }
}

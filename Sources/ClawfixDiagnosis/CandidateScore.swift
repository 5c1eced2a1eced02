import ClawfixEvidence
import ClawfixKnowledge

/// How one diagnosis scored: the parts of its score, each with the facts behind it. `/why` prints
/// these (the front ends word them); the report's evidence lines are the facts of the positive parts.
public struct CandidateScore: Sendable, Hashable {
    /// One contribution to a score: what produced it, its weight and the facts behind it.
    public struct Part: Sendable, Hashable {
        /// The family a part belongs to, which `/why` names it by.
        public enum Kind: Sendable, Hashable {
            /// Not a rule of the tree: the text search, the newest message, the caps and discounts.
            case prior
            /// A `signal ±N:` line whose condition holds.
            case signal
            /// A branch on the path from the tree's start to the diagnosis.
            case branch
        }

        /// What produced a part, with what a renderer needs to say so. The engine writes no
        /// sentences: the front ends word each case (`ScoreExplanation`).
        public enum Reason: Sendable, Hashable {
            /// The user's text matches what the knowledge base says of `diagnosis` (full-text search).
            case textMatch(diagnosis: String)
            /// It is a cause of the symptom of the newest message.
            case currentSymptom
            /// A signal whose condition holds, as written in the tree. `repeatedLine`: its facts
            /// come from the line of a stronger signal, so it adds nothing.
            case signal(condition: Condition, repeatedLine: Bool)
            /// A branch taken on the way to the diagnosis: at `node`, the branch on `condition`
            /// (nil: `else`) to `target`.
            case branch(node: String, condition: Condition?, target: String)
            /// Capped: what defines it (the node's `requires:`) is not known yet.
            case capped(requires: Condition?)
            /// It applies to some releases only, and the user's is not known.
            case versionUnknown
            /// A special case of `parent` with nothing yet setting it apart: it ranks below it.
            case subordinate(parent: String)
            /// A more specific cause (the diagnosis `by` names) is established: this one ranks below it.
            case refined(by: String)

            public var kind: Kind {
                switch self {
                case .signal: return .signal
                case .branch: return .branch
                case .textMatch, .currentSymptom, .capped, .versionUnknown, .subordinate, .refined: return .prior
                }
            }
        }

        public var reason: Reason
        public var weight: Double
        public var facts: [Fact]

        public var kind: Kind { reason.kind }

        public init(reason: Reason, weight: Double, facts: [Fact] = []) {
            self.reason = reason
            self.weight = weight
            self.facts = facts
        }
    }

    public var diagnosisID: String
    public var treeID: String
    public var nodeID: String
    public var score: Double
    public var parts: [Part]
    /// Confidence after normalisation over all candidates (0…1).
    public var confidence: Double = 0
    /// Limited to some releases while the user's release is unknown, so discounted: the release
    /// question can still lift it.
    public var releaseUnknown = false

    public init(
        diagnosisID: String, treeID: String, nodeID: String, score: Double, parts: [Part], confidence: Double = 0,
        releaseUnknown: Bool = false
    ) {
        self.diagnosisID = diagnosisID
        self.treeID = treeID
        self.nodeID = nodeID
        self.score = score
        self.parts = parts
        self.confidence = confidence
        self.releaseUnknown = releaseUnknown
    }

    /// Facts of the parts that speak for the diagnosis, each once, in paste order.
    public var supportingFacts: [Fact] {
        var seen: Set<FactKey> = []
        var result: [Fact] = []
        for part in parts where part.weight > 0 {
            for fact in part.facts where seen.insert(FactKey(fact)).inserted { result.append(fact) }
        }
        return result.enumerated().sorted { lhs, rhs in
            switch (lhs.element.line, rhs.element.line) {
            case (let left?, let right?): return left != right ? left < right : lhs.offset < rhs.offset
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return lhs.offset < rhs.offset
            }
        }.map(\.element)
    }
}

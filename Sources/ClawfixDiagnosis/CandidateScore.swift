import ClawfixEvidence

/// How one diagnosis scored: the parts of its score, each with the facts behind it. `/why` prints
/// these; the report's evidence lines are the facts of the positive parts.
public struct CandidateScore: Sendable, Hashable {
    /// One contribution to a score.
    public struct Part: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            /// The user's text matched the tree's symptoms (full-text search).
            case prior
            /// A `signal ±N:` line whose condition holds.
            case signal
            /// A branch on the path from the tree's start to the diagnosis: taken or contradicted.
            case branch
        }

        public var kind: Kind
        public var weight: Double
        /// The condition or search that produced it, as written in the tree.
        public var description: String
        public var facts: [Fact]
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

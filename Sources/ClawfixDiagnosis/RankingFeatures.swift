import ClawfixKnowledge

/// What one diagnosis's score is made of, before the weights of `KnowledgeBase/ranking.md` combine
/// it: the numbers `scripts/fit-ranking.py` fits the weights on (`clawfix paste --ranking-features`).
public struct RankingFeatures: Sendable, Codable, Hashable {
    public var id: String
    /// Full-text relevance of the diagnosis's document, 0…1 (1 = the message's best match, when
    /// that match is a strong one).
    public var text: Double = 0
    /// The raw relevance behind `text` (negated bm25) and the message's best, so a fit can try
    /// another `text-floor` without running the engine again.
    public var bm25: Double = 0
    public var bestBM25: Double = 0
    /// Rule evidence for it: per independent input line (or, for facts said in words or probed, per
    /// fact name), the strongest positive signal weight; summed over lines.
    public var evidence: Double = 0
    /// Rule evidence against it: per line, the strongest negative weight, as a positive number.
    public var against: Double = 0
    /// Branches of its tree the facts take on the way to it (on a path no fact contradicts).
    public var path: Double = 0
    /// Its defining evidence (`requires:`) is unknown: it cannot be confirmed yet.
    public var unconfirmed = false
    /// It applies to some releases only and the release is unknown.
    public var versionUnknown = false
    /// A refinement of it has its own defining evidence (a more specific cause is established).
    public var refined = false
    /// That refinement.
    public var refinedBy: String?
    /// The generic diagnosis this one refines, if any.
    public var refines: String?
    /// As a refinement with no evidence of its own, it was ranked just below its generic cause.
    public var subordinate = false
    /// It is a cause of the symptom of the newest message, after older messages named others.
    public var current = false
    /// Independent input lines that speak for it.
    public var lines = 0
    /// The symptoms its rules name that the input shows: the problem it explains.
    public var explains: [String] = []

    public init(id: String) { self.id = id }

    /// The score under `weights`: linear in the parts, capped while unconfirmed.
    public func score(_ weights: RankingWeights) -> Double {
        var score = weights.text * text + weights.evidence * evidence - weights.against * against
            + weights.path * path
        if versionUnknown { score -= weights.versionUnknown }
        if refined { score -= weights.refined }
        if current { score += weights.current }
        if unconfirmed { score = min(score, weights.unconfirmedCap) }
        return score
    }
}

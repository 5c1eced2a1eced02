/// One ranked result of a knowledge-base search: a tree (its title, symptoms and summary) or
/// one node of it.
public struct KnowledgeHit: Sendable, Hashable {
    public var treeID: String
    /// nil when the tree itself matched (symptoms, title, summary).
    public var nodeID: String?
    public var title: String
    /// The best-matching fragment, matched words in `[brackets]`.
    public var snippet: String
    /// Negated bm25: higher is better.
    public var score: Double

    public init(treeID: String, nodeID: String?, title: String, snippet: String, score: Double) {
        self.treeID = treeID
        self.nodeID = nodeID
        self.title = title
        self.snippet = snippet
        self.score = score
    }
}

/// How well a diagnosis's document matches a message (`KnowledgeIndex.relevance`).
public struct DiagnosisRelevance: Sendable, Hashable, Codable {
    public var id: String
    /// Negated bm25: higher is better; comparable only within one query.
    public var score: Double

    public init(id: String, score: Double) {
        self.id = id
        self.score = score
    }
}

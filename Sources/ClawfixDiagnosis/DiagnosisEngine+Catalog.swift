import ClawfixKnowledge

extension DiagnosisEngine {
    /// An engine over trees with the diagnosis catalogue (`KnowledgeBase/diagnoses.md`) for titles
    /// and fallback fixes. The catalogue's `versions` column is prose, so version limits come from the
    /// trees' `versions:` lines only.
    public init(
        trees: [KnowledgeTree], catalog: DiagnosisCatalog, search: RelevanceSearch? = nil, weights: RankingWeights = .init()
    ) {
        var titles: [String: String] = [:]
        var fixes: [String: String] = [:]
        for entry in catalog.entries {
            titles[entry.id] = entry.title
            fixes[entry.id] = entry.fix
        }
        self.init(trees: trees, titles: titles, fixes: fixes, search: search, weights: weights)
    }
}

extension DiagnosisEngine {
    /// The engine over a loaded knowledge base, with its FTS5 index for text relevance (nil: no
    /// search, candidates come from facts alone) and its ranking weights. A failing search is
    /// treated as no match: the facts still rank the causes.
    public init(knowledgeBase: KnowledgeBase, index: KnowledgeIndex?) {
        var search: RelevanceSearch?
        if let index {
            search = { text in (try? index.relevance(text)) ?? [] }
        }
        self.init(trees: knowledgeBase.trees, catalog: knowledgeBase.catalog, search: search, weights: knowledgeBase.ranking)
    }
}

import ClawfixKnowledge

extension DiagnosisEngine {
    /// An engine over trees with the diagnosis catalogue (`KnowledgeBase/diagnoses.md`) for titles
    /// and fallback fixes. The catalogue's `versions` column is prose, so version limits come from the
    /// trees' `versions:` lines only.
    public init(trees: [KnowledgeTree], catalog: DiagnosisCatalog, search: TreeSearch? = nil) {
        var titles: [String: String] = [:]
        var fixes: [String: String] = [:]
        for entry in catalog.entries {
            titles[entry.id] = entry.title
            fixes[entry.id] = entry.fix
        }
        self.init(trees: trees, titles: titles, fixes: fixes, search: search)
    }
}

extension DiagnosisEngine {
    /// The engine over a loaded knowledge base, with its FTS5 index for symptom search (nil: no
    /// search, candidates come from facts alone). A failing search is treated as no hit: the facts
    /// still rank the causes.
    public init(knowledgeBase: KnowledgeBase, index: KnowledgeIndex?) {
        var search: TreeSearch?
        if let index {
            search = { text in
                var seen: Set<String> = []
                return ((try? index.search(text, limit: 20)) ?? []).compactMap { hit in
                    seen.insert(hit.treeID).inserted ? hit.treeID : nil
                }
            }
        }
        self.init(trees: knowledgeBase.trees, catalog: knowledgeBase.catalog, search: search)
    }
}

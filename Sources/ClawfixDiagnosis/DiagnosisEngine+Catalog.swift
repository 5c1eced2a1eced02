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

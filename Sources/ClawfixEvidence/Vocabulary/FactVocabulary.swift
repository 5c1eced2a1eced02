/// Every fact name clawfix can produce: the knowledge-base linter rejects conditions over any
/// other name, so a typo in a tree is caught before it silently never matches. The names are the
/// `FactName` definitions (`FactName.all` is generated from them; see `KnowledgeBase/facts.md`).
public enum FactVocabulary {
    /// Open-ended families: `env.<VARIABLE>` and `config.<dotted.path>`.
    static let families = ["env.", "config."]

    /// All fixed names.
    public static let known: Set<String> = Set(FactName.all.map(\.rawValue))

    /// Whether a condition may test this name.
    public static func isKnown(_ name: String) -> Bool {
        known.contains(name) || families.contains { name.hasPrefix($0) && name.count > $0.count }
    }
}

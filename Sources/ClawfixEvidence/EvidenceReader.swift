import ClawfixRedaction

/// Runs every extractor over a paste and returns the facts, in line order, without duplicates.
public struct EvidenceReader: Sendable {
    public var extractors: [any FactExtractor]

    public init(extractors: [any FactExtractor]) {
        self.extractors = extractors
    }

    /// All built-in extractors.
    public static let standard = EvidenceReader(extractors: StandardExtractors.all)

    public func read(_ redacted: RedactedText) -> [Fact] {
        read(PasteDocument(redacted))
    }

    public func read(_ document: PasteDocument) -> [Fact] {
        var seen = Set<Fact>()
        var facts: [Fact] = []
        for extractor in extractors {
            for fact in extractor.extract(from: document) where seen.insert(fact).inserted {
                facts.append(fact)
            }
        }
        return facts.sorted { ($0.line ?? .max, $0.name) < ($1.line ?? .max, $1.name) }
    }
}

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
        var all: [Fact] = []
        for extractor in extractors { all += extractor.extract(from: document) }
        // Sort first, then drop duplicates inside each run of equal (line, name): far cheaper than
        // hashing every fact (tens of thousands in a megabyte), and equal facts are always adjacent.
        let lines = all.map { $0.line ?? .max }
        let order = all.indices.sorted { left, right in
            if lines[left] != lines[right] { return lines[left] < lines[right] }
            if all[left].name != all[right].name { return all[left].name < all[right].name }
            return left < right
        }
        var facts: [Fact] = []
        facts.reserveCapacity(all.count)
        var runStart = 0
        var runSeen: Set<Fact>?
        for index in order {
            let fact = all[index]
            if let last = facts.last, last.line != fact.line || last.name != fact.name {
                runStart = facts.count
                runSeen = nil
            }
            if facts.count - runStart > 16 {
                // A long run (one line with many values of one name): hash it instead of rescanning.
                if runSeen == nil { runSeen = Set(facts[runStart...]) }
                guard runSeen!.insert(fact).inserted else { continue }
            } else if facts[runStart...].contains(fact) {
                continue
            }
            facts.append(fact)
        }
        return facts
    }
}

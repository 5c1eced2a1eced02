import ClawfixRedaction

/// Runs every extractor over a paste and returns the facts, in line order, without duplicates.
public struct EvidenceReader: Sendable {
    public var extractors: [any FactExtractor]

    public init(extractors: [any FactExtractor]) {
        self.extractors = extractors
    }

    /// All built-in extractors.
    public static let standard = EvidenceReader(extractors: StandardExtractors.all)

    /// All built-in extractors reading `messages` (the built-in table plus a `--kb` directory's rows).
    public init(messages: MessageTable) {
        self.init(extractors: messages.isBuiltIn ? StandardExtractors.all : StandardExtractors.make(messages: messages))
    }

    public func read(_ redacted: RedactedText) -> [Fact] {
        read(PasteDocument(redacted))
    }

    public func read(_ document: PasteDocument) -> [Fact] {
        var facts: [Fact] = []
        for extractor in extractors { facts.append(contentsOf: extractor.extract(from: document)) }
        // Nothing silent: what looks like an error but matched no extractor is kept as such.
        facts.append(contentsOf: UnrecognizedLines.facts(in: document, after: facts))
        // Sort in place (stable, so facts of one line and name keep their order), then drop
        // duplicates inside each run of equal (line, name): no hashing of every fact and no second
        // copy of tens of thousands of them; equal facts are always in the same run.
        facts.sort { left, right in
            let leftLine = left.line ?? .max
            let rightLine = right.line ?? .max
            return leftLine != rightLine ? leftLine < rightLine : left.name < right.name
        }
        var kept = 0
        var runStart = 0
        var runSeen: Set<Fact>?
        for index in facts.indices {
            if kept == 0 || facts[kept - 1].line != facts[index].line || facts[kept - 1].name != facts[index].name {
                runStart = kept
                runSeen = nil
            }
            if kept - runStart > 16 {
                // A long run (one line with many values of one name): hash it instead of rescanning.
                if runSeen == nil { runSeen = Set(facts[runStart..<kept]) }
                guard runSeen!.insert(facts[index]).inserted else { continue }
            } else if (runStart..<kept).contains(where: { facts[$0] == facts[index] }) {
                continue
            }
            facts.swapAt(kept, index)
            kept += 1
        }
        facts.removeLast(facts.count - kept)
        return facts
    }
}

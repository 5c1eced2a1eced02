import ClawfixRedaction

/// A redacted paste split into numbered lines: what every extractor reads.
public struct PasteDocument: Sendable {
    /// The lines, without terminators; `lines[0]` is line 1.
    public let lines: [Substring]
    /// The whole redacted text.
    public let text: String

    /// The normal way in: only redacted text becomes evidence.
    public init(_ redacted: RedactedText) {
        self.init(redactedText: redacted.text)
    }

    /// For text that is already redacted and cleaned (tests, facts replayed from storage).
    public init(redactedText: String) {
        self.text = redactedText
        self.lines = redactedText.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The text of 1-based line `number`, or nil past the end.
    public func line(_ number: Int) -> Substring? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }
}

/// Turns one kind of pasted input into facts. Each extractor recognises its input inside mixed
/// text (prose, several commands, logs) and must ignore everything else: no match, no facts.
public protocol FactExtractor: Sendable {
    /// A short name used in diagnostics and benchmarks (`docker-ps`).
    var name: String { get }
    /// The facts found in the document, each with the line it came from.
    func extract(from document: PasteDocument) -> [Fact]
}

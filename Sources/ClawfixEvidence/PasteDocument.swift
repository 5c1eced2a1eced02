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
        // Split on the byte 0x0A, not the Character "\n": Swift treats "\r\n" as one Character,
        // so a Character split would leave a CRLF document as a single line.
        var lines: [Substring] = []
        let bytes = redactedText.utf8
        var start = bytes.startIndex
        var index = start
        while index < bytes.endIndex {
            if bytes[index] == 0x0A {
                lines.append(redactedText[start..<index])
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        lines.append(redactedText[start..<bytes.endIndex])
        self.lines = lines
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

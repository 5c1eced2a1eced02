import ClawfixRedaction

/// A redacted paste split into numbered lines: what every extractor reads.
///
/// Building it cleans every line once (`PasteLine`), marks which extractors' trigger words each
/// line holds, and splits the paste into command blocks, so no extractor re-scans or re-cleans
/// the text: reading a megabyte paste is one pass per concern, not one per extractor.
public struct PasteDocument: Sendable {
    /// The lines, without terminators; `lines[0]` is line 1.
    public let lines: [Substring]
    /// The whole redacted text.
    public let text: String
    /// The cleaned lines; `cleanLines[0]` is line 1.
    let cleanLines: [PasteLine]
    /// The commands of the paste with their output, in order.
    let blocks: [CommandBlock]
    /// For each 1-based line number, the index of its block in `blocks` (nil before any block).
    let blockOfLine: [Int?]
    /// For each trigger bit, the 0-based indices of the lines holding it: an extractor visits its
    /// own lines only, instead of every line of a large paste.
    private let linesByTrigger: [[Int32]]

    /// The normal way in: only redacted text becomes evidence.
    public init(_ redacted: RedactedText) {
        self.init(redactedText: redacted.text)
    }

    /// For text that is already redacted and cleaned (tests, facts replayed from storage).
    public init(redactedText: String) {
        self.init(redactedText: redactedText, scanningTriggers: true)
    }

    /// `scanningTriggers: false` skips marking lines with the extractors' trigger words: a reader of
    /// prose alone (`ProseReader.read(_:)`) needs the clean lines and the command blocks, not them.
    init(redactedText: String, scanningTriggers: Bool) {
        var text = redactedText
        text.makeContiguousUTF8()
        self.text = text
        let utf8 = text.utf8
        let storage = LineBuffer(capacity: utf8.count + 1)
        var lines: [Substring] = []
        var clean: [(rawStart: Int, start: Int, end: Int, rawEnd: Int)] = []
        utf8.withContiguousStorageIfAvailable { bytes in
            // Split on the byte 0x0A, not the Character "\n": Swift treats "\r\n" as one Character,
            // so a Character split would leave a CRLF document as a single line.
            var lineStart = 0
            var index = utf8.startIndex
            while true {
                let newline = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
                let next = utf8.index(index, offsetBy: newline - lineStart)
                lines.append(text[index..<next])
                clean.append(LineCleaning.clean(UnsafeBufferPointer(rebasing: bytes[lineStart..<newline]), into: storage))
                guard newline < bytes.count else { break }
                lineStart = newline + 1
                index = utf8.index(after: next)
            }
        }
        let triggers = scanningTriggers ? LineTriggers.scan(storage) : []
        var cleanLines: [PasteLine] = []
        cleanLines.reserveCapacity(clean.count)
        for (index, range) in clean.enumerated() {
            let text = String(decoding: UnsafeBufferPointer(start: storage.bytes.baseAddress! + range.start, count: range.end - range.start), as: UTF8.self)
            cleanLines.append(
                PasteLine(
                    number: index + 1, text: text, triggers: index < triggers.count ? triggers[index] : [], storage: storage,
                    rawStart: range.rawStart, start: range.start, end: range.end, rawEnd: range.rawEnd))
        }
        self.lines = lines
        self.cleanLines = cleanLines
        self.blocks = PasteSegmenter.blocks(of: cleanLines)
        self.blockOfLine = PasteSegmenter.blockIndexByLine(blocks, lineCount: cleanLines.count)
        var linesByTrigger = [[Int32]](repeating: [], count: 64)
        for (index, line) in cleanLines.enumerated() {
            var mask = line.triggers.rawValue
            while mask != 0 {
                linesByTrigger[mask.trailingZeroBitCount].append(Int32(index))
                mask &= mask - 1
            }
        }
        self.linesByTrigger = linesByTrigger
    }

    /// The lines holding `trigger` (one trigger bit), in order.
    func lines(with trigger: LineTriggers) -> LazyMapSequence<[Int32], PasteLine> {
        let lines = cleanLines
        return linesByTrigger[trigger.rawValue.trailingZeroBitCount].lazy.map { lines[Int($0)] }
    }

    /// The text of 1-based line `number`, or nil past the end.
    public func line(_ number: Int) -> Substring? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    /// The block of 1-based line `number`, if any.
    func block(ofLine number: Int) -> CommandBlock? {
        guard number >= 1, number < blockOfLine.count, let index = blockOfLine[number] else { return nil }
        return blocks[index]
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

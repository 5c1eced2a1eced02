/// One pasted line, cleaned once when the `PasteDocument` is built and read by every extractor:
/// carriage returns, ANSI/OSC escapes, other control characters and byte-order marks removed,
/// Windows-1252 mojibake of box-drawing characters (`â”‚`) repaired, tabs kept (docker's
/// `--format '{{.Names}}\t{{.Ports}}'` separates columns with nothing else).
///
/// `bytes` and `lower` are the trimmed line; offsets into `lower` (ASCII lower-cased, TAB read as
/// a space) are offsets into `bytes`, so a match found case-insensitively can be cut out of the
/// original text.
struct PasteLine: Sendable {
    /// 1-based line number in the paste.
    let number: Int
    /// The cleaned line without surrounding blanks; shown as evidence.
    let text: String
    /// Which extractors' trigger words the line holds (a cheap prefilter, never a match).
    let triggers: LineTriggers
    let storage: LineBuffer
    /// Offsets of the untrimmed and trimmed line in `storage`.
    let rawStart: Int
    let start: Int
    let end: Int
    let rawEnd: Int

    /// The trimmed line as UTF-8.
    var bytes: LineBytes { LineBytes(owner: storage, base: UnsafePointer(storage.bytes.baseAddress! + start), count: end - start) }
    /// `bytes` lower-cased (ASCII), TAB as space.
    var lower: LineBytes { LineBytes(owner: storage, base: UnsafePointer(storage.lower.baseAddress! + start), count: end - start) }
    /// The untrimmed line, tabs kept: column offsets of tabwriter tables count from here.
    var raw: String {
        LineBytes(owner: storage, base: UnsafePointer(storage.bytes.baseAddress! + rawStart), count: rawEnd - rawStart).string(0..<(rawEnd - rawStart))
    }
    /// Leading spaces of the untrimmed line (YAML indentation).
    var indent: Int {
        var offset = rawStart
        while offset < rawEnd, storage.bytes[offset] == 0x20 { offset += 1 }
        return offset - rawStart
    }

    var isEmpty: Bool { start == end }
    /// The first byte of the trimmed line, 0 for an empty line.
    var firstByte: UInt8 { start < end ? storage.bytes[start] : 0 }

    /// The original text of `range` (byte offsets into `bytes`).
    func slice(_ range: Range<Int>) -> String { bytes.string(range) }

    /// The original text from `offset` to the end of the line.
    func suffix(from offset: Int) -> String { slice(offset..<(end - start)) }

    /// First offset of `needle` (lower-case ASCII) at or after `from`, case-insensitively.
    func find(_ needle: [UInt8], from: Int = 0) -> Int? { ByteSearch.find(needle, in: lower, from: from) }

    func contains(_ needle: [UInt8]) -> Bool { find(needle) != nil }

    /// Whether the line starts with `needle` (lower-case ASCII), case-insensitively.
    func hasPrefix(_ needle: [UInt8]) -> Bool { lower.hasPrefix(needle) }

    /// Whether the line ends with `needle` (lower-case ASCII), case-insensitively.
    func hasSuffixBytes(_ needle: [UInt8]) -> Bool { lower.hasSuffix(needle) }

    /// A fact from this line.
    func fact(_ name: FactName, _ value: String) -> Fact {
        Fact(name, value, line: number, text: text)
    }
}

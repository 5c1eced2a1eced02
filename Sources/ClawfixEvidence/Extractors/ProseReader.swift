/// Reads what people write around (or instead of) a paste, in every message of any length: the
/// install kind and platform they name, where the gateway runs and how they reach it, what they
/// already tried without success, settings stated in words or bullets, ports, releases ("upgraded
/// from A to B", "after updating", "latest", a build sha) — in English, Chinese and Spanish.
///
/// Only prose lines are read (`ProseLineShape`); output lines stay with the extractors. Each line
/// is matched against the whole phrase table, the setting names and the messages it may quote in
/// one automaton pass (`ProseLineScan`), so a megabyte message costs one pass over its prose. Facts
/// carry their line (the user's sentence is the evidence) and the origin `answer`: they are the
/// user's words, not a program's output.
/// Not one of `StandardExtractors`: the answer interpreter runs it on every message, so its facts
/// come once, as the user's words.
public struct ProseReader: Sendable {
    public init() {}

    /// Facts of the prose lines of `text` (already redacted).
    public func read(_ text: String) -> [Fact] {
        read(PasteDocument(redactedText: text, scanningTriggers: false))
    }

    /// Facts of the prose lines of `document`.
    public func read(_ document: PasteDocument) -> [Fact] {
        var message = ProseFindings()
        var triedSection = false
        var nonEmpty = 0
        for line in document.cleanLines where !line.isEmpty {
            nonEmpty += 1
            if nonEmpty > 1 { break }
        }
        for line in document.cleanLines {
            guard let end = ProseLineShape.proseEnd(line, in: document, lone: nonEmpty == 1) else {
                // A blank line may sit between a "Things I've tried:" heading and its list.
                if !line.isEmpty, !Self.isListItem(line.lower) { triedSection = false }
                continue
            }
            let scan = ProseLineScan(line.lower)
            let matches = Self.matches(in: line, end: end, scan: scan)
            let isHeading = matches.contains { $0.meaning == .triedHeading }
                && (line.lower[line.lower.count - 1] == UInt8(ascii: ":") || line.firstByte == UInt8(ascii: "#") || end < 48)
            if !isHeading, !Self.isListItem(line.lower) { triedSection = false }
            message.read(line, end: end, matches: matches, scan: scan, inTriedList: triedSection || isHeading)
            if isHeading { triedSection = true }
        }
        return message.facts()
    }

    /// Whether the sentence holding byte `offset` of `line` says the address there is where things
    /// work ("127.0.0.1 works fine") and not that something fails: such a URL is not the failing
    /// browser URL.
    static func saysWorks(_ line: PasteLine, at offset: Int) -> Bool {
        guard let end = ProseLineShape.proseEnd(line.lower) else { return false }
        let sentences = ProseFindings.sentences(line.lower, end: line.lower.count)
        guard let sentence = sentences.first(where: { $0.contains(offset) }) else { return false }
        let matches = matches(in: line, end: max(end, sentence.upperBound), scan: ProseLineScan(line.lower))
            .filter { sentence.contains($0.start) }
        return matches.contains { $0.meaning == .works } && !matches.contains { $0.meaning == .failed }
    }

    /// A bullet or numbered item: `- `, `* `, `• `, `✅ `, `1. `, `2) `.
    static func isListItem(_ lower: LineBytes) -> Bool {
        guard let first = lower.first else { return false }
        if (first == UInt8(ascii: "-") || first == UInt8(ascii: "*")) && lower.count > 1 && lower[1] == 0x20 { return true }
        // • U+2022, ✅ U+2705, ✔ U+2714, ☑ U+2611, – U+2013.
        if first == 0xE2, lower.count > 2 {
            switch (lower[1], lower[2]) {
            case (0x80, 0xA2), (0x9C, 0x85), (0x9C, 0x94), (0x98, 0x91), (0x80, 0x93): return true
            default: break
            }
        }
        var index = 0
        while index < lower.count, index < 3, lower[index] >= 0x30, lower[index] <= 0x39 { index += 1 }
        return index > 0 && index + 1 < lower.count && (lower[index] == UInt8(ascii: ".") || lower[index] == UInt8(ascii: ")"))
            && lower[index + 1] == 0x20
    }

    struct Match {
        let meaning: ProseMeaning
        let start: Int
        let end: Int
    }

    /// The phrases of the prose part of `line`: as words, not inside an address or a setting token
    /// (`ws://localhost:18789`, `origin=…`), and not inside a longer phrase ("doesn't work" is not
    /// "works").
    static func matches(in line: PasteLine, end: Int, scan: ProseLineScan) -> [Match] {
        guard !scan.phrases.isEmpty else { return [] }
        let lower = line.lower
        var found: [Match] = []
        let masked = addressTokens(lower, end: end) + scan.quoted
        for (index, start) in scan.phrases {
            let phrase = ProsePhrase.table[index]
            let stop = start + phrase.needle.count
            guard stop <= end else { continue }
            // A file name is read inside its path (`~/.openclaw/identity/device-auth.json`).
            let fileName = phrase.isFileName
            if phrase.ascii, !fileName {
                if start > 0 {
                    let before = lower[start - 1]
                    if ByteSearch.isWordByte(before) || (phrase.needle[0] != UInt8(ascii: "-") && Self.joinsToken(before)) {
                        continue
                    }
                }
                if !phrase.stem, phrase.needle.last != 0x20, stop < lower.count, ByteSearch.isWordByte(lower[stop]) || (lower[stop] == UInt8(ascii: "-")
                    && stop + 1 < lower.count && ByteSearch.isWordByte(lower[stop + 1]))
                {
                    continue
                }
            }
            if !fileName, masked.contains(where: { $0.contains(start) }) { continue }
            // `ssh -L` forwards a port; `ssh -l` names the login: only the capital L is a tunnel.
            if phrase.needsCapitalL, line.bytes[stop - 1] != UInt8(ascii: "L") {
                continue
            }
            found.append(Match(meaning: phrase.meaning, start: start, end: stop))
        }
        // Drop a phrase inside a longer one.
        return found.filter { match in
            !found.contains { other in
                (other.start < match.start && other.end >= match.end) || (other.start <= match.start && other.end > match.end)
            }
        }
    }

    /// `-`, `:`, `/`, `.`, `@`, `_` before a phrase: it is part of a token (`--latest`, `/docker`).
    private static func joinsToken(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "@"), UInt8(ascii: "_"): return true
        default: return false
        }
    }

    /// Byte ranges of tokens that are addresses or settings rather than words: a URL, `key=value`,
    /// `host:port`, a path.
    private static func addressTokens(_ lower: LineBytes, end: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        while start < end {
            while start < end, lower[start] == 0x20 { start += 1 }
            var stop = start
            var address = false
            while stop < end, lower[stop] != 0x20 {
                let byte = lower[stop]
                if byte == UInt8(ascii: "=") || (stop == start && (byte == UInt8(ascii: "/") || byte == UInt8(ascii: "~"))) {
                    address = true
                }
                if byte == UInt8(ascii: ":"), stop + 1 < end,
                    (lower[stop + 1] >= 0x30 && lower[stop + 1] <= 0x39) || lower[stop + 1] == UInt8(ascii: "/")
                {
                    address = true
                }
                stop += 1
            }
            if address { ranges.append(start..<stop) }
            start = stop
        }
        return ranges
    }
}

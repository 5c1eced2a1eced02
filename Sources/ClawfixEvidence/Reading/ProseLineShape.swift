/// Tells a line the user wrote (a sentence, a bullet, a heading, a line of Chinese) from a line a
/// program printed (a log record, a table row, JSON, a prompt and its command, a stack frame), by
/// its shape alone: a few byte tests per line, so a megabyte of logs costs almost nothing.
///
/// Pasted output mentions "docker", "server" and "localhost" all over; only the user's own lines
/// say what they run and what they tried.
enum ProseLineShape {
    /// How much of `line` (bytes from its start) is the user's own words, or nil for a line of
    /// output. A sentence that quotes output ("and then I get disconnected (1008): …") is prose up
    /// to the quote: the rest is the program's, read by the extractors.
    /// `lone`: the line is the whole message, a short answer ("compose", "2026.2.9"), where one
    /// word is enough.
    static func proseEnd(_ line: PasteLine, in document: PasteDocument, lone: Bool = false) -> Int? {
        guard !line.isEmpty, line.end - line.start <= 2_000 else { return nil }
        if let block = document.block(ofLine: line.number), block.commandLine == line.number,
            block.prompt != nil || !(lone || readsAsSentence(line.lower))
        {
            // A command typed after a prompt is pasted, not said. A prompt-less line the segmenter
            // took for a command ("openclaw on Unraid via the community app", a lone "docker
            // compose" answering a question) is a sentence when it reads like one.
            return nil
        }
        // `openclaw-gateway-1  | …`: a container's log, whatever it says.
        if line.contains(Needles.pipe), GatewayLogLine(line).container != nil { return nil }
        return proseEnd(line.lower, minimumWords: lone && line.end - line.start <= 100 ? 0 : 2)
    }

    /// Five words or more and no option, path or assignment among them.
    private static func readsAsSentence(_ lower: LineBytes) -> Bool {
        var words = 0
        for token in lower.split(separator: 0x20) {
            guard let first = token.first, first != UInt8(ascii: "-"), first != UInt8(ascii: "/"), first != UInt8(ascii: "~"),
                !token.contains(UInt8(ascii: "=")), !token.contains(UInt8(ascii: "|"))
            else { return false }
            words += 1
        }
        return words >= 5
    }

    /// Where quoted output starts on a line of prose.
    private static let outputStarts = ["disconnected (", "gateway closed (", "error:", "failed:", "exception", "(errno", " code="]
        .map(ByteSearch.needle)

    static func proseEnd(_ lower: LineBytes, minimumWords: Int = 2) -> Int? {
        guard !lower.isEmpty, isProse(lower, minimumWords: minimumWords) else { return nil }
        var end = lower.count
        for marker in outputStarts {
            if let offset = ByteSearch.find(marker, in: lower.buffer), offset < end { end = offset }
        }
        guard end < lower.count else { return end }
        // What is left before the quote must still be words.
        var wordRuns = 0
        var inWord = false
        for index in 0..<end {
            let byte = lower[index]
            let letter = (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
            if letter && !inWord { wordRuns += 1 }
            inWord = letter
        }
        return wordRuns >= min(2, max(1, minimumWords)) ? end : nil
    }

    /// The shape test on a lower-cased, trimmed line.
    static func isProse(_ lower: LineBytes, minimumWords: Int = 2) -> Bool {
        let first = lower[0]
        // JSON, log tags, tables and box drawing, quotes of docs, diff and prompt markers.
        if [UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "\""),
            UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "$"), UInt8(ascii: "<"), UInt8(ascii: "+"),
            UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: "/"), UInt8(ascii: "~"), UInt8(ascii: "%"), UInt8(ascii: "=")]
            .contains(first)
        {
            return false
        }
        // Box drawing (`│ ├ └ ◇ ◓`): U+2500–U+25FF start with E2 94…E2 97.
        if first == 0xE2, lower.count > 1, lower[1] >= 0x94, lower[1] <= 0x97 { return false }
        if startsWithTimestamp(lower) || isStackFrame(lower) || isPrompt(lower) || lower.hasPrefix(Needles.atLine) {
            return false
        }
        var letters = 0
        var wordRuns = 0
        var inWord = false
        var nonASCII = false
        var equals = 0
        var gaps = 0
        var spaces = 0
        var previous: UInt8 = 0
        for byte in lower.buffer {
            if byte >= 0x61 && byte <= 0x7A {
                letters += 1
                if !inWord { wordRuns += 1 }
                inWord = true
            } else {
                inWord = false
                if byte >= 0x80 { nonASCII = true }
            }
            if byte == UInt8(ascii: "=") && previous != 0x20 { equals += 1 }
            if byte == 0x20 {
                spaces += 1
                if spaces == 2 { gaps += 1 }
            } else {
                spaces = 0
            }
            previous = byte
        }
        // `key=value key=value …`: a log record; three column gaps: a table row.
        if equals >= 3 || gaps >= 3 { return false }
        if lower.count >= 2, lower[lower.count - 1] == UInt8(ascii: "{") || lower[lower.count - 1] == UInt8(ascii: "[") {
            return false
        }
        return wordRuns >= minimumWords || (nonASCII && letters + lower.count >= 4)
    }

    /// `2026-03-02T14:39:37Z …`, `15:57:08 [gateway] …`.
    private static func startsWithTimestamp(_ lower: LineBytes) -> Bool {
        func digit(_ index: Int) -> Bool { index < lower.count && lower[index] >= 0x30 && lower[index] <= 0x39 }
        func byte(_ index: Int, _ ascii: Unicode.Scalar) -> Bool { index < lower.count && lower[index] == UInt8(ascii: ascii) }
        if digit(0) && digit(1) && digit(2) && digit(3) && byte(4, "-") && digit(5) && digit(6) && byte(7, "-") { return true }
        return digit(0) && digit(1) && byte(2, ":") && digit(3) && digit(4) && byte(5, ":")
    }

    /// `at Object.onClose (file:///…/dist/call.js:266:10)`: a JavaScript stack frame.
    static func isStackFrame(_ lower: LineBytes) -> Bool {
        guard lower.hasPrefix(Needles.at) else { return false }
        return ByteSearch.find(Needles.js, in: lower) != nil || ByteSearch.find(Needles.node, in: lower) != nil
            || ByteSearch.find(Needles.file, in: lower) != nil
    }

    /// `alice@vps:~/openclaw$ …`, `root@host:~# …`, `ps c:\users\dana> …`, `c:\> …`.
    private static func isPrompt(_ lower: LineBytes) -> Bool {
        if lower.hasPrefix(Needles.powerShell), let close = lower.firstIndex(of: UInt8(ascii: ">")), close < 200,
            lower[..<close].contains(UInt8(ascii: "\\")) || lower[..<close].contains(UInt8(ascii: ":"))
        {
            return true
        }
        if lower.count > 2, lower[1] == UInt8(ascii: ":"), lower[2] == UInt8(ascii: "\\") { return true }
        guard let space = lower.firstIndex(of: 0x20) ?? (lower.count < 120 ? lower.count : nil), space > 2 else { return false }
        let last = lower[space - 1]
        guard last == UInt8(ascii: "$") || last == UInt8(ascii: "#") || last == UInt8(ascii: "%") else { return false }
        let token = lower[0..<space]
        return token.contains(UInt8(ascii: "@")) && token.contains(UInt8(ascii: ":"))
    }

    /// Built once: the shape test runs on every line of a message.
    private enum Needles {
        static let pipe: [UInt8] = [0x20, UInt8(ascii: "|")]
        static let atLine = ByteSearch.needle("at line:")
        static let at = ByteSearch.needle("at ")
        static let js = ByteSearch.needle(".js:")
        static let node = ByteSearch.needle("(node:")
        static let file = ByteSearch.needle("file://")
        static let powerShell = ByteSearch.needle("ps ")
    }
}

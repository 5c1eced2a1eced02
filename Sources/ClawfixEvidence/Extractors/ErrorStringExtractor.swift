/// Reads OpenClaw's user-visible error strings wherever they appear — Control UI banners, CLI
/// errors, gateway log lines, JSON error payloads, prose quoting them — and turns each into a
/// `symptom`, with `close.code`, `close.reason`, `pairing.request-id`, `pairing.reason`,
/// `auth.reason` and `error.reporter` when the line tells, and any other fact its row tells (a
/// startup line's `gateway.auth-mode`). What each text means is a row of
/// `KnowledgeBase/messages.md` (`MessageTable`); this type only knows how lines print them.
///
/// A close code is only read from its printed forms (`disconnected (1008)`, `gateway closed
/// (1006 …)`, `code=1012`) or from words that report it (`stuck on a 1008 error`, `error 1008`),
/// never from a bare number, so "what does 1008 mean" gives nothing. A line saying the
/// error is gone ("I don't get pairing required anymore") gives nothing either; see
/// `ErrorStringExtractor.negations`.
struct ErrorStringExtractor: FactExtractor {
    var name: String { "error-strings" }

    /// The rows this extractor reads (every printer but `shell`).
    let matcher: MessageMatcher
    var messages: MessageTable { matcher.table }

    init(messages: MessageTable = .builtIn) {
        matcher = .errors(messages)
    }

    private static let disconnected = ByteSearch.needle("disconnected (")
    private static let gatewayClosed = ByteSearch.needle("gateway closed (")
    /// Close codes in logs and prose: `code=1012`, `close code 1013`, `close 1006`, `"code":4001`.
    private static let codeForms = ["code=", "code: ", "close code ", "close ", "\"code\":"].map(ByteSearch.needle)
    private static let requestId = ByteSearch.needle("requestid")
    private static let authReasonKey = ByteSearch.needle("\"authreason\"")
    private static let cliMarkers = ["error: ", "[openclaw]", "health check failed", "gateway connect failed"].map(ByteSearch.needle)

    /// Every fact of a line starts from one of these (the built-in table's; a `--kb` table is
    /// read on every line instead).
    static let triggerWords: [String] =
        MessageMatcher.errors(.builtIn).words
        + ["disconnected (", "gateway closed (", "requestid", "\"authreason\"", "code=", "code: ", "close ", "\"code\":"]
        // The close codes themselves, for a code reported in words ("stuck on a 1008 error").
        + MessageTable.builtIn.rows.filter { $0.match == .closeCode }.map(\.text)

    func extract(from document: PasteDocument) -> [Fact] {
        var facts: [Fact] = []
        matcher.forEachLine(of: document, marked: .errorStrings) { extract($0, into: &facts) }
        return facts
    }

    func extract(_ line: PasteLine, into facts: inout [Fact]) {
        var symptoms: [String] = []
        var reporter: String?
        var lineFacts: [Fact] = []
        // A row that tells about the setup (`gateway.auth-mode=none`) names who printed the line,
        // as a symptom would.
        var toldFacts = false

        func take(_ row: OpenClawMessage) {
            if let symptom = row.symptom, !symptoms.contains(symptom) { symptoms.append(symptom) }
            if let auth = row.authReason { lineFacts.append(line.fact(.authReason, auth)) }
            if let pairing = row.pairingReason { lineFacts.append(line.fact(.pairingReason, pairing)) }
            for fact in row.facts { lineFacts.append(line.fact(fact.name, fact.value)) }
            toldFacts = toldFacts || !row.facts.isEmpty
            if reporter == nil { reporter = row.reporter }
        }

        let (rows, covered) = matcher.rows(in: line)
        rows.forEach(take)
        // A phrase saying the error is gone, outside the message itself ("…, instead of a resolved
        // string" is OpenClaw's own wording), makes the line a statement, not a report.
        if line.triggers.contains(.negation), Self.isNegated(line, outside: covered) { return }

        var sawClose = false
        var printedClose = false
        var closes: [(code: Int, reason: String?, reporter: String?)] = []
        for (needle, closeReporter) in [(Self.disconnected, "control-ui"), (Self.gatewayClosed, "cli")] {
            guard let offset = line.find(needle), let close = Self.closeCode(in: line, after: offset + needle.count)
            else { continue }
            closes.append((close.code, close.reason, closeReporter))
        }
        if closes.isEmpty {
            for needle in Self.codeForms {
                guard let offset = line.find(needle), let code = Self.number(in: line, at: offset + needle.count),
                    messages.knowsCloseCode(code)
                else { continue }
                closes.append((code, nil, nil))
                break
            }
        }
        if closes.isEmpty, let code = Self.closeCodeInWords(line), messages.knowsCloseCode(code) {
            closes.append((code, nil, nil))
        }
        for close in closes {
            sawClose = true
            if let closeReporter = close.reporter {
                reporter = closeReporter
                printedClose = true
            }
            lineFacts.append(line.fact(.closeCode, String(close.code)))
            if let reason = close.reason {
                lineFacts.append(line.fact(.closeReason, reason))
                if let row = messages.closeReasonRow(reason) { take(row) }
            }
            // The code speaks for itself only when nothing on the line says more (`device removed`
            // is a 4001 too, but it means re-pairing, not a rotated secret).
            if symptoms.isEmpty, let symptom = messages.symptom(forCloseCode: close.code) { symptoms.append(symptom) }
        }

        if let offset = line.find(Self.authReasonKey),
            let value = Self.jsonStringValue(in: line, after: offset + Self.authReasonKey.count)
        {
            lineFacts.append(line.fact(.authReason, value))
            if let symptom = messages.symptom(forAuthReason: value), !symptoms.contains(symptom) {
                symptoms.append(symptom)
            }
        }

        var searchFrom = 0
        while let offset = line.find(Self.requestId, from: searchFrom) {
            searchFrom = offset + Self.requestId.count
            if let id = Self.requestIdValue(in: line, after: searchFrom) {
                lineFacts.append(line.fact(.pairingRequestId, id))
            }
        }

        let found = symptoms
        symptoms.removeAll { symptom in
            guard let betters = Self.dominated[symptom] else { return false }
            return found.contains { betters.contains($0) }
        }
        guard !symptoms.isEmpty || sawClose || !lineFacts.isEmpty else { return }
        for symptom in symptoms { facts.append(line.fact(.symptom, symptom)) }
        var seen = Set<Fact>()
        facts.append(contentsOf: lineFacts.filter { seen.insert($0).inserted })
        guard !symptoms.isEmpty || sawClose || toldFacts else { return }
        if !printedClose {
            if Self.cliMarkers.contains(where: { line.hasPrefix($0) || line.contains($0) }) {
                reporter = "cli"
            } else if GatewayLogLine(line).isGatewayLog {
                reporter = "gateway-log"
            }
        }
        if let reporter { facts.append(line.fact(.errorReporter, reporter)) }
    }

    /// A symptom dropped when a more precise one was read from the same line: a v4 upgrade
    /// message also says `pairing required`, `NOT_PAIRED` accompanies `device identity required`,
    /// and a stale plugin entry is reported with `plugin not found` but only warned about.
    static let dominated: [String: Set<String>] = [
        "pairing-required": [
            "scope-upgrade-pending", "role-upgrade-pending", "metadata-upgrade-pending", "device-identity-required",
            "insecure-context",
        ],
        "device-identity-required": ["insecure-context"],
        "plugin-not-found": ["stale-plugin-entry", "memory-slot-regression"],
    ]

    /// Phrases that turn a line into a statement that the error is gone or expected to go
    /// ("I don't get pairing required anymore", "the 1008 should go away"): such lines give no
    /// symptom. Deliberately narrow — "can't connect: pairing required" is a report, not a negation.
    static let negations: [[UInt8]] = [
        "don't get", "don’t get", "dont get", "don't see", "don’t see", "doesn't say", "doesn’t say", "doesn't show",
        "doesn’t show", "no longer", "anymore", "any more", "no more", "went away", "go away", "goes away",
        "should stop", "should be gone", "is gone", "not getting", "not seeing", "instead of",
    ].map(ByteSearch.needle)

    static func isNegated(_ line: PasteLine, outside spans: [Range<Int>]) -> Bool {
        for phrase in negations {
            var from = 0
            while let offset = line.find(phrase, from: from) {
                if !spans.contains(where: { $0.contains(offset) }) { return true }
                from = offset + 1
            }
        }
        return false
    }

    /// Words that make a bare close code a report in prose ("stuck on 1008 error", "1006
    /// disconnect", "1008 错误"); the number alone ("what does 1008 mean") is none.
    private static let reportWords: Set<String> = [
        "error", "errors", "err", "disconnect", "disconnects", "disconnected", "disconnection", "close", "closed", "closes",
        "policy", "错误", "断开", "报错", "错误码",
    ]

    /// A close code written as words: the number standing alone with `error`/`code` right before it
    /// (`error 1008`, `code 1008`) or a report word right after it (`1008 error`, `1006 disconnect`).
    static func closeCodeInWords(_ line: PasteLine) -> Int? {
        // Most lines hold no four-digit word: look before splitting into words.
        let bytes = line.bytes
        var run = 0
        var hasCode = false
        for index in 0...bytes.count {
            let digit = index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39
            if digit { run += 1; continue }
            if run == 4, index - 4 == 0 || !ByteSearch.isWordByte(bytes[index - 5]),
                index == bytes.count || !ByteSearch.isWordByte(bytes[index])
            {
                hasCode = true
                break
            }
            run = 0
        }
        guard hasCode else { return nil }
        let words = line.text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        for (index, word) in words.enumerated() where word.count == 4 && word.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard let code = Int(word), code >= 1000, code <= 4999 else { continue }
            let before = index > 0 ? String(words[index - 1]) : ""
            let after = index + 1 < words.count ? String(words[index + 1]) : ""
            if ["error", "err", "code"].contains(before) || reportWords.contains(after) { return code }
        }
        return nil
    }

    /// Four digits at `start` (after optional spaces) that end there: `1012` of `code=1012,`.
    static func number(in line: PasteLine, at start: Int) -> Int? {
        let bytes = line.bytes
        var index = start
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        let begin = index
        var code = 0
        while index < bytes.count, index - begin < 5, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            code = code * 10 + Int(bytes[index] - 0x30)
            index += 1
        }
        guard index - begin == 4, index == bytes.count || !ByteSearch.isWordByte(bytes[index]) else { return nil }
        return code
    }

    /// Parses `1008): reason` / `1006 abnormal closure (no close frame)): no close reason` at `start`.
    static func closeCode(in line: PasteLine, after start: Int) -> (code: Int, reason: String?)? {
        let bytes = line.bytes
        var index = start
        var code = 0
        while index < bytes.count, index - start < 5, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            code = code * 10 + Int(bytes[index] - 0x30)
            index += 1
        }
        guard index - start == 4, index < bytes.count, bytes[index] == UInt8(ascii: ")") || bytes[index] == 0x20 else {
            return nil
        }
        guard let colon = ByteSearch.find(ByteSearch.needle("):"), in: bytes, from: index) else { return (code, nil) }
        let reason = cleanReason(line.suffix(from: colon + 2))
        return (code, reason)
    }

    /// The printed reason without quoting punctuation and table borders; nil for the placeholders
    /// (`no reason`, `no close reason`) clients print for an empty reason.
    static func cleanReason(_ text: String) -> String? {
        let trimSet: Set<Character> = [" ", "\"", "'", "`", "”", "“", "’", "│", "|", "*"]
        var reason = Substring(text)
        while let first = reason.first, trimSet.contains(first) { reason = reason.dropFirst() }
        while let last = reason.last, trimSet.contains(last) { reason = reason.dropLast() }
        if reason.isEmpty || reason == "no reason" || reason == "no close reason" || reason == "n/a" { return nil }
        return String(reason)
    }

    /// `requestId: <id>`, `"requestId":"<id>"` or `requestId=<id>`, validated against OpenClaw's
    /// charset `^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$` so placeholders like `<requestId>` or `…` don't count.
    static func requestIdValue(in line: PasteLine, after start: Int) -> String? {
        let bytes = line.bytes
        var index = start
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") || bytes[index] == UInt8(ascii: "=") else { return nil }
        index += 1
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == UInt8(ascii: "\"") { index += 1 }
        let begin = index
        while index < bytes.count, index - begin < 128 {
            let byte = bytes[index]
            guard ByteSearch.isWordByte(byte) && byte != UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-")
            else { break }
            index += 1
        }
        guard index > begin, ByteSearch.isWordByte(bytes[begin]), bytes[begin] != UInt8(ascii: "_") else { return nil }
        var end = index
        // A sentence may end right after the id ("requestId: abc.").
        while end > begin + 1, bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: ":") { end -= 1 }
        return line.slice(begin..<end)
    }

    /// The string after `"key"` at `start`: `:"value"` (spaces allowed).
    static func jsonStringValue(in line: PasteLine, after start: Int) -> String? {
        let bytes = line.bytes
        var index = start
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == UInt8(ascii: ":") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        let begin = index + 1
        guard let close = bytes[begin...].firstIndex(of: UInt8(ascii: "\"")), close > begin else { return nil }
        return line.slice(begin..<close)
    }
}

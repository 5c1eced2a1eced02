/// Nothing silent: a line that looks like OpenClaw (or its CLI's, or Node's) error output but that
/// no extractor understood becomes an `unrecognized` fact holding its text. It then feeds text
/// search and can be asked about, instead of vanishing. Shapes: a reason code
/// (`trusted_proxy_user_missing`, `PAIRING_REQUIRED`), `code=NNNN`, `unauthorized…`, `… failed to
/// start`, `Invalid config`, `Unrecognized key`, `Error:`, `[FATAL]`, and a stack frame under `dist/`
/// when no error line above explains it.
enum UnrecognizedLines {
    /// Words without which a line cannot qualify (the `LineTriggers` prefilter).
    static let triggerWords = [
        "unauthorized", "failed to", "code=", "code:", "\"code\":", "dist/", "error", "invalid", "unrecognized", "not found",
        "fatal", "exception", "errno", "_missing", "_mismatch", "_required", "_invalid", "_failed", "_denied", "_rejected",
        "_untrusted", "_expired", "_limited", "_source", "_unavailable", "_timeout", "refused", "timed out", "not allowed",
        "报错", "失败", "错误", "categoryinfo",
    ]

    /// Names that mean "this line was understood as what went wrong". A start failure is not among
    /// them: `Gateway failed to start: <message>` with a message no symptom names is unrecognized.
    static let explaining: Set<FactName> = [
        .symptom, .closeCode, .closeReason, .authReason, .pairingReason, .configSyntaxError, .sshError, .missingCommand,
        .curlResult, .configMissingPath, .configMisplacedKey,
    ]

    /// At most this many per paste: a megabyte of one unknown log line says it once per distinct text.
    static let limit = 12

    private static let codeKeys = ["code=", "code: ", "code:", "\"code\":", "(code "].map(ByteSearch.needle)
    private static let phrases = [
        "unauthorized", "failed to start", "invalid config", "unrecognized key", "error:", "[fatal]", "fatal:", "[error]",
        "errno", "failed to ", "exception", "not found", "timed out", "refused", "not allowed", "报错", "失败", "错误",
    ].map(ByteSearch.needle)
    private static let reasonSuffixes = [
        "_missing", "_mismatch", "_required", "_invalid", "_failed", "_denied", "_rejected", "_untrusted", "_expired",
        "_limited", "_source", "_not_found", "_unavailable", "_timeout",
    ].map(ByteSearch.needle)

    static func facts(in document: PasteDocument, after known: [Fact]) -> [Fact] {
        var explained = Set<Int>()
        for fact in known where explaining.contains(fact.name) { if let line = fact.line { explained.insert(line) } }
        // The continuation lines of a wrapped log record belong to its first line.
        for number in explained.sorted() where number >= 1 && number <= document.cleanLines.count {
            let line = document.cleanLines[number - 1]
            guard line.triggers.contains(.gatewayLog) else { continue }
            for next in GatewayLogExtractor.continuation(of: line, in: document.cleanLines) { explained.insert(next.number) }
        }
        var facts: [Fact] = []
        var seen = Set<String>()
        var lastMarked = -10
        for line in document.lines(with: .unrecognized) {
            if explained.contains(line.number) {
                lastMarked = line.number
                continue
            }
            if line.firstByte == UInt8(ascii: "+") || line.hasPrefix(ByteSearch.needle("at line:")) {
                // A PowerShell error record: `Cmdlet : message`, then `At line:1 char:1`, `+ …`
                // lines and `+ CategoryInfo : …`. The message line is what went wrong.
                guard line.contains(ByteSearch.needle("categoryinfo")),
                    let header = powerShellHeader(before: line.number, in: document.cleanLines),
                    !explained.contains(header.number)
                else { continue }
                lastMarked = line.number
                let text = String(header.text.prefix(240))
                guard seen.insert(text).inserted else { continue }
                facts.append(header.fact(.unrecognized, text))
                if facts.count >= limit { break }
                continue
            }
            let frame = ProseLineShape.isStackFrame(line.lower)
            if frame {
                // A frame belongs to the error above it; only an orphan run of frames says anything.
                defer { lastMarked = line.number }
                guard line.number - lastMarked > 3, line.contains(ByteSearch.needle("dist/")) else { continue }
            } else if !looksLikeOutput(line) {
                continue
            }
            lastMarked = line.number
            let text = String(shownText(line).prefix(240))
            guard seen.insert(text).inserted else { continue }
            facts.append(line.fact(.unrecognized, text))
            if facts.count >= limit { break }
        }
        if facts.isEmpty, explained.isEmpty, let complaint = firstComplaint(in: document) {
            facts.append(complaint.fact(.unrecognized, String(complaint.text.prefix(240))))
        }
        return facts
    }

    /// The `Invoke-WebRequest : Unable to connect to the remote server` line above a PowerShell
    /// record's `+ CategoryInfo` (in any Windows language: the shape, not the words).
    private static func powerShellHeader(before number: Int, in lines: [PasteLine]) -> PasteLine? {
        var index = number - 2
        while index >= 0, number - 2 - index < 8 {
            let line = lines[index]
            if !line.isEmpty, line.firstByte != UInt8(ascii: "+"), !line.hasPrefix(ByteSearch.needle("at ")),
                line.contains(ByteSearch.needle(" : "))
            {
                return line
            }
            index -= 1
        }
        return nil
    }

    /// Words of a problem told in prose ("it only runs on 127.0.0.1, local only", "the gateway
    /// hangs", "无法启动").
    private static let complaints = [
        "fail", "error", "crash", "unreachable", "not reachable", "local only", "only locally", "can't", "cannot", "won't",
        "doesn't work", "not working", "hang", "refuse", "reject", "broken", "anomal", "stuck", "无法", "报错", "失败", "错误",
        "不能", "连不上", "no funciona", "falla", "no puedo", "unpaired", "unauthenticated", "not paired", "times out",
        "timed out", "closed before", "not found",
    ].map(ByteSearch.needle)

    /// When nothing in a message reads as an error, the first sentence that tells of a problem is
    /// what the user asks about: kept, so it reaches text search and a question, not silence.
    private static func firstComplaint(in document: PasteDocument) -> PasteLine? {
        for line in document.cleanLines where !line.isEmpty && ProseLineShape.proseEnd(line, in: document) != nil {
            if complaints.contains(where: { line.contains($0) }) { return line }
        }
        return nil
    }

    /// The line's text, or for a JSON log record (`{"0":"{\"subsystem\":…}","1":"message",…}`) its
    /// message: the rest is metadata that would drown the words in text search.
    static func shownText(_ line: PasteLine) -> String {
        guard line.firstByte == UInt8(ascii: "{"), let offset = line.find(ByteSearch.needle("\"1\":\"")),
            let message = ErrorStringExtractor.jsonStringValue(in: line, after: offset + 3), message.count >= 8
        else { return line.text }
        return message
    }

    static func looksLikeOutput(_ line: PasteLine) -> Bool {
        if phrases.contains(where: { line.contains($0) }) { return true }
        for key in codeKeys {
            guard let offset = line.find(key) else { continue }
            var index = offset + key.count
            while index < line.lower.count, line.lower[index] == 0x20 { index += 1 }
            var digits = 0
            while index + digits < line.lower.count, line.lower[index + digits] >= 0x30, line.lower[index + digits] <= 0x39 { digits += 1 }
            if digits == 4 { return true }
        }
        return hasReasonCode(line.lower)
    }

    /// A `snake_case` token of at least two letter runs ending like an OpenClaw reason code
    /// (`token_missing`, `trusted_proxy_untrusted_source`); upper case counts (`PAIRING_REQUIRED`).
    private static func hasReasonCode(_ lower: LineBytes) -> Bool {
        for suffix in reasonSuffixes {
            var from = 0
            while let offset = ByteSearch.find(suffix, in: lower, from: from) {
                from = offset + 1
                let end = offset + suffix.count
                if end < lower.count, ByteSearch.isWordByte(lower[end]), lower[end] != UInt8(ascii: "_") { continue }
                var start = offset
                while start > 0, (lower[start - 1] >= 0x61 && lower[start - 1] <= 0x7A) || lower[start - 1] == UInt8(ascii: "_") {
                    start -= 1
                }
                if offset - start >= 2, start == 0 || !ByteSearch.isWordByte(lower[start - 1]) { return true }
            }
        }
        return false
    }
}

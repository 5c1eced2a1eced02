/// Reads OpenClaw's user-visible error strings wherever they appear — Control UI banners, CLI
/// errors, gateway log lines, JSON error payloads, prose quoting them — and turns each into a
/// `symptom`, with `close.code`, `close.reason`, `pairing.request-id`, `pairing.reason`,
/// `auth.reason` and `error.reporter` when the line tells.
///
/// A close code is only read from its printed forms (`disconnected (1008)`, `gateway closed
/// (1006 …)`), never from a bare number, so "what does 1008 mean" gives nothing. A line saying the
/// error is gone ("I don't get pairing required anymore") gives nothing either; see
/// `ErrorStringCatalogue.negations`.
struct ErrorStringExtractor: FactExtractor {
    var name: String { "error-strings" }

    private static let disconnected = ByteSearch.needle("disconnected (")
    private static let gatewayClosed = ByteSearch.needle("gateway closed (")
    private static let requestId = ByteSearch.needle("requestid")
    private static let authReasonKey = ByteSearch.needle("\"authreason\"")
    private static let cliMarkers = ["error: ", "[openclaw]", "health check failed", "gateway connect failed"].map(ByteSearch.needle)

    /// Every fact of a line starts from one of these.
    static let triggerWords: [String] =
        ErrorStringCatalogue.entries.map { String(decoding: $0.needle, as: UTF8.self) }
        + ["disconnected (", "gateway closed (", "requestid", "\"authreason\""]

    private static let catalogue = KeywordAutomaton(ErrorStringCatalogue.entries.map { ($0.needle, 1) })

    func extract(from document: PasteDocument) -> [Fact] {
        var facts: [Fact] = []
        for line in document.lines(with: .errorStrings) {
            extract(line, into: &facts)
        }
        return facts
    }

    func extract(_ line: PasteLine, into facts: inout [Fact]) {
        if line.triggers.contains(.negation) { return }
        var symptoms: [String] = []
        var covered: [Range<Int>] = []
        var reporter: String?
        var lineFacts: [Fact] = []

        // One automaton pass finds which catalogue strings occur; they are then taken in catalogue order.
        for (index, start) in Self.catalogue.matches(in: line.lower) {
            let entry = ErrorStringCatalogue.entries[index]
            guard let offset = entry.wholeWord ? ByteSearch.findWord(entry.needle, in: line.lower) : start else { continue }
            let span = offset..<(offset + entry.needle.count)
            if covered.contains(where: { $0.contains(span.lowerBound) && $0.upperBound >= span.upperBound }) { continue }
            covered.append(span)
            if let symptom = entry.symptom, !symptoms.contains(symptom) { symptoms.append(symptom) }
            if let auth = entry.authReason { lineFacts.append(line.fact(.authReason, auth)) }
            if let pairing = entry.pairingReason { lineFacts.append(line.fact(.pairingReason, pairing)) }
            if reporter == nil { reporter = entry.reporter }
        }

        var sawClose = false
        for (needle, closeReporter) in [(Self.disconnected, "control-ui"), (Self.gatewayClosed, "cli")] {
            guard let offset = line.find(needle), let close = Self.closeCode(in: line, after: offset + needle.count)
            else { continue }
            sawClose = true
            reporter = closeReporter
            lineFacts.append(line.fact(.closeCode, String(close.code)))
            if let reason = close.reason { lineFacts.append(line.fact(.closeReason, reason)) }
            if let symptom = ErrorStringCatalogue.symptom(forCloseCode: close.code), !symptoms.contains(symptom) {
                symptoms.append(symptom)
            }
        }

        if let offset = line.find(Self.authReasonKey),
            let value = Self.jsonStringValue(in: line, after: offset + Self.authReasonKey.count)
        {
            lineFacts.append(line.fact(.authReason, value))
            if let symptom = ErrorStringCatalogue.symptom(forAuthReason: value), !symptoms.contains(symptom) {
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
            guard let betters = ErrorStringCatalogue.dominated[symptom] else { return false }
            return found.contains { betters.contains($0) }
        }
        guard !symptoms.isEmpty || sawClose || !lineFacts.isEmpty else { return }
        for symptom in symptoms { facts.append(line.fact(.symptom, symptom)) }
        var seen = Set<Fact>()
        facts.append(contentsOf: lineFacts.filter { seen.insert($0).inserted })
        guard !symptoms.isEmpty || sawClose else { return }
        if !sawClose {
            if Self.cliMarkers.contains(where: { line.hasPrefix($0) || line.contains($0) }) {
                reporter = "cli"
            } else if GatewayLogLine(line).isGatewayLog {
                reporter = "gateway-log"
            }
        }
        if let reporter { facts.append(line.fact(.errorReporter, reporter)) }
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

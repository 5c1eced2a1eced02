/// Reads the gateway's own log lines — `docker compose logs` (with the `name  | ` prefix),
/// `docker logs`, `openclaw logs`, console JSON lines and the JSONL file log — for who connected
/// from where and how the gateway started. Startup messages with a fixed text (the auth-mode and
/// bind warnings, auto-approved pairing) are rows of `KnowledgeBase/messages.md`, read by
/// `ErrorStringExtractor`.
///
/// `[ws]` lines are `key=value`, but `ua=` and `reason=` contain spaces, so they are cut by the
/// known key order (`conn peer remote fwd origin host ua code reason`), never split on spaces.
struct GatewayLogExtractor: FactExtractor {
    var name: String { "gateway-log" }

    private static let closedBeforeConnect = ByteSearch.needle("closed before connect ")
    private static let unauthorized = ByteSearch.needle("unauthorized conn=")
    private static let handshakeTimeout = ByteSearch.needle("handshake timeout conn=")
    private static let webchatConnected = ByteSearch.needle("connected conn=")
    private static let protocolMismatch = ByteSearch.needle("protocol mismatch conn=")
    private static let listening = ByteSearch.needle("listening on ws://")
    private static let canvasMounted = ByteSearch.needle("host mounted at http://")
    private static let browserControl = ByteSearch.needle("browser control listening on http://")
    private static let failedToStart = ByteSearch.needle("gateway failed to start:")
    private static let bindMode = ByteSearch.needle(" for bind=")
    private static let remoteAddrKey = ByteSearch.needle("\"remoteaddr\":")
    private static let forwardedForKey = ByteSearch.needle("\"forwardedfor\":")
    private static let causeKey = ByteSearch.needle("\"cause\":")
    /// Startup refusals: the gateway exits, so the message is the start failure (`start=refused`
    /// rows of `KnowledgeBase/messages.md`).
    private static let refusals = MessageTable.builtIn.startRefusals

    /// Every fact of a line starts from one of these.
    static let triggerWords: [String] = [
        "closed before connect", "unauthorized conn=", "handshake timeout conn=", "connected conn=",
        "protocol mismatch conn=", "listening on ws://", "host mounted at http://", "browser control listening on http://",
        "gateway failed to start:", " for bind=", "\"remoteaddr\":", "\"forwardedfor\":", "\"cause\":",
    ] + refusals.map { String(decoding: $0, as: UTF8.self) }

    func extract(from document: PasteDocument) -> [Fact] {
        var facts: [Fact] = []
        var skipUntil = 0
        for line in document.lines(with: .gatewayLog) where line.number > skipUntil {
            // A record the terminal (or the user) wrapped: its `key=value` fields continue on the
            // next, indented lines.
            let continuation = Self.continuation(of: line, in: document.cleanLines)
            if continuation.isEmpty {
                extract(line, into: &facts)
            } else {
                extract(line.joined(with: continuation), into: &facts)
                skipUntil = continuation.last!.number
            }
        }
        return facts
    }

    /// The lines continuing the record of `line`: up to four following lines that hold `key=value`
    /// fields and are indented, or start with a field of a `[ws]` record (`remote=`, `code=` …),
    /// after any `docker compose logs` prefix.
    static func continuation(of line: PasteLine, in lines: [PasteLine]) -> [PasteLine] {
        var result: [PasteLine] = []
        var index = line.number
        while index < lines.count, result.count < 4 {
            let next = lines[index]
            let message = GatewayLogLine(next)
            guard !next.isEmpty, message.tag == nil, message.messageStart < next.lower.count else { break }
            let body = LineBytes(owner: next.lower.owner, base: next.lower.base + message.messageStart, count: next.lower.count - message.messageStart)
            let indented = next.indent > 0 || message.container != nil
            let startsWithField = continuationKeys.contains { body.hasPrefix($0) }
            guard startsWithField || (indented && body.contains(UInt8(ascii: "=")) && !body.hasPrefix(ByteSearch.needle("20"))) else { break }
            result.append(next)
            index += 1
        }
        return result
    }

    private static let continuationKeys = ["conn=", "remote=", "fwd=", "origin=", "host=", "ua=", "code=", "reason=", "client=", "peer="]
        .map(ByteSearch.needle)

    private func extract(_ line: PasteLine, into facts: inout [Fact]) {
        let before = facts.count
        if let offset = line.find(Self.closedBeforeConnect) {
            let fields = Self.fields(line, from: offset, keys: Self.closeKeys)
            addPeer(fields, line, &facts)
            if let code = fields["code"], let number = Int(code) {
                facts.append(line.fact(.closeCode, code))
                if let reason = fields["reason"], reason != "n/a" {
                    facts.append(line.fact(.closeReason, reason))
                } else if let symptom = MessageTable.builtIn.symptom(forCloseCode: number) {
                    facts.append(line.fact(.symptom, symptom))
                }
            }
        } else if let offset = line.find(Self.unauthorized) {
            let fields = Self.fields(line, from: offset, keys: Self.unauthorizedKeys)
            addPeer(fields, line, &facts)
            if let reason = Self.lastValue(of: "reason=", in: line) {
                facts.append(line.fact(.authReason, reason))
                if let symptom = MessageTable.builtIn.symptom(forAuthReason: reason) { facts.append(line.fact(.symptom, symptom)) }
            }
            if let auth = Self.lastValue(of: " auth=", in: line), !auth.isEmpty {
                facts.append(line.fact(.gatewayAuthMode, auth == "none" ? "none" : auth))
            }
        } else if let offset = line.find(Self.handshakeTimeout) {
            addPeer(Self.fields(line, from: offset, keys: Self.timeoutKeys), line, &facts)
            facts.append(line.fact(.symptom, "normal-closure"))
        } else if let offset = line.find(Self.protocolMismatch) ?? line.find(Self.webchatConnected) {
            addPeer(Self.fields(line, from: offset, keys: Self.connectKeys), line, &facts)
        }

        if let offset = line.find(Self.listening) {
            // `listening on ws://127.0.0.1:18789, ws://[::1]:18789 (PID 4242)` (both forms of [F]/[A]).
            let scheme = ByteSearch.needle("ws://")
            var from = offset
            while let found = line.find(scheme, from: from) {
                let start = found + scheme.count
                let end = line.bytes[start...].firstIndex(where: { $0 == 0x20 || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "/") })
                    ?? line.bytes.count
                addListen(line.slice(start..<end), line, &facts)
                from = end
            }
        }
        if let offset = line.find(Self.canvasMounted) {
            let address = line.suffix(from: offset + Self.canvasMounted.count).prefix { $0 != "/" && !$0.isWhitespace }
            addListen(String(address), line, &facts)
        }
        if let offset = line.find(Self.browserControl) {
            let address = line.suffix(from: offset + Self.browserControl.count).prefix { $0 != "/" && !$0.isWhitespace }
            facts.append(line.fact(.browserControlPort, address.hasSuffix(":18791") ? "true" : String(address)))
            if let auth = line.find(ByteSearch.needle("(auth=")) {
                let mode = line.suffix(from: auth + 6).prefix { $0 != ")" }
                if !mode.isEmpty { facts.append(line.fact(.gatewayAuthMode, String(mode))) }
            }
        }
        if let offset = line.find(Self.bindMode), line.contains(ByteSearch.needle("allowedorigins")) {
            let mode = line.suffix(from: offset + Self.bindMode.count).prefix { $0.isLetter }
            if !mode.isEmpty { facts.append(line.fact(.gatewayBind, String(mode))) }
        }

        if let offset = line.find(Self.failedToStart) {
            let message = line.suffix(from: offset + Self.failedToStart.count).trimmingBlanks()
            if !message.isEmpty { facts.append(line.fact(.gatewayStartFailure, message)) }
        } else if let offset = Self.refusals.lazy.compactMap({ line.find($0) }).first {
            facts.append(line.fact(.gatewayStartFailure, line.suffix(from: offset).trimmingBlanks()))
        }

        // JSON log lines carry the peer as meta fields as well.
        // (Pretty-printed records put one key per line: `"remoteAddr": "127.0.0.1",`.)
        if line.bytes.first == UInt8(ascii: "{") || line.bytes.first == UInt8(ascii: "\"") || line.contains(ByteSearch.needle("{\"")) {
            if let offset = line.find(Self.remoteAddrKey),
                let address = ErrorStringExtractor.jsonStringValue(in: line, after: offset + Self.remoteAddrKey.count - 1)
            {
                addAddress(address, line, &facts)
            }
            if let offset = line.find(Self.forwardedForKey),
                let forwarded = ErrorStringExtractor.jsonStringValue(in: line, after: offset + Self.forwardedForKey.count - 1)
            {
                facts.append(line.fact(.gatewayForwardedFor, forwarded))
            }
            if let offset = line.find(Self.causeKey),
                let cause = ErrorStringExtractor.jsonStringValue(in: line, after: offset + Self.causeKey.count - 1),
                cause == "handshake-timeout"
            {
                facts.append(line.fact(.symptom, "normal-closure"))
            }
        }
        if facts.count > before { facts.append(line.fact(.errorReporter, "gateway-log")) }
    }

    private func addPeer(_ fields: [String: String], _ line: PasteLine, _ facts: inout [Fact]) {
        if let remote = fields["remote"] { addAddress(remote, line, &facts) }
        if let forwarded = fields["fwd"], forwarded != "n/a" { facts.append(line.fact(.gatewayForwardedFor, forwarded)) }
        if let origin = fields["origin"], origin != "n/a" { facts.append(line.fact(.gatewayOrigin, origin)) }
    }

    private func addAddress(_ address: String, _ line: PasteLine, _ facts: inout [Fact]) {
        guard !address.isEmpty, address != "n/a" else { return }
        facts.append(line.fact(.gatewayRemoteAddress, address))
        if let kind = NetworkAddressKind.classify(address) { facts.append(line.fact(.gatewayRemoteKind, kind)) }
    }

    private func addListen(_ address: String, _ line: PasteLine, _ facts: inout [Fact]) {
        guard !address.isEmpty else { return }
        facts.append(line.fact(.listenAddress, address))
        if let colon = address.lastIndex(of: ":"), Int(address[address.index(after: colon)...]) != nil {
            facts.append(line.fact(.gatewayPort, String(address[address.index(after: colon)...])))
        }
    }

    /// Cuts `key=value` fields by the known key order: each value runs to the next expected
    /// ` key=`, so values with spaces (`ua=Mozilla/5.0 (X11; …)`, `reason=pairing required`) stay
    /// whole. A key that is absent is skipped; the last value runs to the end of the line (or to
    /// the closing quote when the line is a JSON string).
    /// A field key and its ` key=` needle.
    typealias FieldKey = (key: String, needle: [UInt8])

    private static func keys(_ names: [String]) -> [FieldKey] { names.map { ($0, ByteSearch.needle(" " + $0 + "=")) } }
    private static let closeKeys = keys(["conn", "peer", "remote", "fwd", "origin", "host", "ua", "code", "reason"])
    private static let unauthorizedKeys = keys(["conn", "peer", "remote", "fwd", "client", "reason"])
    private static let timeoutKeys = keys(["conn", "peer", "remote"])
    private static let connectKeys = keys(["conn", "peer", "remote", "client"])

    static func fields(_ line: PasteLine, from start: Int, keys: [FieldKey]) -> [String: String] {
        var positions: [(key: String, valueStart: Int, keyStart: Int)] = []
        var cursor = start
        for (key, needle) in keys {
            guard let offset = line.find(needle, from: cursor) else { continue }
            positions.append((key, offset + needle.count, offset))
            cursor = offset + needle.count
        }
        var result: [String: String] = [:]
        for (index, position) in positions.enumerated() {
            var end: Int
            if index + 1 < positions.count {
                end = positions[index + 1].keyStart
            } else if position.key == "reason" || position.key == "client" {
                end = line.bytes.count
                if let quote = line.bytes[position.valueStart...].firstIndex(of: UInt8(ascii: "\"")) { end = quote }
            } else {
                end = line.bytes[position.valueStart...].firstIndex(where: { $0 == 0x20 || $0 == UInt8(ascii: "\"") })
                    ?? line.bytes.count
            }
            result[position.key] = line.slice(position.valueStart..<end).trimmingBlanks()
        }
        return result
    }

    /// The space-free value of the last `key` on the line (`reason=token_missing`).
    static func lastValue(of key: String, in line: PasteLine) -> String? {
        let needle = ByteSearch.needle(key)
        var found: Int?
        var from = 0
        while let offset = line.find(needle, from: from) {
            found = offset
            from = offset + 1
        }
        guard let found else { return nil }
        let start = found + needle.count
        let end = line.bytes[start...].firstIndex(where: { $0 == 0x20 || $0 == UInt8(ascii: "\"") }) ?? line.bytes.count
        return end > start ? line.slice(start..<end) : nil
    }
}

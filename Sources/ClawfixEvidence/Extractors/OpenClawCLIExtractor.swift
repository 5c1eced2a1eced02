import Foundation

/// Reads `openclaw` CLI output (reference `command-outputs.md` §4): `--version` in both eras,
/// `gateway status`, the `Gateway target:`/`Source:`/`Config:`/`Bind:` block that follows a
/// connection error (also inside doctor's boxes), `devices list` box tables (unicode or ASCII
/// borders, wrapped cells joined), `devices approve`, `dashboard --no-open`, and `config get`
/// scalars.
struct OpenClawCLIExtractor: FactExtractor {
    var name: String { "openclaw-cli" }

    /// Every line rule needs one of these, except box-table lines, bare versions and the value
    /// after `config get`, which are recognised by their first byte or their position.
    static let triggerWords = [
        "openclaw ", "openclaw@", "clawdbot ", "moltbot ", "target:", "source:", "bind:", "config", "gateway:", "rpc probe:", "runtime:",
        "listening:", "dashboard", "no device pairing entries.", "selected pending device request", "approve", "pending (",
        "paired (", "security error", "- pid ", "unrecognized key",
    ]

    func extract(from document: PasteDocument) -> [Fact] {
        var facts: [Fact] = []
        var table = DevicesTable()
        var pendingConfigGet: String?
        var configObject: ConfigGetObject?
        var skippedText = false
        let lines = document.cleanLines
        for index in lines.indices {
            if lines[index].isEmpty { continue }
            let first = lines[index].firstByte
            // Box borders (`│ ┌ ◇ ✓` all start with E2), ASCII tables, bare versions.
            let byFirstByte = first == 0xE2 || first == 0xC3 || first == UInt8(ascii: "|") || first == UInt8(ascii: "+")
                || (first >= 0x30 && first <= 0x39 && !lines[index].bytes.contains(0x20))
            if configObject != nil, !ConfigGetObject.continues(lines[index]) {
                // Cut short (the paste moved on to another command): no facts, and this line is read as usual.
                configObject = nil
            }
            if configObject != nil {
                // An object printed by `config get` (2-space JSON): every line until the braces close.
                configObject!.append(lines[index])
                if let done = configObject, done.isComplete || done.isAbandoned {
                    facts += done.facts()
                    configObject = nil
                }
                continue
            }
            guard lines[index].triggers.contains(.openClawCLI) || byFirstByte || pendingConfigGet != nil else {
                skippedText = true
                continue
            }
            let line = lines[index]
            // Any other text line ends a devices table, as if it had been read.
            if skippedText {
                table.finish(&facts)
                skippedText = false
            }
            let plain = line.text
            if table.consume(plain, line, &facts) { continue }
            let text = Self.unboxed(plain)
            if let path = pendingConfigGet {
                pendingConfigGet = nil
                if !text.containsBytes(" "), !text.hasPrefix("{"), !text.hasPrefix("[") {
                    let value = text == "__OPENCLAW_REDACTED__" || (text.hasPrefix("[") && text.hasSuffix("]")) ? "set" : text
                    facts.append(line.fact(.config(path), value))
                    continue
                }
                if text.hasPrefix("{") {
                    var object = ConfigGetObject(path: path)
                    object.append(line)
                    if object.isComplete || object.isAbandoned { facts += object.facts() } else { configObject = object }
                    continue
                }
            }
            if let path = Self.after(" config get ", in: text) ?? Self.after("openclaw config get ", in: text),
                !text.containsBytes("$(")
            {
                let key = path.prefix { !$0.isWhitespace && $0 != "'" && $0 != "\"" }
                if !key.isEmpty { pendingConfigGet = String(key) }
            }
            lineFacts(text, line, &facts)
        }
        table.finish(&facts)
        if let configObject { facts += configObject.facts() }
        return facts
    }

    private func lineFacts(_ text: String, _ line: PasteLine, _ facts: inout [Fact]) {
        if let version = Self.version(text) { facts.append(line.fact(.openclawVersion, version)) }
        if let value = Self.value("Gateway target:", text) ?? Self.value("Probe target:", text)
            ?? Self.value("RPC target:", text)
        {
            facts.append(line.fact(.cliTarget, value))
        }
        // The plaintext guard names the URL it refused: `SECURITY ERROR: Gateway URL "ws://…" uses …`.
        if text.hasPrefix("SECURITY ERROR"), let start = text.byteRange(of: "Gateway URL \"ws://") {
            let url = text[text.index(start.upperBound, offsetBy: -5)...].prefix { $0 != "\"" }
            if url.count > 5 { facts.append(line.fact(.cliTarget, String(url))) }
        }
        if let value = Self.value("Source:", text),
            ["local", "cli ", "env ", "config ", "missing "].contains(where: { value.hasPrefix($0) })
        {
            facts.append(line.fact(.cliSource, value))
        }
        if let value = Self.value("Bind:", text), value.allSatisfy(\.isLetter) {
            facts.append(line.fact(.cliBind, value))
        }
        for key in ["Config:", "✓ Config:", "Config (cli):", "Config (service):", "Config valid:", "Config invalid at"] {
            if let value = Self.value(key, text), value.hasPrefix("/") || value.hasPrefix("~") || value.dropFirst().hasPrefix(":\\") {
                facts.append(line.fact(.configPath, value.hasSuffix(".") ? String(value.dropLast()) : value))
            }
        }
        if let value = Self.value("Gateway:", text), value.hasPrefix("bind=") {
            // `Gateway: bind=lan (0.0.0.0), port=18789 (env/config)`
            let bind = value.dropFirst(5).prefix { $0.isLetter }
            facts.append(line.fact(.cliBind, String(bind)))
            facts.append(line.fact(.gatewayBind, String(bind)))
            if let port = value.split(separator: " ").first(where: { $0.hasPrefix("port=") }) {
                facts.append(line.fact(.gatewayPort, String(port.dropFirst(5).prefix { $0.isNumber })))
            }
        }
        if let value = Self.value("RPC probe:", text) { facts.append(line.fact(.rpcProbe, value.hasPrefix("ok") ? "ok" : "failed")) }
        if let value = Self.value("Runtime:", text) {
            let state = value.prefix { $0.isLetter }
            if ["running", "stopped", "unknown"].contains(state) { facts.append(line.fact(.serviceRuntime, String(state))) }
        }
        if let value = Self.value("Listening:", text) {
            for address in value.split(separator: ",") { facts.append(line.fact(.listenAddress, String(address).trimmingBlanks())) }
        }
        if let value = Self.value("Dashboard URL:", text) ?? Self.value("Dashboard:", text), value.hasPrefix("http") {
            facts.append(line.fact(.dashboardURL, String(value.prefix { !$0.isWhitespace })))
        }
        if let value = Self.value("Config path not found:", text) { facts.append(line.fact(.configMissingPath, value)) }
        if let holder = Self.portHolder(text) { facts.append(line.fact(.portHolder, holder)) }
        for key in Self.unrecognizedKeys(text) { facts.append(line.fact(.configMisplacedKey, key)) }
        if text == "No device pairing entries." {
            facts.append(line.fact(.pendingRequestCount, "0"))
            facts.append(line.fact(.pairedDeviceCount, "0"))
        }
        for prefix in ["Selected pending device request ", "Approve this exact request with: openclaw devices approve ",
                       "Recovery: openclaw devices approve "] where text.hasPrefix(prefix) {
            if let id = Self.requestId(String(text.dropFirst(prefix.count))) { facts.append(line.fact(.pairingRequestId, id)) }
        }
        if text.hasPrefix("Approved "), let open = text.firstIndex(of: "("), text.hasSuffix(")") {
            // `Approved <64-hex deviceId> (<requestId>)`; [F] printed only the device id.
            if let id = Self.requestId(String(text[text.index(after: open)..<text.index(before: text.endIndex)])) {
                facts.append(line.fact(.approvedRequest, id))
            }
        }
    }

    /// `OpenClaw 2026.4.12-beta.1 (8f8492d)`, `🦞 OpenClaw 2026.4.12 (8f8492d) — …`, the bare
    /// `2026.2.9` printed before 2026-03-08, `openclaw@2026.2.9`: the release as `YYYY.M.D`.
    static func version(_ text: String) -> String? {
        var candidate: Substring?
        for marker in ["OpenClaw ", "openclaw ", "openclaw@", "clawdbot ", "moltbot "] {
            if let range = text.byteRange(of: marker) { candidate = text[range.upperBound...]; break }
        }
        if candidate == nil, let first = text.utf8.first, first >= 0x30, first <= 0x39, !text.containsBytes(" ") {
            candidate = Substring(text)
        }
        guard var rest = candidate else { return nil }
        if rest.hasPrefix("v") { rest = rest.dropFirst() }
        let token = rest.prefix { $0.isNumber || $0 == "." }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[0].hasPrefix("20"), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let after = rest.dropFirst(token.count)
        guard after.isEmpty || after.first == "-" || after.first == " " else { return nil }
        return "\(parts[0]).\(month).\(day)"
    }

    static func requestId(_ text: String) -> String? {
        let id = text.prefix { $0.isLetter || $0.isNumber || "._:-".contains($0) }
        guard let first = id.first, first.isLetter || first.isNumber, id.allSatisfy(\.isASCII) else { return nil }
        return String(id)
    }

    /// The value after `key` when the line starts with it.
    /// Who holds a busy gateway port, from the listener lines under `Port 18789 is already in use.`
    /// (`- pid 1274176 root: clawdbot-gateway (127.0.0.1:18789)`, reference message 4.28): a gateway
    /// (`openclaw-gateway`, or `openclaw-gatewa` as `ps` cuts the process title), a gateway of the
    /// releases before the rename (`clawdbot-gateway`, `moltbot-gateway`: an old install's service
    /// still running), an `ssh` forward, Docker's port proxy, or another program.
    static func portHolder(_ text: String) -> String? {
        guard text.hasPrefix("- pid "), let colon = text.byteRange(of: ": ") else { return nil }
        let pid = text.dropFirst(6).prefix { $0 != " " }
        guard !pid.isEmpty, pid.allSatisfy(\.isNumber) else { return nil }
        var command = text[colon.upperBound...]
        if let open = command.range(of: " (", options: .backwards) { command = command[..<open.lowerBound] }
        let lower = command.lowercased()
        let program = lower.split(separator: " ").first.map { $0.split(separator: "/").last.map(String.init) ?? "" } ?? ""
        if lower.contains("clawdbot") || lower.contains("moltbot") { return "legacy-gateway" }
        if lower.contains("openclaw-gatewa") || (lower.contains("openclaw") && lower.contains("gateway")) { return "gateway" }
        switch program {
        case "ssh", "autossh": return "ssh"
        case "docker-proxy", "com.docker.backend", "com.docker.vpnkit", "vpnkit", "rootlessport", "gvproxy": return "docker"
        case "": return nil
        default: return "other"
        }
    }

    /// The keys a config validation issue names as unknown where they stand (`- gateway:
    /// Unrecognized key: "token"`, zod's plural `Unrecognized keys: "a", "b"`, the root as `<root>`):
    /// each is a key the gateway does not read at that path, as `gateway.token`.
    static func unrecognizedKeys(_ text: String) -> [String] {
        guard let marker = text.byteRange(of: ": Unrecognized key") else { return [] }
        var path = text[..<marker.lowerBound]
        if let dash = path.range(of: "- ", options: .backwards) { path = path[dash.upperBound...] }
        let parent = path.trimmingCharacters(in: .whitespaces)
        guard parent.allSatisfy({ $0.isLetter || $0.isNumber || "._-<>[]".contains($0) }) else { return [] }
        let prefix = parent.isEmpty || parent == "<root>" ? "" : parent + "."
        return text[marker.upperBound...].split(separator: "\"", omittingEmptySubsequences: false).enumerated()
            .compactMap { $0.offset % 2 == 1 && !$0.element.isEmpty ? prefix + $0.element : nil }
    }

    static func value(_ key: String, _ text: String) -> String? {
        guard text.hasPrefix(key) else { return nil }
        let value = String(text.dropFirst(key.count)).trimmingBlanks()
        return value.isEmpty ? nil : value
    }

    static func after(_ marker: String, in text: String) -> Substring? {
        text.byteRange(of: marker).map { text[$0.upperBound...] }
    }

    /// The line without doctor's clack box (`│  Gateway target: …  │`, mojibake `â”‚`) and
    /// without `Error: ` / `Health check failed: ` prefixes.
    static func unboxed(_ text: String) -> String {
        // Only lines starting with `E`, `H`, `|` or a box character (E2 …) carry a prefix or a box.
        guard let lead = text.utf8.first, lead == 0xE2 || lead == UInt8(ascii: "E") || lead == UInt8(ascii: "H") || lead == UInt8(ascii: "|")
        else { return text }
        var slice = Substring(text)
        for prefix in ["Error: ", "Health check failed: "] where slice.hasPrefix(prefix) { slice = slice.dropFirst(prefix.count) }
        if let first = slice.first, "│|◇".contains(first) {
            slice = slice.dropFirst()
            if let last = slice.last, "│|╮".contains(last) { slice = slice.dropLast() }
        }
        return String(slice).trimmingBlanks()
    }
}

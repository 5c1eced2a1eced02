/// Reads the URL a user says they open in the browser (`I open http://192.168.1.20:18789/`, or
/// a URL alone on its line) and whether that page is a secure context — the question behind
/// every "control ui requires device identity" report: `https`, `localhost` and `127.0.0.1` are
/// secure; a LAN IP, a tailnet IP or `127.0.0.1.nip.io` over plain `http` is not.
///
/// URLs printed by tools (curl targets, `Dashboard URL:`, log lines, docs links) are not browser
/// URLs and are skipped.
struct BrowserURLExtractor: FactExtractor {
    var name: String { "browser-url" }

    private static let verbs = [
        "open", "browser", "visit", "go to", "navigate", "load", "chrome", "firefox", "safari", "edge", "dashboard at",
        "ui at", "access", "went to", "using", "typed", "connect", "via", "through", "address", "url is", "my url",
        // The address a reverse proxy serves is the one the browser opens ("caddy in front with https://…").
        "caddy", "nginx", "traefik", "in front", "behind",
        // Chinese and Spanish: 访问 (visit), 打开 (open), 地址 (address), accedo/abro (I access/open).
        "访问", "打开", "地址", "accedo", "abro", "acceder", "entro",
    ].map(ByteSearch.needle)
    /// URLs a tool printed (curl targets, `Dashboard URL:`, the CLI's `Gateway target:`, doctor's
    /// boxes, log lines, docs links): not the address the user's browser opened.
    private static let toolOutput = [
        "curl", "wget", "listening", "mounted", "dashboard url:", "dashboard:", "target:", "docs", "origin=", "host=",
        "[gateway]", "[ws]", "docs.openclaw.ai", "github.com", "allowedorigins", "\"", "│", "|", "dashboard ",
        "raw.githubusercontent", "install.sh", "/health",
    ].map(ByteSearch.needle)
    static let triggerWords = ["http://", "https://", "ws://", "wss://"]
    private static let schemes = ["http://", "https://", "ws://", "wss://"].map(ByteSearch.needle)

    func extract(from document: PasteDocument) -> [Fact] {
        var facts: [Fact] = []
        for line in document.lines(with: .browserURL) {
            guard let offset = Self.schemes.lazy.compactMap({ line.find($0) }).min() else { continue }
            if Self.toolOutput.contains(where: { line.contains($0) }) { continue }
            let websocket = line.lower[offset] == UInt8(ascii: "w")
            let alone = offset == 0 && !line.bytes.contains(0x20)
            // A `ws://` URL the user typed in a sentence is where their client connects; one in
            // output (a CLI's target) was skipped above.
            let prose = ProseLineShape.proseEnd(line.lower).map { offset < $0 } ?? false
            guard alone || (prose && (websocket || Self.verbs.contains(where: { line.contains($0) }))) else { continue }
            // "127.0.0.1 works fine": where it works is not the failing address (ProseReader keeps it).
            if ProseReader.saysWorks(line, at: offset) { continue }
            let end = line.bytes[offset...].firstIndex(where: { $0 == 0x20 || $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: "`") })
                ?? line.bytes.count
            var url = line.slice(offset..<end)
            while let last = url.last, ".,;:!?”’'`，。".contains(last) { url.removeLast() }
            guard let parts = Self.parse(url) else { continue }
            facts.append(line.fact(.browserURL, url))
            let kind = Self.placeholderKind(parts.host) ?? NetworkAddressKind.classifyHost(parts.host)
            facts.append(line.fact(.browserHostKind, kind))
            let secure = parts.https || kind == "loopback"
            facts.append(line.fact(.browserSecureContext, secure ? "true" : "false"))
            facts.append(line.fact(.browserPort, parts.port))
        }
        return facts
    }

    /// A host written as a placeholder is still a host: `<ip>`, `<my-public-ip>`, `your-server`,
    /// `x.x.x.x` are some remote host (`public` when the placeholder says so), `192.168.x.x` a LAN
    /// address, `[fqdn]` or `example.com` a host name.
    static func placeholderKind(_ host: String) -> String? {
        let lowered = host.lowercased()
        if lowered.hasPrefix("192.168.") || lowered.hasPrefix("10.") || lowered.hasPrefix("172.") {
            return lowered.contains("x") || lowered.contains("*") ? "lan" : nil
        }
        if lowered.hasPrefix("<") || lowered.hasPrefix("[") || lowered.hasPrefix("{") || lowered.hasPrefix("your")
            || lowered.hasPrefix("my-") || lowered.allSatisfy({ $0 == "x" || $0 == "." || $0 == "*" })
        {
            if lowered.contains("public") { return "public" }
            if lowered.contains("lan") || lowered.contains("local") { return "lan" }
            if lowered.contains("fqdn") || lowered.contains("domain") { return "hostname" }
            return "remote"
        }
        if lowered == "example.com" || lowered.hasSuffix(".example.com") || lowered.hasSuffix(".example") { return "hostname" }
        return nil
    }

    /// Scheme, host and port (defaulted) of an http(s) URL.
    static func parse(_ url: String) -> (https: Bool, host: String, port: String)? {
        let lowered = url.lowercased()
        let https = lowered.hasPrefix("https://") || lowered.hasPrefix("wss://")
        let schemeLength = lowered.hasPrefix("https://") ? 8 : lowered.hasPrefix("http://") ? 7 : lowered.hasPrefix("wss://") ? 6 : 5
        var rest = Substring(url.dropFirst(schemeLength))
        rest = rest.prefix { $0 != "/" && $0 != "#" && $0 != "?" }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        var host = rest
        var port = https ? "443" : "80"
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") { port = String(after.dropFirst()) }
        } else if let colon = rest.lastIndex(of: ":") {
            host = rest[..<colon]
            port = String(rest[rest.index(after: colon)...])
        }
        guard !host.isEmpty, !port.isEmpty, port.allSatisfy(\.isNumber) else { return nil }
        // A host is a name with a dot, an address, `localhost` or a placeholder, or comes with a
        // port: `wss://and no typos` is a sentence, not a URL.
        let explicitPort = rest.contains(":")
        guard explicitPort || host.contains(".") || host.contains(":") || host.lowercased() == "localhost" || host.hasPrefix("<")
        else { return nil }
        return (https, String(host), port)
    }
}

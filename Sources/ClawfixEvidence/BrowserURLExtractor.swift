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
        "ui at", "access", "went to", "using", "typed",
        // The address a reverse proxy serves is the one the browser opens ("caddy in front with https://…").
        "caddy", "nginx", "traefik", "in front", "behind",
    ].map(ByteSearch.needle)
    private static let toolOutput = [
        "curl", "wget", "listening", "mounted", "dashboard url:", "dashboard:", "target:", "docs", "origin=", "host=",
        "ws://", "wss://", "[gateway]", "[ws]", "docs.openclaw.ai", "github.com", "allowedorigins", "\"",
    ].map(ByteSearch.needle)
    static let triggerWords = ["http://", "https://"]
    private static let schemes = ["http://", "https://"].map(ByteSearch.needle)

    func extract(from document: PasteDocument) -> [Fact] {
        var facts: [Fact] = []
        for line in document.lines(with: .browserURL) {
            guard let offset = Self.schemes.lazy.compactMap({ line.find($0) }).first else { continue }
            if Self.toolOutput.contains(where: { line.contains($0) }) { continue }
            let alone = offset == 0 && !line.bytes.contains(0x20)
            guard alone || Self.verbs.contains(where: { line.contains($0) }) else { continue }
            let end = line.bytes[offset...].firstIndex(where: { $0 == 0x20 || $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: ">") })
                ?? line.bytes.count
            var url = line.slice(offset..<end)
            while let last = url.last, ".,;:!?”’'`".contains(last) { url.removeLast() }
            guard let parts = Self.parse(url) else { continue }
            facts.append(line.fact(.browserURL, url))
            let kind = NetworkAddressKind.classifyHost(parts.host)
            facts.append(line.fact(.browserHostKind, kind))
            let secure = parts.https || kind == "loopback"
            facts.append(line.fact(.browserSecureContext, secure ? "true" : "false"))
            facts.append(line.fact(.browserPort, parts.port))
        }
        return facts
    }

    /// Scheme, host and port (defaulted) of an http(s) URL.
    static func parse(_ url: String) -> (https: Bool, host: String, port: String)? {
        let https = url.lowercased().hasPrefix("https://")
        var rest = Substring(url.dropFirst(https ? 8 : 7))
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
        return (https, String(host), port)
    }
}

/// Reads who listens on the gateway port: `ss -ltnp`, `netstat -tlnp`, `lsof -i :18789` and
/// Windows `netstat -ano`. Docker's own proxies (`docker-proxy`, `com.docker.backend`, `wslrelay`,
/// `rootlesskit`) are the published port, not the gateway, so they give no `gateway.listen`.
public struct ListeningSocketsExtractor: FactExtractor {
    public var name: String { "listening-sockets" }
    public init() {}

    /// Every listener line says LISTEN (ss, netstat, lsof) or LISTENING (Windows).
    static let triggerWords = ["listen"]
    private static let port = ByteSearch.needle("18789")
    private static let openclaw = ByteSearch.needle("openclaw")

    public func extract(from document: PasteDocument) -> [Fact] {
        var facts: [Fact] = []
        var scopes: [(String, PasteLine)] = []
        for line in document.lines(with: .listeningSockets) {
            guard line.contains(Self.port) || line.contains(Self.openclaw), let (address, port, process) = listener(line.text)
            else { continue }
            if ["docker-pr", "com.docker", "wslrelay", "rootlessk", "vpnkit"].contains(where: { process.hasPrefix($0) }) { continue }
            guard port == 18789 || process.hasPrefix("openclaw") else { continue }
            let host = address.containsBytes(":") ? "[\(address)]" : address
            facts.append(line.fact(.listenAddress, "\(host):\(port)"))
            let scope = PortMapping.scope(of: address) == "loopback" ? "loopback" : (PortMapping.scope(of: address) == "all" ? "all" : "lan")
            scopes.append((scope, line))
            if let block = document.block(ofLine: line.number), block.location == .gatewayContainer {
                facts.append(line.fact(.listenSeenInContainer, "true"))
            }
        }
        if let wide = scopes.first(where: { $0.0 == "all" }) ?? scopes.first(where: { $0.0 == "lan" }) ?? scopes.first {
            facts.append(wide.1.fact(.listenScope, wide.0))
        }
        return facts
    }

    /// (address without brackets, port, process) of a listening-socket line, or nil.
    func listener(_ text: String) -> (String, Int, String)? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = words.first else { return nil }
        var local: String?
        var process = ""
        if first == "LISTEN" || (words.count > 1 && words[1] == "LISTEN" && (first == "tcp" || first == "tcp6")) {
            // ss: State Recv-Q Send-Q Local Peer [Process]
            let offset = first == "LISTEN" ? 0 : 1
            guard words.count >= offset + 5 else { return nil }
            local = words[offset + 3]
            if let users = words.dropFirst(offset + 5).first(where: { $0.hasPrefix("users:((\"") }) {
                process = String(users.dropFirst(9).prefix { $0 != "\"" })
            }
        } else if (first == "tcp" || first == "tcp6"), words.count >= 6, words[5] == "LISTEN" {
            local = words[3]
            if words.count >= 7 { process = String(words[6].drop { $0 != "/" }.dropFirst()) }
        } else if first == "TCP", words.count >= 4, words[3] == "LISTENING" {
            local = words[1]
        } else if words.count >= 9, text.hasSuffix("(LISTEN)"), words[words.count - 3] == "TCP" {
            local = words[words.count - 2]
            process = first
        }
        guard var local, let colon = local.lastIndex(of: ":") else { return nil }
        guard let port = PortMapping.port(local[local.index(after: colon)...]) else { return nil }
        local = String(local[..<colon])
        if local.hasPrefix("["), local.hasSuffix("]") { local = String(local.dropFirst().dropLast()) }
        if local == "*" { local = "0.0.0.0" }
        if local == "localhost" { local = "127.0.0.1" }
        guard !local.isEmpty else { return nil }
        return (local, port, process)
    }
}

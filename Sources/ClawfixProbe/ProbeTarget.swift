import Foundation

/// Where the probe connects: parsed from `ws://`, `wss://`, `http://`, `https://` or a bare `host[:port]`.
///
/// A dashboard link carries the gateway token (`http://host:18789/#token=…` or `?token=…`): it is
/// taken out into `urlToken` — a credential, never part of `path` or `url`, so it is neither sent
/// in the upgrade request nor printed.
public struct ProbeTarget: Sendable, Hashable {
    /// The gateway's default port (`gateway.port`), used when a bare host names no port.
    public static let defaultGatewayPort = 18789

    public var secure: Bool
    public var host: String
    public var port: Int
    public var path: String
    /// The `token` parameter of a pasted dashboard link (query or fragment).
    public var urlToken: String?

    public init(secure: Bool, host: String, port: Int, path: String = "/", urlToken: String? = nil) {
        self.secure = secure
        self.host = host
        self.port = port
        self.path = path
        self.urlToken = urlToken
    }

    /// Parses a URL; `http(s)` maps to `ws(s)`. Nil when the text is not a usable URL. A bare host
    /// (`localhost`, `192.168.1.5`) means the gateway's port; a URL with a scheme and no port means
    /// that scheme's port, as a browser reads it.
    public init?(url text: String) {
        var rest = text.trimmingCharacters(in: .whitespaces)
        var secure = false
        var schemeGiven = false
        let lower = rest.lowercased()
        for (scheme, isSecure) in [("wss://", true), ("https://", true), ("ws://", false), ("http://", false)] where lower.hasPrefix(scheme) {
            secure = isSecure
            schemeGiven = true
            rest = String(rest.dropFirst(scheme.count))
            break
        }
        if rest.contains("://") { return nil }
        var path = "/"
        var urlToken: String?
        if let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
            var tail = String(rest[slash...])
            rest = String(rest[..<slash])
            var fragment = ""
            if let hash = tail.firstIndex(of: "#") {
                fragment = String(tail[tail.index(after: hash)...])
                tail = String(tail[..<hash])
            }
            var query = ""
            if let question = tail.firstIndex(of: "?") {
                query = String(tail[tail.index(after: question)...])
                tail = String(tail[..<question])
            }
            let (keptQuery, queryToken) = Self.removingToken(from: query)
            let (_, fragmentToken) = Self.removingToken(from: fragment)
            urlToken = queryToken ?? fragmentToken
            path = tail.hasPrefix("/") ? tail : "/" + tail
            if !keptQuery.isEmpty { path += "?" + keptQuery }
        }
        if let at = rest.lastIndex(of: "@") { rest = String(rest[rest.index(after: at)...]) }
        var host = rest
        var port = schemeGiven ? (secure ? 443 : 80) : Self.defaultGatewayPort
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") {
                guard let value = Int(after.dropFirst()), (1...65535).contains(value) else { return nil }
                port = value
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = String(rest[..<colon])
            guard let value = Int(rest[rest.index(after: colon)...]), (1...65535).contains(value) else { return nil }
            port = value
        }
        guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "\r" || $0 == "\n" }) else { return nil }
        self.init(secure: secure, host: host, port: port, path: path, urlToken: urlToken)
    }

    /// `a=1&token=x&b=2` → (`a=1&b=2`, `x`). The token is percent-decoded (the Control UI encodes it).
    private static func removingToken(from parameters: String) -> (kept: String, token: String?) {
        guard !parameters.isEmpty else { return ("", nil) }
        var kept: [Substring] = []
        var token: String?
        for pair in parameters.split(separator: "&", omittingEmptySubsequences: true) {
            if pair.lowercased().hasPrefix("token=") {
                let value = String(pair.dropFirst("token=".count))
                token = value.removingPercentEncoding ?? value
            } else {
                kept.append(pair)
            }
        }
        return (kept.joined(separator: "&"), token.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// `ws://host:port/path` as the user would type it.
    public var url: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "\(secure ? "wss" : "ws")://\(shownHost):\(port)\(path)"
    }

    /// `Host:` header value.
    var hostHeader: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "\(shownHost):\(port)"
    }

    /// Loopback names and addresses: plaintext is fine there, the token never leaves the machine.
    public var isLoopback: Bool {
        let name = host.lowercased()
        if name == "localhost" || name.hasSuffix(".localhost") || name == "::1" || name == "0:0:0:0:0:0:0:1" { return true }
        if name.hasPrefix("::ffff:127.") { return true }
        let parts = name.split(separator: ".")
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}

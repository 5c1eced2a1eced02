import Foundation

/// Where the probe connects: parsed from `ws://`, `wss://`, `http://`, `https://` or a bare `host:port`.
public struct ProbeTarget: Sendable, Hashable {
    public var secure: Bool
    public var host: String
    public var port: Int
    public var path: String

    public init(secure: Bool, host: String, port: Int, path: String = "/") {
        self.secure = secure
        self.host = host
        self.port = port
        self.path = path
    }

    /// Parses a URL; `http(s)` maps to `ws(s)`. Nil when the text is not a usable URL.
    public init?(url text: String) {
        var rest = text.trimmingCharacters(in: .whitespaces)
        var secure = false
        let lower = rest.lowercased()
        for (scheme, isSecure) in [("wss://", true), ("https://", true), ("ws://", false), ("http://", false)] where lower.hasPrefix(scheme) {
            secure = isSecure
            rest = String(rest.dropFirst(scheme.count))
            break
        }
        if rest.contains("://") { return nil }
        var path = "/"
        if let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
            path = String(rest[slash...])
            if let hash = path.firstIndex(of: "#") { path = String(path[..<hash]) }
            if !path.hasPrefix("/") { path = "/" + path }
            rest = String(rest[..<slash])
        }
        if let at = rest.lastIndex(of: "@") { rest = String(rest[rest.index(after: at)...]) }
        var host = rest
        var port = secure ? 443 : 80
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
        self.init(secure: secure, host: host, port: port, path: path)
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

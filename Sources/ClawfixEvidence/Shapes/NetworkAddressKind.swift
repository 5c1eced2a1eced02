/// Classifies the addresses the gateway reports (`remote=` of a `[ws]` line, the IP column of
/// `devices list`) and the hosts of browser URLs. The `remote=` address is the single best clue
/// for Docker setups: `172.17.0.1`/`172.18.0.1` is the Linux bridge gateway and `192.168.65.1`
/// Docker Desktop's NAT, so a browser on the Docker host looks remote to the gateway.
enum NetworkAddressKind {
    /// `loopback`, `docker-bridge`, `docker-desktop`, `lan`, `tailnet`, `public`, or nil when
    /// `address` is not an IP address.
    static func classify(_ address: String) -> String? {
        var host = Substring(address)
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") { host = host[host.index(after: host.startIndex)..<close] }
        let lowered = host.lowercased()
        if lowered.hasPrefix("::ffff:") { return classify(String(lowered.dropFirst(7))) }
        if let octets = ipv4(lowered) {
            switch (octets[0], octets[1]) {
            case (127, _): return "loopback"
            case (172, 16...31): return octets[3] == 1 ? "docker-bridge" : "lan"
            case (192, 168): return octets[2] == 65 ? "docker-desktop" : "lan"
            case (10, _), (169, 254): return "lan"
            case (100, 64...127): return "tailnet"
            case (0, _): return "unspecified"
            default: return "public"
            }
        }
        guard lowered.contains(":"), lowered.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." || $0 == "%" }) else {
            return nil
        }
        if lowered == "::1" { return "loopback" }
        if lowered == "::" { return "unspecified" }
        if lowered.hasPrefix("fd7a:115c:a1e0:") { return "tailnet" }
        if lowered.hasPrefix("fe80:") || lowered.hasPrefix("fc") || lowered.hasPrefix("fd") { return "lan" }
        return "public"
    }

    /// Kind of a URL host as the browser sees it: the IP kinds above (Docker kinds read as
    /// `lan`), plus `loopback` for `localhost`, `nip-io` for wildcard-DNS names such as
    /// `127.0.0.1.nip.io` (not a secure context, whatever IP they resolve to), `tailnet` for
    /// `*.ts.net`, `lan` for `*.local`, and `hostname` for any other name.
    static func classifyHost(_ host: String) -> String {
        let lowered = host.lowercased()
        if let kind = classify(lowered) {
            switch kind {
            case "docker-bridge", "docker-desktop": return "lan"
            case "unspecified": return "loopback"
            default: return kind
            }
        }
        if lowered == "localhost" || lowered.hasSuffix(".localhost") { return "loopback" }
        if lowered.hasSuffix(".nip.io") || lowered.hasSuffix(".sslip.io") { return "nip-io" }
        if lowered.hasSuffix(".ts.net") { return "tailnet" }
        if lowered.hasSuffix(".local") || lowered.hasSuffix(".lan") || lowered.hasSuffix(".home") { return "lan" }
        return "hostname"
    }

    /// The four octets of a dotted IPv4 address, or nil.
    static func ipv4(_ text: String) -> [Int]? {
        var octets: [Int] = []
        var value = -1
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                value = (value < 0 ? 0 : value) * 10 + Int(byte - 0x30)
                if value > 255 { return nil }
            } else if byte == UInt8(ascii: ".") {
                guard value >= 0, octets.count < 3 else { return nil }
                octets.append(value)
                value = -1
            } else {
                return nil
            }
        }
        guard value >= 0, octets.count == 3 else { return nil }
        return octets + [value]
    }
}

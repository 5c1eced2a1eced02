/// One published port as docker prints it in a PORTS column (`0.0.0.0:18789->18789/tcp`), with
/// docker's merged ranges (`0.0.0.0:18789-18790->18789-18790/tcp`) expanded to single ports.
struct PortMapping: Hashable, Sendable {
    /// The host address without brackets: `0.0.0.0`, `::`, `127.0.0.1`, `::1`, or a LAN IP.
    var hostAddress: String
    var hostPort: Int
    var containerPort: Int
    var proto: String

    /// `HOSTADDR:HOSTPORT->PORT/PROTO`, IPv6 bracketed the way CLI ≥ 28 writes it.
    var display: String {
        let host = hostAddress.containsBytes(":") ? "[\(hostAddress)]" : hostAddress
        return "\(host):\(hostPort)->\(containerPort)/\(proto)"
    }

    /// The facts of the gateway publishing its port this way, seen on `line`.
    func gatewayFacts(_ line: PasteLine) -> [Fact] {
        [line.fact(.gatewayPublishedPort, display), line.fact(.gatewayHostPort, String(hostPort)), line.fact(.gatewayPublishScope, scope)]
    }

    /// `loopback`, `all`, or the address itself.
    var scope: String { PortMapping.scope(of: hostAddress) }

    static func scope(of address: String) -> String {
        switch address {
        case "127.0.0.1", "::1", "localhost": return "loopback"
        case "0.0.0.0", "::", "", "*": return "all"
        default: return address.hasPrefix("127.") ? "loopback" : address
        }
    }

    /// Every mapping of a PORTS cell; exposed-only ports (`18790/tcp`) have no host side and are
    /// skipped. Malformed entries are skipped, never guessed.
    static func parseList(_ text: String) -> [PortMapping] {
        var result: [PortMapping] = []
        for entry in text.utf8.split(separator: UInt8(ascii: ",")) {
            result += parse(Substring(entry).trimmingBlanks())
        }
        return result
    }

    /// Whether a cell looks like a PORTS value (so a table row whose columns shifted is not misread).
    static func looksLikePorts(_ text: String) -> Bool {
        text.containsBytes("/tcp") || text.containsBytes("/udp") || text.containsBytes("/sctp")
    }

    static func parse(_ entry: String) -> [PortMapping] {
        guard let arrow = entry.byteRange(of: "->") else { return [] }
        let left = entry[..<arrow.lowerBound]
        let right = entry[arrow.upperBound...]
        let slash = right.utf8.firstIndex(of: UInt8(ascii: "/"))
        let containerSpec = slash.map { right[..<$0] } ?? right
        let proto = slash.map { String(right[right.index(after: $0)...]) } ?? "tcp"
        guard let colon = left.utf8.lastIndex(of: UInt8(ascii: ":")) else { return [] }
        var address = String(left[..<colon])
        let hostSpec = left[left.index(after: colon)...]
        if address.hasPrefix("["), address.hasSuffix("]") { address = String(address.dropFirst().dropLast()) }
        guard let hosts = range(hostSpec), let containers = range(containerSpec),
            hosts.count == containers.count, hosts.count <= 65536,
            proto.utf8.allSatisfy({ $0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A })
        else { return [] }
        return zip(hosts, containers).map { PortMapping(hostAddress: address, hostPort: $0, containerPort: $1, proto: proto) }
    }

    /// `18789` or `18789-18790` as a range of ports.
    static func range(_ spec: Substring) -> ClosedRange<Int>? {
        let dash = spec.utf8.firstIndex(of: UInt8(ascii: "-"))
        guard let low = port(dash.map { spec[..<$0] } ?? spec) else { return nil }
        let high = dash.map { port(spec[spec.index(after: $0)...]) } ?? low
        guard let high, high >= low else { return nil }
        return low...high
    }

    static func port(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 5, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(text),
            value <= 65535
        else { return nil }
        return value
    }
}

import ClawfixEvidence

/// The values of the knowledge base's placeholders (`KnowledgeBase/README.md`, "Placeholders"),
/// taken from the facts, with the README's defaults where nothing is known.
public struct PlaceholderValues: Sendable, Hashable {
    public var values: [String: String]

    public init(_ facts: FactSet) {
        let container = facts.facts(named: .gatewayContainer).last { $0.value != "none" }?.value
            ?? "openclaw-openclaw-gateway-1"
        let service = facts.facts(named: .composeService).last { $0.value.contains("gateway") }?.value
            ?? "openclaw-gateway"
        let port = facts.value(.gatewayHostPort) ?? facts.value(.gatewayPort) ?? "18789"
        let configDirectory = facts.value(.configMountSource) ?? "~/.openclaw"
        // The mount source is root's and the prompt is not root's: editing it needs sudo. An
        // unknown shell user is not known to be root, so sudo is the safe advice.
        let needsSudo = facts.has(.configMountOwner, "root") && !facts.has(.shellUser, "root")
        var values = [
            "container": container,
            "gateway-service": service,
            "port": port,
            "config-dir": configDirectory,
            "sudo": needsSudo ? "sudo " : "",
            "request-id": facts.value(.pairingRequestId) ?? "<requestId>",
            "ssh-target": "user@server",
            "version": facts.value(.openclawVersion) ?? "<version>",
        ]
        values["cli"] = Self.cli(for: Self.installKind(facts), container: container, service: service)
        self.values = values
    }

    /// The install kind, or the one the Docker output implies when the user has not said.
    static func installKind(_ facts: FactSet) -> String? {
        if let kind = facts.value(.installKind)?.lowercased() { return kind }
        if facts.contains(FactName.composeService.rawValue) { return "compose" }
        // `docker compose run --rm openclaw-cli …` pasted earlier: the CLI container is compose's.
        if facts.has(.commandLocation, "cli-container")
            && facts.facts(named: .commandRan).contains(where: { $0.value.hasPrefix("docker compose ") })
        {
            return "compose"
        }
        if facts.facts(named: .gatewayContainer).contains(where: { $0.value != "none" }) {
            return facts.facts(named: .gatewayContainer).contains { $0.value.contains("openclaw-gateway") }
                ? "compose" : "docker"
        }
        return nil
    }

    /// The CLI where the gateway counts it as local: inside the gateway container for Docker installs
    /// (the host has no `openclaw`, and a separate `openclaw-cli` container dials its own loopback).
    static func cli(for installKind: String?, container: String, service: String) -> String {
        switch installKind {
        case "compose": return "docker compose exec \(service) node dist/index.js"
        case "docker": return "docker exec -it \(container) node dist/index.js"
        default: return "openclaw"
        }
    }

    /// Replaces every `{name}` whose name is known; unknown braces (Go templates such as
    /// `{{.Names}}`) are left as written.
    public func fill(_ text: String) -> String {
        // Over UTF-8 bytes: `{` and `}` are ASCII, so every split point is a scalar boundary. Fixes
        // are filled for every shown candidate on every message; Character-level scanning and
        // Foundation's `contains` cost more than the rest of a bot reply's diagnosis.
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes -> String in
            guard bytes.contains(UInt8(ascii: "{")) else { return text }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 64)
            var index = 0
            let count = bytes.count
            while index < count {
                // Copy the run up to the next brace in one go.
                guard let brace = bytes[index...].firstIndex(of: UInt8(ascii: "{")) else {
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index...]))
                    break
                }
                if brace > index { result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<brace])) }
                index = brace
                let byte = bytes[index]
                var close = index + 1
                while close < count, bytes[close] != UInt8(ascii: "}"), bytes[close] != UInt8(ascii: "{"),
                    close - index <= Self.longestName
                {
                    close += 1
                }
                if close < count, bytes[close] == UInt8(ascii: "}"),
                    let value = values[String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<close]), as: UTF8.self)]
                {
                    result.append(contentsOf: value.utf8)
                    index = close + 1
                } else {
                    result.append(byte)
                    index += 1
                }
            }
            return String(decoding: result, as: UTF8.self)
        } ?? text
    }

    /// Placeholder names are short; a `{` followed by a long run without `}` is not one.
    static let longestName = 32
}

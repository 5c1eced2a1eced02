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
        guard text.contains("{") else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let value = values[String(after[..<close])] {
                result += value
                rest = after[after.index(after: close)...]
            } else {
                result.append("{")
                rest = after
            }
        }
        result += rest
        return result
    }
}

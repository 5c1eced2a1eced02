import ClawfixEvidence
import ClawfixKnowledge

/// Picks the `run` variant of a command node that fits the user's setup and fills its placeholders.
///
/// Order: PowerShell (`windows`) when the user is on Windows; `ssh` when the gateway is remote and
/// nothing shows the user is already on the server (`ssh-compose`/`ssh-docker` first for Docker
/// installs); then the variant of the install kind
/// (`compose`, `docker`, `host`); then the default.
public struct CommandTailor: Sendable {
    public var facts: FactSet
    public var placeholders: PlaceholderValues

    public init(facts: FactSet) {
        self.facts = facts
        self.placeholders = PlaceholderValues(facts)
    }

    /// True when a paste shows the user typing on the gateway's machine (a server prompt, a
    /// container shell, Docker output).
    public var userIsOnGatewayHost: Bool {
        facts.facts(named: .commandLocation).contains {
            ["remote-host", "gateway-container", "cli-container"].contains($0.value.lowercased())
        } || facts.contains(FactName.dockerSeen.rawValue)
    }

    public func preferredVariants() -> [String] {
        var order: [String] = []
        if facts.has(.clientOS, "windows") { order.append("windows") }
        let kind = PlaceholderValues.installKind(facts)
        if facts.has(.gatewayLocation, "remote") && !userIsOnGatewayHost {
            // Over SSH a Docker install's CLI is still inside the container: `ssh … openclaw` is the
            // very command that fails with `command not found` on such servers.
            if let kind, kind == "compose" || kind == "docker" { order.append("ssh-" + kind) }
            order.append("ssh")
        }
        switch kind {
        case "compose": order += ["compose", "docker"]
        case "docker": order += ["docker"]
        case "host": order += ["host"]
        default: break
        }
        order += ["default", "host"]
        return order
    }

    public func command(for node: KnowledgeNode) -> String? {
        guard !node.commands.isEmpty else { return nil }
        for variant in preferredVariants() {
            if let chosen = node.commands.first(where: { $0.variant == variant }) {
                return placeholders.fill(chosen.command)
            }
        }
        return placeholders.fill(node.commands[0].command)
    }
}

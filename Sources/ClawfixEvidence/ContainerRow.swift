/// One container as a listing shows it (`docker ps`, `docker compose ps`, their JSON forms),
/// and the facts it yields. Shared so every listing decides "which one is the gateway" the same way.
struct ContainerRow: Sendable {
    var line: PasteLine
    var name: String
    var image: String? = nil
    var command: String? = nil
    var status: String? = nil
    var ports: String? = nil
    /// The compose service, from a SERVICE column or `com.docker.compose.service` label.
    var service: String? = nil
    /// Whether the row came from compose (a compose listing or compose labels).
    var fromCompose = false

    /// The official compose file's gateway service, a hand-made `openclaw-gateway`, or an OpenClaw
    /// image started through node's `docker-entrypoint.sh` — but never a `docker compose run
    /// openclaw-cli` container, which shares the image.
    var isGateway: Bool {
        let lowerName = name.lowercased()
        if let service { return service.lowercased().contains("gateway") }
        if lowerName.contains("cli-run") || lowerName.contains("-cli-") || lowerName.hasSuffix("-cli")
            || lowerName.contains("_cli") {
            return false
        }
        if lowerName.contains("gateway") { return true }
        if let image, image.lowercased().contains("openclaw"), let command, command.contains("docker-entrypoint") {
            return true
        }
        return false
    }

    /// Compose names are `<project>-<service>-<n>` (v1: `_<n>`); `docker run --name` has no number.
    var looksComposeNamed: Bool {
        guard let separator = name.lastIndex(where: { $0 == "-" || $0 == "_" }) else { return false }
        let suffix = name[name.index(after: separator)...]
        return !suffix.isEmpty && suffix.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Facts about this row alone.
    func facts() -> [Fact] {
        var facts = [line.fact(.dockerSeen, "true"), line.fact(.dockerContainer, name)]
        if let service, !service.isEmpty { facts.append(line.fact(.composeService, service)) }
        guard isGateway else { return facts }
        facts.append(line.fact(.gatewayContainer, name))
        facts.append(line.fact(.installKind, fromCompose || looksComposeNamed ? "compose" : "docker"))
        if let image, !image.isEmpty { facts.append(line.fact(.gatewayImage, image)) }
        if let status { facts += statusFacts(status) }
        if let ports {
            let mappings = PortMapping.parseList(ports).filter { $0.containerPort == 18789 }
            if mappings.isEmpty {
                facts.append(line.fact(.gatewayPublished, "none"))
            }
            for mapping in mappings {
                facts.append(line.fact(.gatewayPublishedPort, mapping.display))
                facts.append(line.fact(.gatewayHostPort, String(mapping.hostPort)))
                facts.append(line.fact(.gatewayPublishScope, mapping.scope))
            }
        }
        return facts
    }

    /// State, exit code and health from a docker STATUS (`Up 2 days (unhealthy)`,
    /// `Restarting (78) 21 seconds ago`, `Exited (137) 5 days ago`, `Created`) or a compose
    /// before 2.14.1 word (`running (healthy)`, `exited (0)`).
    func statusFacts(_ status: String) -> [Fact] {
        let lower = status.lowercased()
        var facts: [Fact] = []
        let states: [(String, String)] = [
            ("up ", "running"), ("running", "running"), ("restarting", "restarting"), ("exited", "exited"),
            ("created", "created"), ("dead", "dead"), ("removal in progress", "dead"),
        ]
        guard let state = states.first(where: { lower.hasPrefix($0.0) || lower == $0.0.trimmingBlanks() })?.1 else {
            return []
        }
        facts.append(line.fact(.gatewayContainerState, lower.contains("(paused)") ? "paused" : state))
        if state == "exited" || state == "restarting", let open = lower.firstIndex(of: "("),
            let close = lower[open...].firstIndex(of: ")")
        {
            let code = lower[lower.index(after: open)..<close]
            if !code.isEmpty, code.allSatisfy({ $0.isASCII && $0.isNumber }) {
                facts.append(line.fact(.gatewayExitCode, String(code)))
            }
        }
        if lower.contains("(unhealthy)") {
            facts.append(line.fact(.gatewayHealth, "unhealthy"))
        } else if lower.contains("(healthy)") {
            facts.append(line.fact(.gatewayHealth, "healthy"))
        } else if lower.contains("health: starting") {
            facts.append(line.fact(.gatewayHealth, "starting"))
        }
        return facts
    }

    /// Facts of a whole listing: each row's, plus `docker.gateway-container` = `none` when the
    /// listing (whose header is `header`) shows no gateway.
    static func listingFacts(_ rows: [ContainerRow], header: PasteLine) -> [Fact] {
        var facts = [header.fact(.dockerSeen, "true")]
        for row in rows { facts += row.facts() }
        if !rows.contains(where: \.isGateway) { facts.append(header.fact(.gatewayContainer, "none")) }
        return facts
    }
}

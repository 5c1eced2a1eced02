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

    /// The official compose file's gateway service, a hand-made `openclaw-gateway`, a container
    /// named plain `openclaw` (the README's `docker run --name openclaw ghcr.io/openclaw/openclaw`,
    /// or a compose service called `openclaw`), or an OpenClaw image started through node's
    /// `docker-entrypoint.sh` or publishing 18789 — but never a `docker compose run openclaw-cli`
    /// container, which shares the image.
    var isGateway: Bool {
        if let service {
            let lowerService = service.lowercased()
            if ContainerRow.isCLIName(lowerService) { return false }
            return lowerService.containsBytes("gateway") || lowerService == "openclaw"
        }
        let lowerName = name.lowercased()
        if ContainerRow.isCLIName(lowerName) { return false }
        if lowerName.containsBytes("gateway") { return true }
        let openClawImage = image.map { $0.lowercased().containsBytes("openclaw") } ?? false
        let publishesGatewayPort = ports?.containsBytes("->18789/") ?? false
        if ContainerRow.isPlainOpenClawName(lowerName) {
            return image == nil || image == "" || openClawImage || publishesGatewayPort
        }
        if openClawImage, command?.containsBytes("docker-entrypoint") == true || publishesGatewayPort { return true }
        return publishesGatewayPort && lowerName.containsBytes("openclaw")
    }

    /// `openclaw-cli`, `openclaw-openclaw-cli-run-9b8c…`, `openclaw_cli_1`.
    static func isCLIName(_ lower: String) -> Bool {
        lower.containsBytes("cli-run") || lower.containsBytes("-cli-") || lower.hasSuffix("-cli") || lower.containsBytes("_cli")
            || lower == "cli"
    }

    /// `openclaw`, or compose's `<project>-openclaw-<n>` / `<project>_openclaw_<n>` for a service
    /// called `openclaw`.
    static func isPlainOpenClawName(_ lower: String) -> Bool {
        if lower == "openclaw" { return true }
        for separator in ["-", "_"] as [Character] {
            let parts = lower.split(separator: separator)
            if parts.count >= 3, parts[parts.count - 2] == "openclaw", parts.last!.allSatisfy({ $0.isASCII && $0.isNumber }) {
                return true
            }
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
            for mapping in mappings { facts += mapping.gatewayFacts(line) }
        }
        return facts
    }

    /// State, exit code and health from a docker STATUS (`Up 2 days (unhealthy)`,
    /// `Restarting (78) 21 seconds ago`, `Exited (137) 5 days ago`, `Created`) or a compose
    /// before 2.14.1 word (`running (healthy)`, `exited (0)`), or a compose v1 STATE (`Up`,
    /// `Exit 1`, `Restarting`, `Paused`).
    func statusFacts(_ status: String) -> [Fact] {
        let lower = status.lowercased()
        var facts: [Fact] = []
        let states: [(String, String)] = [
            ("up ", "running"), ("running", "running"), ("restarting", "restarting"), ("exited", "exited"),
            ("exit ", "exited"), ("created", "created"), ("dead", "dead"), ("removal in progress", "dead"), ("paused", "paused"),
        ]
        guard let state = states.first(where: { lower.hasPrefix($0.0) || lower == $0.0.trimmingBlanks() })?.1 else {
            return []
        }
        facts.append(line.fact(.gatewayContainerState, lower.containsBytes("(paused)") ? "paused" : state))
        if state == "exited" || state == "restarting", let open = lower.firstIndex(of: "("),
            let close = lower[open...].firstIndex(of: ")")
        {
            let code = lower[lower.index(after: open)..<close]
            if !code.isEmpty, code.allSatisfy({ $0.isASCII && $0.isNumber }) {
                facts.append(line.fact(.gatewayExitCode, String(code)))
            }
        } else if lower.hasPrefix("exit ") {
            let code = lower.dropFirst(5).prefix { $0.isASCII && $0.isNumber }
            if !code.isEmpty { facts.append(line.fact(.gatewayExitCode, String(code))) }
        }
        if lower.containsBytes("(unhealthy)") {
            facts.append(line.fact(.gatewayHealth, "unhealthy"))
        } else if lower.containsBytes("(healthy)") {
            facts.append(line.fact(.gatewayHealth, "healthy"))
        } else if lower.containsBytes("health: starting") {
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

/// Every fact name clawfix can produce: the knowledge-base linter rejects conditions over any
/// other name, so a typo in a tree is caught before it silently never matches.
public enum FactVocabulary {
    /// Names produced by the core (symptoms, answers in words, the probe).
    static let core: Set<String> = [
        "symptom", "close.code", "close.reason", "error.reporter", "auth.reason", "pairing.request-id",
        "pairing.reason", "install.kind", "client.os", "gateway.location", "access.path", "command.location",
        "command.ran", "shell.user", "shell.home", "shell.directory", "docker.seen", "docker.container",
        "docker.gateway-container", "docker.gateway-image", "docker.gateway-state", "docker.gateway-exit-code",
        "docker.gateway-health", "docker.gateway-published", "docker.gateway-host-port",
        "docker.gateway-publish-scope", "docker.gateway-publishes", "compose.service", "compose.cli-network-mode",
        "compose.gateway-bind", "compose.token-source", "docker.mount", "docker.config-mount-source",
        "docker.config-mount-owner", "docker.network-mode", "gateway.listen", "gateway.listen-scope",
        "gateway.listen-in-container", "gateway.bind", "gateway.port", "gateway.remote-address",
        "gateway.remote-kind", "gateway.forwarded-for", "gateway.origin", "gateway.auth-mode",
        "gateway.browser-control-port", "gateway.start-failure", "tunnel.forward", "tunnel.remote-port",
        "curl.result", "openclaw.version", "config.path", "config.edited", "config.misplaced-key",
        "config.syntax-error", "cli.target", "cli.source", "cli.bind", "cli.rpc-probe", "cli.service-runtime",
        "devices.pending-count", "devices.paired-count", "dashboard.url", "browser.url", "browser.host-kind",
        "browser.secure-context", "browser.port", "probe.outcome", "probe.url", "probe.protocol",
    ]

    /// Open-ended families: `env.<VARIABLE>` and `config.<dotted.path>`.
    static let families = ["env.", "config."]

    /// All fixed names.
    public static var known: Set<String> {
        core.union(SystemExtractors.factNames).union(OpenClawExtractors.factNames)
    }

    /// Whether a condition may test this name.
    public static func isKnown(_ name: String) -> Bool {
        known.contains(name) || families.contains { name.hasPrefix($0) && name.count > $0.count }
    }
}

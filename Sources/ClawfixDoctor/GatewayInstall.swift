/// How the gateway runs on the examined host, as discovery found it.
public struct GatewayInstall: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A container of a docker compose project.
        case compose
        /// A container started with `docker run`.
        case docker
        /// A Podman container.
        case podman
        /// `openclaw-gateway.service` of the user's systemd.
        case systemdUser = "systemd-user"
        /// `openclaw-gateway.service` of the system's systemd.
        case systemdSystem = "systemd-system"
        /// A macOS LaunchAgent.
        case launchAgent = "launch-agent"
        /// A plain `openclaw gateway` process, not supervised.
        case process
        /// No gateway found.
        case none
    }

    public var kind: Kind
    /// The gateway container (Docker, compose, Podman).
    public var container: String?
    public var image: String?
    public var composeProject: String?
    public var composeService: String?
    /// The compose project's directory (`com.docker.compose.project.working_dir`), where
    /// `docker compose` commands run.
    public var composeDirectory: String?
    /// The newest stopped CLI container of the install (`docker compose run openclaw-cli` without
    /// `--rm`): its log is what the CLI said when it failed.
    public var exitedCLIContainer: String?
    /// The systemd unit or LaunchAgent label.
    public var serviceName: String?
    /// The gateway process, as `ps` shows it (`4242 openclaw-gateway`).
    public var process: String?

    public init(kind: Kind) {
        self.kind = kind
    }

    /// The knowledge base's `run` variant for this install, and `{cli}`'s install kind.
    public var knowledgeVariant: String {
        switch kind {
        case .compose: return "compose"
        case .docker, .podman: return "docker"
        default: return "host"
        }
    }

    public var isContainer: Bool { [.compose, .docker, .podman].contains(kind) }

    /// One line for people: what was found.
    public var summary: String {
        switch kind {
        case .compose:
            var text = "docker compose container \(container ?? "?")"
            var details: [String] = []
            if let image { details.append("image \(image)") }
            if let composeService { details.append("service \(composeService)") }
            if let composeDirectory { details.append("project in \(composeDirectory)") }
            if !details.isEmpty { text += " (" + details.joined(separator: ", ") + ")" }
            return text
        case .docker, .podman:
            let engine = kind == .docker ? "Docker" : "Podman"
            return "\(engine) container \(container ?? "?")" + (image.map { " (image \($0))" } ?? "")
        case .systemdUser: return "systemd user service \(serviceName ?? "openclaw-gateway.service")"
        case .systemdSystem: return "systemd system service \(serviceName ?? "openclaw-gateway.service")"
        case .launchAgent: return "LaunchAgent \(serviceName ?? "")"
        case .process: return "a plain gateway process (\(process ?? "openclaw gateway"))"
        case .none: return "no gateway (no container, service or process)"
        }
    }
}

/// The name of a fact: a dotted, kebab-case key such as `docker.gateway-container`.
///
/// The static members below are the vocabulary the knowledge base's conditions test. Adding an
/// extractor that learns something new means adding a name here (with its values documented) so
/// `clawfix kb lint` accepts trees that use it. Two families are open-ended: `env.<VARIABLE>` and
/// `config.<dotted.path>`.
public struct FactName: RawRepresentable, Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public var description: String { rawValue }
    public static func < (lhs: FactName, rhs: FactName) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `env.NAME` — an environment variable seen in a `.env` file, an `env` dump, `docker inspect`
    /// `Config.Env` or compose `environment:`. Secret values are `set` (never the value itself);
    /// empty values are `empty`.
    public static func env(_ variable: String) -> FactName { FactName(rawValue: "env." + variable) }
    /// `config.<dotted.path>` — a key set in `openclaw.json` (or printed by `openclaw config get`),
    /// e.g. `config.gateway.controlUi.allowInsecureAuth` = `true`. Secrets are `set`.
    public static func config(_ path: String) -> FactName { FactName(rawValue: "config." + path) }

    // MARK: Symptoms and wire-level results

    /// A recognised error or symptom string, normalised to a symptom id. Values: the symptom
    /// column of `KnowledgeBase/messages.md` (`pairing-required`, `token-missing`, `abnormal-closure`, …).
    public static let symptom: FactName = "symptom"
    /// A WebSocket close code seen in a message, log or probe (`1008`, `1006`, `1002`, …).
    public static let closeCode: FactName = "close.code"
    /// The close reason as printed (`pairing required`).
    public static let closeReason: FactName = "close.reason"
    /// Which client reported the error: `control-ui` (browser banner), `cli`, `gateway-log`, `probe`.
    public static let errorReporter: FactName = "error.reporter"
    /// The raw auth reason of the gateway (`token_missing`, `trusted_proxy_untrusted_source`, …).
    public static let authReason: FactName = "auth.reason"
    /// A pairing request id (UUID) from an error, a log line or `devices list`.
    public static let pairingRequestId: FactName = "pairing.request-id"
    /// Why pairing is required: `not-paired`, `scope-upgrade`, `role-upgrade`, `metadata-upgrade`.
    public static let pairingReason: FactName = "pairing.reason"

    // MARK: Where things run

    /// How the gateway is installed: `compose`, `docker` (plain `docker run`), `host`, `hosted` (a
    /// hosting platform runs it: Railway, Render, Fly, managed hosting).
    public static let installKind: FactName = "install.kind"
    /// The user's own machine: `windows`, `macos`, `linux`.
    public static let clientOS: FactName = "client.os"
    /// Where the gateway runs relative to the browser: `same-machine`, `remote` (a VPS or another box).
    public static let gatewayLocation: FactName = "gateway.location"
    /// How the browser reaches a remote gateway: `ssh-tunnel`, `tailscale`, `reverse-proxy`, `lan`, `direct`.
    public static let accessPath: FactName = "access.path"
    /// Where a command of the paste ran: `host`, `remote-host` (over ssh), `gateway-container`,
    /// `cli-container` (`docker compose run openclaw-cli`), `windows`.
    public static let commandLocation: FactName = "command.location"
    /// A command line the user ran, as typed after a prompt (redacted).
    public static let commandRan: FactName = "command.ran"
    /// The shell user of a prompt (`root`, `alice`).
    public static let shellUser: FactName = "shell.user"
    /// The home directory in play (`/root`, `/home/alice`), from prompts, `HOME=` or paths.
    public static let shellHome: FactName = "shell.home"
    /// The current directory of a prompt (`~/openclaw`).
    public static let shellDirectory: FactName = "shell.directory"

    // MARK: Docker and compose

    /// Whether docker output was seen at all: `true`.
    public static let dockerSeen: FactName = "docker.seen"
    /// Every container name seen in `docker ps` / `docker compose ps`.
    public static let dockerContainer: FactName = "docker.container"
    /// The container that runs the gateway (name), or `none` when a container listing shows none.
    public static let gatewayContainer: FactName = "docker.gateway-container"
    /// The gateway container's image (`openclaw:local`, `ghcr.io/openclaw/openclaw:latest`).
    public static let gatewayImage: FactName = "docker.gateway-image"
    /// The gateway container's state: `running`, `restarting`, `exited`, `created`, `paused`, `dead`.
    public static let gatewayContainerState: FactName = "docker.gateway-state"
    /// Exit code of an exited or restarting gateway container (`78` = refused to start).
    public static let gatewayExitCode: FactName = "docker.gateway-exit-code"
    /// How often Docker restarted the gateway container (`RestartCount` of `docker inspect`); a
    /// growing count is a restart loop.
    public static let gatewayRestartCount: FactName = "docker.gateway-restart-count"
    /// Health: `healthy`, `unhealthy`, `starting`.
    public static let gatewayHealth: FactName = "docker.gateway-health"
    /// Each published mapping of the gateway's container port 18789, as `HOSTADDR:HOSTPORT->18789/tcp`
    /// with ranges expanded (`0.0.0.0:18789->18789/tcp`).
    public static let gatewayPublishedPort: FactName = "docker.gateway-published"
    /// The host port that reaches container port 18789 (`18789`, `18888`).
    public static let gatewayHostPort: FactName = "docker.gateway-host-port"
    /// Host address the gateway port is published on: `loopback` (127.0.0.1 / ::1) or `all` (0.0.0.0 / ::) or the IP.
    public static let gatewayPublishScope: FactName = "docker.gateway-publish-scope"
    /// `none` when the gateway container exists but publishes no port.
    public static let gatewayPublished: FactName = "docker.gateway-publishes"
    /// A compose service name from `docker compose config --services` / `ps` / config.
    public static let composeService: FactName = "compose.service"
    /// The CLI service (`openclaw-cli`) network mode: `service:openclaw-gateway`, `default`.
    public static let cliNetworkMode: FactName = "compose.cli-network-mode"
    /// The `--bind` value in the gateway's compose command.
    public static let composeBind: FactName = "compose.gateway-bind"
    /// Whether the gateway service has `env_file` / `environment` passing the token: `env-file`, `environment`, `none`.
    public static let composeTokenSource: FactName = "compose.token-source"
    /// A bind mount, as `DESTINATION <= SOURCE`.
    public static let dockerMount: FactName = "docker.mount"
    /// Host source directory mounted at `/home/node/.openclaw` (the config the container reads).
    public static let configMountSource: FactName = "docker.config-mount-source"
    /// Owner of that source as far as its path tells: `root` for `/root/...`, else `user`.
    public static let configMountOwner: FactName = "docker.config-mount-owner"
    /// The gateway container's network mode (`bridge`, `host`, `container:<id>`).
    public static let dockerNetworkMode: FactName = "docker.network-mode"

    // MARK: Listening sockets and network

    /// An address the gateway listens on (`127.0.0.1:18789`, `0.0.0.0:18789`, `[::1]:18789`).
    public static let listenAddress: FactName = "gateway.listen"
    /// Scope of the gateway's listening sockets: `loopback` (only 127.0.0.1/::1), `all`, `lan`.
    public static let listenScope: FactName = "gateway.listen-scope"
    /// Whether the `ss`/`netstat`/`lsof` output came from inside a container: `true`.
    public static let listenSeenInContainer: FactName = "gateway.listen-in-container"
    /// The gateway's bind mode: `loopback`, `lan`, `tailnet`, `auto`, `custom`.
    public static let gatewayBind: FactName = "gateway.bind"
    /// The gateway port (from config, status, logs).
    public static let gatewayPort: FactName = "gateway.port"
    /// The client address the gateway saw (`remote=` in `[ws]` log lines): `172.18.0.1`, `127.0.0.1`.
    public static let gatewayRemoteAddress: FactName = "gateway.remote-address"
    /// Classification of that address: `docker-bridge` (172.16/12 gateway .1), `docker-desktop`
    /// (192.168.65.1), `loopback`, `lan`, `tailnet` (100.64/10), `public`.
    public static let gatewayRemoteKind: FactName = "gateway.remote-kind"
    /// `fwd=` of a `[ws]` log line when not `n/a`: forwarded-for header present.
    public static let gatewayForwardedFor: FactName = "gateway.forwarded-for"
    /// The Origin a browser sent (`origin=` in logs).
    public static let gatewayOrigin: FactName = "gateway.origin"
    /// The gateway's auth mode when a log or status tells (`token`, `password`, `none`, `trusted-proxy`).
    public static let gatewayAuthMode: FactName = "gateway.auth-mode"
    /// `true` when the gateway logged `Browser control listening on …:18791`.
    public static let browserControlPort: FactName = "gateway.browser-control-port"
    /// A startup failure message of the gateway.
    public static let gatewayStartFailure: FactName = "gateway.start-failure"
    /// SSH local forward `LOCALPORT:HOST:REMOTEPORT` from an `ssh -L` command line.
    public static let tunnelForward: FactName = "tunnel.forward"
    /// The remote port an SSH tunnel targets (`18789`).
    public static let tunnelRemotePort: FactName = "tunnel.remote-port"
    /// A curl result against the gateway: `ok`, `empty-reply`, `refused`, `reset`, `timeout`, `http-<status>`.
    public static let curlResult: FactName = "curl.result"

    // MARK: OpenClaw CLI and config

    /// OpenClaw release as `YYYY.M.D` (pre-release suffix dropped), from `openclaw --version`,
    /// `hello-ok`, logs or words.
    public static let openclawVersion: FactName = "openclaw.version"
    /// The config file path a CLI or gateway reports (`Config: /home/node/.openclaw/openclaw.json`).
    public static let configPath: FactName = "config.path"
    /// A config file the user says or shows they edited (`~/openclaw/openclaw.json`).
    public static let configEdited: FactName = "config.edited"
    /// A key found at a path the gateway does not read (`gateway.token`, `agents.gateway.bind`).
    public static let configMisplacedKey: FactName = "config.misplaced-key"
    /// A JSON5 syntax error in a pasted `openclaw.json`, as `line N: message`.
    public static let configSyntaxError: FactName = "config.syntax-error"
    /// `gateway closed`/probe target of the CLI (`ws://127.0.0.1:18789`).
    public static let cliTarget: FactName = "cli.target"
    /// The CLI's `Source:` line: `local loopback`, `cli --url`, `env OPENCLAW_GATEWAY_URL`, `config gateway.remote.url`, …
    public static let cliSource: FactName = "cli.source"
    /// `Bind:` of a CLI error block, or `Gateway: bind=` of `gateway status`.
    public static let cliBind: FactName = "cli.bind"
    /// Result of `openclaw gateway status`'s RPC probe: `ok`, `failed`.
    public static let rpcProbe: FactName = "cli.rpc-probe"
    /// Service runtime from `gateway status`: `running`, `stopped`, `unknown`.
    public static let serviceRuntime: FactName = "cli.service-runtime"
    /// Number of pending device pairing requests in `devices list`.
    public static let pendingRequestCount: FactName = "devices.pending-count"
    /// Number of paired devices in `devices list`.
    public static let pairedDeviceCount: FactName = "devices.paired-count"
    /// A dashboard URL printed by `openclaw dashboard` (token redacted).
    public static let dashboardURL: FactName = "dashboard.url"
    /// The URL the browser opened (`http://192.168.1.20:18789/`).
    public static let browserURL: FactName = "browser.url"
    /// The host of that URL's kind: `loopback`, `lan`, `tailnet`, `public`, `hostname`, `nip-io`.
    public static let browserHostKind: FactName = "browser.host-kind"
    /// Whether the browser URL is a secure context: `true` (https or localhost), `false`.
    public static let browserSecureContext: FactName = "browser.secure-context"
    /// The port of the browser URL.
    public static let browserPort: FactName = "browser.port"

    // MARK: Live probe

    /// The probe's outcome (`ok`, `refused`, `timeout`, `http-rejected`, `pairing-required`, …).
    public static let probeOutcome: FactName = "probe.outcome"
    /// The probed URL.
    public static let probeURL: FactName = "probe.url"
    /// The gateway's protocol from `hello-ok`.
    public static let probeProtocol: FactName = "probe.protocol"
}

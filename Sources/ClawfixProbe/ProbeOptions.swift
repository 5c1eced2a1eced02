/// What `GatewayProbe` sends. The secret is held only here and written only into the `connect`
/// frame to the target: never into the report.
public struct ProbeOptions: Sendable {
    /// The shared secret for `connect.auth`.
    public enum Credential: Sendable {
        case none, token(String), password(String)
    }

    /// The client the probe announces. `cli`/`probe` is valid in every era (§14.1);
    /// `controlUI` emulates a browser (`openclaw-control-ui`/`webchat`) to reproduce UI-only refusals.
    public struct Client: Sendable, Hashable {
        public var id: String
        public var mode: String
        public static let cli = Client(id: "cli", mode: "probe")
        public static let controlUI = Client(id: "openclaw-control-ui", mode: "webchat")
        public init(id: String, mode: String) { self.id = id; self.mode = mode }
    }

    public var credential: Credential
    /// Present a device identity (creates a pending pairing request on a gateway that does not know it).
    public var device: DeviceIdentity?
    /// An `Origin` header for the upgrade (since 2026-03-12 it triggers the gateway's origin check).
    public var origin: String?
    /// Overall budget for every phase together, in seconds.
    public var timeout: Double
    public var client: Client
    public var minProtocol: Int
    public var maxProtocol: Int
    /// Also `GET /healthz` on the same origin after the handshake.
    public var checkHealthz: Bool
    /// Frames (and HTTP heads) above this are refused.
    public var maxFrameBytes: Int
    /// Where the credential came from (`--token`, `OPENCLAW_GATEWAY_TOKEN in ./.env`), copied into
    /// the report; never the value.
    public var credentialSource: String?

    /// The largest frame the gateway itself sends or accepts after `hello-ok` (`MAX_PAYLOAD_BYTES`,
    /// 25 MiB, advertised as `policy.maxPayload` since the April 2026 releases): anything the gateway
    /// may legitimately send is read.
    public static let gatewayMaximumPayload = 25 << 20

    public init(
        credential: Credential = .none, device: DeviceIdentity? = nil, origin: String? = nil, timeout: Double = 5,
        client: Client = .cli, minProtocol: Int = 3, maxProtocol: Int = 4, checkHealthz: Bool = true,
        maxFrameBytes: Int = Self.gatewayMaximumPayload, credentialSource: String? = nil
    ) {
        self.credentialSource = credentialSource
        self.credential = credential
        self.device = device
        self.origin = origin
        self.timeout = timeout
        self.client = client
        self.minProtocol = minProtocol
        self.maxProtocol = maxProtocol
        self.checkHealthz = checkHealthz
        self.maxFrameBytes = maxFrameBytes
    }

    var token: String? { if case .token(let value) = credential { value } else { nil } }
    /// `token`, `password` or `none`: what kind of secret was sent, never the secret.
    var credentialKind: String {
        switch credential {
        case .none: "none"
        case .token: "token"
        case .password: "password"
        }
    }
    var password: String? { if case .password(let value) = credential { value } else { nil } }
}

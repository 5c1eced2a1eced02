/// How the emulated gateway behaves: one era of the real gateway (§3.3, §6, §7, §14.2 and §16 of
/// the reference), its configuration, and optional misbehaviour for transport tests.
public struct GatewayEmulatorProfile: Sendable {
    /// February 2026 (v2026.2.9, [F]), April 2026 (v2026.4.x, [A], protocol 3) or protocol 4.
    public enum Era: Sendable, Hashable { case february, april, v4 }
    /// `gateway.auth.mode` with its secret.
    public enum Auth: Sendable, Hashable { case none, token(String), password(String) }
    /// What the upgrade request gets: the WebSocket, or a plain HTTP answer (503 while starting,
    /// the browser-control service's 401 on port 18791, …).
    public enum Upgrade: Sendable, Hashable { case websocket, http(status: Int, reason: String, body: String) }
    /// Transport failures the real gateway (or a wrong server) can show.
    public enum Misbehaviour: Sendable, Hashable {
        case none
        /// Upgrade, then silence.
        case noChallenge
        /// Challenge, then ignore `connect` until the handshake timer closes 1000 with an empty reason.
        case ignoreConnect
        /// Drop TCP (no close frame) when `connect` arrives.
        case dropAfterConnect
        /// Send a frame of this many bytes instead of the challenge.
        case hugeFrame(bytes: Int)
        /// Send bytes that are not a WebSocket frame instead of the challenge.
        case garbageFrame
        /// Send a text frame that is not JSON instead of the challenge, then close with this code
        /// (a WebSocket server that is not a gateway).
        case notJSONThenClose(code: UInt16, reason: String)
        /// Answer the upgrade one byte at a time, every `interval` seconds.
        case trickle(interval: Double)
    }

    public var era: Era
    public var auth: Auth
    public var upgrade: Upgrade
    public var misbehaviour: Misbehaviour
    /// `gateway.controlUi.allowedOrigins`.
    public var allowedOrigins: [String]
    /// Whether the gateway counts the socket as local (loopback peer, no proxy headers); a local
    /// socket's pairing is approved silently. Tests of "pairing required" model a remote client.
    public var socketIsLocal: Bool
    /// Device ids already approved.
    public var pairedDevices: Set<String>
    /// v4: startup sidecars still running (`gateway starting`).
    public var startupPending: Bool
    /// The `requestId` a pairing request gets (fixed so tests can assert it).
    public var requestId: String
    /// The pre-auth handshake timer (10 s in the real gateway).
    public var handshakeTimeout: Double
    /// The auth rate limiter has locked this client out (`gateway.auth.rateLimit`, §6.2): every
    /// attempt that carries a credential is refused with `AUTH_RATE_LIMITED`; missing credentials
    /// never count, so a connect without one is answered as usual.
    public var lockedOut: Bool
    public var serverVersion: String

    public init(
        era: Era = .april, auth: Auth = .token("emulator-token"), upgrade: Upgrade = .websocket,
        misbehaviour: Misbehaviour = .none, allowedOrigins: [String] = ["http://localhost:18789", "http://127.0.0.1:18789"],
        socketIsLocal: Bool = false, pairedDevices: Set<String> = [], startupPending: Bool = false,
        requestId: String = "7d3b5c1e-2f4a-4b6c-9d8e-0a1b2c3d4e5f", handshakeTimeout: Double = 10, serverVersion: String? = nil,
        lockedOut: Bool = false
    ) {
        self.lockedOut = lockedOut
        self.era = era
        self.auth = auth
        self.upgrade = upgrade
        self.misbehaviour = misbehaviour
        self.allowedOrigins = allowedOrigins
        self.socketIsLocal = socketIsLocal
        self.pairedDevices = pairedDevices
        self.startupPending = startupPending
        self.requestId = requestId
        self.handshakeTimeout = handshakeTimeout
        self.serverVersion = serverVersion ?? (era == .february ? "2026.2.9" : era == .april ? "2026.4.12" : "2026.6.3")
    }

    /// The protocol this era speaks.
    public var protocolVersion: Int { era == .v4 ? 4 : 3 }

    // MARK: Presets (each named for the failure it reproduces)

    public static func ok(_ era: Era = .april) -> Self { .init(era: era) }
    public static func gatewayStarting503() -> Self {
        .init(upgrade: .http(status: 503, reason: "Service Unavailable", body: "Gateway websocket handlers unavailable"))
    }
    public static func tooManySockets503() -> Self {
        .init(upgrade: .http(status: 503, reason: "Service Unavailable", body: "Too many unauthenticated sockets"))
    }
    public static func unauthorized401() -> Self {
        .init(upgrade: .http(status: 401, reason: "Unauthorized", body: "Unauthorized"))
    }
    /// The browser-control service on 18791: an Express app, 401 `Unauthorized` for everything (§16.6).
    public static func browserControlService() -> Self { unauthorized401() }
    /// A web server that is not a gateway at all.
    public static func plainPage() -> Self {
        .init(upgrade: .http(status: 200, reason: "OK", body: "<!doctype html><title>It works</title>"))
    }
}

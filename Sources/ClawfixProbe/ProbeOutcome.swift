/// The probe's verdict in one word; the raw values are a public contract (`probe.outcome` facts,
/// `clawfix probe --format json`'s `outcome`).
///
/// - `ok`: `hello-ok` received (and `health` asked).
/// - `refused`: TCP connection refused — nothing listens there.
/// - `unreachable`: no route to the host (`EHOSTUNREACH`, `ENETUNREACH`): the network path, not the gateway.
/// - `timeout`: a phase (connect, upgrade, response) did not finish within `--timeout`.
/// - `dns-failed`: the host name does not resolve.
/// - `tls-failed`: the TLS handshake failed (wrong scheme, bad certificate).
/// - `http-rejected`: the server answered the upgrade with an HTTP error (401, 503, …).
/// - `not-a-gateway`: the server speaks HTTP but not the gateway's WebSocket (a 2xx page, a bad accept key).
/// - `no-challenge`: the WebSocket opened but no `connect.challenge` arrived.
/// - `pairing-required`, `token-missing`, `token-mismatch`, `password-missing`, `password-mismatch`,
///   `device-identity-required`, `insecure-context`, `origin-not-allowed`, `protocol-mismatch`,
///   `device-auth-failed` (nonce/signature/identity errors), `auth-failed` (other `unauthorized: …`),
///   `rate-limited` (`AUTH_RATE_LIMITED`: too many failed attempts from this address),
///   `gateway-starting` (v4 startup, or HTTP 503 `Gateway websocket handlers unavailable`),
///   `invalid-request` (any other `res` error): the gateway's own refusal.
/// - `handshake-timeout`: `connect` was sent and never answered: the gateway's pre-auth timer
///   closed with 1000 and an empty reason, or the probe's own deadline passed first.
/// - `closed`: the connection closed before `hello-ok` without a recognised error.
/// - `garbage`: bytes that are neither HTTP nor WebSocket frames nor JSON.
/// - `frame-too-large`: a frame over the gateway's own 25 MiB limit was announced and refused.
/// - `insecure-refused`: plaintext `ws://` to a non-loopback host was not confirmed.
public struct ProbeOutcome: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static let ok = ProbeOutcome(rawValue: "ok")
    public static let refused = ProbeOutcome(rawValue: "refused")
    public static let unreachable = ProbeOutcome(rawValue: "unreachable")
    public static let timeout = ProbeOutcome(rawValue: "timeout")
    public static let dnsFailed = ProbeOutcome(rawValue: "dns-failed")
    public static let tlsFailed = ProbeOutcome(rawValue: "tls-failed")
    public static let httpRejected = ProbeOutcome(rawValue: "http-rejected")
    public static let notAGateway = ProbeOutcome(rawValue: "not-a-gateway")
    public static let noChallenge = ProbeOutcome(rawValue: "no-challenge")
    public static let pairingRequired = ProbeOutcome(rawValue: "pairing-required")
    public static let tokenMissing = ProbeOutcome(rawValue: "token-missing")
    public static let tokenMismatch = ProbeOutcome(rawValue: "token-mismatch")
    public static let passwordMissing = ProbeOutcome(rawValue: "password-missing")
    public static let passwordMismatch = ProbeOutcome(rawValue: "password-mismatch")
    public static let deviceIdentityRequired = ProbeOutcome(rawValue: "device-identity-required")
    public static let insecureContext = ProbeOutcome(rawValue: "insecure-context")
    public static let originNotAllowed = ProbeOutcome(rawValue: "origin-not-allowed")
    public static let protocolMismatch = ProbeOutcome(rawValue: "protocol-mismatch")
    public static let deviceAuthFailed = ProbeOutcome(rawValue: "device-auth-failed")
    public static let authFailed = ProbeOutcome(rawValue: "auth-failed")
    public static let rateLimited = ProbeOutcome(rawValue: "rate-limited")
    public static let gatewayStarting = ProbeOutcome(rawValue: "gateway-starting")
    public static let handshakeTimeout = ProbeOutcome(rawValue: "handshake-timeout")
    public static let invalidRequest = ProbeOutcome(rawValue: "invalid-request")
    public static let closed = ProbeOutcome(rawValue: "closed")
    public static let garbage = ProbeOutcome(rawValue: "garbage")
    public static let frameTooLarge = ProbeOutcome(rawValue: "frame-too-large")
    public static let insecureRefused = ProbeOutcome(rawValue: "insecure-refused")
}

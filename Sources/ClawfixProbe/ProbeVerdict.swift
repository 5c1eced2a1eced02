import Foundation

/// What a probe's answer means, in words a person who has never read the gateway's source can act
/// on: one line for what happened, one for what to do next. The diagnoses behind it come from the
/// engine (the probe's facts ranked like any paste); this is the probe's own reading of its steps.
///
/// The wording follows the gateway's behaviour as the reference describes it: §3.3 (the connect
/// decision), §6 (auth reasons and close codes) and the HTTP refusals before the upgrade (§2).
public struct ProbeVerdict: Sendable, Hashable {
    /// What the gateway (or whatever answered) did, one sentence.
    public var headline: String
    /// What to do now, one or two sentences.
    public var nextStep: String
    /// True when the gateway itself answered the handshake (up, whatever it decided): a "wants a
    /// token" or "pairing required" is the gateway working, not a failure of the connection.
    public var gatewayIsUp: Bool

    public init(headline: String, nextStep: String, gatewayIsUp: Bool) {
        self.headline = headline
        self.nextStep = nextStep
        self.gatewayIsUp = gatewayIsUp
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    public init(_ report: ProbeReport) {
        let target = ProbeTarget(url: report.url)
        let address = target.map { "\($0.host):\($0.port)" } ?? report.url
        let host = target?.host ?? report.url
        let sentNothing = report.credentialSent == "none"
        let reason = report.error?.message ?? report.close?.reason ?? ""
        switch report.outcome {
        case .ok:
            let server = [report.serverVersion.map { "version \($0)" }, report.serverProtocol.map { "protocol \($0)" }]
                .compactMap { $0 }.joined(separator: ", ")
            self.init(
                headline: "The gateway at \(address) is up and accepted the handshake" + (server.isEmpty ? "." : " (\(server))."),
                nextStep: "Nothing to fix at the gateway: if a client still fails, its URL, token or device differs from this "
                    + "probe's. Paste that client's error.",
                gatewayIsUp: true)
        case .refused:
            self.init(
                headline: "Nothing listens at \(address): the connection was refused.",
                nextStep: "Start the gateway (openclaw gateway status, or docker compose ps), or check the port: the gateway "
                    + "listens on 18789 unless gateway.port says otherwise. If it runs in Docker or on another machine, probe "
                    + "the address and port it is published on.",
                gatewayIsUp: false)
        case .unreachable:
            self.init(
                headline: "\(host) cannot be reached from this machine (no route to it).",
                nextStep: "Check the address and the way there (VPN, Tailscale, firewall). For a gateway on a server, an SSH "
                    + "tunnel avoids all of it: ssh -N -L 18789:127.0.0.1:18789 user@server, then probe ws://127.0.0.1:18789.",
                gatewayIsUp: false)
        case .dnsFailed:
            self.init(
                headline: "\(host) does not resolve to an address.",
                nextStep: "Check the spelling, or use the IP address. A Tailscale name needs Tailscale running on this machine "
                    + "(tailscale status).",
                gatewayIsUp: false)
        case .tlsFailed:
            self.init(
                headline: "The TLS handshake with \(address) failed.",
                nextStep: target?.secure == true
                    ? "The gateway speaks plain HTTP unless gateway.tls is enabled: try ws://\(address) instead of wss://."
                    : "The certificate was not accepted: check the host name it was issued for.",
                gatewayIsUp: false)
        case .timeout:
            self.init(
                headline: "\(address) did not answer in time.",
                nextStep: "A firewall may drop the packets, or the port is not published: check that the gateway listens "
                    + "(ss -ltnp | grep 18789 where it runs) and that its port is reachable from here.",
                gatewayIsUp: false)
        case .httpRejected:
            let status = report.http?.status ?? 0
            let body = report.http?.body ?? ""
            if status == 503, body.contains("Too many unauthenticated sockets") {
                self.init(
                    headline: "The gateway is up but refuses more connections from this address: too many unauthenticated "
                        + "sockets are open.",
                    nextStep: "Something here keeps reconnecting with bad credentials (an old browser tab, a bot, a script): "
                        + "close it or fix its token, wait a minute, then probe again.",
                    gatewayIsUp: true)
            } else if status == 401 {
                self.init(
                    headline: "Something on port \(target?.port ?? 0) answered HTTP 401 Unauthorized: not the gateway's WebSocket.",
                    nextStep: "Another service listens there (OpenClaw's browser control on 18791 answers 401 to everything). "
                        + "The gateway's own port is 18789 unless gateway.port says otherwise.",
                    gatewayIsUp: false)
            } else {
                self.init(
                    headline: "\(address) answered HTTP \(status) instead of opening a WebSocket.",
                    nextStep: "A proxy or another service sits on this URL: check the port, and that a reverse proxy passes "
                        + "WebSocket upgrades (the Upgrade and Connection headers).",
                    gatewayIsUp: false)
            }
        case .notAGateway:
            self.init(
                headline: "Something answered at \(address), but not the gateway: \(Self.whatAnswered(report)).",
                nextStep: "Check the port (the gateway's is 18789 unless gateway.port says otherwise) and that nothing else "
                    + "took it.",
                gatewayIsUp: false)
        case .noChallenge:
            self.init(
                headline: "The WebSocket opened, but the gateway never sent its connect.challenge.",
                nextStep: "A proxy may hold WebSocket frames back, or this is not an OpenClaw gateway: probe the gateway's own "
                    + "port where it runs (ws://127.0.0.1:18789).",
                gatewayIsUp: false)
        case .pairingRequired:
            self.init(
                headline: "The gateway is up and wants this device approved (pairing required).",
                nextStep: report.requestId.map { "Approve request \($0) where the gateway runs (the command is below), within "
                    + "5 minutes, then probe again." }
                    ?? "List the pending requests where the gateway runs (openclaw devices list) and approve the newest.",
                gatewayIsUp: true)
        case .tokenMissing where sentNothing, .deviceIdentityRequired where sentNothing:
            self.init(
                headline: "The gateway is up and wants a token.",
                nextStep: "Probe again with the gateway's token: --token, OPENCLAW_GATEWAY_TOKEN, or from the directory of its "
                    + ".env or openclaw.json. Where the gateway runs, openclaw config get gateway.auth.token shows it.",
                gatewayIsUp: true)
        case .tokenMissing:
            self.init(
                headline: "The gateway is up and wants a token; clawfix sent a \(report.credentialSent).",
                nextStep: "This gateway uses token auth: probe again with its token (openclaw config get gateway.auth.token "
                    + "where it runs).",
                gatewayIsUp: true)
        case .deviceIdentityRequired:
            self.init(
                headline: "The gateway is up and wants a device identity or a token it accepts.",
                nextStep: "Probe again with --device (clawfix's own device key; it creates a pairing request to approve) or "
                    + "with the gateway's token.",
                gatewayIsUp: true)
        case .tokenMismatch:
            self.init(
                headline: "The gateway is up but refused the token clawfix sent (token mismatch).",
                nextStep: "That token is not the gateway's. Compare it with openclaw config get gateway.auth.token where the "
                    + "gateway runs: the config file wins over an OPENCLAW_GATEWAY_TOKEN variable there.",
                gatewayIsUp: true)
        case .passwordMissing, .passwordMismatch:
            self.init(
                headline: report.outcome == .passwordMissing
                    ? "The gateway is up and wants its password." : "The gateway is up but refused the password clawfix sent.",
                nextStep: "This gateway uses password auth (gateway.auth.mode = password): probe again with --password and "
                    + "the value of gateway.auth.password.",
                gatewayIsUp: true)
        case .rateLimited:
            self.init(
                headline: "The gateway is up but locked this address out after too many failed sign-ins.",
                nextStep: "Wait 5 minutes (or restart the gateway, which clears the lockout), then fix the credential that "
                    + "kept failing before you retry: every attempt with it starts the lockout again.",
                gatewayIsUp: true)
        case .insecureContext:
            self.init(
                headline: "The gateway is up and refuses a Control UI without device identity (insecure context).",
                nextStep: "Open the Control UI over HTTPS or on localhost (through an SSH tunnel), not plain http:// to an IP.",
                gatewayIsUp: true)
        case .originNotAllowed:
            self.init(
                headline: "The gateway is up and refused the page's origin.",
                nextStep: "Add the exact origin (scheme, host, port) to gateway.controlUi.allowedOrigins, or open the UI from "
                    + "the gateway host.",
                gatewayIsUp: true)
        case .protocolMismatch:
            self.init(
                headline: "The gateway is up but speaks another protocol version than this client.",
                nextStep: "Update the older side: compare openclaw --version here and where the gateway runs.",
                gatewayIsUp: true)
        case .deviceAuthFailed:
            let skew = report.clockSkewMs.map { abs($0) > 60_000 ? " This machine's clock is \($0 / 1000) s off the gateway's." : "" } ?? ""
            self.init(
                headline: "The gateway is up but refused clawfix's device signature (\(reason)).",
                nextStep: "Check this machine's clock, then probe again; if it persists, delete clawfix's device key (clawfix "
                    + "makes a new one)." + skew,
                gatewayIsUp: true)
        case .authFailed:
            self.init(
                headline: "The gateway is up but refused the credentials: \(reason).",
                nextStep: "Read the reason above: a trusted proxy or Tailscale identity decides here, not the token.",
                gatewayIsUp: true)
        case .gatewayStarting:
            self.init(
                headline: "The gateway is still starting.",
                nextStep: "Retry in a few seconds. If it stays like this for a minute, read its log (docker compose logs "
                    + "--tail=80 openclaw-gateway, or openclaw logs).",
                gatewayIsUp: true)
        case .invalidRequest:
            self.init(
                headline: "The gateway refused the handshake: \(reason).",
                nextStep: "clawfix and this gateway disagree about the handshake: note openclaw --version where it runs and "
                    + "paste this report.",
                gatewayIsUp: true)
        case .handshakeTimeout:
            self.init(
                headline: "The gateway sent its challenge but never answered clawfix's connect, then gave up (handshake timeout).",
                nextStep: "Something between here and the gateway holds frames back (a buffering proxy), or the gateway is "
                    + "overloaded: look for \"handshake timeout\" in its log and probe its port directly where it runs.",
                gatewayIsUp: true)
        case .closed:
            if let close = report.close {
                self.init(
                    headline: "The gateway closed the connection (\(close.code)\(close.reason.isEmpty ? "" : " \(close.reason)")).",
                    nextStep: "Read the gateway's log at the time of the probe (docker compose logs --tail=80 openclaw-gateway, "
                        + "or openclaw logs): it says why.",
                    gatewayIsUp: true)
            } else if report.steps.contains(where: { $0.name == "challenge" && $0.status == "ok" }) {
                self.init(
                    headline: "The gateway dropped the connection after its challenge without a close frame (1006).",
                    nextStep: "The gateway dropped us: read its log at the time of the probe (docker compose logs --tail=80 "
                        + "openclaw-gateway, or openclaw logs).",
                    gatewayIsUp: true)
            } else {
                self.init(
                    headline: "\(address) accepted the connection and closed it without an answer.",
                    nextStep: target?.secure == false
                        ? "A TLS listener drops plain requests: if the gateway has gateway.tls enabled, probe wss://\(address)."
                        : "Something other than the gateway holds this port: check the port.",
                    gatewayIsUp: false)
            }
        case .garbage:
            let closing = report.close.map { " and then closed with \($0.code)" + ($0.reason.isEmpty ? "" : " \($0.reason)") } ?? ""
            self.init(
                headline: "\(address) answered with data that is neither HTTP nor a gateway message\(closing).",
                nextStep: target?.secure == false
                    ? "This is not the gateway's port, or the gateway expects TLS: check the port, or try wss://\(address)."
                    : "This is not the gateway's port: check it.",
                gatewayIsUp: false)
        case .frameTooLarge:
            self.init(
                headline: "\(address) sent a frame larger than any the gateway sends (25 MiB).",
                nextStep: "That is not a gateway answer: check the port.",
                gatewayIsUp: false)
        case .insecureRefused:
            self.init(
                headline: "Not probed: the credential would cross the network unencrypted.",
                nextStep: "Use wss://, an SSH tunnel (ssh -N -L 18789:127.0.0.1:18789 user@server), or --insecure.",
                gatewayIsUp: false)
        default:
            self.init(headline: "The probe ended with \(report.outcome.rawValue).", nextStep: "Paste this report.", gatewayIsUp: false)
        }
    }

    static func whatAnswered(_ report: ProbeReport) -> String {
        guard let http = report.http else { return "a WebSocket server that does not speak the gateway's protocol" }
        return whatAnswered(status: http.status, body: http.body)
    }

    /// A page's `<title>`, or its kind and status, rather than its HTML.
    static func whatAnswered(status: Int, body: String) -> String {
        let http = (status: status, body: body)
        if let open = body.range(of: "<title>", options: .caseInsensitive),
           let close = body.range(of: "</title>", options: .caseInsensitive, range: open.upperBound..<body.endIndex) {
            let title = body[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
            if !title.isEmpty { return "a web page titled \"\(title.prefix(80))\" (HTTP \(http.status))" }
        }
        if body.lowercased().contains("<html") || body.lowercased().contains("<!doctype") {
            return "a web page (HTTP \(http.status))"
        }
        return "an HTTP \(http.status) answer that is not a WebSocket upgrade"
    }
}

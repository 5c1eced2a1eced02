import ClawfixEvidence

/// Everything one probe saw, in order, and its verdict. Never holds the token or password.
public struct ProbeReport: Sendable, Codable, Hashable {
    /// One observed phase: `dns`, `tcp`, `tls`, `http`, `challenge`, `connect`, `close`, `health`, `healthz`.
    public struct Step: Sendable, Codable, Hashable {
        public var name: String
        /// `ok`, `failed`, `timeout`, `skipped`.
        public var status: String
        /// What was seen, one line (e.g. `HTTP 503: Gateway websocket handlers unavailable`).
        public var detail: String
        /// Milliseconds since the probe started when the step finished.
        public var elapsedMs: Int
        public init(name: String, status: String, detail: String, elapsedMs: Int) {
            self.name = name
            self.status = status
            self.detail = detail
            self.elapsedMs = elapsedMs
        }
    }

    public struct Close: Sendable, Codable, Hashable {
        public var code: Int
        public var reason: String
        public init(code: Int, reason: String) { self.code = code; self.reason = reason }
    }

    public struct HTTPAnswer: Sendable, Codable, Hashable {
        public var status: Int
        /// The first 512 bytes of the body, decoded leniently.
        public var body: String
        public init(status: Int, body: String) { self.status = status; self.body = body }
    }

    /// The gateway's `res` error, verbatim.
    public struct GatewayError: Sendable, Codable, Hashable {
        public var code: String
        public var message: String
        /// `details` as compact JSON (may be empty).
        public var details: String
        public var detailsCode: String?
        public var authReason: String?
        public init(code: String, message: String, details: String, detailsCode: String?, authReason: String?) {
            self.code = code
            self.message = message
            self.details = details
            self.detailsCode = detailsCode
            self.authReason = authReason
        }
    }

    public var url: String
    public var outcome: ProbeOutcome
    public var steps: [Step]
    public var close: Close?
    public var http: HTTPAnswer?
    public var error: GatewayError?
    public var requestId: String?
    public var elapsedMs: Int
    /// `hello-ok.server.version` / `hello-ok.protocol`.
    public var serverVersion: String?
    public var serverProtocol: Int?
    /// challenge `ts` − local clock, ms.
    public var clockSkewMs: Int64?
    /// The device id presented, when `--device` was used.
    public var deviceId: String?
    /// The kind of secret sent in `connect`: `token`, `password` or `none` (never the secret).
    public var credentialSent: String
    /// Where that secret came from (`OPENCLAW_GATEWAY_TOKEN in ./.env`), when the caller said.
    public var credentialSource: String?

    public init(
        url: String, outcome: ProbeOutcome, steps: [Step] = [], close: Close? = nil, http: HTTPAnswer? = nil,
        error: GatewayError? = nil, requestId: String? = nil, elapsedMs: Int = 0,
        serverVersion: String? = nil, serverProtocol: Int? = nil, clockSkewMs: Int64? = nil, deviceId: String? = nil,
        credentialSent: String = "none", credentialSource: String? = nil
    ) {
        self.credentialSource = credentialSource
        self.url = url
        self.outcome = outcome
        self.steps = steps
        self.close = close
        self.http = http
        self.error = error
        self.requestId = requestId
        self.elapsedMs = elapsedMs
        self.serverVersion = serverVersion
        self.serverProtocol = serverProtocol
        self.clockSkewMs = clockSkewMs
        self.deviceId = deviceId
        self.credentialSent = credentialSent
    }

    /// One line naming the verdict, e.g. `probe: close 1008 pairing required`.
    public var summary: String {
        if let close { return "probe: close \(close.code) \(close.reason)".trimmingCharacters(in: .whitespaces) }
        if let http {
            let body = http.body.lowercased()
            if body.contains("<html") || body.contains("<!doctype") {
                return "probe: HTTP \(http.status), \(ProbeVerdict.whatAnswered(status: http.status, body: http.body))"
            }
            let firstLine = http.body.split(whereSeparator: \.isNewline).first.map { String($0.prefix(80)) } ?? ""
            return "probe: HTTP \(http.status) \(firstLine)".trimmingCharacters(in: .whitespaces)
        }
        return "probe: \(outcome.rawValue)" + (steps.last.map { " (\($0.detail))" } ?? "")
    }

    /// Facts for the diagnosis engine, all with origin `.probe`.
    public func facts() -> [Fact] {
        var facts: [Fact] = []
        func add(_ name: FactName, _ value: String, _ text: String) {
            facts.append(Fact(name, value, line: nil, text: text, origin: .probe))
        }
        add(.probeOutcome, outcome.rawValue, "probe: outcome \(outcome.rawValue)")
        add(.probeURL, url, "probe: \(url)")
        add(.errorReporter, "probe", summary)
        if let serverProtocol { add(.probeProtocol, String(serverProtocol), "probe: hello-ok protocol \(serverProtocol)") }
        if let serverVersion { add(.openclawVersion, serverVersion, "probe: hello-ok server version \(serverVersion)") }
        if let close {
            add(.closeCode, String(close.code), summary)
            if !close.reason.isEmpty { add(.closeReason, close.reason, summary) }
        } else if outcome == .closed {
            add(.closeCode, "1006", "probe: connection closed without a close frame (1006)")
        }
        if let requestId { add(.pairingRequestId, requestId, "probe: pairing requestId \(requestId)") }
        if let reason = error?.authReason { add(.authReason, reason, "probe: authReason \(reason)") }
        for symptom in symptoms { add(.symptom, symptom, summary) }
        return facts
    }

    /// Symptom ids (FactName.symptom vocabulary) this report shows.
    public var symptoms: [String] {
        switch outcome {
        case .pairingRequired:
            let upgrades = ["scope-upgrade-pending", "role-upgrade-pending", "metadata-upgrade-pending"]
            let said = MessageTable.builtIn.symptoms(in: error?.details ?? "")
            return [upgrades.first(where: said.contains) ?? "pairing-required"]
        case .tokenMissing: return ["token-missing"]
        case .tokenMismatch: return ["token-mismatch"]
        case .passwordMissing: return ["password-missing"]
        case .passwordMismatch: return ["password-mismatch"]
        case .deviceIdentityRequired:
            // Said to a CLI that sent neither a token nor a device: the gateway wants its token.
            // The browser's secure-context refusal is another answer (`insecure-context`).
            return credentialSent == "none" && deviceId == nil ? ["token-missing"] : ["device-identity-required"]
        case .insecureContext: return ["insecure-context"]
        case .originNotAllowed: return ["origin-not-allowed"]
        case .protocolMismatch: return ["protocol-mismatch"]
        case .deviceAuthFailed: return ["device-signature-invalid"]
        case .gatewayStarting: return ["gateway-starting"]
        case .refused: return ["connection-refused"]
        case .timeout, .unreachable: return ["connection-timeout"]
        case .rateLimited: return ["rate-limited"]
        case .handshakeTimeout: return ["normal-closure"]
        case .insecureRefused: return ["plaintext-ws-refused"]
        case .httpRejected: return http?.status == 401 ? ["http-unauthorized"] : []
        case .invalidRequest: return ["invalid-handshake"]
        case .authFailed:
            // The refusal's own code (`details.code`), read through the message table.
            return Array(MessageTable.builtIn.symptoms(in: error?.detailsCode ?? "").prefix(1))
        case .closed:
            if close?.code == 1000 { return ["normal-closure"] }
            if close?.code == 4001 { return ["auth-changed"] }
            return close == nil ? ["abnormal-closure"] : []
        default: return []
        }
    }
}

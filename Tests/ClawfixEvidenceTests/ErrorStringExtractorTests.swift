import Testing

@testable import ClawfixEvidence

/// Facts of one extractor over a paste, as `name=value@line` strings (order kept).
func factStrings(_ extractor: some FactExtractor, _ text: String) -> [String] {
    extractor.extract(from: PasteDocument(redactedText: text)).map { "\($0.name.rawValue)=\($0.value)@\($0.line ?? 0)" }
}

/// The values of one fact name.
func values(_ extractor: some FactExtractor, _ text: String, _ name: FactName) -> [String] {
    extractor.extract(from: PasteDocument(redactedText: text)).filter { $0.name == name }.map(\.value)
}

struct ErrorStringExtractorTests {
    let extractor = ErrorStringExtractor()

    /// Every user-visible string of reference §6 and §12 and the symptom it must yield.
    static let catalogue: [(String, [String])] = [
        ("disconnected (1008): pairing required", ["pairing-required"]),
        ("gateway closed (1008): pairing required", ["pairing-required"]),
        ("pairing required", ["pairing-required"]),
        ("pairing required: device is not approved yet (requestId: 5f3c2a1e-8b9d-4e7f-a6c5-1d2e3f4a5b6c)", ["pairing-required"]),
        ("pairing required: device is asking for a higher role than currently approved (requestId: r-1)", ["role-upgrade-pending"]),
        ("pairing required: device is asking for more scopes than currently approved (requestId: r-2)", ["scope-upgrade-pending"]),
        ("pairing required: device identity changed and must be re-approved (requestId: r-3)", ["metadata-upgrade-pending"]),
        ("device pairing required", ["pairing-required"]),
        ("role upgrade pending approval", ["role-upgrade-pending"]),
        ("scope upgrade pending approval", ["scope-upgrade-pending"]),
        ("device metadata change pending approval", ["metadata-upgrade-pending"]),
        ("gateway pairing required", ["pairing-required"]),
        ("This device needs pairing approval from the gateway host.", ["pairing-required"]),
        ("pairing required: run openclaw devices list", ["pairing-required"]),
        ("Gateway pairing required; reading local log file instead.", ["pairing-required"]),
        ("Gateway pairing approval required.", ["pairing-required"]),
        ("NOT_PAIRED", ["pairing-required"]),
        ("PAIRING_REQUIRED", ["pairing-required"]),
        ("unauthorized: gateway token missing (set gateway.remote.token to match gateway.auth.token)", ["token-missing"]),
        ("unauthorized: gateway token missing (open the dashboard URL and paste the token in Control UI settings)", ["token-missing"]),
        ("unauthorized: gateway token missing (provide gateway auth token)", ["token-missing"]),
        ("unauthorized: gateway token mismatch (open a tokenized dashboard URL or paste token in Control UI settings)", ["token-mismatch"]),
        ("unauthorized: gateway token mismatch (set gateway.remote.token to match gateway.auth.token)", ["token-mismatch"]),
        ("disconnected (1008): unauthorized: gateway token mismatch (open the dashboard URL and paste the token in Control UI settings)", ["token-mismatch"]),
        ("unauthorized: gateway token not configured on gateway (set gateway.auth.token)", ["token-not-configured"]),
        ("unauthorized: gateway password missing (enter the password in Control UI settings)", ["password-missing"]),
        ("unauthorized: gateway password mismatch (set gateway.remote.password to match gateway.auth.password)", ["password-mismatch"]),
        ("unauthorized: gateway password not configured on gateway (set gateway.auth.password)", ["token-not-configured"]),
        ("unauthorized: bootstrap token invalid or expired (scan a fresh setup code)", ["bootstrap-token-invalid"]),
        ("unauthorized: tailscale identity missing (use Tailscale Serve auth or gateway token/password)", ["tailscale-identity-missing"]),
        ("unauthorized: tailscale proxy headers missing (use Tailscale Serve or gateway token/password)", ["tailscale-proxy-missing"]),
        ("unauthorized: tailscale identity check failed (use Tailscale Serve auth or gateway token/password)", ["tailscale-identity-missing"]),
        ("unauthorized: tailscale identity mismatch (use Tailscale Serve auth or gateway token/password)", ["tailscale-identity-missing"]),
        ("unauthorized: too many failed authentication attempts (retry later)", ["rate-limited"]),
        ("unauthorized: device token mismatch (rotate/reissue device token)", ["device-token-mismatch"]),
        ("unauthorized: device token rejected (pair/repair this device, or provide gateway token)", ["device-token-rejected"]),
        ("gateway token mismatch", ["token-mismatch"]),
        ("gateway token missing", ["token-missing"]),
        ("too many failed authentication attempts", ["rate-limited"]),
        ("This gateway requires auth. Add a token or password, then click Connect.", ["token-missing"]),
        ("Auth failed. Re-copy a tokenized URL with openclaw dashboard --no-open, or update the token, then click Connect.", ["token-mismatch"]),
        ("control ui requires device identity (use HTTPS or localhost secure context)", ["insecure-context"]),
        ("disconnected (1008): control ui requires HTTPS or localhost (secure context)", ["insecure-context"]),
        ("device identity required (use HTTPS/localhost or allow insecure auth explicitly)", ["insecure-context"]),
        ("This page is HTTP, so the browser blocks device identity. Use HTTPS (Tailscale Serve) or open http://127.0.0.1:18789 on the gateway host.", ["insecure-context"]),
        ("CONTROL_UI_DEVICE_IDENTITY_REQUIRED", ["insecure-context"]),
        ("device identity required", ["device-identity-required"]),
        ("DEVICE_IDENTITY_REQUIRED", ["device-identity-required"]),
        ("device identity mismatch", ["device-signature-invalid"]),
        ("device signature expired", ["device-signature-invalid"]),
        ("device nonce required", ["nonce-required"]),
        ("device nonce mismatch", ["device-signature-invalid"]),
        ("device signature invalid", ["device-signature-invalid"]),
        ("device public key invalid", ["device-signature-invalid"]),
        ("origin not allowed (open the Control UI from the gateway host or allow it in gateway.controlUi.allowedOrigins)", ["origin-not-allowed"]),
        ("disconnected (1008): origin not allowed (open the Control UI from the gateway host or allow it in gateway.controlUi.allowedOrigins)", ["origin-not-allowed"]),
        ("CONTROL_UI_ORIGIN_NOT_ALLOWED", ["origin-not-allowed"]),
        ("protocol mismatch", ["protocol-mismatch"]),
        ("Protocol mismatch", ["protocol-mismatch"]),
        ("client version mismatch", ["protocol-mismatch"]),
        ("invalid handshake: first request must be connect", ["invalid-handshake"]),
        ("invalid request frame", ["invalid-handshake"]),
        ("invalid connect params: at /client/id: must be equal to constant", ["invalid-connect-params"]),
        ("gateway closed (1006 abnormal closure (no close frame)): no close reason", ["abnormal-closure"]),
        ("disconnected (1006): no reason", ["abnormal-closure"]),
        ("gateway closed (1000 normal closure): no close reason", ["normal-closure"]),
        ("disconnected (4001): gateway auth changed", ["auth-changed"]),
        ("gateway closed (4001): device removed", ["pairing-required"]),
        ("disconnected (1013): gateway starting", ["gateway-starting"]),
        ("gateway starting; retry shortly", ["gateway-starting"]),
        ("disconnected (1002): protocol mismatch", ["protocol-mismatch"]),
        ("connect failed: connect ECONNREFUSED 127.0.0.1:18789", ["connection-refused"]),
        ("gateway timeout after 10000ms", ["connection-timeout"]),
        ("non-loopback Control UI requires gateway.controlUi.allowedOrigins (set explicit origins), or set gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback=true to use Host-header origin fallback mode", ["allowed-origins-required"]),
        ("refusing to bind gateway to 0.0.0.0:18789 without auth (set gateway.auth.token/password, or set OPENCLAW_GATEWAY_TOKEN/OPENCLAW_GATEWAY_PASSWORD)", ["bind-without-auth"]),
        ("Refusing to bind gateway to lan without auth.", ["bind-without-auth"]),
        ("tailscale serve/funnel requires gateway bind=loopback (127.0.0.1)", ["tailscale-bind-conflict"]),
        ("tailscale funnel requires gateway auth mode=password (set gateway.auth.password)", ["tailscale-bind-conflict"]),
        ("gateway auth mode=trusted-proxy requires gateway.trustedProxies to be configured with at least one proxy IP", ["trusted-proxy-config-invalid"]),
        ("gateway auth mode is token, but no token was configured (set gateway.auth.token or OPENCLAW_GATEWAY_TOKEN)", ["auth-secret-unset"]),
        ("Invalid config: gateway auth token is set to the example placeholder from .env.example. Set a real token.", ["token-placeholder"]),
        ("Gateway start blocked: set gateway.mode=local (current: remote) or pass --allow-unconfigured.", ["gateway-start-blocked"]),
        ("Gateway failed to start: another gateway instance is already listening on ws://0.0.0.0:18789", ["gateway-already-running"]),
        ("SECURITY ERROR: Gateway URL \"ws://192.168.1.50:18789\" uses plaintext ws:// to a non-loopback address.", ["plaintext-ws-refused"]),
        ("SECURITY ERROR: Cannot connect to \"192.168.1.50\" over plaintext ws://. Both credentials and chat data would be exposed.", ["plaintext-ws-refused"]),
        ("[ws] Proxy headers detected from untrusted address. Connection will not be treated as local. Configure gateway.trustedProxies to restore local client detection behind your proxy.", ["untrusted-proxy-headers"]),
        ("[ws] Loopback connection with non-local Host header. Treating it as remote. If you're behind a reverse proxy, set gateway.trustedProxies and forward X-Forwarded-For/X-Real-IP.", ["loopback-non-local-host"]),
        ("[openclaw] CLI failed: GatewayClientRequestError: unknown requestId", ["unknown-request-id"]),
        ("No pending device pairing requests to approve", ["no-pending-requests"]),
        ("missing scope: operator.pairing", ["missing-scope"]),
        ("Config path not found: gateway.controlUi.allowedOrigins", ["config-path-not-found"]),
        ("Config invalid at ~/.openclaw/openclaw.json.", ["config-invalid"]),
        ("AUTH_TOKEN_MISSING", ["token-missing"]),
        ("AUTH_TOKEN_MISMATCH", ["token-mismatch"]),
        ("AUTH_TOKEN_NOT_CONFIGURED", ["token-not-configured"]),
        ("AUTH_PASSWORD_MISSING", ["password-missing"]),
        ("AUTH_PASSWORD_MISMATCH", ["password-mismatch"]),
        ("AUTH_BOOTSTRAP_TOKEN_INVALID", ["bootstrap-token-invalid"]),
        ("AUTH_DEVICE_TOKEN_MISMATCH", ["device-token-mismatch"]),
        ("AUTH_RATE_LIMITED", ["rate-limited"]),
        ("AUTH_TAILSCALE_IDENTITY_MISSING", ["tailscale-identity-missing"]),
        ("AUTH_TAILSCALE_PROXY_MISSING", ["tailscale-proxy-missing"]),
        ("PROTOCOL_MISMATCH", ["protocol-mismatch"]),
        ("DEVICE_AUTH_NONCE_MISMATCH", ["device-signature-invalid"]),
        ("{\"code\":\"PAIRING_REQUIRED\",\"requestId\":\"5f3c2a1e-8b9d-4e7f-a6c5-1d2e3f4a5b6c\",\"reason\":\"scope-upgrade\"}", ["scope-upgrade-pending"]),
        ("{\"code\":\"AUTH_UNAUTHORIZED\",\"authReason\":\"trusted_proxy_untrusted_source\"}", ["trusted-proxy-failure"]),
        ("{\"ok\":false,\"error\":{\"code\":\"NOT_PAIRED\",\"message\":\"device identity required\",\"details\":{\"code\":\"DEVICE_IDENTITY_REQUIRED\"}}}", ["device-identity-required"]),
    ]

    @Test(arguments: catalogue)
    func everyCatalogueStringYieldsItsSymptom(text: String, expected: [String]) {
        #expect(values(extractor, text, .symptom) == expected, "\(text)")
    }

    /// The match kinds of `messages.md` beyond substrings: bare reason codes as whole words (and
    /// `trusted_proxy_missing_header_<name>` as a prefix), close codes in log and prose forms, whole
    /// close reasons, and fallback rows that count only when nothing more specific matched.
    static let matchKinds: [(String, [String])] = [
        ("[ws] unauthorized conn=1 remote=127.0.0.1 reason=trusted_proxy_loopback_source", ["trusted-proxy-failure"]),
        ("the log says token_missing every few seconds", ["token-missing"]),
        ("authReason trusted_proxy_missing_header_x-forwarded-user", ["trusted-proxy-failure"]),
        ("my_token_missing_flag is set", []),
        ("[ws] webchat disconnected code=1012 reason=n/a conn=9", ["service-restart"]),
        ("the dashboard keeps getting close code 1013", ["gateway-starting"]),
        ("it closes with code 1001 every time", []),
        ("disconnected (1008): unauthorized", ["unauthorized"]),
        ("disconnected (4001): device removed", ["pairing-required"]),
        ("disconnected (4001): gateway auth changed", ["auth-changed"]),
        ("Invalid config at /home/node/.openclaw/openclaw.json: - plugins.entries.whatsapp: plugin not found: whatsapp", ["plugin-not-found"]),
        ("Invalid config at /home/node/.openclaw/openclaw.json.", ["config-invalid"]),
        ("unauthorized: gateway token missing (set gateway.remote.token to match gateway.auth.token)", ["token-missing"]),
        ("set gateway.remote.token to match gateway.auth.token", ["token-mismatch"]),
        ("plugin not found: bluebubbles (stale config entry ignored; remove it from plugins config)", ["stale-plugin-entry"]),
        ("gateway auth mode is password, but gateway.auth.password contains a provider reference object instead of a resolved string", ["config-invalid"]),
        ("I get this instead of the dashboard: origin not allowed", []),
    ]

    @Test(arguments: matchKinds)
    func everyMatchKindOfTheTable(text: String, expected: [String]) {
        #expect(values(extractor, text, .symptom) == expected, "\(text)")
    }

    /// The bare reason word carries the reason, not a reporter: it appears in payloads and logs alike.
    @Test func bareReasonCodeGivesTheReason() {
        #expect(factStrings(extractor, "reason: trusted_proxy_loopback_source") == [
            "symptom=trusted-proxy-failure@1", "auth.reason=trusted_proxy_loopback_source@1",
        ])
    }

    @Test func controlUIBannerCarriesCodeReasonAndReporter() {
        let facts = factStrings(extractor, "Hi all\nmy browser says disconnected (1008): pairing required\nhelp?")
        #expect(facts == [
            "symptom=pairing-required@2", "close.code=1008@2", "close.reason=pairing required@2", "error.reporter=control-ui@2",
        ])
        let fact = extractor.extract(from: PasteDocument(redactedText: "  disconnected (1008): pairing required\r")).first
        #expect(fact?.text == "disconnected (1008): pairing required")
    }

    @Test func cliCloseFromTheCliContainer() {
        let paste = """
            $ docker compose run --rm openclaw-cli devices list
            gateway closed (1006 abnormal closure (no close frame)): no close reason
            Gateway target: ws://127.0.0.1:18789
            Source: local loopback
            """
        #expect(factStrings(extractor, paste) == ["symptom=abnormal-closure@2", "close.code=1006@2", "error.reporter=cli@2"])
    }

    @Test func connectFailedCloseHasNoSymptomOfItsOwn() {
        #expect(factStrings(extractor, "disconnected (4008): connect failed") == [
            "close.code=4008@1", "close.reason=connect failed@1", "error.reporter=control-ui@1",
        ])
        // 1012 is a restart: repeated, a crash loop (`messages.md`), so it is a symptom of its own.
        #expect(factStrings(extractor, "disconnected (1012): service restart") == [
            "symptom=service-restart@1", "close.code=1012@1", "close.reason=service restart@1", "error.reporter=control-ui@1",
        ])
    }

    @Test func v4PairingMessageGivesRequestIdAndReason() {
        let facts = factStrings(
            extractor,
            "[openclaw] Failed to start CLI: Error: gateway closed (1008): pairing required: device is asking for more scopes than currently approved (requestId: 5f3c2a1e-8b9d-4e7f-a6c5-1d2e3f4a5b6c)"
        )
        #expect(facts == [
            "symptom=scope-upgrade-pending@1", "pairing.reason=scope-upgrade@1", "close.code=1008@1",
            "close.reason=pairing required: device is asking for more scopes than currently approved (requestId: 5f3c2a1e-8b9d-4e7f-a6c5-1d2e3f4a5b6c)@1",
            "pairing.request-id=5f3c2a1e-8b9d-4e7f-a6c5-1d2e3f4a5b6c@1", "error.reporter=cli@1",
        ])
    }

    @Test func jsonDetailsGiveRequestIdAndAuthReason() {
        let paste = #"{"type":"res","id":"1","ok":false,"error":{"code":"INVALID_REQUEST","message":"unauthorized: gateway token mismatch (provide gateway auth token)","details":{"code":"AUTH_TOKEN_MISMATCH","authReason":"token_mismatch","canRetryWithDeviceToken":false}}}"#
        #expect(factStrings(extractor, paste) == ["symptom=token-mismatch@1", "auth.reason=token_mismatch@1"])
        let pairing = #"{"code":"PAIRING_REQUIRED","requestId":"5f3c2a1e-8b9d-4e7f-a6c5-1d2e3f4a5b6c","reason":"not-paired"}"#
        #expect(values(extractor, pairing, .pairingRequestId) == ["5f3c2a1e-8b9d-4e7f-a6c5-1d2e3f4a5b6c"])
        #expect(values(extractor, pairing, .pairingReason) == ["not-paired"])
    }

    @Test func gatewayLogLineIsReportedByTheGateway() {
        let paste = "openclaw-gateway-1  | 2026-04-13T10:15:41.015+00:00 [ws] closed before connect conn=2b7c peer=172.18.0.1:53422->172.18.0.2:18789 remote=172.18.0.1 fwd=n/a origin=http://localhost:18789 host=localhost:18789 ua=Mozilla/5.0 (X11; Linux x86_64) code=1008 reason=pairing required"
        #expect(values(extractor, paste, .symptom) == ["pairing-required"])
        #expect(values(extractor, paste, .errorReporter) == ["gateway-log"])
    }

    @Test(arguments: [
        "what does 1008 mean?",
        "the gateway listens on port 1008 now",
        "pid 1008 holds the lock",
        "I don't get pairing required anymore",
        "Then reload the Control UI tab → the “disconnected (1008): pairing required” should go away.",
        "the gateway protocol is documented somewhere",
        "run openclaw devices approve <requestId>",
        "requestId: …",
        "AUTH_TOKEN_MISMATCHES are weird; MY_NOT_PAIRED_FLAG",
        "",
        "\u{1B}[31m\u{1B}[0m",
    ])
    func proseAndPlaceholdersGiveNothing(text: String) {
        #expect(factStrings(extractor, text) == [])
    }

    /// A close code reported in words: the number with `error`/`code` before it or a report word
    /// after it. Nothing says which client printed it.
    @Test(arguments: [
        ("I am stuck on 1008 error after the update", 1008),
        ("the dashboard shows error 1008 and reconnects", 1008),
        ("getting a 1006 disconnect every few seconds", 1006),
        ("websocket close code 1012 after the restart", 1012),
        ("一直 1008 错误", 1008),
    ])
    func closeCodeInWords(text: String, code: Int) {
        #expect(values(extractor, text, .closeCode) == [String(code)])
        #expect(values(extractor, text, .errorReporter) == [])
    }

    @Test func supportThreadTitleIsTheSymptom() {
        #expect(values(extractor, "#disconnected (1008): pairing required\n1 messages · Page 1 of 1 (latest)", .symptom) == [
            "pairing-required"
        ])
    }

    @Test func statusTableCellCutByTheBorderKeepsTheCode() {
        let row = "│ Gateway              │ local · ws://127.0.0.1:18789 (local loopback) · unreachable (gateway closed (1008): pairing   │"
        #expect(values(extractor, row, .closeCode) == ["1008"])
    }

    /// A `--kb` row may tell a fact besides (or instead of) a symptom: Markdown only.
    @Test func aKnowledgeDirectoryRowTellsAFact() {
        let extra = MessageTable.parse(markdown: """
            | message | symptom | printed by | code or reason | releases | match |
            |---|---|---|---|---|---|
            | `Gateway auth mode=trusted-proxy active` | — | gateway-log | gateway.auth-mode=trusted-proxy | — | substring |
            | `gateway bound to tailnet` | — | gateway-log | gateway.bogus-fact=1 | — | substring |
            """, file: "kb/messages.md")
        #expect(extra.rows.map(\.text) == ["Gateway auth mode=trusted-proxy active"])
        #expect(extra.problems.map { "\($0.file):\($0.problem.line)" } == ["kb/messages.md:4"])
        let line = "2026-05-02T11:03:12.440+00:00 [gateway] Gateway auth mode=trusted-proxy active (proxy 10.0.0.5)"
        let reader = ErrorStringExtractor(messages: MessageTable.builtIn.adding(extra))
        #expect(factStrings(reader, line) == ["gateway.auth-mode=trusted-proxy@1", "error.reporter=gateway-log@1"])
        #expect(factStrings(extractor, line).isEmpty)
    }
}

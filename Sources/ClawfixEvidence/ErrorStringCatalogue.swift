/// The user-visible error strings of OpenClaw (reference `openclaw-gateway.md` §3.3, §6 and §12,
/// `command-outputs.md` §4.9 and §5) and the symptom id each one means.
///
/// Strings are matched case-insensitively as substrings of a line; the table is ordered from the
/// most specific to the least, and a match that lies inside the span of an earlier match is
/// ignored, so `unauthorized: gateway token mismatch (…)` counts once and the UI short form
/// `device identity required (use HTTPS/localhost …)` is not also read as the server's
/// `device identity required`. Auth messages are matched on their prefix only: the hint in
/// parentheses changed three times (before 2026-01-25, until 2026-02-05, since).
enum ErrorStringCatalogue {
    /// One recognised string.
    struct Entry: Sendable {
        /// Lower-case bytes to find.
        let needle: [UInt8]
        /// The symptom id, or nil for strings that only carry a reason.
        let symptom: String?
        /// The gateway's raw authReason this message stands for.
        let authReason: String?
        /// Why pairing is required, when the text says.
        let pairingReason: String?
        /// Which client prints this exact text, when only one does.
        let reporter: String?
        /// Match only as a whole word (the `details.code` constants).
        let wholeWord: Bool

        init(_ text: String, _ symptom: String?, auth: String? = nil, pairing: String? = nil, reporter: String? = nil,
             wholeWord: Bool = false)
        {
            self.needle = ByteSearch.needle(text)
            self.symptom = symptom
            self.authReason = auth
            self.pairingReason = pairing
            self.reporter = reporter
            self.wholeWord = wholeWord
        }
    }

    static let entries: [Entry] = [
        // Pairing, v4 wording first (`pairing required: <requirement> (requestId: …)`).
        Entry("device is not approved yet", "pairing-required", pairing: "not-paired"),
        Entry("device is asking for a higher role than currently approved", "role-upgrade-pending", pairing: "role-upgrade"),
        Entry("device is asking for more scopes than currently approved", "scope-upgrade-pending", pairing: "scope-upgrade"),
        Entry("device identity changed and must be re-approved", "metadata-upgrade-pending", pairing: "metadata-upgrade"),
        Entry("role upgrade pending approval", "role-upgrade-pending", pairing: "role-upgrade", reporter: "control-ui"),
        Entry("scope upgrade pending approval", "scope-upgrade-pending", pairing: "scope-upgrade", reporter: "control-ui"),
        Entry("device metadata change pending approval", "metadata-upgrade-pending", pairing: "metadata-upgrade",
              reporter: "control-ui"),
        Entry("device access upgrade requested reason=scope-upgrade", "scope-upgrade-pending", pairing: "scope-upgrade",
              reporter: "gateway-log"),
        Entry("device access upgrade requested reason=role-upgrade", "role-upgrade-pending", pairing: "role-upgrade",
              reporter: "gateway-log"),
        Entry("\"reason\":\"scope-upgrade\"", "scope-upgrade-pending", pairing: "scope-upgrade"),
        Entry("\"reason\":\"role-upgrade\"", "role-upgrade-pending", pairing: "role-upgrade"),
        Entry("\"reason\":\"metadata-upgrade\"", "metadata-upgrade-pending", pairing: "metadata-upgrade"),
        Entry("\"reason\":\"not-paired\"", "pairing-required", pairing: "not-paired"),
        Entry("this device needs pairing approval", "pairing-required", reporter: "control-ui"),
        Entry("gateway pairing approval required", "pairing-required", reporter: "cli"),
        Entry("gateway pairing required; reading local log file", "pairing-required", reporter: "cli"),
        Entry("pairing required: run openclaw devices list", "pairing-required", reporter: "cli"),
        Entry("gateway pairing required", "pairing-required", reporter: "control-ui"),
        Entry("pairing required", "pairing-required"),

        // Auth failures (§6.2), by prefix.
        Entry("unauthorized: gateway token missing", "token-missing", auth: "token_missing"),
        Entry("unauthorized: gateway token mismatch", "token-mismatch", auth: "token_mismatch"),
        Entry("unauthorized: gateway token not configured", "token-not-configured", auth: "token_missing_config"),
        Entry("unauthorized: gateway password missing", "password-missing", auth: "password_missing"),
        Entry("unauthorized: gateway password mismatch", "password-mismatch", auth: "password_mismatch"),
        // The vocabulary has one id for "the gateway has no shared secret configured".
        Entry("unauthorized: gateway password not configured", "token-not-configured", auth: "password_missing_config"),
        Entry("unauthorized: bootstrap token invalid", "bootstrap-token-invalid", auth: "bootstrap_token_invalid"),
        Entry("unauthorized: tailscale identity missing", "tailscale-identity-missing", auth: "tailscale_user_missing"),
        Entry("unauthorized: tailscale proxy headers missing", "tailscale-proxy-missing", auth: "tailscale_proxy_missing"),
        Entry("unauthorized: tailscale identity check failed", "tailscale-identity-missing", auth: "tailscale_whois_failed"),
        Entry("unauthorized: tailscale identity mismatch", "tailscale-identity-missing", auth: "tailscale_user_mismatch"),
        Entry("unauthorized: too many failed authentication attempts", "rate-limited", auth: "rate_limited"),
        Entry("unauthorized: device token mismatch", "device-token-mismatch", auth: "device_token_mismatch"),
        Entry("unauthorized: device token rejected", "device-token-rejected"),
        // Control UI short forms and hints (since 2026-02-22, `ui/src/ui/connect-error.ts`).
        Entry("gateway token mismatch", "token-mismatch", reporter: "control-ui"),
        Entry("gateway token missing", "token-missing", reporter: "control-ui"),
        Entry("too many failed authentication attempts", "rate-limited", reporter: "control-ui"),
        Entry("this gateway requires auth. add a token or password", "token-missing", reporter: "control-ui"),
        Entry("auth failed. re-copy a tokenized url", "token-mismatch", reporter: "control-ui"),
        Entry("tailscale proxy headers missing", "tailscale-proxy-missing"),
        Entry("tailscale identity missing", "tailscale-identity-missing"),

        // Browser secure context / device identity, every era.
        Entry("control ui requires device identity", "insecure-context"),
        Entry("requires https or localhost (secure context)", "insecure-context"),
        Entry("device identity required (use https/localhost or allow insecure auth explicitly)", "insecure-context",
              reporter: "control-ui"),
        Entry("this page is http, so the browser blocks device identity", "insecure-context", reporter: "control-ui"),
        Entry("device identity required", "device-identity-required"),
        Entry("device identity mismatch", "device-signature-invalid"),
        Entry("device signature expired", "device-signature-invalid"),
        Entry("device nonce required", "device-signature-invalid"),
        Entry("device nonce mismatch", "device-signature-invalid"),
        Entry("device signature invalid", "device-signature-invalid"),
        Entry("device public key invalid", "device-signature-invalid"),

        // Origin, protocol, handshake.
        Entry("non-loopback control ui requires gateway.controlui.allowedorigins", "allowed-origins-required",
              reporter: "gateway-log"),
        Entry("origin not allowed", "origin-not-allowed"),
        Entry("origin missing or invalid", "origin-not-allowed"),
        Entry("protocol mismatch", "protocol-mismatch"),
        Entry("client version mismatch", "protocol-mismatch"),
        Entry("invalid handshake", "invalid-handshake"),
        Entry("invalid request frame", "invalid-handshake"),
        Entry("invalid connect params", "invalid-handshake"),
        Entry("gateway starting; retry shortly", "gateway-starting"),
        Entry("gateway auth changed", "auth-changed"),
        Entry("client invalidated:", "auth-changed"),
        Entry("gateway timeout after", "connection-timeout", reporter: "cli"),
        Entry("connect econnrefused", "connection-refused"),

        // Client-side plaintext guard (since 2026-02-19).
        Entry("security error: gateway url", "plaintext-ws-refused", reporter: "cli"),
        Entry("security error: cannot connect to", "plaintext-ws-refused", reporter: "cli"),

        // Gateway startup refusals and warnings.
        Entry("refusing to bind gateway to", "bind-without-auth", reporter: "gateway-log"),
        Entry("tailscale serve/funnel requires gateway bind=loopback", "tailscale-bind-conflict", reporter: "gateway-log"),
        Entry("tailscale funnel requires gateway auth mode=password", "tailscale-bind-conflict", reporter: "gateway-log"),
        Entry("gateway auth mode=trusted-proxy requires gateway.trustedproxies", "trusted-proxy-failure",
              reporter: "gateway-log"),
        Entry("gateway auth mode is token, but no token was configured", "token-not-configured", reporter: "gateway-log"),
        Entry("gateway auth token is set to the example placeholder", "config-invalid", reporter: "gateway-log"),
        Entry("gateway start blocked:", "gateway-start-blocked", reporter: "gateway-log"),
        Entry("another gateway instance is already listening", "gateway-already-running", reporter: "gateway-log"),
        Entry("proxy headers detected from untrusted address", "untrusted-proxy-headers", reporter: "gateway-log"),
        Entry("loopback connection with non-local host header", "loopback-non-local-host", reporter: "gateway-log"),

        // CLI results.
        Entry("unknown requestid", "unknown-request-id", reporter: "cli"),
        Entry("no pending device pairing requests to approve", "no-pending-requests", reporter: "cli"),
        Entry("missing scope: operator.", "missing-scope", reporter: "cli"),
        Entry("config path not found:", "config-path-not-found", reporter: "cli"),
        Entry("config invalid at ", "config-invalid", reporter: "cli"),

        // `details.code` constants (§6.1), as whole words.
        Entry("PAIRING_REQUIRED", "pairing-required", wholeWord: true),
        Entry("AUTH_TOKEN_MISSING", "token-missing", auth: "token_missing", wholeWord: true),
        Entry("AUTH_TOKEN_MISMATCH", "token-mismatch", auth: "token_mismatch", wholeWord: true),
        Entry("AUTH_TOKEN_NOT_CONFIGURED", "token-not-configured", auth: "token_missing_config", wholeWord: true),
        Entry("AUTH_PASSWORD_MISSING", "password-missing", auth: "password_missing", wholeWord: true),
        Entry("AUTH_PASSWORD_MISMATCH", "password-mismatch", auth: "password_mismatch", wholeWord: true),
        Entry("AUTH_PASSWORD_NOT_CONFIGURED", "token-not-configured", auth: "password_missing_config", wholeWord: true),
        Entry("AUTH_BOOTSTRAP_TOKEN_INVALID", "bootstrap-token-invalid", auth: "bootstrap_token_invalid", wholeWord: true),
        Entry("AUTH_DEVICE_TOKEN_MISMATCH", "device-token-mismatch", auth: "device_token_mismatch", wholeWord: true),
        Entry("AUTH_RATE_LIMITED", "rate-limited", auth: "rate_limited", wholeWord: true),
        Entry("AUTH_TAILSCALE_IDENTITY_MISSING", "tailscale-identity-missing", auth: "tailscale_user_missing", wholeWord: true),
        Entry("AUTH_TAILSCALE_PROXY_MISSING", "tailscale-proxy-missing", auth: "tailscale_proxy_missing", wholeWord: true),
        Entry("AUTH_TAILSCALE_WHOIS_FAILED", "tailscale-identity-missing", auth: "tailscale_whois_failed", wholeWord: true),
        Entry("AUTH_TAILSCALE_IDENTITY_MISMATCH", "tailscale-identity-missing", auth: "tailscale_user_mismatch",
              wholeWord: true),
        Entry("CONTROL_UI_ORIGIN_NOT_ALLOWED", "origin-not-allowed", wholeWord: true),
        Entry("PROTOCOL_MISMATCH", "protocol-mismatch", wholeWord: true),
        Entry("CLIENT_VERSION_MISMATCH", "protocol-mismatch", wholeWord: true),
        Entry("CONTROL_UI_DEVICE_IDENTITY_REQUIRED", "insecure-context", wholeWord: true),
        Entry("DEVICE_IDENTITY_REQUIRED", "device-identity-required", wholeWord: true),
        Entry("DEVICE_AUTH_INVALID", "device-signature-invalid", wholeWord: true),
        Entry("DEVICE_AUTH_DEVICE_ID_MISMATCH", "device-signature-invalid", wholeWord: true),
        Entry("DEVICE_AUTH_SIGNATURE_EXPIRED", "device-signature-invalid", wholeWord: true),
        Entry("DEVICE_AUTH_NONCE_REQUIRED", "device-signature-invalid", wholeWord: true),
        Entry("DEVICE_AUTH_NONCE_MISMATCH", "device-signature-invalid", wholeWord: true),
        Entry("DEVICE_AUTH_SIGNATURE_INVALID", "device-signature-invalid", wholeWord: true),
        Entry("DEVICE_AUTH_PUBLIC_KEY_INVALID", "device-signature-invalid", wholeWord: true),
        // `NOT_PAIRED` is also the code of `device identity required`; see `dominated`.
        Entry("NOT_PAIRED", "pairing-required", wholeWord: true),
        Entry("AUTH_SCOPE_MISMATCH", nil, auth: "scope_mismatch", wholeWord: true),
    ]

    /// A symptom dropped when a more precise one was read from the same line: a v4 upgrade
    /// message also says `pairing required`, and `NOT_PAIRED` accompanies `device identity required`.
    static let dominated: [String: Set<String>] = [
        "pairing-required": [
            "scope-upgrade-pending", "role-upgrade-pending", "metadata-upgrade-pending", "device-identity-required",
            "insecure-context",
        ],
        "device-identity-required": ["insecure-context"],
    ]

    /// The symptom for a raw gateway authReason (`reason=` of a `[ws] unauthorized` line,
    /// `details.authReason`).
    static func symptom(forAuthReason reason: String) -> String? {
        if reason.hasPrefix("trusted_proxy_") { return "trusted-proxy-failure" }
        switch reason {
        case "token_missing": return "token-missing"
        case "token_mismatch": return "token-mismatch"
        case "token_missing_config", "password_missing_config": return "token-not-configured"
        case "password_missing": return "password-missing"
        case "password_mismatch": return "password-mismatch"
        case "bootstrap_token_invalid": return "bootstrap-token-invalid"
        case "tailscale_user_missing", "tailscale_whois_failed", "tailscale_user_mismatch": return "tailscale-identity-missing"
        case "tailscale_proxy_missing": return "tailscale-proxy-missing"
        case "rate_limited": return "rate-limited"
        case "device_token_mismatch": return "device-token-mismatch"
        default: return nil
        }
    }

    /// The symptom a close code means by itself (the reason, when there is one, is read by the table).
    static func symptom(forCloseCode code: Int) -> String? {
        switch code {
        case 1006: return "abnormal-closure"
        case 1000: return "normal-closure"
        case 1002: return "protocol-mismatch"
        case 1013: return "gateway-starting"
        case 4001: return "auth-changed"
        default: return nil
        }
    }

    /// Phrases that turn a line into a statement that the error is gone or expected to go
    /// ("I don't get pairing required anymore", "the 1008 should go away"): such lines give no
    /// symptom. Deliberately narrow — "can't connect: pairing required" is a report, not a negation.
    static let negations: [[UInt8]] = [
        "don't get", "don’t get", "dont get", "don't see", "don’t see", "doesn't say", "doesn’t say", "doesn't show",
        "doesn’t show", "no longer", "anymore", "any more", "no more", "went away", "go away", "goes away",
        "should stop", "should be gone", "is gone", "not getting", "not seeing", "instead of",
    ].map(ByteSearch.needle)
}

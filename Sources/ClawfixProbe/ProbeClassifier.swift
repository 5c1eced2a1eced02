/// Turns observations into a verdict, following the gateway's error tables (§3.3, §6 of the reference).
/// Matches on stable prefixes and `details.code`, not on hints that changed between releases.
enum ProbeClassifier {
    static func outcome(_ seen: ProbeObservations) -> ProbeOutcome {
        if seen.helloOK { return .ok }
        let message = (seen.error?.message ?? seen.close?.reason ?? "").lowercased()
        let code = seen.error?.detailsCode ?? ""
        if !message.isEmpty || seen.error != nil {
            if code == "PAIRING_REQUIRED" || message.hasPrefix("pairing required") { return .pairingRequired }
            if code == "AUTH_TOKEN_MISSING" || message.hasPrefix("unauthorized: gateway token missing") { return .tokenMissing }
            if code == "AUTH_TOKEN_MISMATCH" || message.hasPrefix("unauthorized: gateway token mismatch") { return .tokenMismatch }
            if code == "AUTH_PASSWORD_MISSING" || message.hasPrefix("unauthorized: gateway password missing") { return .passwordMissing }
            if code == "AUTH_PASSWORD_MISMATCH" || message.hasPrefix("unauthorized: gateway password mismatch") { return .passwordMismatch }
            if code == "CONTROL_UI_DEVICE_IDENTITY_REQUIRED" || message.hasPrefix("control ui requires") { return .insecureContext }
            if code == "DEVICE_IDENTITY_REQUIRED" || message == "device identity required" { return .deviceIdentityRequired }
            if code == "CONTROL_UI_ORIGIN_NOT_ALLOWED" || message.hasPrefix("origin not allowed") { return .originNotAllowed }
            if code == "PROTOCOL_MISMATCH" || message.hasPrefix("protocol mismatch") || seen.close?.code == 1002 { return .protocolMismatch }
            if code.hasPrefix("DEVICE_AUTH_") || message.hasPrefix("device ") { return .deviceAuthFailed }
            if message.hasPrefix("unauthorized") { return .authFailed }
            if message.hasPrefix("gateway starting") || seen.close?.code == 1013 { return .gatewayStarting }
            if seen.error != nil { return .invalidRequest }
        }
        if let http = seen.http, http.status == 503, http.body.contains("Gateway websocket handlers unavailable") {
            return .gatewayStarting
        }
        if let terminal = seen.terminal { return terminal }
        if seen.close != nil || !seen.sawChallenge { return seen.sawChallenge ? .closed : .noChallenge }
        return .closed
    }

    static func requestId(_ seen: ProbeObservations) -> String? {
        if let details = seen.error?.details, let id = field("requestId", in: details) { return id }
        for text in [seen.error?.message, seen.close?.reason].compactMap({ $0 }) {
            guard let range = text.range(of: "requestId:", options: .caseInsensitive) else { continue }
            let id = text[range.upperBound...].drop(while: { $0 == " " }).prefix(while: { !$0.isWhitespace && $0 != ")" })
            if !id.isEmpty { return String(id) }
        }
        return nil
    }

    /// A string field out of compact JSON, without a second decoder (the details are small).
    private static func field(_ name: String, in json: String) -> String? {
        guard let range = json.range(of: "\"\(name)\":\"") else { return nil }
        let value = json[range.upperBound...].prefix(while: { $0 != "\"" })
        return value.isEmpty ? nil : String(value)
    }

    static func diagnoses(_ outcome: ProbeOutcome, _ seen: ProbeObservations) -> [String] {
        switch outcome {
        case .pairingRequired:
            let details = seen.error?.details ?? ""
            if details.contains("scope-upgrade") || details.contains("role-upgrade") || details.contains("metadata-upgrade") {
                return ["scope-upgrade-pending"]
            }
            return ["pairing-not-approved"]
        case .tokenMissing, .passwordMissing: return ["token-missing"]
        case .tokenMismatch, .passwordMismatch: return ["token-mismatch"]
        case .authFailed:
            switch seen.error?.detailsCode {
            case "AUTH_DEVICE_TOKEN_MISMATCH": return ["stale-device-token"]
            case "AUTH_TAILSCALE_IDENTITY_MISSING", "AUTH_TAILSCALE_PROXY_MISSING", "AUTH_TAILSCALE_WHOIS_FAILED",
                 "AUTH_TAILSCALE_IDENTITY_MISMATCH": return ["tailscale-serve-identity"]
            default:
                return (seen.error?.authReason ?? "").hasPrefix("trusted_proxy") ? ["reverse-proxy-auth"] : ["token-mismatch"]
            }
        case .insecureContext: return ["insecure-context"]
        case .deviceIdentityRequired: return ["token-missing", "insecure-context"]
        case .originNotAllowed: return ["origin-not-allowed"]
        case .protocolMismatch: return ["protocol-mismatch"]
        case .refused: return ["gateway-not-running"]
        case .httpRejected:
            if seen.http?.status == 401 { return ["wrong-port"] }
            return []
        case .notAGateway: return ["wrong-port"]
        case .closed: return seen.close == nil ? ["gateway-not-running"] : []
        default: return []
        }
    }
}

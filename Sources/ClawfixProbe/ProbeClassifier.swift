import ClawfixEvidence

/// Turns observations into a verdict, following the gateway's error tables (§3.3, §6 of the reference).
/// Matches on stable prefixes and `details.code`, not on hints that changed between releases.
enum ProbeClassifier {
    static func outcome(_ seen: ProbeObservations) -> ProbeOutcome {
        if seen.helloOK { return .ok }
        // What the refusal means is looked up in `KnowledgeBase/messages.md`, as for a pasted line.
        let text = [seen.error?.message, seen.close?.reason, seen.error?.detailsCode].compactMap { $0 }.joined(separator: " ")
        if !text.isEmpty || seen.error != nil {
            let symptoms = MessageTable.builtIn.symptoms(in: text)
            for symptom in symptoms {
                if let outcome = outcome(forSymptom: symptom) { return outcome }
            }
            if seen.close?.code == 1002 { return .protocolMismatch }
            if seen.close?.code == 1013 { return .gatewayStarting }
            if seen.error != nil { return .invalidRequest }
        }
        if let http = seen.http, http.status == 503, MessageTable.builtIn.symptoms(in: http.body).contains("gateway-starting") {
            return .gatewayStarting
        }
        if let terminal = seen.terminal { return terminal }
        // 1000 with no reason after our `connect` and no `res`: the pre-auth handshake timer (§6.4).
        if seen.sawChallenge, seen.error == nil, seen.close == .init(code: 1000, reason: "") { return .handshakeTimeout }
        if seen.close != nil || !seen.sawChallenge { return seen.sawChallenge ? .closed : .noChallenge }
        return .closed
    }

    /// The verdict a symptom of the message table stands for; nil for symptoms that name no
    /// refusal of the handshake.
    private static func outcome(forSymptom symptom: String) -> ProbeOutcome? {
        switch symptom {
        case "pairing-required", "scope-upgrade-pending", "role-upgrade-pending", "metadata-upgrade-pending": .pairingRequired
        case "token-missing": .tokenMissing
        case "token-mismatch": .tokenMismatch
        case "password-missing": .passwordMissing
        case "password-mismatch": .passwordMismatch
        case "insecure-context": .insecureContext
        case "device-identity-required": .deviceIdentityRequired
        case "origin-not-allowed": .originNotAllowed
        case "protocol-mismatch": .protocolMismatch
        case "device-signature-invalid", "nonce-required": .deviceAuthFailed
        case "gateway-starting": .gatewayStarting
        case "rate-limited": .rateLimited
        case "token-not-configured", "device-token-mismatch", "device-token-rejected", "bootstrap-token-invalid",
            "tailscale-identity-missing", "tailscale-proxy-missing", "trusted-proxy-failure", "trusted-proxy-config-invalid",
            "unauthorized", "token-placeholder":
            .authFailed
        default: nil
        }
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
}

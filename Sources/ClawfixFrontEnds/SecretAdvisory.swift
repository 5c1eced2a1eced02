import ClawfixDiagnosis
import ClawfixRedaction

/// The `secret-exposed` advisory: which kinds of secret a message held, that they were redacted,
/// and that they must be treated as leaked and rotated — with how, for the gateway token.
enum SecretAdvisory {
    static let id = "secret-exposed"

    static func advisory(for kinds: [SecretKind]) -> Advisory? {
        guard !kinds.isEmpty else { return nil }
        let names = kinds.map(\.rawValue).joined(separator: ", ")
        var message =
            "Your message contained a secret (\(names)). clawfix replaced it before analysis and stored "
            + "only the redacted text, but anything pasted into a chat should be treated as leaked: rotate it."
        if kinds.contains(.gatewayToken) || kinds.contains(.gatewayPassword) {
            message +=
                " Gateway token: generate a new one (`openssl rand -hex 32`), set it as `gateway.auth.token` "
                + "(`openclaw config set gateway.auth.token <new>`) or `OPENCLAW_GATEWAY_TOKEN` wherever the gateway "
                + "reads it, restart the gateway, then update every client (Control UI settings, "
                + "`gateway.remote.token`, `.env`)."
        }
        if kinds.contains(.anthropicAPIKey) || kinds.contains(.openAIAPIKey) {
            message += " API keys: revoke the key in the provider's console and create a new one."
        }
        if kinds.contains(.discordBotToken) {
            message += " Discord bot token: Developer Portal → Bot → Reset Token."
        }
        if kinds.contains(.deviceToken) {
            message += " Device token: `openclaw devices rotate --device <id> --role operator`."
        }
        return Advisory(id: id, message: message)
    }
}

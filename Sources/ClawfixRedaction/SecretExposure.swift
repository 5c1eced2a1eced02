/// The advice for the `secret-exposed` advisory: which kinds of secret leaked and how to rotate
/// them, the gateway token per the gateway's own rules (reference §9, §6 close 4001).
public enum SecretExposure {
    public static func advice(for kinds: [SecretKind]) -> String {
        guard !kinds.isEmpty else { return "" }
        let names = kinds.map(\.rawValue).joined(separator: ", ")
        var lines = ["Treat it as leaked and rotate it: \(names)."]
        if kinds.contains(.gatewayToken) || kinds.contains(.gatewayPassword) {
            lines.append(
                "Gateway token: make a new random value (`openssl rand -hex 32`) and set it where the gateway reads it — "
                    + "`gateway.auth.token` in openclaw.json wins over `OPENCLAW_GATEWAY_TOKEN`; with docker compose it is in `.env`. "
                    + "Restart the gateway and re-open `openclaw dashboard --no-open`. Clients still connected are closed "
                    + "with 4001 `gateway auth changed` and must reconnect with the new token.")
        }
        if kinds.contains(.deviceIdentityKey) || kinds.contains(.deviceToken) {
            lines.append("Device identity: remove the device (`openclaw devices remove <id>`) and pair it again so it gets a new key.")
        }
        let providers: [(SecretKind, String)] = [
            (.anthropicAPIKey, "Anthropic key: revoke it in the Anthropic console and create a new one."),
            (.anthropicOAuthToken, "Anthropic OAuth token: sign out and in again to get a new one."),
            (.openAIAPIKey, "OpenAI key: revoke it in the OpenAI dashboard and create a new one."),
            (.discordBotToken, "Discord bot token: Developer Portal → Bot → Reset Token."),
            (.telegramBotToken, "Telegram bot token: /revoke with @BotFather."),
            (.githubToken, "GitHub token: delete it under Settings → Developer settings and create a new one."),
            (.awsAccessKey, "AWS key: deactivate the access key in IAM and create a new pair."),
            (.tailscaleAuthKey, "Tailscale auth key: revoke it in the admin console."),
        ]
        for (kind, text) in providers where kinds.contains(kind) { lines.append(text) }
        return lines.joined(separator: " ")
    }
}

/// What kind of secret a redaction removed. The raw value is the marker's kind, e.g.
/// `[gateway-token …a1b2]`, and the kind named in the `secret-exposed` advisory.
public struct SecretKind: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public var description: String { rawValue }
    public static func < (lhs: SecretKind, rhs: SecretKind) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The OpenClaw gateway's shared token (`OPENCLAW_GATEWAY_TOKEN`, `gateway.auth.token`, `#token=`).
    public static let gatewayToken = SecretKind(rawValue: "gateway-token")
    /// The gateway's shared password.
    public static let gatewayPassword = SecretKind(rawValue: "gateway-password")
    /// A password of any other kind (URL userinfo, `--password`).
    public static let password = SecretKind(rawValue: "password")
    /// A secret found by its key name only (`*_SECRET=`, `apiKey:`).
    public static let genericSecret = SecretKind(rawValue: "secret")
    /// A bearer token in an `Authorization` header.
    public static let bearerToken = SecretKind(rawValue: "bearer-token")
    public static let anthropicAPIKey = SecretKind(rawValue: "anthropic-api-key")
    public static let anthropicOAuthToken = SecretKind(rawValue: "anthropic-oauth-token")
    public static let openAIAPIKey = SecretKind(rawValue: "openai-api-key")
    public static let discordBotToken = SecretKind(rawValue: "discord-bot-token")
    public static let telegramBotToken = SecretKind(rawValue: "telegram-bot-token")
    public static let tailscaleAuthKey = SecretKind(rawValue: "tailscale-auth-key")
    public static let githubToken = SecretKind(rawValue: "github-token")
    public static let slackToken = SecretKind(rawValue: "slack-token")
    public static let awsAccessKey = SecretKind(rawValue: "aws-access-key")
    public static let awsSecretKey = SecretKind(rawValue: "aws-secret-key")
    public static let googleAPIKey = SecretKind(rawValue: "google-api-key")
    public static let jsonWebToken = SecretKind(rawValue: "jwt")
    public static let privateKey = SecretKind(rawValue: "private-key")
    /// The `privateKey`/`privateKeyPem` of an OpenClaw device identity file.
    public static let deviceIdentityKey = SecretKind(rawValue: "device-private-key")
    /// A device token (`deviceToken`, `hello-ok.auth.deviceToken`).
    public static let deviceToken = SecretKind(rawValue: "device-token")
    /// The secret part of a chat webhook URL (Slack, Discord, Microsoft Teams): whoever has it can post.
    public static let webhookSecret = SecretKind(rawValue: "webhook-secret")
    /// A Microsoft Entra ID (Azure AD) application client secret (`…8Q~…`).
    public static let azureClientSecret = SecretKind(rawValue: "azure-client-secret")
    /// A key of a provider clawfix has no rule for, known by its shape: a short lowercase prefix
    /// and a random body (`lsv2_pt_…`, `api_org_…`, `fo1_…`).
    public static let prefixedAPIKey = SecretKind(rawValue: "api-key")
    /// A high-entropy value in a secret-ish context that no specific detector claims.
    public static let highEntropySecret = SecretKind(rawValue: "high-entropy-secret")

    /// A key a provider generated, which it shows by its last characters too; not a password.
    var showsLastFour: Bool { self != .password && self != .gatewayPassword }

    /// Every kind a marker can name, so markers already in a text are recognised.
    static let markerKinds: [SecretKind] = [
        .gatewayToken, .gatewayPassword, .password, .genericSecret, .bearerToken, .anthropicAPIKey, .anthropicOAuthToken,
        .openAIAPIKey, .discordBotToken, .telegramBotToken, .tailscaleAuthKey, .githubToken, .slackToken, .awsAccessKey,
        .awsSecretKey, .googleAPIKey, .jsonWebToken, .privateKey, .deviceIdentityKey, .deviceToken, .highEntropySecret,
        .webhookSecret, .azureClientSecret, .prefixedAPIKey,
    ]
}

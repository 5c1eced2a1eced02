/// What kind of secret a redaction removed. The raw value is the marker's kind, e.g.
/// `[gateway-token …a1b2]`, and the kind named in the `secret-exposed` advisory.
public struct SecretKind: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String {
        didSet { (id, showsLastFour) = Self.identify(rawValue) }
    }
    /// The kind's place in `markerKinds`, or `Self.other`: kinds are compared for every secret
    /// (which marker it gets), and comparing their names cost more than finding some secrets.
    private var id: UInt8
    /// A key a provider generated, which it shows by its last characters too; not a password.
    private(set) var showsLastFour: Bool

    public init(rawValue: String) {
        self.rawValue = rawValue
        (id, showsLastFour) = Self.identify(rawValue)
    }
    public init(from decoder: any Decoder) throws { self.init(rawValue: try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public var description: String { rawValue }
    public static func < (lhs: SecretKind, rhs: SecretKind) -> Bool { lhs.rawValue < rhs.rawValue }
    public static func == (lhs: SecretKind, rhs: SecretKind) -> Bool {
        lhs.id == rhs.id && (lhs.id != other || lhs.rawValue == rhs.rawValue)
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// `id` of a kind that is not one of `markerKinds`.
    private static var other: UInt8 { 255 }

    /// A small number for each kind clawfix names (`markerKinds`), the same for every value of it.
    var number: Int? { id == Self.other ? nil : Int(id) }

    private static func identify(_ rawValue: String) -> (UInt8, Bool) {
        let id = markerRawValues.firstIndex(of: rawValue).map(UInt8.init) ?? other
        return (id, rawValue != "password" && rawValue != "gateway-password")
    }

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

    /// Every kind a marker can name, so markers already in a text are recognised.
    static let markerKinds: [SecretKind] = [
        .gatewayToken, .gatewayPassword, .password, .genericSecret, .bearerToken, .anthropicAPIKey, .anthropicOAuthToken,
        .openAIAPIKey, .discordBotToken, .telegramBotToken, .tailscaleAuthKey, .githubToken, .slackToken, .awsAccessKey,
        .awsSecretKey, .googleAPIKey, .jsonWebToken, .privateKey, .deviceIdentityKey, .deviceToken, .highEntropySecret,
        .webhookSecret, .azureClientSecret, .prefixedAPIKey,
    ]

    /// The names of `markerKinds`, in the same order (the kinds are made from these, so the list
    /// cannot be made from the kinds).
    private static let markerRawValues = [
        "gateway-token", "gateway-password", "password", "secret", "bearer-token", "anthropic-api-key", "anthropic-oauth-token",
        "openai-api-key", "discord-bot-token", "telegram-bot-token", "tailscale-auth-key", "github-token", "slack-token",
        "aws-access-key", "aws-secret-key", "google-api-key", "jwt", "private-key", "device-private-key", "device-token",
        "high-entropy-secret", "webhook-secret", "azure-client-secret", "api-key",
    ]
}

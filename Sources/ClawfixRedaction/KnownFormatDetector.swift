/// API keys with a vendor prefix, recognisable without any context: Anthropic
/// (`sk-ant-api03-`, `sk-ant-oat01-`, `sk-ant-ort01-`), OpenAI (`sk-proj-`, `sk-`), GitHub
/// (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`, `github_pat_`), Slack (`xoxb-` …), Tailscale
/// (`tskey-`), AWS access key ids (`AKIA`, `ASIA`) and Google (`AIza`).
public struct KnownFormatDetector: TriggeredDetector {
    public let name = "known-format"
    public let message = "an API key in a provider's known format"
    /// Every prefix `kind` knows starts with one of these.
    public let trigger = DetectorTrigger("sk-", "gh", "github_pat_", "xox", "tskey-", "AKIA", "ASIA", "AIza", atWordStart: true)

    public func examine(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, into candidates: inout [SecretCandidate]) -> Int {
        guard ByteClass.isWordStart(bytes, i) else { return i + 1 }
        let end = ByteClass.tokenEnd(bytes, from: i)
        // `ghp_xxxx…`, `AKIAIOSFODNN7EXAMPLE`: the documentation's example, which tells the
        // diagnosis that the user pasted one.
        if let kind = Self.kind(bytes, start: i, end: end), !ValueShape.isPlaceholder(bytes[i..<end]) {
            candidates.append(SecretCandidate(start: i, end: end, kind: kind, detector: name))
        }
        return end
    }

    private static func kind(_ bytes: UnsafeBufferPointer<UInt8>, start i: Int, end: Int) -> SecretKind? {
        let length = end - i
        let token = bytes[i..<end]
        func hasDigit() -> Bool { token.contains(where: ByteClass.isDigit) }
        switch bytes[i] {
        case UInt8(ascii: "s"):
            if ByteClass.hasPrefix(bytes, at: i, "sk-ant-") {
                guard length >= 32 else { return nil }
                if ByteClass.hasPrefix(bytes, at: i, "sk-ant-oat") || ByteClass.hasPrefix(bytes, at: i, "sk-ant-ort") {
                    return .anthropicOAuthToken
                }
                return .anthropicAPIKey
            }
            if ByteClass.hasPrefix(bytes, at: i, "sk-proj-") || ByteClass.hasPrefix(bytes, at: i, "sk-svcacct-") {
                return length >= 30 ? .openAIAPIKey : nil
            }
            if ByteClass.hasPrefix(bytes, at: i, "sk-") { return length >= 32 && hasDigit() ? .openAIAPIKey : nil }
        case UInt8(ascii: "g"):
            if ByteClass.hasPrefix(bytes, at: i, "github_pat_") { return length >= 40 ? .githubToken : nil }
            if length >= 40, ByteClass.hasPrefix(bytes, at: i, "gh"), i + 3 < end, bytes[i + 3] == UInt8(ascii: "_"),
                "pousr".utf8.contains(bytes[i + 2]) { return .githubToken }
        case UInt8(ascii: "x"):
            if ByteClass.hasPrefix(bytes, at: i, "xox"), i + 4 < end, bytes[i + 4] == UInt8(ascii: "-"),
                "bpaers".utf8.contains(bytes[i + 3]), length >= 20, hasDigit() { return .slackToken }
        case UInt8(ascii: "t"):
            if ByteClass.hasPrefix(bytes, at: i, "tskey-"), length >= 20, hasDigit() { return .tailscaleAuthKey }
        case UInt8(ascii: "A"):
            if (ByteClass.hasPrefix(bytes, at: i, "AKIA") || ByteClass.hasPrefix(bytes, at: i, "ASIA")), length == 20,
                token.allSatisfy({ ByteClass.isDigit($0) || ($0 >= 0x41 && $0 <= 0x5A) }) { return .awsAccessKey }
            if ByteClass.hasPrefix(bytes, at: i, "AIza"), length == 39 { return .googleAPIKey }
        default: break
        }
        return nil
    }
}

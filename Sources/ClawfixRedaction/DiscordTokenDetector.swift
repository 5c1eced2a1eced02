/// Discord bot tokens: the bot's user id in base64 (starts with `M`, `N` or `O`), a 6–7
/// character timestamp and a 27+ character HMAC, separated by dots.
public struct DiscordTokenDetector: SecretDetector {
    public let name = "discord-token"
    public let message = "a Discord bot token"

    public init() {}

    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, into candidates: inout [SecretCandidate]) {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            guard b == UInt8(ascii: "M") || b == UInt8(ascii: "N") || b == UInt8(ascii: "O"), ByteClass.isWordStart(bytes, i) else {
                i += 1
                continue
            }
            if let t = DottedToken.parse(bytes, at: i), (23...28).contains(t.firstLength), (6...7).contains(t.secondLength),
                t.thirdLength >= 27
            {
                candidates.append(SecretCandidate(start: t.start, end: t.end, kind: .discordBotToken, detector: name))
                i = t.end
            } else {
                i = max(ByteClass.tokenEnd(bytes, from: i), i + 1)
            }
        }
    }
}

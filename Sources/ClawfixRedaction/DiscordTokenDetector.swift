/// Discord bot tokens: the bot's user id in base64 (starts with `M`, `N` or `O`), a 6–7
/// character timestamp and a 27+ character HMAC, separated by dots.
public struct DiscordTokenDetector: TriggeredDetector {
    public let name = "discord-token"
    public let message = "a Discord bot token"
    public let trigger = DetectorTrigger("M", "N", "O", atWordStart: true)

    public func examine(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, into candidates: inout [SecretCandidate]) -> Int {
        guard ByteClass.isWordStart(bytes, i) else { return i + 1 }
        guard let t = DottedToken.parse(bytes, at: i), (23...28).contains(t.firstLength), (6...7).contains(t.secondLength),
            t.thirdLength >= 27
        else { return ByteClass.tokenEnd(bytes, from: i) }
        candidates.append(SecretCandidate(start: t.start, end: t.end, kind: .discordBotToken, detector: name))
        return t.end
    }
}

/// Telegram bot tokens: the bot id (8–10 digits), a colon and 35 characters of base64url — alone,
/// or in a Bot API URL, where it follows `/bot` (`https://api.telegram.org/bot<id>:<token>/getMe`).
public struct TelegramTokenDetector: TriggeredDetector {
    public let name = "telegram-token"
    public let message = "a Telegram bot token"
    /// The colon, not the digits: digits are everywhere in a log (timestamps, ports), colons
    /// after 8–10 of them are rare.
    public let trigger = DetectorTrigger(":")

    public func examine(_ bytes: UnsafeBufferPointer<UInt8>, at colon: Int, into candidates: inout [SecretCandidate]) -> Int {
        // The digits before the colon must be a whole word of 8–10; walking back 11 is enough to know.
        var start = colon
        while start > 0 && ByteClass.isDigit(bytes[start - 1]) && colon - start <= 10 { start -= 1 }
        guard (8...10).contains(colon - start), ByteClass.isWordStart(bytes, start) || ByteClass.hasPrefix(bytes, at: start - 4, "/bot")
        else { return colon + 1 }
        let end = ByteClass.tokenEnd(bytes, from: colon + 1)
        guard end - colon - 1 == 35 else { return colon + 1 }
        candidates.append(SecretCandidate(start: start, end: end, kind: .telegramBotToken, detector: name))
        return end
    }
}

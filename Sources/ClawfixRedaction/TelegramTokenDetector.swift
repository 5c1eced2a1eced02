/// Telegram bot tokens: the bot id (8–10 digits), a colon and 35 characters of base64url.
public struct TelegramTokenDetector: SecretDetector {
    public let name = "telegram-token"
    public let message = "a Telegram bot token"

    public init() {}

    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, into candidates: inout [SecretCandidate]) {
        let n = bytes.count
        var i = 0
        while i < n {
            guard ByteClass.isDigit(bytes[i]), ByteClass.isWordStart(bytes, i) else {
                i += 1
                continue
            }
            var d = i
            while d < n && ByteClass.isDigit(bytes[d]) { d += 1 }
            if (8...10).contains(d - i), d < n, bytes[d] == UInt8(ascii: ":") {
                let end = ByteClass.tokenEnd(bytes, from: d + 1)
                if end - d - 1 == 35 {
                    candidates.append(SecretCandidate(start: i, end: end, kind: .telegramBotToken, detector: name))
                    i = end
                    continue
                }
            }
            i = max(d, i + 1)
        }
    }
}

/// Chat webhook URLs, whose path is the credential: anyone holding it can post to the channel.
/// Slack (`hooks.slack.com/services/T…/B…/<secret>`, also `/workflows/` and `/triggers/`),
/// Discord (`discord.com/api/webhooks/<id>/<token>`, `discordapp.com`, `/api/v10/webhooks/`) and
/// Microsoft Teams connectors (`….webhook.office.com/webhookb2/…/IncomingWebhook/<hex>/<uuid>`).
/// The ids before the secret stay, so the reader still sees which workspace or channel it was;
/// Teams' newer Workflows URLs carry their secret in `sig=`, which `URLSecretDetector` removes.
public struct WebhookURLDetector: TriggeredDetector {
    public let name = "webhook-url"
    public let message = "the secret part of a Slack, Discord or Teams webhook URL"
    public let trigger = DetectorTrigger("hooks.slack.com/", "/webhooks/", "/IncomingWebhook/")

    public func examine(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, into candidates: inout [SecretCandidate]) -> Int {
        switch bytes[i] {
        case UInt8(ascii: "h"):
            // The last segment of the path: `T…/B…/<secret>`.
            var segmentStart = i + "hooks.slack.com/".utf8.count
            var k = segmentStart
            while k < bytes.count && (ByteClass.isTokenByte(bytes[k]) || bytes[k] == UInt8(ascii: "/")) {
                if bytes[k] == UInt8(ascii: "/") { segmentStart = k + 1 }
                k += 1
            }
            return found(bytes, segmentStart, k, minimum: 16, into: &candidates)
        case UInt8(ascii: "/") where bytes[i + 1] == UInt8(ascii: "w"):
            // Only Discord's host: other services have `/webhooks/` paths with ids, not secrets.
            guard Self.hostBefore(bytes, i, is: "discord") else { return i + 1 }
            var k = i + "/webhooks/".utf8.count
            let idStart = k
            while k < bytes.count && ByteClass.isDigit(bytes[k]) { k += 1 }
            guard k - idStart >= 15, k < bytes.count, bytes[k] == UInt8(ascii: "/") else { return k }
            return found(bytes, k + 1, ByteClass.tokenEnd(bytes, from: k + 1), minimum: 40, into: &candidates)
        default:
            // Teams: the hex secret and the uuid after it, to the end of the path.
            let start = i + "/IncomingWebhook/".utf8.count
            var k = start
            while k < bytes.count && (ByteClass.isTokenByte(bytes[k]) || bytes[k] == UInt8(ascii: "/")) { k += 1 }
            while k > start && bytes[k - 1] == UInt8(ascii: "/") { k -= 1 }
            return found(bytes, start, k, minimum: 32, into: &candidates)
        }
    }

    private func found(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, minimum: Int,
                       into candidates: inout [SecretCandidate]) -> Int {
        guard end - start >= minimum, !ValueShape.isPlaceholder(bytes[start..<end]) else { return max(end, start) }
        candidates.append(SecretCandidate(start: start, end: end, kind: .webhookSecret, detector: name))
        return end
    }

    /// True when the URL's host, somewhere in the 48 bytes before `i`, holds `word`
    /// (`discord.com/api`, `discordapp.com/api/v10`).
    private static func hostBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, is word: StaticString) -> Bool {
        var k = i - 1
        while k >= 0 && i - k <= 48 && bytes[k] > 0x20 {
            if ByteClass.hasPrefixIgnoringCase(bytes, at: k, word) { return true }
            k -= 1
        }
        return false
    }
}

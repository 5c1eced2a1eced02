/// Chat webhook URLs, whose path is the credential: anyone holding it can post to the channel.
/// Slack (`hooks.slack.com/services/T…/B…/<secret>`, also `/workflows/` and `/triggers/`),
/// Discord (`discord.com/api/webhooks/<id>/<token>`, `discordapp.com`, `/api/v10/webhooks/`) and
/// Microsoft Teams connectors (`….webhook.office.com/webhookb2/…/IncomingWebhook/<hex>/<uuid>`).
/// The ids before the secret stay, so the reader still sees which workspace or channel it was;
/// Teams' newer Workflows URLs carry their secret in `sig=`, which `URLSecretDetector` removes.
public struct WebhookURLDetector: TriggeredDetector {
    public let name = "webhook-url"
    public let message = "the secret part of a Slack, Discord or Teams webhook URL"
    /// One trigger for the three services: a pass over the paste per host name cost more than
    /// reading each URL's host.
    public let trigger = DetectorTrigger("://")

    public func examine(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, into candidates: inout [SecretCandidate]) -> Int {
        let n = bytes.count
        let hostStart = i + 3
        var hostEnd = hostStart
        while hostEnd < n && Self.isURLByte(bytes[hostEnd]) && bytes[hostEnd] != UInt8(ascii: "/") { hostEnd += 1 }
        // A failed look resumes right after this `://`: the host may have run on into the next
        // URL (`…@<word>https://…`), which must be looked at too, as a second pass would once
        // that word is a marker.
        guard hostEnd < n, bytes[hostEnd] == UInt8(ascii: "/") else { return i + 3 }
        let host = bytes[hostStart..<hostEnd]
        if Self.hostIs(host, "hooks.slack.com") {
            // The last segment of the path: `services/T…/B…/<secret>`.
            var segmentStart = hostEnd + 1
            var k = segmentStart
            while k < n && (ByteClass.isTokenByte(bytes[k]) || bytes[k] == UInt8(ascii: "/")) {
                if bytes[k] == UInt8(ascii: "/") { segmentStart = k + 1 }
                k += 1
            }
            return found(bytes, segmentStart, k, minimum: 16, into: &candidates)
        }
        if Self.hostIs(host, "discord.com") || Self.hostIs(host, "discordapp.com") {
            // `/api/webhooks/<id>/<token>` or `/api/v10/webhooks/<id>/<token>`.
            var k = hostEnd
            guard ByteClass.hasPrefix(bytes, at: k, "/api/") else { return i + 3 }
            k += 5
            if k < n && bytes[k] == UInt8(ascii: "v") {
                k += 1
                while k < n && ByteClass.isDigit(bytes[k]) { k += 1 }
                guard k < n, bytes[k] == UInt8(ascii: "/") else { return i + 3 }
                k += 1
            }
            guard ByteClass.hasPrefix(bytes, at: k, "webhooks/") else { return i + 3 }
            k += 9
            let idStart = k
            while k < n && ByteClass.isDigit(bytes[k]) { k += 1 }
            guard k - idStart >= 15, k < n, bytes[k] == UInt8(ascii: "/") else { return i + 3 }
            return found(bytes, k + 1, ByteClass.tokenEnd(bytes, from: k + 1), minimum: 40, into: &candidates)
        }
        if Self.hostIs(host, "webhook.office.com") {
            // `/webhookb2/<uuid>@<uuid>/IncomingWebhook/<hex>/<uuid>`: the hex secret and the uuid
            // after it, to the end of the path.
            var k = hostEnd
            while k < n && Self.isURLByte(bytes[k]) && !ByteClass.hasPrefix(bytes, at: k, "/IncomingWebhook/")
                && !ByteClass.hasPrefix(bytes, at: k, "://") { k += 1 }
            guard k < n, bytes[k] == UInt8(ascii: "/") else { return i + 3 }
            let start = k + "/IncomingWebhook/".utf8.count
            k = start
            while k < n && (ByteClass.isTokenByte(bytes[k]) || bytes[k] == UInt8(ascii: "/")) { k += 1 }
            while k > start && bytes[k - 1] == UInt8(ascii: "/") { k -= 1 }
            return found(bytes, start, k, minimum: 32, into: &candidates)
        }
        return i + 3
    }

    /// True when `host` is `name` or a subdomain of it, in any case.
    private static func hostIs(_ host: UnsafeBufferPointer<UInt8>.SubSequence, _ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        guard host.count >= count else { return false }
        let start = host.endIndex - count
        guard (0..<count).allSatisfy({ ByteClass.lower(host[start + $0]) == name.utf8Start[$0] }) else { return false }
        return start == host.startIndex || host[start - 1] == UInt8(ascii: ".")
    }

    /// A byte that can be part of a URL as pasted: not a space, quote, angle bracket or newline.
    @inline(__always) private static func isURLByte(_ b: UInt8) -> Bool {
        b > 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "'") && b != UInt8(ascii: "<") && b != UInt8(ascii: ">")
            && b != UInt8(ascii: "`")
    }

    private func found(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, minimum: Int,
                       into candidates: inout [SecretCandidate]) -> Int {
        guard end - start >= minimum, !ValueShape.isPlaceholder(bytes[start..<end]) else { return max(end, start) }
        candidates.append(SecretCandidate(start: start, end: end, kind: .webhookSecret, detector: name))
        return end
    }
}

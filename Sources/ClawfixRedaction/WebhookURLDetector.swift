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

    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, into candidates: inout [SecretCandidate]) {
        scan(bytes, boundaries: Boundaries(), into: &candidates)
    }

    /// Finds that become markers, for a reading that sees the text as a second pass over the
    /// redacted output would. `plain[k]`: the marker for `spans[k]` holds only bytes a URL can
    /// (`[password]`), so a host or a path reads on through it; one with a value's last four
    /// (`[secret …abcd]`) holds a space, which ends them. A marker ends every run of token bytes.
    struct Boundaries {
        var spans: [Range<Int>] = []
        var plain: [Bool] = []
    }

    /// One look at a URL: where its `://` is, the byte that ended its host, whether the host was
    /// a webhook service's, and the last byte it read.
    struct Look {
        var at: Int
        var stop: Int = 0
        var matched = false
        var reach: Int = 0

        /// The bytes where a find, once a marker, can change this look on a second pass: the
        /// byte that ended the host (the host reads on through a marker of URL bytes), and for a
        /// webhook host all it read after `://` (a marker in its name or path). Elsewhere in the
        /// host a marker leaves the look as it was: the same end, a host that is no service's.
        var sensitive: Range<Int> { matched ? (at + 3)..<(reach + 1) : stop..<(stop + 1) }
    }

    /// Returns each look: a find of another detector where it is sensitive (the password of
    /// the URL's userinfo, holding the byte that ended the host) is a marker on a second pass,
    /// which reads the host or the path differently, so the `Redactor` reads those URLs again.
    @discardableResult
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, boundaries: Boundaries, into candidates: inout [SecretCandidate]) -> [Look] {
        let cursor = BoundaryCursor(boundaries.spans)
        var looks: [Look] = []
        trigger.forEach(in: bytes) { i in
            if !boundaries.spans.isEmpty {
                let b = cursor.firstEnding(after: i)
                if b < boundaries.spans.count && boundaries.spans[b].lowerBound < i + 3 { return max(boundaries.spans[b].upperBound, i + 1) }
            }
            var look = Look(at: i)
            let next = examine(bytes, at: i, boundaries, cursor, &look, into: &candidates)
            looks.append(look)
            return next
        }
        return looks
    }

    /// Looks at the URL at `i` again with `boundaries`, for the `Redactor`.
    func reread(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, _ boundaries: Boundaries, _ cursor: BoundaryCursor,
                into candidates: inout [SecretCandidate]) -> Look {
        var look = Look(at: i, stop: i + 3, reach: i + 3)
        if cursor.overlaps(i, i + 3) { return look }
        _ = examine(bytes, at: i, boundaries, cursor, &look, into: &candidates)
        return look
    }

    public func examine(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, into candidates: inout [SecretCandidate]) -> Int {
        var look = Look(at: i)
        return examine(bytes, at: i, Boundaries(), BoundaryCursor([]), &look, into: &candidates)
    }

    /// `look`: filled in with what this look read.
    private func examine(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, _ boundaries: Boundaries, _ cursor: BoundaryCursor,
                         _ look: inout Look, into candidates: inout [SecretCandidate]) -> Int {
        let hasBoundaries = !boundaries.spans.isEmpty
        /// The boundary that starts at `k`, if one does.
        func boundary(at k: Int) -> Int? {
            guard hasBoundaries else { return nil }
            let b = cursor.firstEnding(after: k)
            return b < boundaries.spans.count && boundaries.spans[b].lowerBound <= k ? b : nil
        }
        /// The first boundary's start at or after `k` (the byte count when none): a run of token
        /// bytes ends there.
        func tokenLimit(_ k: Int) -> Int {
            guard hasBoundaries else { return bytes.count }
            let b = cursor.firstEnding(after: k)
            return b < boundaries.spans.count ? max(k, boundaries.spans[b].lowerBound) : bytes.count
        }
        let n = bytes.count
        let hostStart = i + 3
        var hostEnd = hostStart
        var hostCut = false
        while hostEnd < n {
            if let b = boundary(at: hostEnd) {
                guard boundaries.plain[b] else { hostCut = true; break }
                hostEnd = boundaries.spans[b].upperBound
                continue
            }
            guard Self.isURLByte(bytes[hostEnd]) && bytes[hostEnd] != UInt8(ascii: "/") else { break }
            hostEnd += 1
        }
        look.stop = min(hostEnd, n - 1)
        look.reach = look.stop
        // A failed look resumes right after this `://`: the host may have run on into the next
        // URL (`…@<word>https://…`), which must be looked at too, as a second pass would once
        // that word is a marker.
        guard !hostCut, hostEnd < n, bytes[hostEnd] == UInt8(ascii: "/") else { return i + 3 }
        let host = bytes[hostStart..<hostEnd]
        // The host's name must be read as it stands: a marker in it is no part of any name.
        func hostIs(_ name: StaticString) -> Bool {
            let count = name.utf8CodeUnitCount
            if hasBoundaries && cursor.overlaps(max(hostStart, hostEnd - count - 1), hostEnd) { return false }
            return Self.hostIs(host, name)
        }
        if hostIs("hooks.slack.com") {
            // The last segment of the path: `services/T…/B…/<secret>`.
            let limit = tokenLimit(hostEnd)
            var segmentStart = hostEnd + 1
            var k = segmentStart
            look.matched = true
            defer { look.reach = min(k, n - 1) }
            while k < limit && (ByteClass.isTokenByte(bytes[k]) || bytes[k] == UInt8(ascii: "/")) {
                if bytes[k] == UInt8(ascii: "/") { segmentStart = k + 1 }
                k += 1
            }
            return found(bytes, segmentStart, k, minimum: 16, into: &candidates)
        }
        if hostIs("discord.com") || hostIs("discordapp.com") {
            // `/api/webhooks/<id>/<token>` or `/api/v10/webhooks/<id>/<token>`: read up to the
            // first marker, which none of it can hold.
            let limit = tokenLimit(hostEnd)
            var k = hostEnd
            look.matched = true
            defer { look.reach = min(k + 9, n - 1) }
            guard k + 5 <= limit, ByteClass.hasPrefix(bytes, at: k, "/api/") else { return i + 3 }
            k += 5
            if k < limit && bytes[k] == UInt8(ascii: "v") {
                k += 1
                while k < limit && ByteClass.isDigit(bytes[k]) { k += 1 }
                guard k < limit, bytes[k] == UInt8(ascii: "/") else { return i + 3 }
                k += 1
            }
            guard k + 9 <= limit, ByteClass.hasPrefix(bytes, at: k, "webhooks/") else { return i + 3 }
            k += 9
            let idStart = k
            while k < limit && ByteClass.isDigit(bytes[k]) { k += 1 }
            guard k - idStart >= 15, k < limit, bytes[k] == UInt8(ascii: "/") else { return i + 3 }
            let tokenStart = k + 1
            k = min(ByteClass.tokenEnd(bytes, from: tokenStart), limit)
            return found(bytes, tokenStart, k, minimum: 40, into: &candidates)
        }
        if hostIs("webhook.office.com") {
            // `/webhookb2/<uuid>@<uuid>/IncomingWebhook/<hex>/<uuid>`: the hex secret and the uuid
            // after it, to the end of the path. The path reads on through a marker of URL bytes.
            var k = hostEnd
            look.matched = true
            defer { look.reach = min(k, n - 1) }
            while k < n {
                if let b = boundary(at: k) {
                    guard boundaries.plain[b] else { return i + 3 }
                    k = boundaries.spans[b].upperBound
                    continue
                }
                guard Self.isURLByte(bytes[k]) else { break }
                if ByteClass.hasPrefix(bytes, at: k, "/IncomingWebhook/") && !(hasBoundaries && cursor.overlaps(k, k + 17)) { break }
                if ByteClass.hasPrefix(bytes, at: k, "://") && !(hasBoundaries && cursor.overlaps(k, k + 3)) { break }
                k += 1
            }
            guard k < n, bytes[k] == UInt8(ascii: "/"), boundary(at: k) == nil else { return i + 3 }
            let start = k + "/IncomingWebhook/".utf8.count
            let limit = tokenLimit(start)
            k = start
            while k < limit && (ByteClass.isTokenByte(bytes[k]) || bytes[k] == UInt8(ascii: "/")) { k += 1 }
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

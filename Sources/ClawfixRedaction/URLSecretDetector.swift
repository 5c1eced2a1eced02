/// Passwords in URL userinfo: `https://user:hunter2@host/…`, `redis://:pw@host`, also when the
/// password holds `#`, `?`, `!`, `&` or `@` unescaped, as pasted connection strings do
/// (`postgresql://app:p#ss!w&rd@db/app`). Query and
/// fragment secrets (`?token=`, `#token=`, `access_token=`, `api_key=`) are keys too and are
/// found by the same scan here, so a dashboard URL is handled whole.
public struct URLSecretDetector: TriggeredDetector {
    public let name = "url-secret"
    public let message = "a password or token inside a URL"
    public let trigger = DetectorTrigger("://")

    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, into candidates: inout [SecretCandidate]) {
        scan(bytes, boundaries: [], into: &candidates)
    }

    /// `boundaries`: sorted, disjoint finds that become markers; each ends an authority as a
    /// marker does. Returns the authority of each URL read (from after `://` to where it ended):
    /// a find of another detector inside one, or a bare occurrence found later, is a marker on a
    /// second pass and ends it there — a shorter password, or one no longer a placeholder — so the
    /// `Redactor` then reads the URLs again with the finds as boundaries.
    @discardableResult
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, boundaries: [Range<Int>], into candidates: inout [SecretCandidate]) -> [Range<Int>] {
        let cursor = BoundaryCursor(boundaries)
        var authorities: [Range<Int>] = []
        trigger.forEach(in: bytes) { i in
            if !boundaries.isEmpty {
                let b = cursor.firstEnding(after: i)
                if b < boundaries.count && boundaries[b].lowerBound < i + 3 { return max(boundaries[b].upperBound, i + 1) }
            }
            return examine(bytes, at: i, cursor, &authorities, into: &candidates)
        }
        return authorities
    }

    /// Reads again the URLs whose authorities are `authorities[k]` for each `k` in `which`, with
    /// `boundaries`, and puts the authorities this reading gives in their place (empty where a
    /// boundary takes the `://`). The other URLs read the same with or without the boundaries,
    /// which hold nothing of their authorities.
    func reread(_ bytes: UnsafeBufferPointer<UInt8>, _ authorities: inout [Range<Int>], _ which: [Int], boundaries: [Range<Int>],
                into candidates: inout [SecretCandidate]) {
        let cursor = BoundaryCursor(boundaries)
        for k in which {
            let i = authorities[k].lowerBound - 3
            var read: [Range<Int>] = []
            if cursor.overlaps(i, i + 3) {
                authorities[k] = authorities[k].lowerBound..<authorities[k].lowerBound
                continue
            }
            _ = examine(bytes, at: i, cursor, &read, into: &candidates)
            authorities[k] = read[0]
        }
    }

    public func examine(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, into candidates: inout [SecretCandidate]) -> Int {
        var authorities: [Range<Int>] = []
        return examine(bytes, at: i, BoundaryCursor([]), &authorities, into: &candidates)
    }

    private func examine(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, _ boundaries: BoundaryCursor, _ authorities: inout [Range<Int>],
                         into candidates: inout [SecretCandidate]) -> Int {
        let n = bytes.count
        let hasBoundaries = !boundaries.boundaries.isEmpty
        // Authority: up to the first `/`, `?`, `#`, space, quote or newline.
        let authorityStart = i + 3
        var end = authorityStart
        var lastAt = -1
        var colon = -1
        var cutByMarker = false
        while end < n {
            let b = bytes[end]
            if (b == UInt8(ascii: "?") || b == UInt8(ascii: "#")) && lastAt < 0 && colon >= 0,
                let at = Self.userinfoEnd(bytes, colon: colon, from: end, boundaries) {
                lastAt = at
                end = at + 1
                continue
            }
            if b == UInt8(ascii: ":") && colon < 0 { colon = end }
            if b == UInt8(ascii: "/") || b == UInt8(ascii: "?") || b == UInt8(ascii: "#") || b <= 0x20
                || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: ">") { break }
            if Self.startsURL(bytes, at: end) { break }
            if b == UInt8(ascii: "@") { lastAt = end }
            // A marker ends the authority: what it replaced is gone, and with it any `@` that
            // made the password run on past it (a second pass would see only the marker). So
            // does a find that becomes one.
            if (b == UInt8(ascii: "[") && RedactionMarker.markerEnd(bytes, from: end) != nil)
                || (hasBoundaries && boundaries.overlaps(end, end + 1)) {
                cutByMarker = true
                break
            }
            end += 1
        }
        authorities.append(authorityStart..<end)
        if lastAt > authorityStart {
            var colon = -1
            for k in authorityStart..<lastAt where bytes[k] == UInt8(ascii: ":") { colon = k; break }
            if colon >= 0 && colon + 1 < lastAt {
                let value = bytes[(colon + 1)..<lastAt]
                if !ValueShape.isPlaceholder(value) {
                    candidates.append(SecretCandidate(start: colon + 1, end: lastAt, kind: .password, detector: name))
                }
            }
        }
        // Query and fragment parameters whose name is a secret — not after a marker that cut the
        // authority short: on the first pass, what the marker replaced was read as authority, and
        // any `&key=` after it with it (`…KEY=sk-ant.&…_API_KEY=…` with no `/` or `?` on the line).
        // Reading them as parameters now would find what the first pass could not.
        if cutByMarker { return end }
        var k = end
        while true {
            // Past the bytes the walk only steps over.
            k = Self.queryStops.first(in: bytes, from: k)
            guard k < n && bytes[k] > 0x20 && bytes[k] != UInt8(ascii: "\"") && bytes[k] != UInt8(ascii: "'") else { break }
            let b = bytes[k]
            if Self.startsURL(bytes, at: k) { break }
            if (b == UInt8(ascii: "?") || b == UInt8(ascii: "#") || b == UInt8(ascii: "&")) {
                var eq = k + 1
                while eq < n && ByteClass.isKeyByte(bytes[eq]) { eq += 1 }
                if eq < n && bytes[eq] == UInt8(ascii: "="), eq > k + 1,
                    let kind = KeyName.secretKind(bytes[(k + 1)..<eq])
                {
                    var ve = eq + 1
                    while true {
                        ve = Self.valueStops.first(in: bytes, from: ve)
                        guard ve < n && bytes[ve] > 0x20 && bytes[ve] != UInt8(ascii: "&") && bytes[ve] != UInt8(ascii: "#")
                            && bytes[ve] != UInt8(ascii: "\"") && bytes[ve] != UInt8(ascii: "'") && bytes[ve] != UInt8(ascii: ">")
                            && bytes[ve] != UInt8(ascii: ")") && !Self.startsURL(bytes, at: ve) else { break }
                        ve += 1
                    }
                    let value = bytes[(eq + 1)..<ve]
                    if value.count >= 3 && !ValueShape.isPlaceholder(value) {
                        candidates.append(SecretCandidate(start: eq + 1, end: ve, kind: kind, detector: name))
                    }
                    k = ve
                    continue
                }
                k = eq
                continue
            }
            k += 1
        }
        return k
    }

    /// The `@` that ends a userinfo whose password holds a `#` or `?` at `from`: the last `@`
    /// before the path, a space or a quote. `nil` when there is none, or when what follows the
    /// colon is a port (`host:8080?q=a@b`).
    private static func userinfoEnd(_ bytes: UnsafeBufferPointer<UInt8>, colon: Int, from: Int, _ boundaries: BoundaryCursor) -> Int? {
        let hasBoundaries = !boundaries.boundaries.isEmpty
        if (colon + 1..<from).allSatisfy({ ByteClass.isDigit(bytes[$0]) }) { return nil }
        var k = from
        var at: Int?
        while k < bytes.count {
            let b = bytes[k]
            if b == UInt8(ascii: "/") || b <= 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: ">") { break }
            if startsURL(bytes, at: k) { break }
            if b == UInt8(ascii: "["), RedactionMarker.markerEnd(bytes, from: k) != nil { break }
            if hasBoundaries && boundaries.overlaps(k, k + 1) { break }
            if b == UInt8(ascii: "@") { at = k }
            k += 1
        }
        return at
    }

    /// Where the walk through the path and query has to look: the end of the URL, a parameter
    /// (`?`, `#`, `&`) and a `:` that may start the next URL.
    private static let queryStops = StopBytes("\"':?#&")
    /// Where a parameter's value may end.
    private static let valueStops = StopBytes("&#\"'>):")

    /// `://` at `k`: the next URL starts there. An authority, parameter list or value that ran on
    /// past it hid that URL's secrets — until a marker cut this URL short on a second pass.
    @inline(__always) private static func startsURL(_ bytes: UnsafeBufferPointer<UInt8>, at k: Int) -> Bool {
        bytes[k] == UInt8(ascii: ":") && k + 2 < bytes.count && bytes[k + 1] == UInt8(ascii: "/") && bytes[k + 2] == UInt8(ascii: "/")
    }
}

/// The fallback: a long random-looking word on a line that talks about a secret ("my token is
/// 3f9a…", "bearer", "password") that no other detector claimed — and, in the same pass over
/// the words, a provider-prefixed key (`PrefixedTokenDetector`), which needs no context. It needs that context, so
/// container ids, `sha256:` digests, git SHAs and UUIDs in ordinary output never match.
public struct HighEntropyDetector: SecretDetector {
    public let name = "high-entropy"
    public let message = "a random-looking value next to the word token, secret or password"

    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, into candidates: inout [SecretCandidate]) {
        scan(bytes, boundaries: RedactionMarker.spans(in: bytes), into: &candidates)
    }

    /// `boundaries`: sorted, disjoint spans that are markers — those already in the text and,
    /// when the `Redactor` calls, the secrets the other detectors found, each of which becomes a
    /// marker. A word stops at one and nothing inside one is context: this sees the text as a
    /// second pass over the redacted output would, so that pass finds nothing new.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, boundaries: [Range<Int>], into candidates: inout [SecretCandidate]) {
        let n = bytes.count
        // Long words are rare and context words are not, so look for the words first and at a
        // line's context only when it holds one (each line at most once).
        var line = (start: 0, end: -1, hasContext: false)
        var next = 0  // the first boundary that ends after `i`
        var lastBoundaryEnd = -1
        Self.wordBytes.withTable { wordBytes in
            var i = 0
            while i < n {
                // Words shorter than `LongRun.minimum` are never judged a secret: go straight to
                // the start of the next run that long (`LongRun`), or to the end.
                let long = LongRun.first(in: bytes, from: i)
                if long > i {
                    var p = long
                    while p > i && wordBytes[Int(bytes[p - 1])] { p -= 1 }
                    i = p
                    guard i < n else { break }
                }
                while i < n && !wordBytes[Int(bytes[i])] { i += 1 }
                while next < boundaries.count && boundaries[next].upperBound <= i {
                    lastBoundaryEnd = boundaries[next].upperBound
                    next += 1
                }
                if next < boundaries.count && boundaries[next].lowerBound <= i {
                    i = boundaries[next].upperBound
                    continue
                }
                let limit = next < boundaries.count ? boundaries[next].lowerBound : n
                // Leading dashes are a flag's, not the secret's: with them in the find, a command
                // line that saw `--user -x…` (a flag after `--user`, so no value) saw a marker there
                // on a second pass, and took the rest of its word as the user and password.
                while i < limit && bytes[i] == UInt8(ascii: "-") { i += 1 }
                let s = i
                i = WordEnd.from(i, in: bytes, limit: limit, plus: true)
                // A provider-prefixed key needs no context (`PrefixedTokenDetector`); it is judged
                // here, where every word is looked at anyway, with the same markers around it.
                if i - s >= PrefixedTokenDetector.minimumLength,
                    let key = PrefixedTokenDetector.judge(bytes, s, i, before: s > 0 && s != lastBoundaryEnd ? bytes[s - 1] : nil,
                                                          after: i < limit ? bytes[i] : nil) {
                    candidates.append(key)
                    continue
                }
                var e = i
                while e < limit && bytes[e] == UInt8(ascii: "=") && e + 1 < limit && bytes[e + 1] == UInt8(ascii: "=") { e += 1 }
                i = e
                guard e - s >= 24, e - s <= 512 else { continue }
                // Next to a boundary the neighbour is a marker's bracket, not a path's `/` or `.`.
                let before: UInt8? = s > 0 && s != lastBoundaryEnd ? bytes[s - 1] : nil
                let after: UInt8? = e < limit ? bytes[e] : nil
                // The word first, then its line (once per line): most long words of a paste are
                // not random, and reading the line for a context word cost more than the word.
                guard isSecretLooking(bytes[s..<e], before, after, bytes, s, boundaries) else { continue }
                if s > line.end {
                    (line.start, line.end) = Self.line(around: s, e, bytes, boundaries, next)
                    line.hasContext = Self.hasContextWord(bytes, line.start, line.end, boundaries, near: next)
                }
                if line.hasContext {
                    candidates.append(SecretCandidate(start: s, end: e, kind: .highEntropySecret, detector: name))
                }
            }
        }
    }

    /// The bytes of a word: token bytes and `+` (base64).
    private static let wordBytes = ByteSet((0...255).filter { ByteClass.isTokenByte($0) || $0 == UInt8(ascii: "+") })

    /// The line holding the word `s..<e`, `next` being the first boundary after it. A boundary is
    /// passed over whole: a private key over several lines becomes a one-line marker, which
    /// joins the lines around it.
    private static func line(around s: Int, _ e: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ boundaries: [Range<Int>], _ next: Int) -> (Int, Int) {
        var start = s
        var k = next - 1
        while start > 0 {
            if k >= 0 && boundaries[k].upperBound == start {
                start = boundaries[k].lowerBound
                k -= 1
            } else if bytes[start - 1] == 0x0A {
                break
            } else {
                start -= 1
            }
        }
        var end = e
        k = next
        while end < bytes.count {
            if k < boundaries.count && boundaries[k].lowerBound == end {
                end = boundaries[k].upperBound
                k += 1
            } else if bytes[end] == 0x0A {
                break
            } else {
                end += 1
            }
        }
        return (start, end)
    }

    /// "token", "secret" or "password" in any case, starting outside a marker. `near`: a marker
    /// at or after the first that ends after `start`; the line is short, so walking back from
    /// it is cheaper than a binary search over all of them.
    private static func hasContextWord(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ markers: [Range<Int>],
                                       near: Int) -> Bool {
        var nextMarker = min(near, markers.count)
        while nextMarker > 0 && markers[nextMarker - 1].upperBound > start { nextMarker -= 1 }
        for p in start..<end {
            let b = ByteClass.lower(bytes[p])
            guard b == UInt8(ascii: "t") || b == UInt8(ascii: "s") || b == UInt8(ascii: "p") else { continue }
            while nextMarker < markers.count && markers[nextMarker].upperBound <= p { nextMarker += 1 }
            if nextMarker < markers.count && markers[nextMarker].lowerBound <= p { continue }
            if ByteClass.hasPrefixIgnoringCase(bytes, at: p, "token") || ByteClass.hasPrefixIgnoringCase(bytes, at: p, "secret")
                || ByteClass.hasPrefixIgnoringCase(bytes, at: p, "password") { return true }
        }
        return false
    }

    private func isSecretLooking(_ word: UnsafeBufferPointer<UInt8>.SubSequence, _ before: UInt8?, _ after: UInt8?,
                                 _ bytes: UnsafeBufferPointer<UInt8>, _ s: Int, _ markers: [Range<Int>]) -> Bool {
        // Part of a path, a host name or a digest: not a secret by itself.
        if before == UInt8(ascii: "/") || before == UInt8(ascii: ".") || before == UInt8(ascii: ":") { return false }
        if after == UInt8(ascii: "/") || after == UInt8(ascii: ".") { return false }
        if ValueShape.isUUID(word) { return false }
        // `…21xxxxxxxx…`: a placeholder here is one wherever it stands, so a value that a
        // specific detector left alone as a placeholder (`Bearer TQW~…xxxx…`) keeps its words.
        if ValueShape.isPlaceholder(word) { return false }
        var digits = 0, letters = 0
        for b in word {
            if ByteClass.isDigit(b) { digits += 1 } else if ByteClass.isAlphanumeric(b) { letters += 1 }
        }
        guard digits >= 2, letters >= 2 else { return false }
        // Hex words: 40 is a git SHA, 64 a container id or digest; a 32/48-hex or longer base64 word is
        // the gateway-token shape. Only the context word on the line made us look at all.
        if ValueShape.isAllHex(word) { return word.count != 40 && word.count != 64 || hasTokenWordRightBefore(bytes, s, markers) }
        return ValueShape.entropy(word) >= 3.5
    }

    /// "token 3f9a…", "token is 3f9a…", "token: 3f9a…": the word directly names what follows.
    private func hasTokenWordRightBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ s: Int, _ markers: [Range<Int>]) -> Bool {
        let from = max(0, s - 12)
        var k = from
        while k < s {
            if markers.overlaps(k, k + 1) {
                k += 1
                continue
            }
            if ByteClass.hasPrefixIgnoringCase(bytes, at: k, "token") || ByteClass.hasPrefixIgnoringCase(bytes, at: k, "secret") { return true }
            k += 1
        }
        return false
    }
}

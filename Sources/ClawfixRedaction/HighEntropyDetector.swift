/// The fallback: a long random-looking word on a line that talks about a secret ("my token is
/// 3f9a…", "bearer", "password") that no other detector claimed. It needs that context, so
/// container ids, `sha256:` digests, git SHAs and UUIDs in ordinary output never match.
public struct HighEntropyDetector: SecretDetector {
    public let name = "high-entropy"
    public let message = "a random-looking value next to the word token, secret or password"

    public init() {}

    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, into candidates: inout [SecretCandidate]) {
        let n = bytes.count
        // A marker's own words ("[gateway-token]") are not context: they were not in the paste.
        let markers = RedactionMarker.spans(in: bytes)
        var nextMarker = 0
        var lineStart = 0
        while lineStart < n {
            var lineEnd = lineStart
            var hasContext = false
            while lineEnd < n && bytes[lineEnd] != 0x0A {
                while nextMarker < markers.count && markers[nextMarker].upperBound <= lineEnd { nextMarker += 1 }
                let inMarker = nextMarker < markers.count && markers[nextMarker].lowerBound <= lineEnd
                let b = ByteClass.lower(bytes[lineEnd])
                if !hasContext && !inMarker && (b == UInt8(ascii: "t") || b == UInt8(ascii: "s") || b == UInt8(ascii: "p")) {
                    hasContext = ByteClass.hasPrefixIgnoringCase(bytes, at: lineEnd, "token")
                        || ByteClass.hasPrefixIgnoringCase(bytes, at: lineEnd, "secret")
                        || ByteClass.hasPrefixIgnoringCase(bytes, at: lineEnd, "password")
                }
                lineEnd += 1
            }
            if hasContext { scanLine(bytes, lineStart, lineEnd, markers, into: &candidates) }
            lineStart = lineEnd + 1
        }
    }

    private func scanLine(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ markers: [Range<Int>], into candidates: inout [SecretCandidate]) {
        var i = start
        while i < end {
            guard ByteClass.isTokenByte(bytes[i]) || bytes[i] == UInt8(ascii: "+") else {
                i += 1
                continue
            }
            var e = i
            while e < end && (ByteClass.isTokenByte(bytes[e]) || bytes[e] == UInt8(ascii: "+")) { e += 1 }
            while e < end && bytes[e] == UInt8(ascii: "=") && e + 1 < end && bytes[e + 1] == UInt8(ascii: "=") { e += 1 }
            let word = bytes[i..<e]
            if isSecretLooking(word, bytes, i, e, markers) {
                candidates.append(SecretCandidate(start: i, end: e, kind: .highEntropySecret, detector: name))
            }
            i = e
        }
    }

    private func isSecretLooking(_ word: UnsafeBufferPointer<UInt8>.SubSequence, _ bytes: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ markers: [Range<Int>]) -> Bool {
        guard word.count >= 24, word.count <= 512 else { return false }
        // Part of a path, a host name or a digest: not a secret by itself.
        if s > 0 && (bytes[s - 1] == UInt8(ascii: "/") || bytes[s - 1] == UInt8(ascii: ".") || bytes[s - 1] == UInt8(ascii: ":")) { return false }
        if e < bytes.count && (bytes[e] == UInt8(ascii: "/") || bytes[e] == UInt8(ascii: ".")) { return false }
        if ValueShape.isUUID(word) { return false }
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

/// Credentials in HTTP headers as they appear in logs, `curl -H '…'` lines and browser copies:
/// `Authorization: Bearer …`, `Authorization: Basic …`, `x-api-key: …` — and a bare
/// `Bearer …` wherever it is quoted.
public struct HeaderDetector: TriggeredDetector {
    public let name = "header"
    public let message = "a credential in an HTTP header (Authorization, x-api-key)"
    public let trigger = DetectorTrigger("b", "B", atWordStart: true)

    public func examine(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, into candidates: inout [SecretCandidate]) -> Int {
        guard ByteClass.isWordStart(bytes, i) else { return i + 1 }
        let schemeLength: Int
        if ByteClass.hasPrefixIgnoringCase(bytes, at: i, "bearer ") { schemeLength = 7 }
        else if ByteClass.hasPrefixIgnoringCase(bytes, at: i, "basic ") { schemeLength = 6 }
        else { return i + 1 }
        let n = bytes.count
        var s = i + schemeLength
        while s < n && bytes[s] == 0x20 { s += 1 }
        var e = s
        while e < n && (ByteClass.isBase64Byte(bytes[e]) || bytes[e] == UInt8(ascii: "-")
            || bytes[e] == UInt8(ascii: "_") || bytes[e] == UInt8(ascii: ".") || bytes[e] == UInt8(ascii: "~")) { e += 1 }
        let value = bytes[s..<e]
        // Prose such as "bearer token" is not a credential: require a digit or real length.
        if value.count >= 8, !ValueShape.isPlaceholder(value), value.contains(where: ByteClass.isDigit) {
            candidates.append(SecretCandidate(start: s, end: e, kind: .bearerToken, detector: name))
        }
        // The search goes on from the value, not after it: the value may be a scheme itself
        // (`Bearer Bearer eyJ…`, a token pasted with its scheme into a field that adds one), or
        // end in one (`Bearer xoxb-…/Bearer eyJ…`) whose own value a second pass would read once
        // a more specific find in this value is a marker.
        return s
    }
}

/// PEM and OpenSSH private keys: everything between `-----BEGIN … PRIVATE KEY-----` and the
/// matching `-----END … PRIVATE KEY-----`, over many lines or inside a JSON string with `\n`
/// escapes (a device identity file's `privateKeyPem`). The armour lines stay so the reader
/// still sees that a key was there; a block cut off before its END line goes to its last
/// base64 line.
public struct PrivateKeyBlockDetector: SecretDetector {
    public let name = "private-key"
    public let message = "a private key block"
    let trigger = DetectorTrigger("-----BEGIN ")
    let endLine = DetectorTrigger("-----END ")

    /// Not a `TriggeredDetector`: one fact carries over from one BEGIN line to the next.
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, into candidates: inout [SecretCandidate]) {
        let n = bytes.count
        // Once a search for `-----END` from some point failed, no later search can succeed:
        // remembering that keeps many unterminated BEGIN lines linear.
        var noEndAfter = Int.max
        trigger.forEach(in: bytes) { i in
            // Header: up to the closing dashes on the same line; must name a PRIVATE KEY.
            var h = i + 11
            var isPrivate = false
            while h < n && bytes[h] != 0x0A && !ByteClass.hasPrefix(bytes, at: h, "-----") {
                if bytes[h] == UInt8(ascii: "P"), ByteClass.hasPrefix(bytes, at: h, "PRIVATE KEY") { isPrivate = true }
                h += 1
            }
            guard isPrivate, ByteClass.hasPrefix(bytes, at: h, "-----") else { return h }
            let bodyStart = h + 5
            var bodyEnd = -1
            var resume = bodyStart
            if bodyStart < noEndAfter {
                if let e = endLine.first(in: bytes, from: bodyStart) {
                    bodyEnd = e
                    resume = e + 9
                } else {
                    noEndAfter = bodyStart
                }
            }
            if bodyEnd < 0 {
                // Unterminated: the body is the base64 (and `\n` escapes, newlines) that follows.
                var e = bodyStart
                while e < n && (ByteClass.isBase64Byte(bytes[e]) || bytes[e] == 0x0A || bytes[e] == UInt8(ascii: "\\")
                    || ByteClass.isSpace(bytes[e]) || bytes[e] == UInt8(ascii: "-")) { e += 1 }
                bodyEnd = e
                resume = e
            }
            // Trim whitespace and `\n` escapes on both ends so the armour keeps its own lines.
            var s = bodyStart
            var e = bodyEnd
            while s < e {
                if bytes[s] == 0x0A || ByteClass.isSpace(bytes[s]) { s += 1 }
                else if bytes[s] == UInt8(ascii: "\\") && s + 1 < e && bytes[s + 1] == UInt8(ascii: "n") { s += 2 }
                else { break }
            }
            while e > s {
                if bytes[e - 1] == 0x0A || ByteClass.isSpace(bytes[e - 1]) { e -= 1 }
                else if e - 2 >= s && bytes[e - 2] == UInt8(ascii: "\\") && bytes[e - 1] == UInt8(ascii: "n") { e -= 2 }
                else { break }
            }
            if e - s >= 16 && bytes[s] != UInt8(ascii: "[") {  // `[private-key …]`: already redacted
                candidates.append(SecretCandidate(start: s, end: e, kind: .privateKey, detector: name))
            }
            return resume
        }
    }
}

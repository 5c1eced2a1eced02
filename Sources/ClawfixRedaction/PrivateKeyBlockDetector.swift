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
        scan(bytes, boundaries: [], into: &candidates)
    }

    /// `boundaries`: sorted, disjoint spans that stand for markers — when the `Redactor` calls,
    /// the secrets the other detectors found. The blocks are those a second pass over the
    /// redacted text finds: a header, a body and an END line are read through a find as through
    /// its marker, which holds no dashes, line feed or `PRIVATE KEY`. A value such as
    /// `AIzaSyD-----BGIN` ended a header before its `PRIVATE KEY-----` on the first pass, and no
    /// longer did once it was a marker. A block that takes part of a boundary is not one (a
    /// second pass drops a find that overlaps a marker).
    ///
    /// Returns the headers turned down, each from its `-----BEGIN ` to where the reading
    /// stopped: only such a header can read differently once a find in it is a marker, so when
    /// no find falls in one the `Redactor` need not read them again.
    @discardableResult
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, boundaries: [Range<Int>], into candidates: inout [SecretCandidate]) -> [Range<Int>] {
        let n = bytes.count
        var turnedDown: [Range<Int>] = []
        // Once a search for `-----END` from some point failed, no later search can succeed:
        // remembering that keeps many unterminated BEGIN lines linear.
        var noEndAfter = Int.max
        trigger.forEach(in: bytes) { i in
            if !boundaries.isEmpty && boundaries.overlaps(i, i + 11) { return i + 1 }
            // Header: up to the closing dashes on the same line; must name a PRIVATE KEY.
            var h = i + 11
            var isPrivate = false
            var closed = false
            var next = boundaries.firstEnding(after: h)
            while h < n && bytes[h] != 0x0A {
                if next < boundaries.count && boundaries[next].lowerBound <= h {
                    h = boundaries[next].upperBound
                    next += 1
                    continue
                }
                let room = next < boundaries.count ? boundaries[next].lowerBound : n  // up to the next marker
                if h + 5 <= room && ByteClass.hasPrefix(bytes, at: h, "-----") {
                    closed = true
                    break
                }
                if bytes[h] == UInt8(ascii: "P"), h + 11 <= room, ByteClass.hasPrefix(bytes, at: h, "PRIVATE KEY") { isPrivate = true }
                h += 1
            }
            guard isPrivate, closed else {
                turnedDown.append(i..<min(n, h + 5))
                return h
            }
            let bodyStart = h + 5
            var bodyEnd = -1
            var resume = bodyStart
            if bodyStart < noEndAfter {
                if let e = endLine(in: bytes, from: bodyStart, boundaries) {
                    bodyEnd = e
                    resume = e + 9
                } else {
                    noEndAfter = bodyStart
                }
            }
            if bodyEnd < 0 {
                // Unterminated: the body is the base64 (and `\n` escapes, newlines) that follows,
                // up to the next marker (which starts with `[`).
                let k = boundaries.firstEnding(after: bodyStart)
                let limit = k < boundaries.count ? max(bodyStart, boundaries[k].lowerBound) : n
                var e = bodyStart
                while e < limit && (ByteClass.isBase64Byte(bytes[e]) || bytes[e] == 0x0A || bytes[e] == UInt8(ascii: "\\")
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
            if e - s >= 16 && bytes[s] != UInt8(ascii: "[") && (boundaries.isEmpty || !boundaries.overlaps(s, e)) {  // `[private-key …]`: already redacted
                candidates.append(SecretCandidate(start: s, end: e, kind: .privateKey, detector: name))
            }
            return resume
        }
        return turnedDown
    }

    /// The first `-----END ` at or after `from` that no boundary takes part of.
    private func endLine(in bytes: UnsafeBufferPointer<UInt8>, from: Int, _ boundaries: [Range<Int>]) -> Int? {
        var from = from
        while let e = endLine.first(in: bytes, from: from) {
            if boundaries.isEmpty || !boundaries.overlaps(e, e + 9) { return e }
            from = e + 1
        }
        return nil
    }
}

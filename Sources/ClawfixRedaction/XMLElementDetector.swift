#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A secret as the text of an XML element whose name says it is one: `<password>…</password>`
/// (Maven `settings.xml`, Tomcat, .NET config), `<apiKey>…</apiKey>`, also with the value on its
/// own line between the tags. The closing tag must match, so prose with `<token>` in it stays.
public struct XMLElementDetector: TriggeredDetector {
    public let name = "xml-element"
    public let message = "a secret inside an XML element (<password>, <apiKey>, <token>)"
    public let trigger = DetectorTrigger("<")

    public func examine(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, into candidates: inout [SecretCandidate]) -> Int {
        let n = bytes.count
        let nameStart = i + 1
        var nameEnd = nameStart
        while nameEnd < n && ByteClass.isKeyByte(bytes[nameEnd]) && nameEnd - nameStart < 64 { nameEnd += 1 }
        guard nameEnd > nameStart, nameEnd < n, bytes[nameEnd] == UInt8(ascii: ">"),
            let kind = KeyName.secretKind(bytes[nameStart..<nameEnd])
        else { return i + 1 }
        // The text runs to the next `<`, which must open the matching end tag.
        // `memchr`: the next `<` may be far (an XML-looking name in prose), and a byte loop to it
        // read the rest of the paste again for each.
        var close = n
        if nameEnd + 1 < n, let base = bytes.baseAddress,
            let found = memchr(base + nameEnd + 1, Int32(UInt8(ascii: "<")), n - nameEnd - 1) {
            close = UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }
        guard ByteClass.hasPrefix(bytes, at: close, "</"), close + 2 + (nameEnd - nameStart) < n,
            (0..<(nameEnd - nameStart)).allSatisfy({ bytes[close + 2 + $0] == bytes[nameStart + $0] }),
            bytes[close + 2 + (nameEnd - nameStart)] == UInt8(ascii: ">")
        else { return close }
        var s = nameEnd + 1
        var e = close
        while s < e && (ByteClass.isSpace(bytes[s]) || bytes[s] == 0x0A) { s += 1 }
        while e > s && (ByteClass.isSpace(bytes[e - 1]) || bytes[e - 1] == 0x0A) { e -= 1 }
        guard e - s >= 3, !ValueShape.isPlaceholder(bytes[s..<e]), !ByteClass.hasPrefix(bytes, at: s, "-----BEGIN") else { return close }
        candidates.append(SecretCandidate(start: s, end: e, kind: kind, detector: name))
        return close
    }
}

/// Microsoft Entra ID (Azure AD) application client secrets: since 2020 they are 40 characters,
/// three of `[A-Za-z0-9_~.]`, a digit, `Q~`, then 31–34 of `[A-Za-z0-9_~.-]`. The `~` and `.`
/// split them into several words for every other detector, so they get one of their own.
public struct AzureClientSecretDetector: TriggeredDetector {
    public let name = "azure-client-secret"
    public let message = "a Microsoft Entra ID (Azure AD) client secret"
    public let trigger = DetectorTrigger("Q~")

    public func examine(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, into candidates: inout [SecretCandidate]) -> Int {
        let start = i - 4
        guard start >= 0, ByteClass.isDigit(bytes[i - 1]),
            (start..<(i - 1)).allSatisfy({ Self.isSecretByte(bytes[$0]) && bytes[$0] != UInt8(ascii: "-") }),
            start == 0 || !Self.isSecretByte(bytes[start - 1])
        else { return i + 1 }
        let bodyStart = i + 2
        var end = bodyStart
        while end < bytes.count && Self.isSecretByte(bytes[end]) && end - bodyStart <= 35 { end += 1 }
        // A body cut short by a marker is none: on the first pass, what the marker replaced was
        // read as body too (`~` and `.` split it into words, so the fallback or the memory can
        // take a word in the middle of it), and a body too long then must not fit now.
        if end < bytes.count && bytes[end] == UInt8(ascii: "["), RedactionMarker.markerEnd(bytes, from: end) != nil { return end }
        // A sentence may end right after the secret: its full stop is not part of it.
        if end - bodyStart > 31 && bytes[end - 1] == UInt8(ascii: ".") && (end == bytes.count || !Self.isSecretByte(bytes[end])) { end -= 1 }
        guard (31...34).contains(end - bodyStart), end == bytes.count || !Self.isSecretByte(bytes[end]) || bytes[end] == UInt8(ascii: ".")
        else { return end }
        candidates.append(SecretCandidate(start: start, end: end, kind: .azureClientSecret, detector: name))
        return end
    }

    @inline(__always) private static func isSecretByte(_ b: UInt8) -> Bool {
        ByteClass.isTokenByte(b) || b == UInt8(ascii: "~") || b == UInt8(ascii: ".")
    }
}

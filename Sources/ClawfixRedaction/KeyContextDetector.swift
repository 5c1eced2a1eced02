/// Values whose key says they are secret: `OPENCLAW_GATEWAY_TOKEN=…` (env, `.env`, docker
/// `Config.Env`), `token: …` (YAML), `"token": "…"` (JSON, JSON5), `--token …` and
/// `--password=…` (CLI flags). The key decides, so a low-entropy value such as `topsecretomer`
/// or `123456` goes too, and a 64-hex gateway token goes while a 64-hex container id stays.
public struct KeyContextDetector: SecretDetector {
    public let name = "key-context"
    public let message = "a value stored under a key that names a secret (token, secret, password, key, auth)"
    /// The separators: `KEY=value`, `key: value`, `--flag value`.
    let trigger = DetectorTrigger("=", ":", " ")

    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, into candidates: inout [SecretCandidate]) {
        var ends = ValueEnds(bytes: bytes)
        trigger.forEach(in: bytes) { sep in
            // Most hits are spaces between words: only a word that can end a secret key name matters.
            guard sep > 0, bytes[sep] != 0x20 || Self.canEndKeyName(bytes[sep - 1]) else { return sep + 1 }
            guard let found = value(after: sep, in: bytes, &ends) else { return sep + 1 }
            candidates.append(SecretCandidate(start: found.start, end: found.end, kind: found.kind, detector: name))
            // Keys inside the value are looked at too: when another detector's earlier find
            // overlaps this value, the value is dropped, and a secret after a nested key must not
            // go with it (the second pass, which sees a marker there, would find it).
            return found.start
        }
    }

    /// The secret value following the separator at `sep`, when the key before it names a secret.
    private func value(after sep: Int, in bytes: UnsafeBufferPointer<UInt8>, _ ends: inout ValueEnds) -> (start: Int, end: Int, kind: SecretKind)? {
        let n = bytes.count
        let separator = bytes[sep]
        // Walk back over an optional closing quote and spaces (`"token" : `), then the key.
        var keyEnd = sep
        if separator != UInt8(ascii: " ") {
            while keyEnd > 0 && ByteClass.isSpace(bytes[keyEnd - 1]) && sep - keyEnd < 4 { keyEnd -= 1 }
            if keyEnd > 0 && (bytes[keyEnd - 1] == UInt8(ascii: "\"") || bytes[keyEnd - 1] == UInt8(ascii: "'")) { keyEnd -= 1 }
        }
        // Cheap filter before walking back over the key.
        guard keyEnd > 0, Self.canEndKeyName(bytes[keyEnd - 1]) else { return nil }
        var keyStart = keyEnd
        while keyStart > 0 && ByteClass.isKeyByte(bytes[keyStart - 1]) && keyEnd - keyStart < 96 { keyStart -= 1 }
        if separator == UInt8(ascii: " ") {
            // Only a CLI flag takes its value after a space: `--token abc`.
            // Or `openclaw config set gateway.auth.token abc`.
            let isFlag = bytes[keyStart] == UInt8(ascii: "-") && keyEnd - keyStart > 2
            let isConfigSet = keyStart >= 4 && ByteClass.hasPrefix(bytes, at: keyStart - 4, "set ")
                && bytes[keyStart..<keyEnd].contains(UInt8(ascii: "."))
            guard isFlag || isConfigSet else { return nil }
        }
        if separator == UInt8(ascii: "=") && sep + 1 < n && bytes[sep + 1] == UInt8(ascii: "=") { return nil }
        guard let kind = KeyName.secretKind(bytes[keyStart..<keyEnd]) else { return nil }

        // The value: quoted up to the matching quote on the same line, or a bare word.
        var start = sep + 1
        while start < n && ByteClass.isSpace(bytes[start]) { start += 1 }
        guard start < n else { return nil }
        var end: Int
        let opening = bytes[start]
        if opening == UInt8(ascii: "\"") || opening == UInt8(ascii: "'") || opening == UInt8(ascii: "`") {
            start += 1
            end = start
            while end < n && bytes[end] != opening && bytes[end] != 0x0A {
                if bytes[end] == UInt8(ascii: "\\") && end + 1 < n && bytes[end + 1] != 0x0A { end += 2 } else { end += 1 }
            }
            end = min(end, n)
        } else {
            // A trailing comma or semicolon belongs to the syntax around the value.
            end = max(start, ends.trimmedBareEnd(from: start))
        }
        var value = bytes[start..<end]
        var resultKind = kind
        // `Authorization: Bearer abc`: the scheme is not the secret, the word after it is.
        if kind.isHeaderLike, let scheme = Self.authScheme(value) {
            var s = start + scheme
            while s < end && ByteClass.isSpace(bytes[s]) { s += 1 }
            guard s < end else { return nil }
            let e = min(end, ends.space(from: s))
            value = bytes[s..<e]
            start = s
            end = e
            resultKind = .bearerToken
        } else if opening != UInt8(ascii: "\"") && opening != UInt8(ascii: "'") {
            // An unquoted value ends at the first space.
            end = min(end, ends.space(from: start))
            value = bytes[start..<end]
        }
        guard value.count >= 3, !ValueShape.isPlaceholder(value) else { return nil }
        if ByteClass.hasPrefix(bytes, at: start, "-----BEGIN") { return nil }  // PrivateKeyBlockDetector's
        if kind.isHeaderLike && Self.authModes.contains(where: { $0.count == value.count && zip(value, $0).allSatisfy { ByteClass.lower($0) == $1 } }) {
            return nil  // `--auth token`, `auth: password` name a mode
        }
        if value.first == UInt8(ascii: "/") || value.starts(with: "~/".utf8) || value.starts(with: "./".utf8) { return nil }
        return (start, end, resultKind)
    }

    /// Every secret key name (`KeyName`) ends in one of these letters.
    @inline(__always) private static func canEndKeyName(_ b: UInt8) -> Bool {
        switch ByteClass.lower(b) {
        case UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "d"), UInt8(ascii: "y"), UInt8(ascii: "h"),
            UInt8(ascii: "m"), UInt8(ascii: "s"), UInt8(ascii: "l"):
            return true
        default: return false
        }
    }

    private static let authModes = ["token", "password", "none", "trusted-proxy", "device"].map { Array($0.utf8) }

    fileprivate static func endsBareValue(_ b: UInt8) -> Bool {
        switch b {
        case 0x0A, UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "&"), UInt8(ascii: "#"), UInt8(ascii: ")"),
            UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ">"), UInt8(ascii: "`"), UInt8(ascii: "<"):
            return true
        default: return false
        }
    }

    /// Length of a leading `Bearer`/`Basic`/`Token` scheme word followed by a space.
    static func authScheme(_ v: UnsafeBufferPointer<UInt8>.SubSequence) -> Int? {
        for s in schemes where v.count > s.count && zip(v.prefix(s.count), s).allSatisfy({ ByteClass.lower($0) == $1 }) {
            return s.count - 1
        }
        return nil
    }

    private static let schemes = ["bearer ", "basic ", "token ", "bot "].map { Array($0.utf8) }
}

/// Where bare values and words end. Nested keys make values overlap (`token=a token=b …`), so
/// each answer is kept for the next value that ends at the same place: every byte is read a
/// bounded number of times, however many values share it.
private struct ValueEnds {
    let bytes: UnsafeBufferPointer<UInt8>
    /// No bare-value terminator in `from..<at`; `at` is one, or the end of the input.
    private var terminator = (from: 0, at: -1)
    /// The same for a space or tab.
    private var space = (from: 0, at: -1)
    /// For the terminator at `end`: where the commas and semicolons before it begin.
    private var trimmed = (end: -1, at: 0)

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The end of a bare value starting at `start`, before any trailing `,` or `;` (at least `start`).
    mutating func trimmedBareEnd(from start: Int) -> Int {
        if !(terminator.from <= start && start <= terminator.at) {
            var e = start
            while e < bytes.count && !KeyContextDetector.endsBareValue(bytes[e]) { e += 1 }
            terminator = (start, e)
        }
        let end = terminator.at
        if trimmed.end != end {
            var t = end
            while t > 0 && (bytes[t - 1] == UInt8(ascii: ",") || bytes[t - 1] == UInt8(ascii: ";")) { t -= 1 }
            trimmed = (end, t)
        }
        return trimmed.at
    }

    /// The first space or tab at or after `start`, or the end of the input.
    mutating func space(from start: Int) -> Int {
        if !(space.from <= start && start <= space.at) {
            var e = start
            while e < bytes.count && !ByteClass.isSpace(bytes[e]) { e += 1 }
            space = (start, e)
        }
        return space.at
    }
}

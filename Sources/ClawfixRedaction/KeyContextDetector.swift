/// Values whose key says they are secret: `OPENCLAW_GATEWAY_TOKEN=…` (env, `.env`, docker
/// `Config.Env`), `token: …` (YAML), `"token": "…"` (JSON, JSON5), `--token …` and
/// `--password=…` (CLI flags). The key decides, so a low-entropy value such as `topsecretomer`
/// or `123456` goes too, and a 64-hex gateway token goes while a 64-hex container id stays.
public struct KeyContextDetector: SecretDetector {
    public let name = "key-context"
    public let message = "a value stored under a key that names a secret (token, secret, password, key, auth)"

    public init() {}

    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, into candidates: inout [SecretCandidate]) {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            guard b == UInt8(ascii: "=") || b == UInt8(ascii: ":") || b == UInt8(ascii: " ") else {
                i += 1
                continue
            }
            if let found = value(after: i, in: bytes) {
                candidates.append(SecretCandidate(start: found.start, end: found.end, kind: found.kind, detector: name))
                i = max(found.end, i + 1)
            } else {
                i += 1
            }
        }
    }

    /// The secret value following the separator at `sep`, when the key before it names a secret.
    private func value(after sep: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int, kind: SecretKind)? {
        let n = bytes.count
        let separator = bytes[sep]
        // Walk back over an optional closing quote and spaces (`"token" : `), then the key.
        var keyEnd = sep
        if separator != UInt8(ascii: " ") {
            while keyEnd > 0 && ByteClass.isSpace(bytes[keyEnd - 1]) && sep - keyEnd < 4 { keyEnd -= 1 }
            if keyEnd > 0 && (bytes[keyEnd - 1] == UInt8(ascii: "\"") || bytes[keyEnd - 1] == UInt8(ascii: "'")) { keyEnd -= 1 }
        }
        var keyStart = keyEnd
        while keyStart > 0 && ByteClass.isKeyByte(bytes[keyStart - 1]) && keyEnd - keyStart < 96 { keyStart -= 1 }
        guard keyStart < keyEnd else { return nil }
        if separator == UInt8(ascii: " ") {
            // Only a CLI flag takes its value after a space: `--token abc`.
            // Or `openclaw config set gateway.auth.token abc`.
            let isFlag = bytes[keyStart] == UInt8(ascii: "-") && keyEnd - keyStart > 2
            let isConfigSet = keyStart >= 4 && ByteClass.hasPrefix(bytes, at: keyStart - 4, "set ")
                && bytes[keyStart..<keyEnd].contains(UInt8(ascii: "."))
            guard isFlag || isConfigSet else { return nil }
        }
        if separator == UInt8(ascii: "=") && sep + 1 < n && bytes[sep + 1] == UInt8(ascii: "=") { return nil }
        // Cheap filter before any allocation: every secret key name ends in one of these letters.
        switch ByteClass.lower(bytes[keyEnd - 1]) {
        case UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "d"), UInt8(ascii: "y"), UInt8(ascii: "h"),
            UInt8(ascii: "m"), UInt8(ascii: "s"), UInt8(ascii: "l"):
            break
        default: return nil
        }
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
            end = start
            while end < n && !Self.endsBareValue(bytes[end]) { end += 1 }
            // A trailing comma or semicolon belongs to the syntax around the value.
            while end > start && (bytes[end - 1] == UInt8(ascii: ",") || bytes[end - 1] == UInt8(ascii: ";")) { end -= 1 }
        }
        var value = bytes[start..<end]
        var resultKind = kind
        // `Authorization: Bearer abc`: the scheme is not the secret, the word after it is.
        if kind.isHeaderLike, let scheme = Self.authScheme(value) {
            var s = start + scheme
            while s < end && ByteClass.isSpace(bytes[s]) { s += 1 }
            guard s < end else { return nil }
            var e = s
            while e < end && !ByteClass.isSpace(bytes[e]) { e += 1 }
            value = bytes[s..<e]
            start = s
            end = e
            resultKind = .bearerToken
        } else if opening != UInt8(ascii: "\"") && opening != UInt8(ascii: "'") {
            // An unquoted value ends at the first space.
            var e = start
            while e < end && !ByteClass.isSpace(bytes[e]) { e += 1 }
            end = e
            value = bytes[start..<end]
        }
        guard value.count >= 3, !ValueShape.isPlaceholder(value) else { return nil }
        if ByteClass.hasPrefix(bytes, at: start, "-----BEGIN") { return nil }  // PrivateKeyBlockDetector's
        if kind.isHeaderLike && ["token", "password", "none", "trusted-proxy", "device"].contains(String(decoding: value, as: UTF8.self).lowercased()) {
            return nil  // `--auth token`, `auth: password` name a mode
        }
        if value.first == UInt8(ascii: "/") || value.starts(with: "~/".utf8) || value.starts(with: "./".utf8) { return nil }
        return (start, end, resultKind)
    }

    private static func endsBareValue(_ b: UInt8) -> Bool {
        switch b {
        case 0x0A, UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "&"), UInt8(ascii: "#"), UInt8(ascii: ")"),
            UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ">"), UInt8(ascii: "`"), UInt8(ascii: "<"):
            return true
        default: return false
        }
    }

    /// Length of a leading `Bearer`/`Basic`/`Token` scheme word followed by a space.
    static func authScheme(_ v: UnsafeBufferPointer<UInt8>.SubSequence) -> Int? {
        for scheme in ["bearer ", "basic ", "token ", "bot "] {
            let s = Array(scheme.utf8)
            if v.count > s.count && zip(v.prefix(s.count), s).allSatisfy({ ByteClass.lower($0) == $1 }) {
                return s.count - 1
            }
        }
        return nil
    }
}

/// Which key names mark a secret, and which kind the value is.
enum KeyName {
    /// Suffixes of the key's last segment (lowercased, letters and digits only) that name a secret.
    private static let suffixes = [
        "token", "secret", "password", "passwd", "apikey", "accesskey", "secretkey", "privatekey", "privatekeypem",
        "authkey", "signingkey", "clientsecret", "auth", "authorization", "credentials", "credential", "xapikey",
    ]

    static func secretKind(_ key: UnsafeBufferPointer<UInt8>.SubSequence) -> SecretKind? {
        // Last segment of a dotted path decides: `gateway.auth.token` → `token`, `gateway.auth.mode` → `mode`.
        var segmentStart = key.startIndex
        for k in key.indices where key[k] == UInt8(ascii: ".") { segmentStart = k + 1 }
        let normalized = key[segmentStart...].filter(ByteClass.isAlphanumeric).map(ByteClass.lower)
        let last = String(decoding: normalized, as: UTF8.self)
        guard !last.isEmpty, suffixes.contains(where: { last.hasSuffix($0) }) else { return nil }
        if last.hasPrefix("public") || last.hasSuffix("maxtoken") { return nil }
        let whole = String(decoding: key.filter(ByteClass.isAlphanumeric).map(ByteClass.lower), as: UTF8.self)
        if last.hasSuffix("privatekey") || last.hasSuffix("privatekeypem") { return .deviceIdentityKey }
        if last.hasSuffix("devicetoken") { return .deviceToken }
        if whole.contains("aws") && whole.contains("secret") { return .awsSecretKey }
        if last.hasSuffix("password") || last.hasSuffix("passwd") {
            return whole.contains("gateway") ? .gatewayPassword : .password
        }
        if last == "authorization" || last == "auth" { return .authHeaderLike }
        if whole.contains("gateway") || last == "token" || last == "accesstoken" && whole.contains("openclaw") {
            return .gatewayToken
        }
        if last.hasSuffix("bottoken") && whole.contains("discord") { return .discordBotToken }
        if last.hasSuffix("bottoken") && whole.contains("telegram") { return .telegramBotToken }
        return .genericSecret
    }
}

extension SecretKind {
    /// Internal marker kind for `Authorization`/`auth` keys; resolved to `bearerToken` or `genericSecret`.
    static let authHeaderLike = SecretKind(rawValue: "secret")
    var isHeaderLike: Bool { self == .genericSecret }
}

/// Which key names mark a secret, and which kind the value is.
enum KeyName {
    /// Suffixes of the key's last segment (lowercased, letters and digits only) that name a secret.
    private static let suffixes = [
        "token", "secret", "password", "passwd", "apikey", "accesskey", "secretkey", "privatekey", "privatekeypem",
        "authkey", "signingkey", "clientsecret", "auth", "authorization", "credentials", "credential", "xapikey",
        // Azure connection strings: `AccountKey=…` (`SharedAccessKey=…` ends in `accesskey`; in a
        // `SharedAccessSignature=sv=…&sig=…` only `sig` is secret);
        // ODBC and SQL Server: `Pwd=…`; PGP and SSH: `passphrase`.
        "accountkey", "pwd", "passphrase",
    ].map { Array($0.utf8) }

    /// `suffixes` by their last byte, so a key is compared with the two or so that could match.
    private static let suffixesByLastByte: [[[UInt8]]] = (0..<256).map { b in suffixes.filter { Int($0.last!) == b } }

    /// True when the key's last dotted segment, lowercased and without non-alphanumerics, ends with `suffix`.
    private static func lastSegment(of key: UnsafeBufferPointer<UInt8>.SubSequence, endsWith suffix: [UInt8]) -> Bool {
        var k = key.endIndex
        var s = suffix.count
        while s > 0 {
            guard k > key.startIndex else { return false }
            k -= 1
            let b = key[k]
            if b == UInt8(ascii: ".") { return false }
            guard ByteClass.isAlphanumeric(b) else { continue }
            s -= 1
            if ByteClass.lower(b) != suffix[s] { return false }
        }
        return true
    }

    static func secretKind(_ fullKey: UnsafeBufferPointer<UInt8>.SubSequence) -> SecretKind? {
        // `sig` alone: the signature of an Azure SAS URL or connection string (`…&sig=…`).
        if fullKey.count == 3, ByteClass.lower(fullKey[fullKey.startIndex]) == UInt8(ascii: "s"),
            ByteClass.lower(fullKey[fullKey.startIndex + 1]) == UInt8(ascii: "i"), ByteClass.lower(fullKey[fullKey.startIndex + 2]) == UInt8(ascii: "g") {
            return .genericSecret
        }
        let key = withoutQualifier(fullKey)
        // Nearly every key in a paste (`Hostname`, `remote`, `PATH`) names no secret: say so
        // without building a string.
        guard let lastLetter = key.last(where: ByteClass.isAlphanumeric).map(ByteClass.lower),
            suffixesByLastByte[Int(lastLetter)].contains(where: { lastSegment(of: key, endsWith: $0) })
        else { return nil }
        // Last segment of a dotted path decides: `gateway.auth.token` → `token`, `gateway.auth.mode` → `mode`.
        // Dots are dropped in normalizing, so the last segment is a suffix of the whole key.
        var wholeBytes: [UInt8] = []
        wholeBytes.reserveCapacity(key.count)
        var lastStart = 0
        for b in key {
            if b == UInt8(ascii: ".") { lastStart = wholeBytes.count }
            if ByteClass.isAlphanumeric(b) { wholeBytes.append(ByteClass.lower(b)) }
        }
        let whole = Normalized(bytes: wholeBytes[...])
        let last = Normalized(bytes: wholeBytes[lastStart...])
        guard !last.bytes.isEmpty else { return nil }
        if last.hasPrefix("public") || last.hasSuffix("maxtoken") { return nil }
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

    /// The key without an index or an environment after its name: several secrets of one kind
    /// are numbered (`DB_PASSWORD_0`, `SECRET_KEY_2`, `password2`) or kept per stage
    /// (`API_KEY_PROD`, `SECRET_KEY_BASE`). A path or file qualifier (`TOKEN_FILE`) is not one of
    /// these: that value names where the secret is.
    static func withoutQualifier(_ key: UnsafeBufferPointer<UInt8>.SubSequence) -> UnsafeBufferPointer<UInt8>.SubSequence {
        var end = key.endIndex
        var digits = 0
        while end > key.startIndex && ByteClass.isDigit(key[end - 1]) && digits < 4 { end -= 1; digits += 1 }
        if digits == 0 {
            for q in qualifiers where end - key.startIndex > q.count + 1 {
                let s = end - q.count
                if (0..<q.count).allSatisfy({ ByteClass.lower(key[s + $0]) == q[$0] }),
                    key[s - 1] == UInt8(ascii: "_") || key[s - 1] == UInt8(ascii: "-") {
                    end = s
                    break
                }
            }
        }
        if end < key.endIndex && end > key.startIndex && (key[end - 1] == UInt8(ascii: "_") || key[end - 1] == UInt8(ascii: "-")) { end -= 1 }
        // Nothing but the qualifier, or a name like `sha256`: the key as it was.
        guard end > key.startIndex, ByteClass.isAlphanumeric(key[end - 1]) else { return key }
        return key[key.startIndex..<end]
    }

    private static let qualifiers = ["prod", "production", "dev", "development", "staging", "stage", "test", "live", "base",
                                     "old", "new", "primary", "secondary"].map { Array($0.utf8) }

    /// A key lowercased with everything but letters and digits dropped (`OPENCLAW_GATEWAY_TOKEN`
    /// → `openclawgatewaytoken`), compared as bytes: `String.contains` goes through Foundation.
    private struct Normalized {
        let bytes: ArraySlice<UInt8>

        func hasPrefix(_ s: StaticString) -> Bool { matches(s, at: bytes.startIndex) }
        func hasSuffix(_ s: StaticString) -> Bool { matches(s, at: bytes.endIndex - s.utf8CodeUnitCount) }
        func contains(_ s: StaticString) -> Bool {
            bytes.count >= s.utf8CodeUnitCount
                && (bytes.startIndex...(bytes.endIndex - s.utf8CodeUnitCount)).contains { matches(s, at: $0) }
        }
        static func == (lhs: Normalized, rhs: StaticString) -> Bool {
            lhs.bytes.count == rhs.utf8CodeUnitCount && lhs.matches(rhs, at: lhs.bytes.startIndex)
        }
        private func matches(_ s: StaticString, at offset: Int) -> Bool {
            guard offset >= bytes.startIndex, offset + s.utf8CodeUnitCount <= bytes.endIndex else { return false }
            return (0..<s.utf8CodeUnitCount).allSatisfy { bytes[offset + $0] == s.utf8Start[$0] }
        }
    }
}

extension SecretKind {
    /// Internal marker kind for `Authorization`/`auth` keys; resolved to `bearerToken` or `genericSecret`.
    static let authHeaderLike = SecretKind(rawValue: "secret")
    var isHeaderLike: Bool { self == .genericSecret }
}

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

    /// The last three letters of every secret key name and of every qualifier, packed five bits
    /// a letter (`trigramCode`): a key whose end is not among them names no secret, which the
    /// scans learn from a table lookup before they walk back over the key.
    static let endings: [Bool] = {
        var table = [Bool](repeating: false, count: 1 << 15)
        for word in suffixes + qualifiers + [Array("sig".utf8)] {
            let letters = word.filter { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }.suffix(3)
            guard letters.count == 3 else { continue }
            table[letters.reversed().enumerated().reduce(0) { $0 | Int($1.element - 0x60) << (5 * $1.offset) }] = true
        }
        // Entries 0–127 hold no trigram (each needs three letters, so a code of at least 1 << 10):
        // they answer whether a byte can end a key, for `mayEnd`'s first look.
        for word in suffixes + qualifiers + [Array("sig".utf8)] { table[Int(word.last!)] = true }
        for digit in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(digit)] = true }
        table[Int(UInt8(ascii: "_"))] = true
        table[Int(UInt8(ascii: "-"))] = true
        return table
    }()

    /// True when the key ending at `end` may name a secret: its last three letters, past an
    /// index (`DB_PASSWORD_0`) and `_`/`-`, are in `endings`.
    @inline(__always) static func mayEnd(_ bytes: UnsafeBufferPointer<UInt8>, at end: Int, endings: UnsafeBufferPointer<Bool>) -> Bool {
        // Most words end in a letter no key name ends in: one lookup of the last byte, in the
        // table's unused low entries (a code with a zero in its last letter is never set).
        guard end > 0, endings[Int(ByteClass.lower(bytes[end - 1]) & 0x7F)] else { return false }
        var k = end - 1
        var digits = 0
        while k >= 0 && ByteClass.isDigit(bytes[k]) && digits < 4 { k -= 1; digits += 1 }
        var code = 0
        var letters = 0
        while k >= 0 && letters < 3 && end - k <= 12 {
            let b = ByteClass.lower(bytes[k])
            if b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") {
                code |= Int(b - 0x60) << (5 * letters)
                letters += 1
            } else if b != UInt8(ascii: "_") && b != UInt8(ascii: "-") {
                break
            }
            k -= 1
        }
        return letters == 3 && endings[code]
    }

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
        if let kind = kind(of: fullKey) { return kind }
        let key = withoutQualifier(fullKey)
        return key.count == fullKey.count ? nil : kind(of: key)
    }

    private static func kind(of key: UnsafeBufferPointer<UInt8>.SubSequence) -> SecretKind? {
        // Nearly every key in a paste (`Hostname`, `remote`, `PATH`) names no secret: say so
        // without building a string.
        guard let lastLetter = key.last(where: ByteClass.isAlphanumeric).map(ByteClass.lower),
            suffixesByLastByte[Int(lastLetter)].contains(where: { lastSegment(of: key, endsWith: $0) })
        else { return nil }
        // Last segment of a dotted path decides: `gateway.auth.token` → `token`, `gateway.auth.mode` → `mode`.
        // Dots are dropped in normalizing, so the last segment is a suffix of the whole key.
        // On the stack: this runs for every key that ends like a secret's.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: key.count) { buffer -> SecretKind? in
            var count = 0
            var lastStart = 0
            // Without a branch on the byte: `_` and `.` in keys made them mispredict.
            for b in key {
                lastStart = b == UInt8(ascii: ".") ? count : lastStart
                buffer[count] = ByteClass.lower(b)
                count &+= ByteClass.isAlphanumeric(b) ? 1 : 0
            }
            let wholeBytes = UnsafeBufferPointer(rebasing: buffer[0..<count])
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
    }

    /// The key without an index or an environment after its name: several secrets of one kind
    /// are numbered (`DB_PASSWORD_0`, `SECRET_KEY_2`, `password2`) or kept per stage
    /// (`API_KEY_PROD`, `SECRET_KEY_BASE`, `TOKEN_STAGING`). A path or file qualifier (`TOKEN_FILE`) is not one of
    /// these: that value names where the secret is.
    static func withoutQualifier(_ key: UnsafeBufferPointer<UInt8>.SubSequence) -> UnsafeBufferPointer<UInt8>.SubSequence {
        var end = key.endIndex
        var digits = 0
        while end > key.startIndex && ByteClass.isDigit(key[end - 1]) && digits < 4 { end -= 1; digits += 1 }
        if digits == 0 {
            // The letters after the last `_` or `-`, when they are a qualifier.
            var s = end
            while s > key.startIndex && end - s <= 11 && ByteClass.isAlphanumeric(key[s - 1]) { s -= 1 }
            guard s - key.startIndex >= 2, key[s - 1] == UInt8(ascii: "_") || key[s - 1] == UInt8(ascii: "-"),
                qualifiers.contains(where: { q in q.count == end - s && (0..<q.count).allSatisfy { ByteClass.lower(key[s + $0]) == q[$0] } })
            else { return key }
            end = s
        }
        if end < key.endIndex && end > key.startIndex && (key[end - 1] == UInt8(ascii: "_") || key[end - 1] == UInt8(ascii: "-")) { end -= 1 }
        // Nothing but the qualifier, or a name like `sha256`: the key as it was.
        guard end > key.startIndex, ByteClass.isAlphanumeric(key[end - 1]) else { return key }
        return key[key.startIndex..<end]
    }

    private static let qualifiers = ["prod", "dev", "staging", "test", "live", "base", "old", "new"].map { Array($0.utf8) }

    /// A key lowercased with everything but letters and digits dropped (`OPENCLAW_GATEWAY_TOKEN`
    /// → `openclawgatewaytoken`), compared as bytes: `String.contains` goes through Foundation.
    private struct Normalized {
        let bytes: UnsafeBufferPointer<UInt8>.SubSequence

        @inline(__always) func hasPrefix(_ s: StaticString) -> Bool { matches(s, at: bytes.startIndex) }
        @inline(__always) func hasSuffix(_ s: StaticString) -> Bool { matches(s, at: bytes.endIndex - s.utf8CodeUnitCount) }
        @inline(__always) func contains(_ s: StaticString) -> Bool {
            let count = s.utf8CodeUnitCount
            guard bytes.count >= count else { return false }
            // Compared in full only where the first letter is.
            let first = s.utf8Start[0]
            for at in bytes.startIndex...(bytes.endIndex - count) where bytes[at] == first && matches(s, at: at) { return true }
            return false
        }
        @inline(__always) static func == (lhs: Normalized, rhs: StaticString) -> Bool {
            lhs.bytes.count == rhs.utf8CodeUnitCount && lhs.matches(rhs, at: lhs.bytes.startIndex)
        }
        @inline(__always) private func matches(_ s: StaticString, at offset: Int) -> Bool {
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

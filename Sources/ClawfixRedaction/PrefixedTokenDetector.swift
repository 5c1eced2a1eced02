/// Keys of providers clawfix has no rule for, known by the shape most providers now give them: a
/// short lowercase prefix that names the provider and the key type, an underscore, then a random
/// body — `lsv2_pt_…` (LangSmith), `api_org_…` (Hugging Face), `fo1_…` (Fly.io), `npm_…`,
/// `dop_v1_…`, `shpat_…`, `rk_live_…`. (A hyphen after the prefix is also a word joiner in
/// container and host names, so `glpat-…`-style keys are left to their own rules.) A rule on the shape instead of a list, so next year's
/// provider is covered too.
///
/// What keeps ordinary words out: the body must hold a run of 16 or more characters without
/// `_` or `-` that is random — letters and digits mixed, or upper and lower case alternating,
/// with high entropy — which names like `openclaw-openclaw-cli-run-7c1d2e3f4a5b`, `my_long_name`
/// and `camelCaseIdentifiers` do not; a 40- or 64-hex body is a git SHA or a digest; ids whose
/// prefix says they are ids (`req_…`, `msg_…`, `chatcmpl-…`) and hashes (`sha512-…`) stay; so
/// does a word inside a path, a host name or a file name.
///
/// It judges words where the fallback (`HighEntropyDetector`) walks them, after the specific
/// detectors: a pass of its own over every `_` cost as much as all of them together.
public struct PrefixedTokenDetector: SecretDetector {
    public let name = "prefixed-token"
    public let message = "an API key with a provider prefix (prefix_ and a random body)"

    /// A two-letter prefix, `_` and a 20-character body.
    static let minimumLength = 23

    /// Standalone: every word of token bytes, judged alone.
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, into candidates: inout [SecretCandidate]) {
        var i = 0
        while i < bytes.count {
            guard ByteClass.isTokenByte(bytes[i]) else { i += 1; continue }
            let end = ByteClass.tokenEnd(bytes, from: i)
            if end - i >= Self.minimumLength,
                let key = Self.judge(bytes, i, end, before: i > 0 ? bytes[i - 1] : nil, after: end < bytes.count ? bytes[end] : nil) {
                candidates.append(key)
            }
            i = end
        }
    }

    /// The key in the word `bytes[start..<end]`, when it is one: the word is token bytes only
    /// (no `+`), starts with the prefix and a `_`, and stands outside a path or host name.
    /// `before` and `after` are the bytes around it, `nil` at the text's edge or a marker.
    static func judge(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, before: UInt8?, after: UInt8?) -> SecretCandidate? {
        var separator = start
        while separator < end && separator - start <= 8 && isPrefixByte(bytes[separator]) { separator += 1 }
        guard (2...8).contains(separator - start), separator < end, bytes[separator] == UInt8(ascii: "_"),
            bytes[start] >= UInt8(ascii: "a"), bytes[start] <= UInt8(ascii: "z"),
            end - separator - 1 >= 20, end - start <= 256
        else { return nil }
        if let b = before, isPathByte(b) || ByteClass.isTokenByte(b) { return nil }
        if let a = after, isPathByte(a) || a == UInt8(ascii: "(") || a == UInt8(ascii: "+") { return nil }
        guard (separator..<end).allSatisfy({ ByteClass.isTokenByte(bytes[$0]) }), !isIdentifierPrefix(bytes[start..<separator]),
            hasRandomRun(bytes, from: separator + 1, to: end), !ValueShape.isPlaceholder(bytes[start..<end])
        else { return nil }
        return SecretCandidate(start: start, end: end, kind: .prefixedAPIKey, detector: "prefixed-token")
    }

    @inline(__always) private static func isPrefixByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || ByteClass.isDigit(b)
    }

    /// Next to one of these the word is part of a path, a host or file name, or an expression.
    @inline(__always) private static func isPathByte(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "/") || b == UInt8(ascii: ".") || b == UInt8(ascii: "\\") || b == UInt8(ascii: "@")
            || b == UInt8(ascii: "$") || b == UInt8(ascii: "%")
    }

    /// Some run between `_`/`-` separators of `bytes[from..<to]` is 16+ characters of random.
    private static func hasRandomRun(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Bool {
        var s = from
        while s < end {
            var e = s
            while e < end && ByteClass.isAlphanumeric(bytes[e]) { e += 1 }
            if e - s >= 16 && isRandom(bytes[s..<e]) { return true }
            s = e + 1
        }
        return false
    }

    private static func isRandom(_ run: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
        if (run.count == 40 || run.count == 64) && ValueShape.isAllHex(run) { return false }
        var digits = 0, upper = 0, lower = 0, caseChanges = 0
        var previousUpper: Bool?
        for b in run {
            if ByteClass.isDigit(b) { digits += 1; continue }
            let isUpper = b <= UInt8(ascii: "Z")
            if isUpper { upper += 1 } else { lower += 1 }
            if let p = previousUpper, p != isUpper { caseChanges += 1 }
            previousUpper = isUpper
        }
        let letters = upper + lower
        let mixedDigits = digits >= 2 && letters >= 2 && digits * 8 >= run.count
        // Camel-case names change case once a word; random letters about every other letter.
        let mixedCase = upper >= 3 && lower >= 3 && caseChanges * 3 >= letters
        return (mixedDigits || mixedCase) && ValueShape.entropy(run) >= 3.2
    }

    /// Prefixes of ids and hashes, which look like keys and are not secret: API request, message
    /// and object ids (Anthropic, OpenAI, Stripe), trace ids, and hash algorithm names.
    private static func isIdentifierPrefix(_ prefix: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
        identifierPrefixes.contains { $0.count == prefix.count && $0.elementsEqual(prefix) }
    }

    private static let identifierPrefixes = [
        "req", "request", "msg", "toolu", "srvtoolu", "chatcmpl", "cmpl", "resp", "call", "run", "thread", "asst", "file",
        "batch", "ftjob", "evt", "cus", "sub", "pi", "ch", "in", "prod", "price", "acct", "cs", "seti", "pm", "src", "txn",
        "org", "proj", "user", "sess", "session", "trace", "span", "id", "uuid", "dev", "device", "node", "conn", "job",
        "build", "commit", "sha1", "sha224", "sha256", "sha384", "sha512", "md5", "pk",
    ].map { Array($0.utf8) }
}

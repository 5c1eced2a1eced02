/// Keys of providers clawfix has no rule for, known by the shape most providers now give them: a
/// short lowercase prefix that names the provider and the key type, then a random body —
/// `lsv2_pt_…` (LangSmith), `api_org_…` (Hugging Face), `fo1_…` (Fly.io), `glpat-…`, `npm_…`,
/// `dop_v1_…`, `shpat_…`, `rk_live_…`. A rule on the shape instead of a list, so next year's
/// provider is covered too.
///
/// What keeps ordinary words out: the body must hold a run of 16 or more characters without
/// `_` or `-` that is random — letters and digits mixed, or upper and lower case alternating,
/// with high entropy — which names like `openclaw-openclaw-cli-run-7c1d2e3f4a5b`, `my_long_name`
/// and `camelCaseIdentifiers` do not; a 40- or 64-hex body is a git SHA or a digest; ids whose
/// prefix says they are ids (`req_…`, `msg_…`, `chatcmpl-…`) and hashes (`sha512-…`) stay; so
/// does a word inside a path, a host name or a file name.
public struct PrefixedTokenDetector: TriggeredDetector {
    public let name = "prefixed-token"
    public let message = "an API key with a provider prefix (prefix_ and a random body)"
    public let trigger = DetectorTrigger("_", "-")

    public func examine(_ bytes: UnsafeBufferPointer<UInt8>, at separator: Int, into candidates: inout [SecretCandidate]) -> Int {
        // The prefix: 2–8 lowercase letters and digits, starting with a letter, at a word start.
        var start = separator
        while start > 0 && separator - start < 9 && Self.isPrefixByte(bytes[start - 1]) { start -= 1 }
        let prefixLength = separator - start
        guard (2...8).contains(prefixLength), bytes[start] >= UInt8(ascii: "a"), bytes[start] <= UInt8(ascii: "z"),
            ByteClass.isWordStart(bytes, start)
        else { return separator + 1 }
        let end = ByteClass.tokenEnd(bytes, from: separator)
        if start > 0, Self.isPathByte(bytes[start - 1]) { return end }
        if end < bytes.count, Self.isPathByte(bytes[end]) || bytes[end] == UInt8(ascii: "(") { return end }
        guard end - separator - 1 >= 20, end - start <= 256, !Self.isIdentifierPrefix(bytes[start..<separator]),
            Self.hasRandomRun(bytes, from: separator + 1, to: end), !ValueShape.isPlaceholder(bytes[start..<end])
        else { return end }
        candidates.append(SecretCandidate(start: start, end: end, kind: .prefixedAPIKey, detector: name))
        return end
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

/// Values whose key says they are secret: `OPENCLAW_GATEWAY_TOKEN=…` (env, `.env`, docker
/// `Config.Env`), `token: …` (YAML), `"token": "…"` (JSON, JSON5), `--token …` and
/// `--password=…` (CLI flags), and the other ways code and config assign: `:=`, `?=`, `+=`,
/// `=>`, `== "…"`, `env["KEY"] = …`, `setProperty("KEY", "…")`, `Key%3D…` (percent-encoded).
/// The key decides, so a low-entropy value such as `topsecretomer` or `123456` goes too, and a
/// 64-hex gateway token goes while a 64-hex container id stays.
public struct KeyContextDetector: SecretDetector {
    public let name = "key-context"
    public let message = "a value stored under a key that names a secret (token, secret, password, key, auth)"
    /// The separators: `KEY=value`, `key: value`, `--flag value`, `("key", "value")`, `key%3Dvalue`.
    /// A space or a comma is one only after the byte that can end its key (`Self.pairs`).
    private static let separators: [UInt8] = (0...255).map { b in
        switch UInt8(b) {
        case UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "%"): return 1
        case 0x20: return 2
        case UInt8(ascii: ","): return 4
        default: return 0
        }
    }
    /// For the byte before a separator: 1 always, 2 when it can end a flag's name (before a
    /// space), 4 when it is a quote (before a comma, `("key", …)`).
    private static let before: [UInt8] = (0...255).map { b in
        1 | (canEndFlagName(UInt8(b)) ? 2 : 0) | (isQuote(UInt8(b)) ? 4 : 0)
    }
    /// `KeyName.endings`, held here so the scan reads it without a global's lazy-initialisation check.
    private let endings = KeyName.endings

    public init() {}

    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, into candidates: inout [SecretCandidate]) {
        var ends = ValueEnds(bytes: bytes)
        let n = bytes.count
        Self.separators.withUnsafeBufferPointer { separators in
        Self.before.withUnsafeBufferPointer { before in
        endings.withUnsafeBufferPointer { endings in
            // What to do at a separator that may follow a key; returns where to look next.
            @inline(__always) func visit(_ sep: Int) -> Int {
                if bytes[sep] == UInt8(ascii: "%") && !ByteClass.hasPrefixIgnoringCase(bytes, at: sep, "%3d") { return sep + 1 }
                // Most separators follow no key that names a secret: told by the short walk to the
                // key's end, before the long function for the value is called.
                guard let key = key(before: sep, in: bytes, endings),
                    let found = value(after: sep, key, in: bytes, endings, &ends)
                else { return sep + 1 }
                candidates.append(SecretCandidate(start: found.start, end: found.end, kind: found.kind, detector: name))
                // Keys inside the value are looked at too: when another detector's earlier find
                // overlaps this value, the value is dropped, and a secret after a nested key must
                // not go with it (the second pass, which sees a marker there, would find it).
                return max(found.start, sep + 1)
            }
            // Spaces between words and commas between values are most of the separators: the
            // pair of bytes turns them away in the same test that finds the rest, without a
            // branch for each (a byte loop that stopped at every space spent its time in
            // mispredicted branches). Sixteen pairs at a time, on a vector, where a byte loop
            // cost more than the rest of the scan; the last bytes one at a time, by the tables.
            var sep = 1
            while sep + 16 <= n {
                let block = sep
                var found = Self.separators(at: bytes.baseAddress! + block)
                while found != 0 {
                    let at = block + found.trailingZeroBitCount
                    found &= found - 1
                    // A value found before may have taken this one in: it was looked at from its key.
                    if at >= sep { sep = visit(at) }
                }
                sep = max(sep, block + 16)
            }
            while sep < n {
                guard separators[Int(bytes[sep])] & before[Int(bytes[sep - 1])] != 0 else {
                    sep += 1
                    continue
                }
                sep = visit(sep)
            }
        }
        }
        }
    }

    /// Which of the sixteen bytes from `p` `separators` and `before` (of the byte before each,
    /// from `p[-1]`) accept, a bit each, the first byte lowest: the same test as the tables',
    /// on a vector.
    @inline(__always) private static func separators(at p: UnsafePointer<UInt8>) -> UInt32 {
        typealias Bytes = SIMD16<UInt8>
        // Each comparison with a whole vector: the comparison with a scalar is the generic
        // lane-by-lane one, a hundred times slower.
        func all(_ b: UInt8) -> Bytes { Bytes(repeating: b) }
        let current = UnsafeRawPointer(p).loadUnaligned(as: Bytes.self)
        let previous = UnsafeRawPointer(p - 1).loadUnaligned(as: Bytes.self)
        // `| 0x20` lowercases the letters and maps no other byte onto one.
        let lowered = previous | all(0x20)
        let always = (current .== all(UInt8(ascii: "="))) .| (current .== all(UInt8(ascii: ":"))) .| (current .== all(UInt8(ascii: "%")))
        let flagEnd = (lowered .== all(UInt8(ascii: "n"))) .| (lowered .== all(UInt8(ascii: "t"))) .| (lowered .== all(UInt8(ascii: "d")))
            .| (lowered .== all(UInt8(ascii: "y"))) .| (lowered .== all(UInt8(ascii: "h"))) .| (lowered .== all(UInt8(ascii: "s")))
        let quote = (previous .== all(UInt8(ascii: "\""))) .| (previous .== all(UInt8(ascii: "'"))) .| (previous .== all(UInt8(ascii: "`")))
        let found = always .| ((current .== all(0x20)) .& flagEnd) .| ((current .== all(UInt8(ascii: ","))) .& quote)
        return found.bits
    }

    /// Where the key before the separator at `sep` ends, where its value may begin, and whether
    /// the key is quoted; nil when no key that names a secret can end there.
    @inline(__always) private func key(before sep: Int, in bytes: UnsafeBufferPointer<UInt8>, _ endings: UnsafeBufferPointer<Bool>)
        -> (end: Int, valueFrom: Int, quoted: Bool)? {
        let n = bytes.count
        let separator = bytes[sep]
        var valueFrom = sep + 1
        var keyEnd = sep
        switch separator {
        case UInt8(ascii: ":"):
            if sep + 1 < n && bytes[sep + 1] == UInt8(ascii: "=") { return nil }  // `:=`, looked at from its `=`
        case UInt8(ascii: "="):
            if sep + 1 < n && bytes[sep + 1] == UInt8(ascii: ">") {
                valueFrom = sep + 2  // `"password" => "…"`
            } else if sep + 1 < n && bytes[sep + 1] == UInt8(ascii: "=") {
                // `password == "…"` gives the literal away; `…Zz==` is base64 padding, not a comparison.
                guard ByteClass.isSpace(bytes[sep - 1]) else { return nil }
                valueFrom = sep + 2
            }
            // `TOKEN := …` (Make, Go), `TOKEN ?= …`, `TOKEN += …`.
            let operatorByte = bytes[sep - 1]
            if operatorByte == UInt8(ascii: ":") || operatorByte == UInt8(ascii: "?") || operatorByte == UInt8(ascii: "+") { keyEnd -= 1 }
        case UInt8(ascii: "%"):
            valueFrom = sep + 3
        default: break
        }
        // Walk back over spaces, `]` and a closing quote (`"token" : `, `env["TOKEN"] = `), then the key.
        var quoted = false
        if separator != UInt8(ascii: " ") {
            let operatorEnd = keyEnd
            while keyEnd > 0 && ByteClass.isSpace(bytes[keyEnd - 1]) && operatorEnd - keyEnd < 4 { keyEnd -= 1 }
            if keyEnd > 1 && bytes[keyEnd - 1] == UInt8(ascii: "]") && Self.isQuote(bytes[keyEnd - 2]) { keyEnd -= 1 }
            if keyEnd > 0 && Self.isQuote(bytes[keyEnd - 1]) {
                keyEnd -= 1
                quoted = true
            }
        }
        // Cheap filter before walking back over the key.
        guard keyEnd > 0, KeyName.mayEnd(bytes, at: keyEnd, endings: endings) else { return nil }
        return (keyEnd, valueFrom, quoted)
    }

    /// The secret value following the separator at `sep`, when the key before it (`key`) names a secret.
    private func value(after sep: Int, _ key: (end: Int, valueFrom: Int, quoted: Bool), in bytes: UnsafeBufferPointer<UInt8>,
                       _ endings: UnsafeBufferPointer<Bool>, _ ends: inout ValueEnds) -> (start: Int, end: Int, kind: SecretKind)? {
        let n = bytes.count
        let separator = bytes[sep]
        let (keyEnd, valueFrom, quoted) = key
        var keyStart = keyEnd
        while keyStart > 0 && Self.isKeyByte(bytes[keyStart - 1]) && keyEnd - keyStart < 96 { keyStart -= 1 }
        guard keyStart < keyEnd else { return nil }
        switch separator {
        case UInt8(ascii: " "):
            // Only a CLI flag takes its value after a space: `--token abc`.
            // Or `openclaw config set gateway.auth.token abc`.
            let isFlag = bytes[keyStart] == UInt8(ascii: "-") && keyEnd - keyStart > 2
            let isConfigSet = keyStart >= 4 && ByteClass.hasPrefix(bytes, at: keyStart - 4, "set ")
                && bytes[keyStart..<keyEnd].contains(UInt8(ascii: "."))
            guard isFlag || isConfigSet else { return nil }
        case UInt8(ascii: ","):
            // `setProperty("db.password", "…")`, `os.Setenv("API_TOKEN", "…")`: a quoted key that
            // opens a call's arguments.
            guard quoted, keyStart > 0, Self.isQuote(bytes[keyStart - 1]) else { return nil }
            var k = keyStart - 1
            while k > 0 && ByteClass.isSpace(bytes[k - 1]) { k -= 1 }
            guard k > 0, bytes[k - 1] == UInt8(ascii: "(") else { return nil }
        case UInt8(ascii: ":"):
            // `io.jsonwebtoken:jjwt-api:0.11.5` is a Maven artifact, not a key and its value: a
            // dotted name glued to what follows the colon is never YAML or JSON.
            if !quoted, sep + 1 < n, !ByteClass.isSpace(bytes[sep + 1]), !Self.isQuote(bytes[sep + 1]),
                bytes[keyStart..<keyEnd].contains(UInt8(ascii: ".")) { return nil }
        default: break
        }
        // `${TOKEN:-default}`, `${TOKEN:=default}`: a shell default, not an assignment.
        if keyStart >= 2 && bytes[keyStart - 2] == UInt8(ascii: "$") && bytes[keyStart - 1] == UInt8(ascii: "{") { return nil }
        guard let kind = KeyName.secretKind(bytes[keyStart..<keyEnd]) else { return nil }

        // The value: quoted up to the matching quote on the same line, or a bare word.
        var start = valueFrom
        while start < n && ByteClass.isSpace(bytes[start]) { start += 1 }
        guard start < n else { return nil }
        var end: Int
        let opening = bytes[start]
        if Self.isQuote(opening) {
            start += 1
            end = start
            while end < n && bytes[end] != opening && bytes[end] != 0x0A {
                if bytes[end] == UInt8(ascii: "\\") && end + 1 < n && bytes[end + 1] != 0x0A { end += 2 } else { end += 1 }
            }
            end = min(end, n)
            // `` `openssl rand -hex 32` ``: a command that makes the value, not the value. Told by
            // the first space or tab coming before the closing backtick (or the line's end, when
            // there is none), not by a space anywhere up to there: a space further on may lie
            // inside a later find (a nested key's value), gone once that find is a marker.
            if opening == UInt8(ascii: "`") && ends.space(from: start) < end { return nil }
        } else {
            // `("password", password)`, `tokens.map(token => token.id)`, `token == expected`: a
            // variable, not a value.
            guard separator != UInt8(ascii: ","), valueFrom != sep + 2 else { return nil }
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
            return nil  // `--auth token`, `auth: password` name a mode; `Authorization: Bearer <token>` has no value
        }
        // `/path`, `~/path`, `./path`: where the secret is kept, not the secret.
        if value.first == UInt8(ascii: "/") { return nil }
        if value[value.startIndex + 1] == UInt8(ascii: "/") && (value.first == UInt8(ascii: "~") || value.first == UInt8(ascii: ".")) { return nil }
        if opening != UInt8(ascii: "\"") && opening != UInt8(ascii: "'") {
            // `apiKey: process.env.ANTHROPIC_API_KEY`, `token := os.Getenv(…)`: where the value
            // comes from, not the value.
            if value.last == UInt8(ascii: "(") { return nil }
            if value.prefix(17).contains(UInt8(ascii: ".")), Self.codeReferences.contains(where: { value.starts(with: $0) }) { return nil }
            // `Using --password via the CLI is insecure` (docker's own warning): prose about a flag.
            if separator == 0x20 && value.count <= 5 && value.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) { return nil }
        }
        return (start, end, resultKind)
    }

    /// `ByteClass.isKeyByte` as a bit of two words: the walk back over a key tested each byte
    /// with a chain of comparisons, a branch each.
    @inline(__always) static func isKeyByte(_ b: UInt8) -> Bool {
        let below64: UInt64 = 0x03FF_6000_0000_0000  // `-`, `.`, digits
        let below128: UInt64 = 0x07FF_FFFE_87FF_FFFE  // letters, `_`
        return b < 128 && ((b < 64 ? below64 : below128) >> (b & 63)) & 1 != 0
    }

    @inline(__always) static func isQuote(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "`")
    }

    /// Unquoted values that read a secret from somewhere: the environment, or a settings object.
    private static let codeReferences = [
        "process.env.", "os.environ", "os.getenv(", "System.getenv(", "import.meta.env.", "env.", "this.", "self.", "config.",
        "cfg.", "settings.", "options.", "opts.", "args.", "params.", "ctx.", "secrets.", "props.",
    ].map { Array($0.utf8) }

    /// The last letters of the flags that take a secret (`--token`, `--password`, `--api-key`):
    /// a space follows most words, so the commonest endings (`e`) are turned away first.
    @inline(__always) private static func canEndFlagName(_ b: UInt8) -> Bool {
        switch ByteClass.lower(b) {
        case UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "d"), UInt8(ascii: "y"), UInt8(ascii: "h"), UInt8(ascii: "s"):
            return true
        default: return false
        }
    }

    private static let authModes = ["token", "password", "none", "trusted-proxy", "device", "bearer", "basic"].map { Array($0.utf8) }

    /// True when a bare value starting before `e` ends at `e`. `&`, `;` and `#` end it only
    /// where the next key begins (`?token=…&session=…`, `AccountKey=…;EndpointSuffix=…`): in a
    /// password they are just characters (`Tr0ub4dor&3`, `p#ss`).
    @inline(__always) fileprivate static func endsBareValue(_ bytes: UnsafeBufferPointer<UInt8>, at e: Int) -> Bool {
        switch bytes[e] {
        case 0x0A, UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"),
            UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ">"), UInt8(ascii: "`"), UInt8(ascii: "<"):
            return true
        case UInt8(ascii: "&"), UInt8(ascii: ";"), UInt8(ascii: "#"):
            return startsAssignment(bytes, at: e + 1)
        case UInt8(ascii: "%"):
            return ByteClass.hasPrefix(bytes, at: e, "%26")  // a percent-encoded `&`
        default: return false
        }
    }

    /// `key=` at `k`: up to 64 key bytes and an `=`. Bounded, so each `&` costs a constant.
    private static func startsAssignment(_ bytes: UnsafeBufferPointer<UInt8>, at k: Int) -> Bool {
        var e = k
        while e < bytes.count && e - k < 64 && ByteClass.isKeyByte(bytes[e]) { e += 1 }
        return e > k && e < bytes.count && bytes[e] == UInt8(ascii: "=")
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
            // Sixteen bytes at a time to the next byte that may end a value (values run to tens
            // of bytes), then that byte's own test.
            search: while e + 16 <= bytes.count {
                var found = Self.mayEndBareValue(bytes.baseAddress! + e)
                while found != 0 {
                    let at = e + found.trailingZeroBitCount
                    if KeyContextDetector.endsBareValue(bytes, at: at) {
                        e = at
                        break search
                    }
                    found &= found - 1
                }
                e += 16
            }
            if e + 16 > bytes.count {
                while e < bytes.count && !KeyContextDetector.endsBareValue(bytes, at: e) { e += 1 }
            }
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
            while e + 16 <= bytes.count {
                let found = Self.spaces(bytes.baseAddress! + e)
                if found != 0 {
                    e += found.trailingZeroBitCount
                    break
                }
                e += 16
            }
            if e + 16 > bytes.count {
                while e < bytes.count && !ByteClass.isSpace(bytes[e]) { e += 1 }
            }
            space = (start, e)
        }
        return space.at
    }

    private typealias Bytes = SIMD16<UInt8>
    /// Against a vector, not a scalar: see `KeyContextDetector.separators(at:)`.
    @inline(__always) private static func all(_ b: UInt8) -> Bytes { Bytes(repeating: b) }

    /// A bit for each of the sixteen bytes from `p` that is a space or a tab, the first lowest.
    @inline(__always) private static func spaces(_ p: UnsafePointer<UInt8>) -> UInt32 {
        let current = UnsafeRawPointer(p).loadUnaligned(as: Bytes.self)
        return ((current .== all(0x20)) .| (current .== all(0x09))).bits
    }

    /// A bit for each of the sixteen bytes from `p` that `KeyContextDetector.endsBareValue` may
    /// accept (the bytes its switch names), the first lowest.
    @inline(__always) private static func mayEndBareValue(_ p: UnsafePointer<UInt8>) -> UInt32 {
        let c = UnsafeRawPointer(p).loadUnaligned(as: Bytes.self)
        let always = (c .== all(0x0A)) .| (c .== all(UInt8(ascii: "\""))) .| (c .== all(UInt8(ascii: "'"))) .| (c .== all(UInt8(ascii: ")")))
            .| (c .== all(UInt8(ascii: "}"))) .| (c .== all(UInt8(ascii: "]"))) .| (c .== all(UInt8(ascii: ">")))
            .| (c .== all(UInt8(ascii: "`"))) .| (c .== all(UInt8(ascii: "<")))
        let sometimes = (c .== all(UInt8(ascii: "&"))) .| (c .== all(UInt8(ascii: ";"))) .| (c .== all(UInt8(ascii: "#")))
            .| (c .== all(UInt8(ascii: "%")))
        return (always .| sometimes).bits
    }
}

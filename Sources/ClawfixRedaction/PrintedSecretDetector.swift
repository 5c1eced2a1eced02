/// The output of a command that prints a secret: the value stands bare on the line after the
/// command, with no key beside it. `echo $OPENCLAW_GATEWAY_TOKEN` (also `"$…"`, `${…}`,
/// PowerShell's `$env:…`, cmd's `%…%`), `printenv X_TOKEN`, `launchctl getenv X_TOKEN` and
/// `openclaw config get gateway.auth.token` (which prints `__OPENCLAW_REDACTED__` since
/// 2026-02-22, the secret itself before). The name must be one `KeyName` calls a secret, and the
/// line after must be one word: an empty variable prints an empty line, and what follows is then
/// the next prompt or command.
public struct PrintedSecretDetector: TriggeredDetector {
    public let name = "printed-secret"
    public let message = "a secret printed by echo, printenv, launchctl getenv or openclaw config get"
    /// `echo` with what it expands (`$`, `"$`, `%`): a bare `echo ` is everywhere in a shell paste.
    public let trigger = DetectorTrigger("echo $", "echo \"$", "echo %", "printenv ", "getenv ", "config get ", atWordStart: true)

    public func examine(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, into candidates: inout [SecretCandidate]) -> Int {
        guard ByteClass.isWordStart(bytes, i) else { return i + 1 }
        let n = bytes.count
        guard let command = Self.commands.first(where: { ByteClass.hasPrefix(bytes, at: i, $0) }) else { return i + 1 }
        var k = i + command.utf8CodeUnitCount
        while k < n && bytes[k] == 0x20 { k += 1 }
        // The argument: a name, maybe quoted and with its shell syntax around it.
        let isEcho = bytes[i] == UInt8(ascii: "e")
        if k < n && (bytes[k] == UInt8(ascii: "\"") || bytes[k] == UInt8(ascii: "'")) { k += 1 }
        if isEcho {
            if ByteClass.hasPrefix(bytes, at: k, "${") { k += 2 }
            else if ByteClass.hasPrefixIgnoringCase(bytes, at: k, "$env:") { k += 5 }
            else if k < n && (bytes[k] == UInt8(ascii: "$") || bytes[k] == UInt8(ascii: "%")) { k += 1 }
            else { return k }  // `echo hello`: prints its own words
        }
        let keyStart = k
        while k < n && ByteClass.isKeyByte(bytes[k]) && k - keyStart < 96 { k += 1 }
        guard k > keyStart, let kind = KeyName.secretKind(bytes[keyStart..<k]) else { return k }
        // Nothing else may follow on the line (a pipe or a second word prints something else).
        while k < n && (bytes[k] == UInt8(ascii: "}") || bytes[k] == UInt8(ascii: "%") || bytes[k] == UInt8(ascii: "\"")
            || bytes[k] == UInt8(ascii: "'") || ByteClass.isSpace(bytes[k])) { k += 1 }
        guard k < n, bytes[k] == 0x0A else { return k }
        // The next line, one word.
        var s = k + 1
        while s < n && ByteClass.isSpace(bytes[s]) { s += 1 }
        var e = s
        while e < n && bytes[e] > 0x20 { e += 1 }
        var lineEnd = e
        while lineEnd < n && ByteClass.isSpace(bytes[lineEnd]) { lineEnd += 1 }
        guard e - s >= 3, lineEnd == n || bytes[lineEnd] == 0x0A, !Self.looksLikePromptOrMessage(bytes[s..<e]),
            !ValueShape.isPlaceholder(bytes[s..<e])
        else { return k + 1 }
        candidates.append(SecretCandidate(start: s, end: e, kind: kind, detector: name))
        return e
    }

    private static let commands: [StaticString] = ["echo ", "printenv ", "getenv ", "config get "]

    /// A prompt (`omer@vps:~$`, `PS C:\>`), a marker or an error is not the printed value.
    private static func looksLikePromptOrMessage(_ word: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
        guard let last = word.last, let first = word.first else { return true }
        if last == UInt8(ascii: "$") || last == UInt8(ascii: "#") || last == UInt8(ascii: ">") || last == UInt8(ascii: "%")
            || last == UInt8(ascii: ":") { return true }
        if first == UInt8(ascii: "$") || first == UInt8(ascii: "#") || first == UInt8(ascii: ">") || first == UInt8(ascii: "[") { return true }
        return false
    }
}

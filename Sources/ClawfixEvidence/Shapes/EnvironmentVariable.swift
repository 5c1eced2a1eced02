/// An environment variable clawfix cares about, and the facts its value gives. Shared by `.env`
/// files, `env` dumps, compose `environment:` and `docker inspect` `Config.Env`, so every source
/// reports a variable the same way.
enum EnvironmentVariable {
    /// `OPENCLAW_*` plus the variables that decide whose home (and so whose config) is in play.
    static func isInteresting(_ name: String) -> Bool {
        name.hasPrefix("OPENCLAW_") || name == "HOME" || name == "XDG_CONFIG_HOME" || name == "USER"
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`.
    static func isName(_ text: Substring) -> Bool {
        let bytes = text.utf8
        func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z") }
        guard let first = bytes.first, first == UInt8(ascii: "_") || isLetter(first), bytes.count <= 128 else { return false }
        return bytes.allSatisfy { $0 == UInt8(ascii: "_") || isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    /// The fact value of `raw`: `empty`, `placeholder` for a secret that is not one (`undefined`,
    /// `changeme`, `${VAR}`, `__OPENCLAW_REDACTED__`), `set` for secrets (already replaced by a
    /// redaction marker such as `[gateway-token …a1b2]`, or any variable whose name says it is a
    /// secret), else the value without quotes.
    static func value(of name: String, raw: String) -> String {
        var value = raw.trimmingBlanks()
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
            value = String(value.dropFirst().dropLast())
        } else if let comment = value.byteRange(of: " #") {
            value = String(value[..<comment.lowerBound]).trimmingBlanks()
        }
        if value.isEmpty { return "empty" }
        if isRedactionMarker(value) { return "set" }
        let secretName = name.containsBytes("TOKEN") || name.containsBytes("PASSWORD") || name.containsBytes("SECRET")
        if secretName && isPlaceholder(value) { return "placeholder" }
        if name.containsBytes("TOKEN") || name.containsBytes("PASSWORD") || name.containsBytes("SECRET") || name.containsBytes("KEY")
            || name.containsBytes("COOKIE")
        {
            return "set"
        }
        return value
    }

    /// A secret's value that is a stand-in, never a real secret: what a template, a shell that did
    /// not expand a variable, JavaScript's `String(undefined)` or OpenClaw's own redaction left behind.
    static func isPlaceholder(_ value: String) -> Bool {
        let lower = value.lowercased()
        if ["undefined", "null", "none", "changeme", "change-me", "token", "password", "secret", "xxx"].contains(lower) { return true }
        if lower == "__openclaw_redacted__" || lower.hasPrefix("${") || lower.hasPrefix("<") { return true }
        return ["changeme", "change-me", "change_me", "your-", "your_", "replace-", "replace_me", "example"].contains {
            lower.hasPrefix($0)
        }
    }

    /// `[gateway-token …a1b2]` or `[password]`: a kebab-case kind in brackets.
    static func isRedactionMarker(_ value: String) -> Bool {
        guard value.hasPrefix("["), value.hasSuffix("]"), value.count >= 3 else { return false }
        let kind = value.dropFirst().prefix { $0 != " " && $0 != "]" }
        return !kind.isEmpty && kind.allSatisfy { ($0.isASCII && $0.isLowercase) || $0 == "-" || ($0.isASCII && $0.isNumber) }
    }

    /// `env.NAME` and the facts derived from it, for a variable seen on `line`.
    static func facts(name: String, raw: String, line: PasteLine) -> [Fact] {
        guard isInteresting(name) else { return [] }
        let value = value(of: name, raw: raw)
        var facts = [line.fact(.env(name), value)]
        switch name {
        case "OPENCLAW_GATEWAY_BIND":
            if ["loopback", "lan", "tailnet", "auto", "custom"].contains(value) { facts.append(line.fact(.gatewayBind, value)) }
        case "HOME":
            if isPath(value) { facts.append(line.fact(.shellHome, value)) }
        case "OPENCLAW_CONFIG_DIR":
            // The official compose file mounts `${OPENCLAW_CONFIG_DIR}:/home/node/.openclaw`.
            if isPath(value) { facts += configMountFacts(source: value, line: line) }
        default:
            break
        }
        return facts
    }

    static func isPath(_ value: String) -> Bool {
        !value.contains("$") && (value.hasPrefix("/") || value.hasPrefix("~") || (value.count >= 3 && value.dropFirst().hasPrefix(":\\")))
    }

    /// `docker.config-mount-source` and `docker.config-mount-owner` for the host directory the
    /// container reads its config from.
    static func configMountFacts(source: String, line: PasteLine) -> [Fact] {
        let owner = source == "/root" || source.hasPrefix("/root/") ? "root" : "user"
        return [line.fact(.configMountSource, source), line.fact(.configMountOwner, owner)]
    }
}

import Foundation

/// Why a condition or version range in the knowledge base could not be read.
public struct KnowledgeSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Parses the condition grammar of `KnowledgeBase/README.md` ("Conditions"):
///
///     condition := term (("and" | "or") term)*     "and" binds tighter than "or"
///     term      := "not" term | "(" condition ")" | atom
///
/// A hand-written recursive descent over the UTF-8 bytes: conditions are short, but the parser also
/// runs over user trees (`--kb`), so it stays linear and never trusts its input.
public enum ConditionParser {
    public static func parse(_ text: String) throws -> Condition {
        try parse(text, validatingRegexes: true)
    }

    /// `validatingRegexes: false` skips compiling `~ /regex/` patterns to check them: for the
    /// built-in trees, which `clawfix kb lint` and its test check, so a run does not pay ICU's
    /// regex setup for patterns it may never evaluate.
    public static func parse(_ text: String, validatingRegexes: Bool) throws -> Condition {
        var scanner = Scanner(bytes: Array(text.utf8))
        scanner.validatesRegexes = validatingRegexes
        scanner.skipSpaces()
        guard !scanner.atEnd else { throw KnowledgeSyntaxError("empty condition") }
        let condition = try scanner.parseOr()
        scanner.skipSpaces()
        guard scanner.atEnd else {
            throw KnowledgeSyntaxError("unexpected `\(scanner.rest)` at column \(scanner.position + 1)")
        }
        return condition
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position = 0
        /// Parentheses nest at most this deep: a hostile file must not overflow the stack.
        var depth = 0
        var validatesRegexes = true

        init(bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { position >= bytes.count }
        var rest: String { String(decoding: bytes[min(position, bytes.count)...], as: UTF8.self) }

        mutating func skipSpaces() {
            while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
                position += 1
            }
        }

        /// True (and consumes it) when the next word is `keyword`, followed by a space, `(` or the end.
        mutating func take(keyword: String) -> Bool {
            skipSpaces()
            let word = Array(keyword.utf8)
            guard position + word.count <= bytes.count, Array(bytes[position..<position + word.count]) == word else {
                return false
            }
            let after = position + word.count
            if after < bytes.count {
                let next = bytes[after]
                guard next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") || next == UInt8(ascii: "(") else {
                    return false
                }
            }
            position = after
            return true
        }

        mutating func parseOr() throws -> Condition {
            var result = try parseAnd()
            while take(keyword: "or") { result = .or(result, try parseAnd()) }
            return result
        }

        mutating func parseAnd() throws -> Condition {
            var result = try parseTerm()
            while take(keyword: "and") { result = .and(result, try parseTerm()) }
            return result
        }

        mutating func parseTerm() throws -> Condition {
            if take(keyword: "not") {
                depth += 1
                defer { depth -= 1 }
                guard depth < 64 else { throw KnowledgeSyntaxError("condition nested too deeply") }
                return .not(try parseTerm())
            }
            skipSpaces()
            if position < bytes.count, bytes[position] == UInt8(ascii: "(") {
                position += 1
                depth += 1
                defer { depth -= 1 }
                guard depth < 64 else { throw KnowledgeSyntaxError("condition nested too deeply") }
                let inner = try parseOr()
                skipSpaces()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ")") else {
                    throw KnowledgeSyntaxError("missing `)` at column \(position + 1)")
                }
                position += 1
                return inner
            }
            return try parseAtom()
        }

        static func isFactByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"):
                return true
            default: return false
            }
        }

        mutating func parseAtom() throws -> Condition {
            skipSpaces()
            let start = position
            while position < bytes.count, Self.isFactByte(bytes[position]) { position += 1 }
            guard position > start else {
                if atEnd { throw KnowledgeSyntaxError("expected a fact name at the end") }
                throw KnowledgeSyntaxError("expected a fact name at column \(position + 1), got `\(rest)`")
            }
            let name = String(decoding: bytes[start..<position], as: UTF8.self)
            if ["and", "or", "not", "in"].contains(name) {
                throw KnowledgeSyntaxError("expected a fact name at column \(start + 1), got the keyword `\(name)`")
            }
            skipSpaces()
            guard position < bytes.count else { return .known(name) }
            let first = bytes[position]
            let second: UInt8? = position + 1 < bytes.count ? bytes[position + 1] : nil
            switch (first, second) {
            case (UInt8(ascii: "!"), UInt8(ascii: "=")):
                position += 2
                return .notEquals(name, try value(after: "!="))
            case (UInt8(ascii: "="), _):
                position += 1
                return .equals(name, try value(after: "="))
            case (UInt8(ascii: ">"), UInt8(ascii: "=")):
                position += 2
                return .version(name, .atLeast, try version(after: ">="))
            case (UInt8(ascii: "<"), UInt8(ascii: "=")):
                position += 2
                return .version(name, .atMost, try version(after: "<="))
            case (UInt8(ascii: ">"), _):
                position += 1
                return .version(name, .greater, try version(after: ">"))
            case (UInt8(ascii: "<"), _):
                position += 1
                return .version(name, .less, try version(after: "<"))
            case (UInt8(ascii: "~"), _):
                position += 1
                return .matches(name, pattern: try regex())
            default:
                if take(keyword: "in") {
                    var values = [try value(after: "in")]
                    while true {
                        skipSpaces()
                        guard position < bytes.count, bytes[position] == UInt8(ascii: ",") else { break }
                        position += 1
                        values.append(try value(after: ","))
                    }
                    return .oneOf(name, values)
                }
                return .known(name)
            }
        }

        /// A bare word (up to a space, comma or `)`) or a double-quoted string with `\"` and `\\` escapes.
        mutating func value(after operatorText: String) throws -> String {
            skipSpaces()
            guard position < bytes.count else { throw KnowledgeSyntaxError("expected a value after `\(operatorText)`") }
            if bytes[position] == UInt8(ascii: "\"") {
                let open = position
                position += 1
                var value: [UInt8] = []
                while position < bytes.count {
                    let byte = bytes[position]
                    if byte == UInt8(ascii: "\\"), position + 1 < bytes.count {
                        value.append(bytes[position + 1])
                        position += 2
                        continue
                    }
                    position += 1
                    if byte == UInt8(ascii: "\"") { return String(decoding: value, as: UTF8.self) }
                    value.append(byte)
                }
                throw KnowledgeSyntaxError("unterminated string starting at column \(open + 1)")
            }
            let start = position
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: ",")
                    || byte == UInt8(ascii: ")")
                {
                    break
                }
                position += 1
            }
            guard position > start else {
                throw KnowledgeSyntaxError("expected a value after `\(operatorText)` at column \(start + 1)")
            }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }

        mutating func version(after operatorText: String) throws -> OpenClawVersion {
            let text = try value(after: operatorText)
            guard let version = OpenClawVersion(text) else {
                throw KnowledgeSyntaxError("`\(text)` is not a release like 2026.2.21")
            }
            return version
        }

        /// `/…/`, where `\/` stands for a slash; the pattern must compile.
        mutating func regex() throws -> String {
            skipSpaces()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "/") else {
                throw KnowledgeSyntaxError("expected /regex/ after `~`")
            }
            let open = position
            position += 1
            var pattern: [UInt8] = []
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\\"), position + 1 < bytes.count {
                    if bytes[position + 1] != UInt8(ascii: "/") { pattern.append(byte) }
                    pattern.append(bytes[position + 1])
                    position += 2
                    continue
                }
                position += 1
                if byte == UInt8(ascii: "/") {
                    let text = String(decoding: pattern, as: UTF8.self)
                    guard !text.isEmpty else { throw KnowledgeSyntaxError("empty regex at column \(open + 1)") }
                    do {
                        if validatesRegexes { _ = try NSRegularExpression(pattern: text) }
                    } catch {
                        throw KnowledgeSyntaxError("invalid regex /\(text)/")
                    }
                    return text
                }
                pattern.append(byte)
            }
            throw KnowledgeSyntaxError("unterminated regex starting at column \(open + 1)")
        }
    }
}

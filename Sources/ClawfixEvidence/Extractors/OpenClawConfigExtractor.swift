import Foundation

/// Reads a pasted `openclaw.json` (JSON5: comments, trailing commas, unquoted keys) found inside
/// mixed text — after a `cat`/`sed -n` line, before other output — into `config.<dotted.path>`
/// facts for every leaf, `config.misplaced-key` for keys the gateway never reads at that path,
/// and `config.syntax-error` (`line N: message`, N a paste line) when the object does not parse,
/// which for `head -n 60` pastes is usually truncation.
struct OpenClawConfigExtractor: FactExtractor {
    var name: String { "openclaw-config" }

    /// Top-level keys of an OpenClaw config; an object without any of them is someone else's JSON.
    static let roots: Set<String> = [
        "gateway", "agents", "channels", "models", "plugins", "meta", "wizard", "tools", "messages", "commands", "session",
        "hooks", "browser", "skills", "logging", "ui", "update", "diagnostics", "canvasHost", "talk", "bindings", "cron",
        "web", "discovery", "nodeHost", "approvals", "memory", "secrets",
    ]

    func extract(from document: PasteDocument) -> [Fact] {
        let lines = document.cleanLines
        var facts: [Fact] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.firstByte == UInt8(ascii: "{") {
                index = readObject(lines, at: index, into: &facts)
            } else if let key = Self.openingKey(line) {
                index = readFragment(lines, at: index, key: key, into: &facts)
            } else {
                index += 1
            }
        }
        return facts
    }

    /// An object pasted with its braces. Its first key tells what it is: a root key (`gateway`,
    /// `agents`, …) makes it the file, read as is; a key that only lives deeper (`controlUi`,
    /// `allowInsecureAuth`) makes it a fragment anchored at that key's parent. Returns the index
    /// after what was read.
    private func readObject(_ lines: [PasteLine], at index: Int, into facts: inout [Fact]) -> Int {
        let line = lines[index]
        // Decide from the first key whether this is an OpenClaw config before looking for the
        // end of the object: scanning every `{` line of foreign JSON to its end would make a
        // paste of unbalanced braces quadratic.
        let closesOnItsLine = Self.blockEnd(lines, from: index, lineLimit: 1) != nil
        let keyLine = closesOnItsLine
            ? line
            : lines[(index + 1)...].first(where: { !$0.isEmpty && !$0.text.hasPrefix("//") && !$0.text.hasPrefix("/*") && !Self.isElision($0.text) }) ?? line
        let firstKey = Self.firstKey(of: keyLine.text)
        if let firstKey, Self.roots.contains(firstKey) {
            let end = closesOnItsLine ? index : Self.blockEnd(lines, from: index)
            let block = lines[index...(end ?? lines.count - 1)]
            read(Array(block), truncated: end == nil, anchor: [], into: &facts)
            return (end ?? lines.count - 1) + 1
        }
        if let firstKey, let parent = ConfigKeyPaths.parents[firstKey] {
            let end = closesOnItsLine ? index : Self.blockEnd(lines, from: index)
            let block = lines[index...(end ?? lines.count - 1)]
            read(Array(block), truncated: end == nil, anchor: parent.split(separator: ".").map(String.init), into: &facts)
            return (end ?? lines.count - 1) + 1
        }
        return index + 1
    }

    /// A fragment without outer braces: `"gateway": {` (or `controlUi: {`) alone on its line, up to
    /// the line closing that object (or the end of the paste: a fragment cut short is closed here).
    private func readFragment(_ lines: [PasteLine], at index: Int, key: String, into facts: inout [Fact]) -> Int {
        let end = Self.blockEnd(lines, from: index)
        let block = Array(lines[index...(end ?? min(lines.count - 1, index + 400))])
        let anchor = Self.roots.contains(key) ? [] : (ConfigKeyPaths.parents[key] ?? "").split(separator: ".").map(String.init)
        read(block, truncated: false, anchor: anchor, wrapped: true, into: &facts)
        return index + block.count
    }

    /// `"gateway": {`, `gateway: {`, `` `"controlUi": { `` : the key when it is one clawfix can anchor.
    static func openingKey(_ line: PasteLine) -> String? {
        var text = Substring(line.text)
        while let first = text.first, first == "`" || first == " " { text = text.dropFirst() }
        guard text.hasSuffix("{"), let key = firstKey(of: String(text)) else { return nil }
        let afterKey = text.drop { $0 != ":" }.dropFirst().trimmingBlanks()
        guard afterKey == "{" else { return nil }
        return roots.contains(key) || ConfigKeyPaths.parents[key] != nil ? key : nil
    }

    /// The first key of a line of JSON5: `"gateway": …`, `gateway: …`, `{ "gateway": …`.
    static func firstKey(of text: String) -> String? {
        var rest = Substring(text)
        while let first = rest.first, first == "{" || first == " " || first == "`" { rest = rest.dropFirst() }
        let quote = rest.first == "\"" || rest.first == "'" ? rest.first : nil
        if quote != nil { rest = rest.dropFirst() }
        let key = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        guard !key.isEmpty else { return nil }
        var after = rest.dropFirst(key.count)
        if let quote {
            guard after.first == quote else { return nil }
            after = after.dropFirst()
        }
        guard after.drop(while: { $0 == " " }).first == ":" else { return nil }
        return String(key)
    }

    /// A line that stands for left-out content: `...`, `…`, `// ...`, `"...": ...`.
    static func isElision(_ text: String) -> Bool {
        var core = Substring(text)
        if core.hasPrefix("//") { core = core.dropFirst(2) }
        core = Substring(core.trimmingBlanks())
        while let last = core.last, last == "," { core = core.dropLast() }
        return ["...", "…", "\"...\": ...", "[...]", "{...}", "etc", "// etc"].contains(String(core))
    }

    /// The block as JSON5 text: elision lines dropped, elisions inside a line removed, Markdown
    /// backticks around a fragment stripped, and for a fragment the outer braces (and the closers a
    /// cut-short fragment lacks) added.
    private static func json5Text(_ block: [PasteLine], wrapped: Bool) -> String {
        var lines: [String] = []
        for line in block where !isElision(line.text) {
            var text = line.text
            if wrapped {
                while text.hasPrefix("`") { text.removeFirst() }
                while text.hasSuffix("`") { text.removeLast() }
            }
            text = text.replacingElisions()
            lines.append(text)
        }
        guard wrapped else { return lines.joined(separator: "\n") }
        var body = lines.joined(separator: "\n")
        while let last = body.last, last == "," || last == " " || last == "\n" { body.removeLast() }
        // Close what a fragment cut short left open.
        var closers: [Character] = []
        var quote: Character?
        var escaped = false
        for character in body {
            if let open = quote {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == open { quote = nil }
                continue
            }
            switch character {
            case "\"", "'": quote = character
            case "{": closers.append("}")
            case "[": closers.append("]")
            case "}", "]": if !closers.isEmpty { closers.removeLast() }
            default: break
            }
        }
        if quote != nil { body += String(quote!) }
        return "{\n" + body + "\n" + String(closers.reversed()) + "\n}"
    }

    private func read(_ block: [PasteLine], truncated: Bool, anchor: [String], wrapped: Bool = false, into facts: inout [Fact]) {
        if truncated, !wrapped, anchor.isEmpty, let last = block.last(where: { !$0.isEmpty }) {
            facts.append(last.fact(.configSyntaxError, "line \(last.number): unexpected end of input"))
            return
        }
        let text = Self.json5Text(block, wrapped: wrapped || truncated)
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        let root: [String: Any]
        do {
            root = try decoder.decode(ConfigJSONValue.self, from: Data(text.utf8)).plain as? [String: Any] ?? [:]
        } catch {
            // A fragment that still does not parse says nothing certain; a whole file that does not
            // parse is the user's syntax error.
            guard anchor.isEmpty, !wrapped else { return }
            let first = block[0]
            facts.append(first.fact(.configSyntaxError, "line \(first.number): invalid JSON5"))
            return
        }
        var cursor = 0
        // A fragment's place in the file is a guess: its keys say nothing about misplacement.
        flatten(root, path: anchor, block: block, cursor: &cursor, guessed: wrapped || !anchor.isEmpty, into: &facts)
    }

    private func flatten(
        _ value: Any, path: [String], block: [PasteLine], cursor: inout Int, guessed: Bool, into facts: inout [Fact]
    ) {
        if let object = value as? [String: Any] {
            if object.isEmpty, !path.isEmpty { emit("{}", path, block, &cursor, guessed, &facts) }
            for key in object.keys.sorted(by: { Self.position(of: $0, in: block) < Self.position(of: $1, in: block) }) {
                flatten(object[key]!, path: path + [key], block: block, cursor: &cursor, guessed: guessed, into: &facts)
            }
        } else if let array = value as? [Any] {
            if array.isEmpty { emit("[]", path, block, &cursor, guessed, &facts) }
            for (index, element) in array.enumerated() {
                if element is [String: Any] || element is [Any] {
                    flatten(element, path: path + [String(index)], block: block, cursor: &cursor, guessed: guessed, into: &facts)
                } else {
                    emit(Self.scalar(element, key: path.last ?? ""), path, block, &cursor, guessed, &facts)
                }
            }
        } else {
            emit(Self.scalar(value, key: path.last ?? ""), path, block, &cursor, guessed, &facts)
        }
    }

    private func emit(
        _ value: String, _ path: [String], _ block: [PasteLine], _ cursor: inout Int, _ guessed: Bool, _ facts: inout [Fact]
    ) {
        guard let key = path.last(where: { Int($0) == nil }) else { return }
        // The leaf's line: the next line (from the previous leaf on) naming its key.
        // The leaf's line: walk the path, each key searched from the line of its parent on.
        var lineIndex = 0
        for segment in path where Int(segment) == nil {
            let needle = ByteSearch.needle(segment)
            lineIndex = block[lineIndex...].firstIndex { $0.find(needle) != nil } ?? lineIndex
        }
        let found = block[lineIndex]
        _ = key
        let dotted = path.joined(separator: ".")
        facts.append(found.fact(.config(dotted), value))
        if !guessed, Self.isMisplaced(path) { facts.append(found.fact(.configMisplacedKey, dotted)) }
    }

    private static func position(of key: String, in block: [PasteLine]) -> Int {
        let needle = ByteSearch.needle(key)
        guard let index = block.firstIndex(where: { $0.find(needle) != nil }) else { return Int.max }
        return index * 100_000 + (block[index].find(needle) ?? 0)
    }

    static func scalar(_ value: Any, key: String) -> String {
        let text: String
        if let bool = value as? Bool {
            text = bool ? "true" : "false"
        } else if let number = value as? Double {
            text = number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
        } else if value is ConfigJSONValue.Null {
            text = "null"
        } else {
            text = "\(value)"
        }
        let lowerKey = key.lowercased()
        let secretKey = ["token", "password", "secret", "apikey"].contains { lowerKey.hasSuffix($0) }
        // A secret key holding a stand-in (`"undefined"`, `"${OPENCLAW_GATEWAY_TOKEN}"`) is no secret
        // at all. `__OPENCLAW_REDACTED__` stays `set`: `openclaw config get` prints every secret so.
        if secretKey && text != "__OPENCLAW_REDACTED__" && EnvironmentVariable.isPlaceholder(text) { return "placeholder" }
        if text == "__OPENCLAW_REDACTED__" || (text.hasPrefix("[") && text.hasSuffix("]") && text.count > 2)
            || (secretKey && !text.isEmpty && text != "null")
        {
            return "set"
        }
        return text.isEmpty ? "empty" : text
    }

    /// Keys at paths the gateway does not read (reference §9.2): the thread's `allowInsecureAuth`
    /// belongs under `gateway.controlUi`, the token under `gateway.auth`.
    static func isMisplaced(_ path: [String]) -> Bool {
        let joined = path.joined(separator: ".")
        if path.count >= 3, path[0] == "agents", path[1] == "gateway" { return true }
        if path.first == "controlUi" || path.first == "allowInsecureAuth" || path.first == "dangerouslyDisableDeviceAuth"
            || path.first == "trustedProxies"
        {
            return true
        }
        return [
            "gateway.token", "gateway.password", "gateway.allowInsecureAuth", "gateway.auth.allowInsecureAuth",
            "gateway.dangerouslyDisableDeviceAuth", "gateway.auth.dangerouslyDisableDeviceAuth", "gateway.allowedOrigins",
        ].contains { joined == $0 || joined.hasPrefix($0 + ".") }
    }

    /// Index of the line closing the object opened at `start`, or nil when the paste ends first.
    /// Counts braces outside strings and `//` comments.
    static func blockEnd(_ lines: [PasteLine], from start: Int, lineLimit: Int = 5001) -> Int? {
        var depth = 0
        var quote: UInt8 = 0
        for index in start..<min(lines.count, start + lineLimit) {
            var escaped = false
            var previous: UInt8 = 0
            for byte in lines[index].bytes {
                if quote != 0 {
                    if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == quote { quote = 0 }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: "/") && previous == UInt8(ascii: "/") {
                    break
                } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                    depth += 1
                } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 { return index }
                }
                previous = byte
            }
            quote = 0
        }
        return nil
    }
}

/// A JSON5 value as `JSONDecoder(allowsJSON5:)` reads it, turned into plain Swift values.
private struct ConfigJSONValue: Decodable {
    struct Null {}
    let plain: Any

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            plain = Null()
        } else if let bool = try? container.decode(Bool.self) {
            plain = bool
        } else if let number = try? container.decode(Double.self) {
            plain = number
        } else if let string = try? container.decode(String.self) {
            plain = string
        } else if let array = try? container.decode([ConfigJSONValue].self) {
            plain = array.map(\.plain)
        } else {
            plain = try container.decode([String: ConfigJSONValue].self).mapValues(\.plain)
        }
    }
}

extension String {
    /// Without `...` and `…` outside quoted strings: `{ ... }` reads as `{ }`.
    func replacingElisions() -> String {
        guard contains("...") || contains("…") else { return self }
        var result = ""
        var quote: Character?
        var escaped = false
        var index = startIndex
        while index < endIndex {
            let character = self[index]
            if let open = quote {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == open { quote = nil }
                result.append(character)
            } else if character == "\"" || character == "'" {
                quote = character
                result.append(character)
            } else if character == "…" {
                // dropped
            } else if self[index...].hasPrefix("...") {
                index = self.index(index, offsetBy: 3)
                continue
            } else {
                result.append(character)
            }
            index = self.index(after: index)
        }
        return result
    }
}

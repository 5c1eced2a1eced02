import Foundation

/// The object `openclaw config get <path>` prints for a non-scalar path: 2-space JSON
/// (`command-outputs.md` §4.7). Collected line by line until its braces balance, then read as JSON;
/// every scalar leaf becomes `config.<path>.<key…>` on the line that holds its key, as if each key
/// had been asked for on its own. Secrets printed as `__OPENCLAW_REDACTED__` (or already redacted
/// by clawfix) and arrays become `set`.
struct ConfigGetObject {
    let path: String
    private(set) var lines: [PasteLine] = []
    private var depth = 0
    private var inString = false
    private var escaped = false
    private var bytes = 0
    /// A paste cut inside the object or a runaway brace never swallows the rest of the paste.
    static let maxLines = 400
    static let maxBytes = 64 * 1024

    init(path: String) { self.path = path }

    /// Lines of 2-space JSON start with an indent, a bracket or a quote; anything else (a prompt,
    /// prose, the next command's output) means the object was cut short.
    static func continues(_ line: PasteLine) -> Bool {
        guard let first = line.text.utf8.first else { return true }
        return [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"),
                UInt8(ascii: "\"")].contains(first)
    }

    var isComplete: Bool { !lines.isEmpty && depth == 0 }
    var isAbandoned: Bool { lines.count >= Self.maxLines || bytes >= Self.maxBytes || depth < 0 }

    mutating func append(_ line: PasteLine) {
        lines.append(line)
        bytes += line.text.utf8.count + 1
        for byte in line.text.utf8 {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
        }
    }

    /// The leaves of a complete object; a truncated or unreadable one gives none.
    func facts() -> [Fact] {
        guard isComplete,
            case .object(let object)? = try? JSONDecoder().decode(Value.self, from: Data(lines.map(\.text).joined(separator: "\n").utf8))
        else { return [] }
        var facts: [Fact] = []
        var cursor = 0
        leaves(object, prefix: path, cursor: &cursor, into: &facts)
        return facts
    }

    /// JSON as `config get` prints it; booleans decode strictly (a 1 is not `true`).
    private enum Value: Decodable {
        case object([String: Value]), array, bool(Bool), number(String), string(String), null

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
            else if let number = try? container.decode(Double.self) {
                self = .number(number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number))
            }
            else if let text = try? container.decode(String.self) { self = .string(text) }
            else if let object = try? container.decode([String: Value].self) { self = .object(object) }
            else { _ = try container.decode([Value].self); self = .array }
        }
    }

    private func leaves(_ object: [String: Value], prefix: String, cursor: inout Int, into facts: inout [Fact]) {
        // JSON.stringify keeps insertion order; walk the keys in the order they were printed so
        // each finds its own line.
        let keyed = object.keys.map { key in (key, lineIndex(of: key, from: cursor)) }.sorted { $0.1 < $1.1 }
        for (key, index) in keyed {
            let name = prefix + "." + key
            let line = lines[min(index, lines.count - 1)]
            cursor = max(cursor, index)
            switch object[key] {
            case .object(let nested):
                leaves(nested, prefix: name, cursor: &cursor, into: &facts)
            case .array:
                facts.append(line.fact(.config(name), "set"))
            case .bool(let flag):
                facts.append(line.fact(.config(name), flag ? "true" : "false"))
            case .number(let number):
                facts.append(line.fact(.config(name), number))
            case .string(let text):
                let secret = text == "__OPENCLAW_REDACTED__" || text.hasPrefix("[") && text.hasSuffix("]") && text.contains(" ")
                facts.append(line.fact(.config(name), secret ? "set" : text))
            case .null, nil:
                continue
            }
        }
    }

    private func lineIndex(of key: String, from start: Int) -> Int {
        let needle = "\"" + key + "\""
        for index in start..<lines.count where lines[index].text.contains(needle) { return index }
        return 0
    }
}

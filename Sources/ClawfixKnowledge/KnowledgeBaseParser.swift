import Foundation

/// Reads one tree file in the format of `KnowledgeBase/README.md`.
///
/// The parser reports what it cannot read (syntax: keys, kinds, conditions, version ranges,
/// duplicate node ids); `KnowledgeBaseLinter` adds the checks that need the whole tree or the
/// catalogue. It returns a tree whenever the file has nodes, so the linter can keep checking.
public enum KnowledgeBaseParser {
    public static func parse(markdown: String, file: String) -> (tree: KnowledgeTree?, problems: [LintMessage]) {
        parse(markdown: markdown, file: file, validatingRegexes: true)
    }

    /// `validatingRegexes: false` is for the built-in trees only (see `ConditionParser.parse`).
    public static func parse(
        markdown: String, file: String, validatingRegexes: Bool
    ) -> (tree: KnowledgeTree?, problems: [LintMessage]) {
        var parser = FileParser(file: file)
        parser.validatesRegexes = validatingRegexes
        parser.run(markdown)
        return parser.finish()
    }

    /// A `key: value` with its continuation lines, before it is interpreted.
    private struct Field {
        var key: String
        var line: Int
        var lines: [String]
        /// Continuation lines, dedented by their common indentation, Markdown kept as written.
        var text: String {
            var first = lines.first ?? ""
            first = first.trimmingSpaces
            let rest = Array(lines.dropFirst())
            // Blank lines at the end belong to whatever follows, not to this value.
            var body = rest
            while let last = body.last, last.trimmingSpaces.isEmpty { body.removeLast() }
            let indent = body.filter { !$0.trimmingSpaces.isEmpty }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
            let dedented = body.map { $0.trimmingSpaces.isEmpty ? "" : String($0.dropFirst(indent)).trimmingTrailingSpaces }
            return ([first].filter { !$0.isEmpty } + dedented).joined(separator: "\n")
        }
        /// For conditions: continuation lines join with a space.
        var singleLine: String {
            lines.map(\.trimmingSpaces).filter { !$0.isEmpty }.joined(separator: " ")
        }
    }

    private struct NodeDraft {
        var id: String
        var line: Int
        var fields: [Field] = []
        var branches: [(text: String, line: Int)] = []
    }

    private static let nodeKeys: Set<String> = [
        "kind", "ask", "run", "look", "cost", "versions", "diagnosis", "requires", "signal", "fix", "outdated",
        "refines", "words",
    ]
    static let runVariants: Set<String> = ["host", "compose", "docker", "ssh", "windows"]

    private struct FileParser {
        let file: String
        var validatesRegexes = true
        var problems: [LintMessage] = []
        var title: String?
        var titleLine = 0
        var treeID: String?
        var treeIDLine = 0
        var start: String?
        var startLine = 0
        var symptoms: [String] = []
        var summary: [String] = []
        var nodes: [NodeDraft] = []
        /// Index into the current node's fields of the value that indented lines continue.
        var openField: Int?

        init(file: String) { self.file = file }

        mutating func problem(_ line: Int, _ message: String) {
            problems.append(LintMessage(file: file, line: line, message: message))
        }

        mutating func run(_ markdown: String) {
            var inFence = false
            for (offset, raw) in markdown.markdownLines.enumerated() {
                let number = offset + 1
                let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
                let trimmed = line.trimmingSpaces
                if nodes.isEmpty {
                    header(line, trimmed, number, &inFence)
                } else {
                    nodeLine(line, trimmed, number)
                }
            }
        }

        mutating func header(_ line: String, _ trimmed: String, _ number: Int, _ inFence: inout Bool) {
            if trimmed.hasPrefix("```") { inFence.toggle() }
            if !inFence, line.hasPrefix("## ") {
                startNode(line, number)
                return
            }
            if !inFence, line.hasPrefix("# ") {
                if title != nil {
                    problem(number, "more than one `# ` title")
                } else {
                    title = String(line.dropFirst(2)).trimmingSpaces
                    titleLine = number
                }
                return
            }
            if !inFence, let (key, value) = splitKey(line), ["id", "start", "symptom"].contains(key) {
                switch key {
                case "id":
                    if treeID != nil { problem(number, "duplicate key `id`") }
                    treeID = value
                    treeIDLine = number
                case "start":
                    if start != nil { problem(number, "duplicate key `start`") }
                    start = value
                    startLine = number
                default:
                    if value.isEmpty { problem(number, "empty symptom") } else { symptoms.append(value) }
                }
                return
            }
            summary.append(line)
        }

        mutating func startNode(_ line: String, _ number: Int) {
            let id = String(line.dropFirst(3)).trimmingSpaces
            if !isKebab(id) { problem(number, "node id `\(id)` is not kebab-case") }
            if nodes.contains(where: { $0.id == id }) {
                problem(number, "duplicate node id `\(id)`")
            }
            nodes.append(NodeDraft(id: id, line: number))
            openField = nil
        }

        mutating func nodeLine(_ line: String, _ trimmed: String, _ number: Int) {
            if line.hasPrefix("## ") {
                startNode(line, number)
                return
            }
            if line.hasPrefix("# ") {
                problem(number, "a `# ` title after the first node")
                return
            }
            let last = nodes.count - 1
            if trimmed.isEmpty {
                if let field = openField { nodes[last].fields[field].lines.append("") }
                return
            }
            if line.hasPrefix("  ") || line.hasPrefix("\t") {
                if let field = openField {
                    nodes[last].fields[field].lines.append(line.replacingTabs)
                } else {
                    problem(number, "indented line that continues no value")
                }
                return
            }
            openField = nil
            if trimmed.hasPrefix("- ") {
                nodes[last].branches.append((String(trimmed.dropFirst(2)).trimmingSpaces, number))
                return
            }
            guard let (key, value) = splitKey(line) else {
                problem(number, "expected `key: value`, a branch `- if … -> node` or `## node-id`")
                return
            }
            let base = String(key.prefix { $0 != " " })
            guard KnowledgeBaseParser.nodeKeys.contains(base) else {
                problem(number, "unknown key `\(key)`")
                return
            }
            nodes[last].fields.append(Field(key: key, line: number, lines: [value]))
            openField = nodes[last].fields.count - 1
        }

        /// `key: value` where the key is lower-case words (`run host`, `signal +3`).
        func splitKey(_ line: String) -> (String, String)? {
            let bytes = line.utf8
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon != bytes.startIndex,
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[bytes.startIndex])
            else { return nil }
            for byte in bytes[..<colon] {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                    UInt8(ascii: " "), UInt8(ascii: "+"), UInt8(ascii: "-"):
                    continue
                default: return nil
                }
            }
            return (line[..<colon].trimmingSpaces, line[bytes.index(after: colon)...].trimmingSpaces)
        }

        mutating func finish() -> (tree: KnowledgeTree?, problems: [LintMessage]) {
            if title == nil { problem(1, "missing `# ` title") }
            if treeID == nil {
                problem(1, "missing `id:`")
            } else if let treeID, !isKebab(treeID) {
                problem(treeIDLine, "tree id `\(treeID)` is not kebab-case")
            }
            if start == nil { problem(1, "missing `start:`") }
            guard !nodes.isEmpty else {
                problem(1, "no nodes (`## node-id` sections)")
                return (nil, problems)
            }
            let built = nodes.map { build($0) }
            if let start, !built.contains(where: { $0.id == start }) {
                problem(startLine, "start node `\(start)` does not exist")
            }
            let fallbackID = String(file.split(separator: "/").last ?? Substring(file))
                .replacingSuffix(".md")
            let tree = KnowledgeTree(
                id: treeID ?? fallbackID, title: title ?? fallbackID, file: file, symptoms: symptoms,
                summary: summary.joined(separator: "\n").trimmingBlankLines, startNodeID: start ?? built[0].id,
                nodes: built)
            problems.sort { $0.line < $1.line }
            return (tree, problems)
        }

        mutating func build(_ draft: NodeDraft) -> KnowledgeNode {
            var kindText: String?
            var node = KnowledgeNode(id: draft.id, kind: .question, line: draft.line)
            var seen: Set<String> = []
            for field in draft.fields {
                let base = String(field.key.prefix { $0 != " " })
                let argument = String(field.key.dropFirst(base.count)).trimmingSpaces
                if base != "signal", !seen.insert(field.key).inserted {
                    problem(field.line, "duplicate key `\(field.key)`")
                    continue
                }
                if base != "run" && base != "signal" && !argument.isEmpty {
                    problem(field.line, "unknown key `\(field.key)`")
                    continue
                }
                switch base {
                case "kind": kindText = field.singleLine
                case "ask": node.ask = field.text
                case "look": node.look = field.text
                case "fix": node.fix = field.text
                case "outdated": node.outdated = field.text
                case "words": node.words = field.text
                case "diagnosis": node.diagnosisID = field.singleLine
                case "refines": node.refines = field.singleLine
                case "run":
                    let variant = argument.isEmpty ? "default" : argument
                    if !argument.isEmpty && !KnowledgeBaseParser.runVariants.contains(argument) {
                        problem(field.line, "unknown run variant `\(argument)` (host, compose, docker, ssh, windows)")
                    }
                    node.commands.append(CommandVariant(variant: variant, command: field.text, line: field.line))
                case "cost":
                    if let cost = Int(field.singleLine), (1...5).contains(cost) {
                        node.cost = cost
                    } else {
                        problem(field.line, "cost must be 1…5, got `\(field.singleLine)`")
                    }
                case "versions":
                    node.versions = versionRange(field.singleLine, field.line)
                case "requires":
                    node.requires = condition(field.singleLine, field.line)
                case "signal":
                    guard let weight = Int(argument.hasPrefix("+") ? String(argument.dropFirst()) : argument),
                        (-9...9).contains(weight), weight != 0
                    else {
                        problem(field.line, "signal weight must be -9…+9 and not 0, got `\(argument)`")
                        continue
                    }
                    if let condition = condition(field.singleLine, field.line) {
                        node.signals.append(Signal(weight: weight, condition: condition, line: field.line))
                    }
                default: break
                }
            }
            if let kindText {
                if let kind = KnowledgeNode.Kind(rawValue: kindText) {
                    node.kind = kind
                } else {
                    problem(draft.line, "unknown node kind `\(kindText)` (question, command, diagnosis)")
                    node.kind = guessKind(node)
                }
            } else {
                problem(draft.line, "node `\(draft.id)` has no `kind:`")
                node.kind = guessKind(node)
            }
            for field in draft.fields {
                let base = String(field.key.prefix { $0 != " " })
                if let allowed = Self.keyKinds[base], !allowed.contains(node.kind) {
                    problem(field.line, "`\(base):` does not belong in a \(node.kind.rawValue) node")
                }
            }
            for (text, line) in draft.branches {
                if let branch = branch(text, line) { node.branches.append(branch) }
            }
            return node
        }

        static let keyKinds: [String: Set<KnowledgeNode.Kind>] = [
            "ask": [.question, .command], "run": [.command], "look": [.command], "cost": [.question, .command],
            "diagnosis": [.diagnosis], "requires": [.diagnosis], "signal": [.diagnosis], "fix": [.diagnosis],
            "outdated": [.diagnosis], "refines": [.diagnosis], "words": [.diagnosis],
        ]

        /// A node whose kind is missing or misspelled: guess from its keys so the rest of the checks
        /// do not cascade into a page of follow-on errors.
        func guessKind(_ node: KnowledgeNode) -> KnowledgeNode.Kind {
            if node.diagnosisID != nil || node.fix != nil { return .diagnosis }
            return node.commands.isEmpty ? .question : .command
        }

        mutating func condition(_ text: String, _ line: Int) -> Condition? {
            do {
                return try ConditionParser.parse(text, validatingRegexes: validatesRegexes)
            } catch {
                problem(line, "malformed condition `\(text)`: \(error)")
                return nil
            }
        }

        mutating func versionRange(_ text: String, _ line: Int) -> VersionRange? {
            do {
                let range = try VersionRange.parse(text)
                if range.isEmpty { problem(line, "empty version range `\(text)`") }
                return range
            } catch {
                problem(line, "malformed version range: \(error)")
                return nil
            }
        }

        /// `if <condition> -> target [(versions: …)]` or `else -> target [(versions: …)]`.
        mutating func branch(_ text: String, _ line: Int) -> Branch? {
            guard let arrow = text.lastRange(of: "->") else {
                problem(line, "a branch is `- if <condition> -> <node-id>` or `- else -> <node-id>`")
                return nil
            }
            let head = String(text[..<arrow.lowerBound]).trimmingSpaces
            var target = String(text[arrow.upperBound...]).trimmingSpaces
            var versions: VersionRange?
            if let open = target.firstByteRange(of: "(versions:"), target.hasSuffix(")") {
                let inner = String(target[open.upperBound..<target.index(before: target.endIndex)])
                versions = versionRange(inner.trimmingSpaces, line)
                target = String(target[..<open.lowerBound]).trimmingSpaces
            }
            guard isKebab(target) else {
                problem(line, "branch target `\(target)` is not a node id")
                return nil
            }
            if head == "else" { return Branch(condition: nil, target: target, versions: versions, line: line) }
            guard head.hasPrefix("if ") else {
                problem(line, "a branch is `- if <condition> -> <node-id>` or `- else -> <node-id>`")
                return nil
            }
            guard let condition = condition(String(head.dropFirst(3)).trimmingSpaces, line) else { return nil }
            return Branch(condition: condition, target: target, versions: versions, line: line)
        }
    }
}

/// Lower-case letters, digits and single dashes: `pairing-required`, `step-2`.
func isKebab(_ text: String) -> Bool {
    var previous: UInt8 = UInt8(ascii: "-")
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
        // Not first, not after another dash.
        case UInt8(ascii: "-") where previous != UInt8(ascii: "-"): break
        default: return false
        }
        previous = byte
    }
    return previous != UInt8(ascii: "-")
}

extension String {
    var trimmingTrailingSpaces: String {
        var slice = Substring(self)
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }

    var replacingTabs: String {
        guard utf8.contains(0x09) else { return self }
        let indent = prefix { $0 == " " || $0 == "\t" }
        return String(repeating: " ", count: indent.reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }) + dropFirst(indent.count)
    }

    /// Lines split at `\n` and `\r\n`, exactly like `split(whereSeparator: { $0 == "\n" || $0 == "\r\n" })`
    /// with empty lines kept, but over UTF-8 bytes: splitting by `Character` made grapheme
    /// breaking the biggest cost of loading the knowledge base on every run.
    var markdownLines: [Substring] {
        var lines: [Substring] = []
        let bytes = utf8
        var start = bytes.startIndex
        var index = start
        while index != bytes.endIndex {
            if bytes[index] == UInt8(ascii: "\n") {
                // CR LF is one separator; the CR never ends up in the line.
                var end = index
                if end != start, bytes[bytes.index(before: end)] == UInt8(ascii: "\r") { end = bytes.index(before: end) }
                lines.append(self[start..<end])
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        lines.append(self[start...])
        return lines
    }

    /// The last occurrence of `needle` (ASCII), found over UTF-8 bytes without Foundation.
    func lastRange(of needle: String) -> Range<String.Index>? {
        byteRange(of: needle, offsets: { stride(from: $0, through: 0, by: -1) })
    }

    /// The first occurrence of `needle` (ASCII), found over UTF-8 bytes without Foundation.
    func firstByteRange(of needle: String) -> Range<String.Index>? {
        byteRange(of: needle, offsets: { stride(from: 0, through: $0, by: 1) })
    }

    private func byteRange(
        of needle: String, offsets: (Int) -> StrideThrough<Int>
    ) -> Range<String.Index>? {
        let pattern = Array(needle.utf8)
        let bytes = Array(utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
        for offset in offsets(bytes.count - pattern.count)
        where bytes[offset] == pattern[0] && bytes[offset..<offset + pattern.count].elementsEqual(pattern) {
            let lower = utf8.index(utf8.startIndex, offsetBy: offset)
            return lower..<utf8.index(lower, offsetBy: pattern.count)
        }
        return nil
    }

    func replacingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }

    var trimmingBlankLines: String {
        var lines = markdownLines
        while let first = lines.first, first.trimmingSpaces.isEmpty { lines.removeFirst() }
        while let last = lines.last, last.trimmingSpaces.isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}

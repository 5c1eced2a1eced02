/// Reads environment variables from `.env` files, `env`/`printenv` dumps, `export X=…` and
/// `declare -x X="…"` lines and PowerShell `$env:X = "…"`: `env.<NAME>` facts for `OPENCLAW_*`,
/// `HOME`, `XDG_CONFIG_HOME`, `USER` (secrets only as `set`), plus `gateway.bind`, `shell.home`
/// and the config mount source they imply.
public struct EnvironmentExtractor: FactExtractor {
    public var name: String { "environment" }
    public init() {}

    public func extract(from document: PasteDocument) -> [Fact] {
        var facts: [Fact] = []
        for line in document.lines(with: .environment) {
            guard line.bytes.contains(UInt8(ascii: "=")) else { continue }
            if let (name, value) = EnvironmentExtractor.assignment(line.text) {
                facts += EnvironmentVariable.facts(name: name, raw: value, line: line)
                continue
            }
            for (name, value) in EnvironmentExtractor.inlineAssignments(line.text) {
                facts += EnvironmentVariable.facts(name: name, raw: value, line: line)
            }
        }
        return facts
    }

    /// Assignments quoted as inline code in a sentence: "`gateway.cmd` holds
    /// `OPENCLAW_GATEWAY_TOKEN=undefined`", "the unit has `Environment=OPENCLAW_GATEWAY_TOKEN=…`".
    /// The backticks bound the value, so a sentence around them is never read as part of it.
    static func inlineAssignments(_ text: String) -> [(String, String)] {
        let spans = text.split(separator: "`", omittingEmptySubsequences: false)
        guard spans.count >= 3 else { return [] }
        var found: [(String, String)] = []
        // Odd pieces are inside backticks; a last odd piece without its closing backtick is not.
        for index in stride(from: 1, to: spans.count - 1, by: 2) {
            var span = spans[index].trimmingBlanks()
            if span.hasPrefix("Environment=") { span = String(span.dropFirst("Environment=".count)) }
            // `X=<token>`, `X=...` in a sentence is the writer leaving the value out, not a value
            // the file holds (in a pasted file the same text is literal and read as a placeholder).
            guard let assignment = assignment(span), !assignment.1.isEmpty, !isElision(assignment.1) else { continue }
            found.append(assignment)
        }
        return found
    }

    private static func isElision(_ value: String) -> Bool {
        (value.hasPrefix("<") && value.hasSuffix(">")) || ["...", "…", "***", "xxx"].contains(value)
    }

    /// Every interesting name holds one of these (case-insensitively): `OPENCLAW_*`, `HOME`,
    /// `XDG_CONFIG_HOME`, `USER`.
    static let triggerWords = ["openclaw_", "home", "user"]

    /// `NAME=value` at the start of a line, after `export `, `declare -x `, `set ` or `$env:`.
    static func assignment(_ text: String) -> (String, String)? {
        var body = Substring(text)
        for prefix in ["export ", "declare -x ", "setenv ", "set ", "$env:", "$Env:"] where body.hasPrefix(prefix) {
            body = body.dropFirst(prefix.count)
            break
        }
        guard let equals = body.firstIndex(of: "=") else { return nil }
        var name = body[..<equals]
        if text.hasPrefix("$env:") || text.hasPrefix("$Env:") { name = Substring(name.trimmingBlanks()) }
        guard EnvironmentVariable.isName(name) else { return nil }
        return (String(name), String(body[body.index(after: equals)...]))
    }
}

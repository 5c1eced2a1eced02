/// Reads shell, curl, ssh and docker-daemon errors (reference `command-outputs.md` §1.6, §3):
/// a command the shell could not find, refused or reset connections, ssh tunnel failures, and
/// HTTP status lines, as `symptom`, `curl.result`, `ssh.error` and `shell.missing-command`.
struct ShellErrorExtractor: FactExtractor {
    var name: String { "shell-errors" }

    /// The table's `shell` rows are the phrases this extractor knows.
    let matcher: MessageMatcher

    init(messages: MessageTable = .builtIn) {
        matcher = .shell(messages)
    }

    private static let curl = ByteSearch.needle("curl: (")
    private static let noSuchFile = ByteSearch.needle(": no such file or directory")
    private static let launchers = ["failed to execute ", "failed to run command ", "env: ", "exec: "].map(ByteSearch.needle)
    private static let quotes: Set<Character> = ["'", "\"", "‘", "’"]
    private static let http = ByteSearch.needle("http/")
    private static let sshConnect = ByteSearch.needle("ssh: connect to host")
    private static let bindForward = ByteSearch.needle("bind [")

    /// Every fact of a line starts from one of these.
    static let triggerWords: [String] =
        MessageMatcher.shell(.builtIn).words
        + ["curl: (", "http/", "ssh: connect to host", "bind [", "not found", "not recognized", "unknown command"]

    func extract(from document: PasteDocument) -> [Fact] {
        var facts: [Fact] = []
        matcher.forEachLine(of: document, marked: .shellErrors) { line in
            if !line.triggers.contains(.negation) { extract(line, into: &facts) }
        }
        return facts
    }

    private func extract(_ line: PasteLine, into facts: inout [Fact]) {
        var symptoms: [String] = []
        // The `command-not-found` symptom is OpenClaw's CLI missing; another tool a script needs
        // (`sh: timeout: not found`) is only the fact of which one.
        var otherTool = false
        if let missing = Self.missingCommand(line) {
            facts.append(line.fact(.missingCommand, missing))
            otherTool = !Self.openClawCommands.contains(missing.lowercased())
            if !otherTool { symptoms.append("command-not-found") }
        }
        for row in matcher.rows(in: line).rows {
            if otherTool, row.symptom == "command-not-found" { continue }
            if let symptom = row.symptom, !symptoms.contains(symptom) { symptoms.append(symptom) }
            if let ssh = row.sshError { facts.append(line.fact(.sshError, ssh)) }
        }
        if line.find(Self.sshConnect) != nil {
            facts.append(line.fact(.sshError, line.contains(ByteSearch.needle("timed out")) ? "timeout" : "refused"))
        }
        if line.hasPrefix(Self.bindForward), line.contains(ByteSearch.needle("address already in use")) {
            facts.append(line.fact(.sshError, "forward-port-in-use"))
        }
        // The `container … is not running` rule must not fire on prose like "gateway is not running?".
        if symptoms.contains("container-not-running"),
            !(line.contains(ByteSearch.needle("error response from daemon")) || line.contains(ByteSearch.needle("service \"")))
        {
            symptoms.removeAll { $0 == "container-not-running" }
        }
        if let offset = line.find(Self.curl) { addCurl(line, offset + Self.curl.count, &facts) }
        addHTTPStatus(line, &facts, &symptoms)
        for symptom in symptoms { facts.append(line.fact(.symptom, symptom)) }
    }

    /// `curl: (N) …`, also when glued to a progress-meter line (`…     0curl: (7) …`).
    private func addCurl(_ line: PasteLine, _ start: Int, _ facts: inout [Fact]) {
        var code = 0
        var index = start
        while index < line.bytes.count, line.bytes[index] >= 0x30, line.bytes[index] <= 0x39 {
            code = code * 10 + Int(line.bytes[index] - 0x30)
            index += 1
        }
        let result: String?
        switch code {
        case 7: result = "refused"
        case 52: result = "empty-reply"
        case 56: result = "reset"
        case 28: result = "timeout"
        case 6: result = "unresolved-host"
        case 35: result = "tls-error"
        case 22:
            let digits = line.suffix(from: index).filter(\.isNumber).suffix(3)
            result = digits.count == 3 ? "http-" + digits : nil
        default: result = nil
        }
        if let result { facts.append(line.fact(.curlResult, result)) }
    }

    /// `HTTP/1.1 401 Unauthorized`, `< HTTP/1.1 101 Switching Protocols`, `HTTP/2 200`.
    private func addHTTPStatus(_ line: PasteLine, _ facts: inout [Fact], _ symptoms: inout [String]) {
        var start = 0
        if line.hasPrefix(ByteSearch.needle("< ")) { start = 2 }
        guard line.lower.count >= start + 10, ByteSearch.find(Self.http, in: line.lower, from: start) == start else { return }
        guard let space = line.bytes[start...].firstIndex(of: 0x20), space + 4 <= line.bytes.count else { return }
        let status = line.slice((space + 1)..<(space + 4))
        guard status.count == 3, status.allSatisfy(\.isNumber) else { return }
        facts.append(line.fact(.curlResult, "http-" + status))
        if status == "401", !symptoms.contains("http-unauthorized") { symptoms.append("http-unauthorized") }
    }

    /// The command named by a shell's "not found" message in bash, dash, busybox, zsh, fish,
    /// Ubuntu's command-not-found hook, cmd.exe and PowerShell.
    static func missingCommand(_ line: PasteLine) -> String? {
        let text = line.text
        if let range = ByteSearch.find(ByteSearch.needle("command not found: "), in: line.lower) {
            return word(line.suffix(from: range + "command not found: ".count))
        }
        if let range = ByteSearch.find(ByteSearch.needle(": command not found"), in: line.lower) {
            // `bash: openclaw: command not found`, `./setup.sh: line 12: openclaw: command not found`
            let head = line.slice(0..<range)
            return head.split(separator: ":").last.map { String($0).trimmingBlanks() }
        }
        if let range = ByteSearch.find(ByteSearch.needle("unknown command: "), in: line.lower), text.hasPrefix("fish") {
            return word(line.suffix(from: range + "unknown command: ".count))
        }
        if line.lower.count > 11, line.hasSuffixBytes(ByteSearch.needle(": not found")), let shell = line.find(Self.shellPrefix),
            line.bytes[..<shell].allSatisfy({ !($0 < 0x80 && ByteSearch.isWordByte($0)) })
        {
            // `sh: 1: openclaw: not found` (dash), `sh: openclaw: not found` (busybox), also behind the
            // status mark a web console puts before it (`❌ sh: timeout: not found`), not `bash: …`.
            let head = line.slice(shell..<(line.bytes.count - ": not found".count))
            return head.split(separator: ":").last.map { String($0).trimmingBlanks() }
        }
        // A launcher that could not exec its program: `setsid: failed to execute openclaw: No such
        // file or directory` (util-linux), `nohup: failed to run command 'openclaw': No such file or
        // directory`, `env: 'openclaw': No such file or directory`, `exec: openclaw: No such file…`.
        if let range = ByteSearch.find(Self.noSuchFile, in: line.lower) {
            for launcher in Self.launchers {
                guard let start = line.find(launcher), start + launcher.count < range else { continue }
                let name = String(line.slice((start + launcher.count)..<range).trimmingBlanks().filter { !Self.quotes.contains($0) })
                if !name.isEmpty, !name.contains(" "), !name.contains("/") { return name }
            }
        }
        for phrase in ["command '", "the term '", "'"] {
            guard let range = ByteSearch.find(ByteSearch.needle(phrase), in: line.lower) else { continue }
            let rest = line.suffix(from: range + phrase.count)
            guard let quote = rest.firstIndex(of: "'") else { continue }
            let after = rest[rest.index(after: quote)...].lowercased()
            if after.hasPrefix(" not found") || after.hasPrefix(" is not recognized") {
                return String(rest[..<quote])
            }
        }
        return nil
    }

    private static let shellPrefix = ByteSearch.needle("sh: ")

    /// OpenClaw's CLI under its names (before and after the rename) and the runtime and package
    /// managers it is installed and started with.
    static let openClawCommands: Set<String> = ["openclaw", "clawdbot", "moltbot", "node", "nodejs", "npm", "npx", "pnpm", "openclaw-cn", "openclaw.cmd", "openclaw.exe", "openclaw.ps1"]

    private static func word(_ text: String) -> String? {
        let word = text.prefix { !$0.isWhitespace }
        return word.isEmpty ? nil : String(word)
    }
}

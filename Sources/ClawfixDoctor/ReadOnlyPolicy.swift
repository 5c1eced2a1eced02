/// Decides whether doctor may run a command: only commands known to read, never ones that change
/// the gateway, its devices, its config, its containers or files.
///
/// An allow-list, not a deny-list: a program or subcommand not listed here is refused, so a new
/// knowledge-base command that approves, restarts, sets or edits something is skipped (and said so)
/// rather than run. Shell scripts (`sh -lc '…'`) and commands run inside a container (`docker exec`)
/// are judged by what they run.
public enum ReadOnlyPolicy {
    public enum Verdict: Sendable, Hashable {
        /// Safe to run; `needsSudo` when it asks for `sudo` (run only with `--sudo`).
        case allowed(needsSudo: Bool)
        /// Not run, with the reason shown to the user.
        case refused(String)

        public var isAllowed: Bool {
            if case .allowed = self { return true }
            return false
        }
    }

    /// The verdict for a shell command line.
    public static func verdict(for command: String, allowSudo: Bool = false) -> Verdict {
        let line = ShellCommandLine(command)
        if line.isUnbalanced { return .refused("its quotes are not closed") }
        if line.hasSubstitution { return .refused("it runs a substituted command (`$(…)`), which cannot be checked before it runs") }
        for target in line.outputRedirections where !["/dev/null", "&1", "&2"].contains(target) {
            return .refused("it writes to a file (`> \(target)`)")
        }
        var needsSudo = false
        for words in line.commands {
            switch verdict(words: words, allowSudo: allowSudo) {
            case .refused(let reason): return .refused(reason)
            case .allowed(let sudo): needsSudo = needsSudo || sudo
            }
        }
        return .allowed(needsSudo: needsSudo)
    }

    /// One simple command.
    static func verdict(words original: [String], allowSudo: Bool) -> Verdict {
        var words = original
        // `NAME=value command …`: the assignment only sets the command's environment.
        while let first = words.first, isAssignment(first) { words.removeFirst() }
        guard let first = words.first else { return .allowed(needsSudo: false) }
        let program = first.split(separator: "/").last.map(String.init) ?? first
        let arguments = Array(words.dropFirst())
        switch program {
        case "sudo":
            guard allowSudo else { return .refused("it needs sudo; run clawfix doctor --sudo to allow it") }
            var rest = arguments
            while let option = rest.first, option.hasPrefix("-") { rest.removeFirst() }
            if case .refused(let reason) = verdict(words: rest, allowSudo: false) { return .refused(reason) }
            return .allowed(needsSudo: true)
        case "cd", "true", "echo", "printf", "test", "[", "command", "type", "which", "id", "whoami", "uname", "hostname",
            "date", "printenv", "cat", "ls", "head", "grep", "egrep", "fgrep", "cut", "wc", "sort", "uniq", "tr", "jq", "ps",
            "ss", "netstat", "lsof", "stat", "readlink", "realpath", "awk", "basename", "dirname":
            return .allowed(needsSudo: false)
        case "env":
            // `env` prints; `env X=1 cmd` runs cmd.
            let rest = arguments.drop { $0.hasPrefix("-") || isAssignment($0) }
            return rest.isEmpty ? .allowed(needsSudo: false) : verdict(words: Array(rest), allowSudo: allowSudo)
        case "tail":
            return refuseFollow(arguments, program: "tail")
        case "sed":
            if arguments.contains(where: { $0 == "-i" || $0.hasPrefix("--in-place") || $0.hasPrefix("-i") && $0.count <= 3 }) {
                return .refused("`sed -i` edits a file")
            }
            return .allowed(needsSudo: false)
        case "curl":
            return curlVerdict(arguments)
        case "sh", "bash", "ash", "dash", "zsh":
            guard let flag = arguments.first, flag.hasPrefix("-"), flag.contains("c"), arguments.count >= 2 else {
                return .refused("it opens an interactive shell")
            }
            return verdict(for: arguments[1], allowSudo: allowSudo)
        case "docker", "podman":
            return dockerVerdict(arguments, program: program, allowSudo: allowSudo)
        case "docker-compose":
            return composeVerdict(arguments, allowSudo: allowSudo)
        case "openclaw":
            return openClawVerdict(arguments)
        case "node":
            // The image's CLI: `node dist/index.js …` (or `openclaw.mjs`).
            guard let script = arguments.first, script.hasSuffix("dist/index.js") || script.hasSuffix("openclaw.mjs") else {
                return .refused("`node` runs an arbitrary script")
            }
            return openClawVerdict(Array(arguments.dropFirst()))
        case "systemctl":
            return systemctlVerdict(arguments)
        case "journalctl":
            if arguments.contains(where: { $0.hasPrefix("--vacuum") || $0 == "--rotate" || $0 == "--flush" }) {
                return .refused("that journalctl option changes the journal")
            }
            return refuseFollow(arguments, program: "journalctl")
        case "launchctl":
            guard let sub = arguments.first, ["list", "print", "print-disabled", "blame"].contains(sub) else {
                return .refused("`launchctl \(arguments.first ?? "")` is not a read-only subcommand")
            }
            return .allowed(needsSudo: false)
        default:
            return .refused("`\(program)` is not a command doctor knows to be read-only")
        }
    }

    private static func isAssignment(_ word: String) -> Bool {
        guard let equals = word.firstIndex(of: "="), equals != word.startIndex else { return false }
        return word[..<equals].allSatisfy { $0 == "_" || $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    private static func refuseFollow(_ arguments: [String], program: String) -> Verdict {
        let follows = arguments.contains {
            $0 == "--follow" || $0.hasPrefix("--follow=") || $0 == "-F" || ($0.hasPrefix("-") && !$0.hasPrefix("--") && $0.contains("f"))
        }
        return follows ? .refused("`\(program) --follow` never ends") : .allowed(needsSudo: false)
    }

    private static func curlVerdict(_ arguments: [String]) -> Verdict {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let value = index + 1 < arguments.count ? arguments[index + 1] : ""
            switch argument {
            case "-X", "--request":
                if !["GET", "HEAD"].contains(value.uppercased()) { return .refused("`curl -X \(value)` sends a request that may change state") }
            case "-d", "--data", "--data-raw", "--data-binary", "--data-urlencode", "--json", "-F", "--form", "-T", "--upload-file":
                return .refused("`curl \(argument)` sends data")
            case "-o", "--output":
                if value != "/dev/null" { return .refused("`curl -o \(value)` writes a file") }
            case "-O", "--remote-name":
                return .refused("`curl -O` writes a file")
            default: break
            }
            index += 1
        }
        return .allowed(needsSudo: false)
    }

    private static let dockerOptionsWithValue: Set<String> = ["-H", "--host", "--context", "-c", "--config", "-l", "--log-level"]
    private static let composeOptionsWithValue: Set<String> = [
        "-f", "--file", "-p", "--project-name", "--project-directory", "--env-file", "--profile", "--ansi", "--progress",
    ]
    private static let execOptionsWithValue: Set<String> = ["-e", "--env", "-u", "--user", "-w", "--workdir", "--env-file", "--index", "--detach-keys"]

    private static func dockerVerdict(_ arguments: [String], program: String, allowSudo: Bool) -> Verdict {
        var rest = arguments[...]
        while let option = rest.first, option.hasPrefix("-") {
            rest.removeFirst()
            if dockerOptionsWithValue.contains(option), !rest.isEmpty { rest.removeFirst() }
        }
        guard var sub = rest.first else { return .allowed(needsSudo: false) }
        rest.removeFirst()
        if sub == "container", let inner = rest.first {
            sub = inner == "ls" ? "ps" : inner
            rest.removeFirst()
        }
        switch sub {
        case "ps", "inspect", "images", "version", "info", "port", "top":
            return .allowed(needsSudo: false)
        case "logs":
            return refuseFollow(Array(rest), program: "\(program) logs")
        case "stats":
            return rest.contains("--no-stream") ? .allowed(needsSudo: false) : .refused("`\(program) stats` never ends without --no-stream")
        case "exec":
            return execVerdict(Array(rest), allowSudo: allowSudo)
        case "compose":
            return composeVerdict(Array(rest), allowSudo: allowSudo)
        default:
            return .refused("`\(program) \(sub)` changes state or is not known to be read-only")
        }
    }

    private static func composeVerdict(_ arguments: [String], allowSudo: Bool) -> Verdict {
        var rest = arguments[...]
        while let option = rest.first, option.hasPrefix("-") {
            rest.removeFirst()
            if composeOptionsWithValue.contains(option), !rest.isEmpty { rest.removeFirst() }
        }
        guard let sub = rest.first else { return .allowed(needsSudo: false) }
        rest.removeFirst()
        switch sub {
        case "ps", "config", "images", "ls", "version", "top", "port":
            return .allowed(needsSudo: false)
        case "logs":
            return refuseFollow(Array(rest), program: "docker compose logs")
        case "exec":
            return execVerdict(Array(rest), allowSudo: allowSudo)
        default:
            return .refused("`docker compose \(sub)` changes state or is not known to be read-only")
        }
    }

    /// `exec [options] CONTAINER COMMAND…`: judged by the command.
    private static func execVerdict(_ arguments: [String], allowSudo: Bool) -> Verdict {
        var rest = arguments[...]
        while let option = rest.first, option.hasPrefix("-") {
            rest.removeFirst()
            if execOptionsWithValue.contains(option), !rest.isEmpty { rest.removeFirst() }
        }
        guard !rest.isEmpty else { return .refused("`exec` without a container") }
        rest.removeFirst()
        guard !rest.isEmpty else { return .refused("`exec` without a command opens a shell") }
        return verdict(words: Array(rest), allowSudo: allowSudo)
    }

    private static func openClawVerdict(_ arguments: [String]) -> Verdict {
        let words = arguments.filter { !$0.hasPrefix("-") }
        if words.isEmpty {
            let flags = Set(arguments)
            return flags.isDisjoint(with: ["--version", "-V", "--help", "-h"]) ? .refused("`openclaw` alone starts interactive setup") : .allowed(needsSudo: false)
        }
        let sub = words[0]
        let action = words.count > 1 ? words[1] : nil
        let readOnly: Bool
        switch sub {
        case "version", "status", "health", "help":
            readOnly = true
        case "gateway", "daemon":
            readOnly = action.map { ["status", "probe", "health"].contains($0) } ?? false
        case "devices", "pairing", "nodes", "channels", "agents", "plugins", "sessions":
            readOnly = action == "list" || action == "status"
        case "config":
            readOnly = action.map { ["get", "file", "validate"].contains($0) } ?? false
        case "dashboard":
            readOnly = arguments.contains("--no-open")
        case "logs":
            return refuseFollow(arguments, program: "openclaw logs")
        case "security":
            readOnly = action == "audit" && !arguments.contains("--fix")
        default:
            readOnly = false
        }
        let shown = ([sub] + (action.map { [$0] } ?? [])).joined(separator: " ")
        return readOnly ? .allowed(needsSudo: false) : .refused("`openclaw \(shown)` changes state or is not known to be read-only")
    }

    private static func systemctlVerdict(_ arguments: [String]) -> Verdict {
        let valueOptions: Set<String> = ["-n", "--lines", "-p", "--property", "-t", "--type", "-H", "--host", "-M", "--machine", "-o", "--output"]
        var rest = arguments[...]
        var sub: String?
        while let word = rest.first {
            rest.removeFirst()
            if word.hasPrefix("-") {
                if valueOptions.contains(word), !rest.isEmpty { rest.removeFirst() }
                continue
            }
            sub = word
            break
        }
        let readOnly: Set<String> = [
            "status", "show", "cat", "is-active", "is-enabled", "is-failed", "list-units", "list-unit-files", "list-timers",
            "list-dependencies", "show-environment",
        ]
        guard let sub, readOnly.contains(sub) else {
            return .refused("`systemctl \(sub ?? "")` changes state or is not known to be read-only")
        }
        return .allowed(needsSudo: false)
    }
}

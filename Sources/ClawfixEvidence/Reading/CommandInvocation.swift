/// What a typed command line does, as far as where it runs is concerned: `ssh host "cmd"` runs
/// `cmd` on a remote host, `docker exec -it gw sh -lc '…'` inside the gateway container,
/// `docker compose run --rm openclaw-cli …` in a throw-away CLI container.
public struct CommandInvocation: Sendable, Hashable {
    /// Where the innermost command runs (relative to the shell it was typed in).
    public var location: CommandLocation
    /// The innermost command (`openclaw dashboard --no-open` of `ssh h "bash -lc 'openclaw dashboard --no-open'"`).
    public var innerCommand: String
    /// `ssh host` or `docker exec -it gw sh` with no command: the following commands run there.
    public var opensSession: Bool
    /// `-L` forwards of an ssh command, as `LOCALPORT:HOST:REMOTEPORT`.
    public var tunnelForwards: [String]
    /// The container or compose service named by `docker exec` / `compose exec|run`.
    public var container: String?
    /// The container was reached through `docker compose` (not plain `docker exec`).
    public var viaCompose = false

    /// Analyses one command line (prompt already removed).
    public init(_ command: String) {
        location = .host
        innerCommand = command
        opensSession = false
        tunnelForwards = []
        container = nil
        var words = ShellWords.split(command)
        while let first = words.first, first == "sudo" || first.utf8.contains(UInt8(ascii: "=")) && !first.hasPrefix("-") {
            words.removeFirst()
            while words.first?.hasPrefix("-") == true { words.removeFirst() }
        }
        guard let program = words.first else { return }
        if program == "ssh" {
            analyseSSH(Array(words.dropFirst()))
        } else if program == "docker" || program == "docker-compose" || program == "podman" {
            var rest = Array(words.dropFirst())
            var compose = program == "docker-compose"
            if rest.first == "compose" {
                compose = true
                rest.removeFirst()
            }
            if compose {
                // Global compose options before the subcommand: `-f file`, `-p name`, `--env-file f`.
                while let option = rest.first, option.hasPrefix("-") {
                    rest.removeFirst()
                    if ["-f", "--file", "-p", "--project-name", "--env-file", "--profile", "--project-directory"].contains(option),
                        !rest.isEmpty
                    {
                        rest.removeFirst()
                    }
                }
            }
            guard let subcommand = rest.first else { return }
            if subcommand == "exec" || (compose && subcommand == "run") {
                analyseExec(Array(rest.dropFirst()), compose: compose, run: subcommand == "run")
            } else if !compose && subcommand == "container", rest.count > 1, rest[1] == "exec" {
                analyseExec(Array(rest.dropFirst(2)), compose: false, run: false)
            }
        }
    }

    private static let sshOptionsWithValue: Set<String> = [
        "-b", "-c", "-D", "-E", "-e", "-F", "-I", "-i", "-J", "-L", "-l", "-m", "-O", "-o", "-p", "-Q", "-R", "-S", "-W", "-w",
    ]

    private mutating func analyseSSH(_ words: [String]) {
        var index = 0
        var sawNoCommand = false
        var destination: String?
        while index < words.count {
            let word = words[index]
            if destination == nil, word.hasPrefix("-"), word.count >= 2 {
                let option = String(word.prefix(2))
                if CommandInvocation.sshOptionsWithValue.contains(option) {
                    let value = word.count > 2 ? String(word.dropFirst(2)) : (index + 1 < words.count ? words[index + 1] : "")
                    if word.count == 2 { index += 1 }
                    if option == "-L", !value.isEmpty { tunnelForwards.append(value) }
                } else if word.utf8.contains(UInt8(ascii: "N")) {
                    sawNoCommand = true
                }
                index += 1
                continue
            }
            if destination == nil {
                destination = word
                index += 1
                break
            }
            index += 1
        }
        guard destination != nil else { return }
        let remote = words[min(index, words.count)...].joined(separator: " ")
        if remote.isEmpty {
            opensSession = !sawNoCommand && tunnelForwards.isEmpty
            location = tunnelForwards.isEmpty ? .remoteHost : .host
            innerCommand = ""
            return
        }
        // `ssh h "docker exec …"`: the remote command may itself enter a container.
        let inner = CommandInvocation(ShellWords.unwrapShell(remote))
        location = inner.location == .host ? .remoteHost : inner.location
        innerCommand = inner.innerCommand
        container = inner.container
    }

    private static let execOptionsWithValue: Set<String> = [
        "-e", "--env", "-u", "--user", "-w", "--workdir", "--env-file", "--index", "--name", "--entrypoint", "-v",
        "--volume", "-p", "--publish", "-l", "--label", "--network", "--detach-keys",
    ]

    private mutating func analyseExec(_ words: [String], compose: Bool, run: Bool) {
        var index = 0
        while index < words.count, words[index].hasPrefix("-") {
            if CommandInvocation.execOptionsWithValue.contains(words[index]) { index += 1 }
            index += 1
        }
        guard index < words.count else { return }
        let target = words[index]
        container = target
        viaCompose = compose
        let rest = words[(index + 1)...].joined(separator: " ")
        // `compose run` always makes a new one-off container; `exec` enters the named one.
        location = run || target.lowercased().containsBytes("cli") ? .cliContainer : .gatewayContainer
        let tail = Array(words[(index + 1)...])
        let shellNames: Set<String> = ["sh", "bash", "ash", "zsh", "/bin/sh", "/bin/bash"]
        // `sh -lc '…'`: the quoted script is already one word here.
        let inner = tail.count >= 3 && shellNames.contains(tail[0]) && tail[1].hasPrefix("-") && tail[1].utf8.contains(UInt8(ascii: "c")) ? tail[2] : rest
        innerCommand = inner
        let shells: Set<String> = ["sh", "bash", "ash", "zsh", "/bin/sh", "/bin/bash"]
        opensSession = inner.isEmpty || shells.contains(inner)
    }
}

/// Where a command of the paste ran: `host`, `remote-host` (over ssh), `gateway-container`,
/// `cli-container` (`docker compose run openclaw-cli`), `windows`; `unknown` for text before any command.
public struct CommandLocation: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let host = CommandLocation(rawValue: "host")
    public static let remoteHost = CommandLocation(rawValue: "remote-host")
    public static let gatewayContainer = CommandLocation(rawValue: "gateway-container")
    public static let cliContainer = CommandLocation(rawValue: "cli-container")
    public static let windows = CommandLocation(rawValue: "windows")
    public static let unknown = CommandLocation(rawValue: "unknown")
    public var description: String { rawValue }
}

/// POSIX-shell word splitting, enough for command lines users paste (quotes, backslashes).
enum ShellWords {
    static func split(_ text: String) -> [String] {
        // Bytes, not Characters: every character the shell treats specially is ASCII, and a word
        // is cut out of the UTF-8 once instead of being built character by character.
        var words: [String] = []
        var current: [UInt8] = []
        var inWord = false
        var quote: UInt8 = 0
        var escaped = false
        let backslash = UInt8(ascii: "\\")
        let doubleQuote = UInt8(ascii: "\"")
        for byte in text.utf8.prefix(16_000) {
            if escaped {
                current.append(byte)
                // A multi-byte character after a backslash: its continuation bytes follow as is.
                escaped = false
                continue
            }
            if quote != 0 {
                if byte == quote {
                    quote = 0
                } else if byte == backslash && quote == doubleQuote {
                    escaped = true
                } else {
                    current.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "'"), doubleQuote:
                quote = byte
                inWord = true
            case backslash:
                escaped = true
                inWord = true
            case 0x20, 0x09:
                if inWord { words.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
                inWord = false
            default:
                current.append(byte)
                inWord = true
            }
        }
        if inWord { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    /// `sh -lc 'node dist/index.js devices list'` → `node dist/index.js devices list`; other commands unchanged.
    static func unwrapShell(_ command: String) -> String {
        let words = split(command)
        let shells: Set<String> = ["sh", "bash", "ash", "zsh", "/bin/sh", "/bin/bash"]
        guard words.count >= 3, shells.contains(words[0]), words[1].hasPrefix("-"), words[1].utf8.contains(UInt8(ascii: "c")) else {
            return command.trimmingBlanks()
        }
        return words[2]
    }
}

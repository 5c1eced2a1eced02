/// One command of a paste with the output that follows it, and where it ran.
public struct CommandBlock: Sendable, Hashable {
    /// 1-based line of the command; nil for the text before the first command.
    public var commandLine: Int?
    /// The command as typed (after the prompt); nil for the text before the first command.
    public var command: String?
    /// The prompt, when the command was typed after one (`alice@vps:~/openclaw$`).
    public var prompt: ShellPrompt?
    /// What ran, with its location: `ssh`/`docker exec`/`sh -lc` wrappers unwrapped.
    public var invocation: CommandInvocation?
    /// Where the command (and so its output) ran.
    public var location: CommandLocation
    /// 1-based line numbers of the output: the lines after the command up to the next command.
    public var outputLines: Range<Int>

    /// The command that produced the output, unwrapped (`devices list …` of `docker compose exec openclaw-gateway sh -lc '…'`).
    public var effectiveCommand: String? { invocation?.innerCommand ?? command }
}

/// Splits a paste into command blocks, so output can be tied to the command that produced it and
/// to where it ran: the host, a remote host over ssh, the gateway container (exec), a CLI
/// container (`compose run`), or Windows. A command is a line after a shell prompt, or a bare line
/// starting like a command users paste (`docker …`, `ssh …`, `openclaw …`).
public enum PasteSegmenter {
    /// The blocks of `document`, in order; one linear pass.
    public static func blocks(of document: PasteDocument) -> [CommandBlock] {
        document.blocks
    }

    static let bareCommandStarts = [
        "docker ", "docker-compose ", "sudo ", "ssh ", "ss -", "netstat ", "lsof ", "openclaw ", "curl ", "cat ", "printenv",
        "node dist/index.js ", "podman ", "grep ", "ls -", "export ",
    ]

    /// A bare (prompt-less) command line: short, starts with a known program, no sentence punctuation.
    static func isBareCommand(_ text: String) -> Bool {
        guard let first = text.utf8.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z"), text.utf8.count <= 400 || text.count <= 400,
            bareCommandStarts.contains(where: { text.hasPrefix($0) }) || text == "env" || text == "printenv"
        else { return false }
        if text.hasSuffix(".") || text.hasSuffix(":") || text.hasSuffix("?") || text.hasSuffix("!") { return false }
        if text.hasPrefix("export ") { return false }
        return !text.containsBytes(". ") && !text.containsBytes(", ")
    }

    /// A cheap test before parsing a prompt: prompts start with `$`, `[`, a letter (`user@`, `PS `,
    /// a drive) or another user-name byte followed by `@` within the length of a user name.
    private static func mayStartCommand(_ line: PasteLine) -> Bool {
        let first = line.firstByte
        if first == UInt8(ascii: "$") || first == UInt8(ascii: "[") || (first | 0x20 >= UInt8(ascii: "a") && first | 0x20 <= UInt8(ascii: "z")) {
            return true
        }
        guard (first >= 0x30 && first <= 0x39) || first == UInt8(ascii: "_") || first == UInt8(ascii: ".") || first == UInt8(ascii: "-")
        else { return false }
        return line.bytes.prefix(33).contains(UInt8(ascii: "@"))
    }

    static func blocks(of lines: [PasteLine]) -> [CommandBlock] {
        var blocks: [CommandBlock] = []
        var current = CommandBlock(commandLine: nil, command: nil, prompt: nil, invocation: nil, location: .unknown, outputLines: 1..<1)
        var session: CommandLocation?
        var sawWindowsPrompt = false
        for line in lines {
            let prompt = mayStartCommand(line) ? ShellPrompt.parse(line.text) : nil
            let command: String
            if let prompt {
                command = prompt.command
            } else if line.firstByte >= UInt8(ascii: "a"), line.firstByte <= UInt8(ascii: "z"), isBareCommand(line.text) {
                command = line.text
            } else {
                current.outputLines = current.outputLines.lowerBound..<(line.number + 1)
                continue
            }
            if current.commandLine != nil || !current.outputLines.isEmpty { blocks.append(current) }
            let invocation = CommandInvocation(command)
            var base: CommandLocation = .host
            if let prompt, prompt.isWindows {
                base = .windows
                sawWindowsPrompt = true
                session = nil
            } else if let session {
                base = session
            } else if prompt?.host != nil, sawWindowsPrompt {
                // A Linux prompt after a Windows one: the user is on the server now.
                base = .remoteHost
            }
            let location = invocation.location == .host ? base : invocation.location
            if command == "exit" || command == "logout" {
                session = session == .remoteHost || session == nil ? nil : .remoteHost
            } else if invocation.opensSession {
                session = location
            }
            current = CommandBlock(
                commandLine: line.number, command: command, prompt: prompt, invocation: invocation, location: location,
                outputLines: (line.number + 1)..<(line.number + 1))
        }
        if current.commandLine != nil || !current.outputLines.isEmpty { blocks.append(current) }
        return blocks
    }

    /// For each 1-based line, the index of its block in `blocks` (lines before any block map to nil).
    static func blockIndexByLine(_ blocks: [CommandBlock], lineCount: Int) -> [Int?] {
        var result = [Int?](repeating: nil, count: lineCount + 1)
        for (index, block) in blocks.enumerated() {
            if let commandLine = block.commandLine, commandLine <= lineCount { result[commandLine] = index }
            for number in block.outputLines where number <= lineCount { result[number] = index }
        }
        return result
    }
}

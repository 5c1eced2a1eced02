/// Reads prompts and command lines: what ran (`command.ran`, typed after a prompt), who and where
/// (`shell.user`, `shell.home`, `shell.directory`, `client.os` = `windows` for PowerShell/cmd),
/// where each command ran (`command.location`), and ssh tunnels (`tunnel.forward`,
/// `tunnel.remote-port`, `access.path` = `ssh-tunnel`).
public struct CommandLineExtractor: FactExtractor {
    public var name: String { "command-line" }
    public init() {}

    public func extract(from document: PasteDocument) -> [Fact] {
        let lines = document.cleanLines
        var facts: [Fact] = []
        for block in document.blocks {
            guard let number = block.commandLine, let command = block.command else { continue }
            let line = lines[number - 1]
            if let prompt = block.prompt {
                if !command.isEmpty { facts.append(line.fact(.commandRan, command)) }
                if let user = prompt.user { facts.append(line.fact(.shellUser, user)) }
                if let home = prompt.home { facts.append(line.fact(.shellHome, home)) }
                if let directory = prompt.directory { facts.append(line.fact(.shellDirectory, directory)) }
                if prompt.isWindows { facts.append(line.fact(.clientOS, "windows")) }
            }
            guard !command.isEmpty else { continue }
            facts.append(line.fact(.commandLocation, block.location.rawValue))
            // `docker compose run openclaw-cli …` or `docker exec openclaw-gateway …` says how OpenClaw
            // is installed as surely as a `docker ps` row does.
            if let invocation = block.invocation, invocation.location == .cliContainer || invocation.location == .gatewayContainer {
                facts.append(line.fact(.installKind, invocation.viaCompose ? "compose" : "docker"))
            }
            for forward in block.invocation?.tunnelForwards ?? [] {
                facts.append(line.fact(.tunnelForward, forward))
                let parts = forward.split(separator: ":")
                if parts.count >= 3, let remote = PortMapping.port(parts[parts.count - 1]) {
                    facts.append(line.fact(.tunnelRemotePort, String(remote)))
                }
                facts.append(line.fact(.accessPath, "ssh-tunnel"))
            }
        }
        return facts
    }
}

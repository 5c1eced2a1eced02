import Foundation
import ClawfixDiagnosis
import ClawfixEvidence
import ClawfixKnowledge

/// The commands doctor runs once it knows the install: every knowledge-base command node's `run`
/// line for that install (the knowledge base stays the one source of what settles a question),
/// plus the few reads every report needs (the container's `docker inspect`, the gateway log, who
/// listens on the port, the health endpoint).
///
/// Each command is made fit to run unattended (no TTY, no `-it`), gets its placeholders filled from
/// what discovery found, and is checked by `ReadOnlyPolicy`; a command that fails the check, or
/// needs a tool the host does not have, is skipped with the reason.
public struct EvidencePlan: Sendable {
    public var commands: [PlannedCommand] = []
    public var skipped: [SkippedCommand] = []
    /// Where the gateway's WebSocket is reached on the host: the published port of its container,
    /// else the configured or default port.
    public var probeURL = "ws://127.0.0.1:18789"

    /// Builds the plan for `install`.
    ///
    /// - Parameters:
    ///   - facts: what discovery's outputs showed (container name, published port), for placeholders.
    ///   - tools: the programs the host has (`InstallDiscovery.tools`); nil when unknown (`--dry-run`).
    ///   - sudoDocker: prefix Docker commands with `sudo -n` (the socket is root's and `--sudo` was given).
    public init(
        install: GatewayInstall, knowledgeBase: KnowledgeBase, facts: [Fact], tools: Set<String>?, sudoDocker: Bool = false,
        allowSudo: Bool = false
    ) {
        var factSet = FactSet(facts)
        let installKindFact = install.kind == .compose ? "compose" : install.isContainer ? "docker" : "host"
        factSet.absorb([Fact(.installKind, installKindFact, origin: .answer)])
        if let service = install.composeService { factSet.absorb([Fact(.composeService, service)]) }
        if let container = install.container { factSet.absorb([Fact(.gatewayContainer, container)]) }
        let placeholders = PlaceholderValues(factSet)
        probeURL = "ws://127.0.0.1:\(placeholders.values["port"] ?? "18789")"
        let directory = install.kind == .compose ? install.composeDirectory : nil
        let cli = Self.containerCLI(install, placeholders: placeholders)

        var seen: Set<String> = []
        func add(_ text: String, source: String, inProjectDirectory: Bool = false) {
            var command = placeholders.fill(Self.unattended(text))
            if install.kind == .podman { command = Self.replacingProgram("docker", with: "podman", in: command) }
            if sudoDocker { command = Self.replacingProgram("docker", with: "sudo -n docker", in: command) }
            // Several nodes ask for the same reads (`--version`, `gateway status`): a command whose
            // every part already runs adds nothing.
            let parts = Self.parts(of: command)
            guard !parts.isSubset(of: seen) else { return }
            seen.formUnion(parts)
            switch ReadOnlyPolicy.verdict(for: command, allowSudo: allowSudo || sudoDocker) {
            case .refused(let reason):
                skipped.append(SkippedCommand(command: command, source: source, reason: reason))
                return
            case .allowed:
                break
            }
            if let tools, let missing = Self.programs(of: command).first(where: { InstallDiscovery.tools.contains($0) && !tools.contains($0) }) {
                skipped.append(SkippedCommand(command: command, source: source, reason: "`\(missing)` is not installed on this host (not on PATH)"))
                return
            }
            let usesCompose = command.contains("docker compose") || command.contains("podman compose")
            commands.append(
                PlannedCommand(
                    command, directory: usesCompose || inProjectDirectory ? directory : nil, source: source,
                    sudoReason: sudoDocker && command.contains("sudo -n docker") ? "the Docker socket is root's" : nil))
        }

        for text in Self.baseline(install, tools: tools) { add(text, source: "doctor") }
        for tree in knowledgeBase.trees {
            for node in tree.nodes where node.kind == .command {
                guard let (variant, line) = Self.variant(of: node, for: install) else { continue }
                var text = line
                if variant == "host", install.isContainer, let cli {
                    // The host has no `openclaw` in a Docker install; the CLI that counts as local
                    // is the one inside the gateway container.
                    text = Self.replacingProgram("openclaw", with: cli, in: text)
                }
                add(text, source: "\(tree.file)#\(node.id)")
            }
        }
    }

    /// The reads every report needs, before the knowledge base's.
    static func baseline(_ install: GatewayInstall, tools: Set<String>?) -> [String] {
        let listeners =
            if let tools, !tools.contains("ss"), tools.contains("netstat") { "netstat -tlnp" }
            else if let tools, !tools.contains("ss"), tools.contains("lsof") { "lsof -nP -iTCP -sTCP:LISTEN" }
            else { "ss -ltnp" }
        let health = "curl -sS -i --max-time 5 http://127.0.0.1:{port}/healthz"
        // What a stopped CLI container printed last: the error the user saw from `compose run`.
        let cliLog = install.exitedCLIContainer.map { ["docker logs --tail=20 \($0)"] } ?? []
        // The listing people read (discovery's JSON lines are for doctor, not for the evidence).
        let listing = "docker ps -a"
        switch install.kind {
        case .compose:
            return [
                listing, "docker inspect {container}", "docker compose ps -a", "docker compose config",
                "docker compose logs --tail=80 {gateway-service}",
            ] + cliLog + [listeners, health]
        case .docker, .podman:
            return [listing, "docker inspect {container}", "docker logs --tail=80 {container}"] + cliLog + [listeners, health]
        case .systemdUser:
            return [
                listing, "systemctl --user cat \(InstallDiscovery.unit)",
                "journalctl --user -u \(InstallDiscovery.unit) -n 80 --no-pager", listeners, health,
            ]
        case .systemdSystem:
            return [listing, "systemctl cat \(InstallDiscovery.unit)", "journalctl -u \(InstallDiscovery.unit) -n 80 --no-pager", listeners, health]
        case .launchAgent, .process, .none:
            return [listing, listeners, health]
        }
    }

    /// The node's `run` line for the install: its own variant first, then the host's (run through
    /// the container's CLI for Docker installs), then the default.
    static func variant(of node: KnowledgeNode, for install: GatewayInstall) -> (String, String)? {
        let order: [String] =
            switch install.knowledgeVariant {
            case "compose": ["compose", "host", "default"]
            case "docker": ["docker", "host", "default"]
            default: ["host", "default"]
            }
        for name in order {
            if let chosen = node.commands.first(where: { $0.variant == name }) { return (name, chosen.command) }
        }
        return nil
    }

    /// The CLI inside the gateway container, without a TTY (`{cli}` of the knowledge base asks for one).
    static func containerCLI(_ install: GatewayInstall, placeholders: PlaceholderValues) -> String? {
        switch install.kind {
        case .compose: return "docker compose exec -T \(placeholders.values["gateway-service"] ?? "openclaw-gateway") node dist/index.js"
        case .docker, .podman: return "docker exec \(placeholders.values["container"] ?? "openclaw-openclaw-gateway-1") node dist/index.js"
        default: return nil
        }
    }

    /// The command as it must run with no terminal: `docker exec -it` would fail with "the input
    /// device is not a TTY", and `docker compose exec` allocates one unless told `-T`.
    static func unattended(_ command: String) -> String {
        var text = command
        for interactive in ["docker exec -it ", "docker exec -ti ", "docker exec -t ", "docker exec -i "] {
            text = text.replacingOccurrences(of: interactive, with: "docker exec ")
        }
        text = text.replacingOccurrences(of: "docker compose exec -T ", with: "docker compose exec ")
        text = text.replacingOccurrences(of: "docker compose exec ", with: "docker compose exec -T ")
        return text
    }

    /// Replaces `program` where it starts a simple command (after `;`, `&&`, `||`, `|` or at the start).
    static func replacingProgram(_ program: String, with replacement: String, in command: String) -> String {
        var result = ""
        var rest = Substring(command)
        var atCommandStart = true
        while !rest.isEmpty {
            if atCommandStart {
                let trimmed = rest.drop { $0 == " " }
                result += rest[rest.startIndex..<trimmed.startIndex]
                rest = trimmed
                if rest.hasPrefix(program + " ") {
                    result += replacement
                    rest = rest.dropFirst(program.count)
                }
                atCommandStart = false
                continue
            }
            let character = rest.removeFirst()
            result.append(character)
            // Quoted text is skipped whole, so a `;` inside `sh -lc '…'` starts nothing here.
            if character == "'" || character == "\"" {
                if let close = rest.firstIndex(of: character) {
                    result += rest[...close]
                    rest = rest[rest.index(after: close)...]
                }
            } else if character == ";" || character == "|" || character == "&" {
                if let next = rest.first, next == "|" || next == "&" { result.append(rest.removeFirst()) }
                atCommandStart = true
            }
        }
        return result
    }

    /// The top-level `;`-separated parts of a command, trimmed.
    static func parts(of command: String) -> Set<String> {
        var parts: Set<String> = []
        var current = ""
        var quote: Character?
        for character in command {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == ";" {
                parts.insert(current.trimmingCharacters(in: .whitespaces))
                current = ""
                continue
            }
            current.append(character)
        }
        parts.insert(current.trimmingCharacters(in: .whitespaces))
        parts.remove("")
        return parts
    }

    /// The programs that start each top-level simple command (`docker`, `curl`), for the tool check.
    static func programs(of command: String) -> [String] {
        ShellCommandLine(command).commands.compactMap { words in
            var words = words[...]
            if words.first == "sudo" {
                words = words.dropFirst()
                while words.first?.hasPrefix("-") == true { words = words.dropFirst() }
            }
            return words.first.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        }
    }
}

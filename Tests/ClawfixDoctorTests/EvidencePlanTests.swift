import ClawfixDoctor
import ClawfixEvidence
import ClawfixKnowledge
import Testing

/// The plan comes from the knowledge base's command nodes, made fit to run unattended.
struct EvidencePlanTests {
    static func compose() -> GatewayInstall {
        var install = GatewayInstall(kind: .compose)
        install.container = "oc-openclaw-gateway-1"
        install.composeService = "openclaw-gateway"
        install.composeDirectory = "/srv/oc"
        return install
    }

    @Test func composePlanUsesTheKnowledgeBaseLinesInTheProjectDirectoryWithoutATTY() throws {
        let plan = EvidencePlan(install: Self.compose(), knowledgeBase: try KnowledgeBase.builtIn(), facts: [], tools: nil)
        let commands = plan.commands.map(\.command)
        // From pairing-required.md#docker-log, its compose line as written.
        let log = try #require(plan.commands.first { $0.source == "pairing-required.md#docker-log" })
        #expect(log.command == #"docker compose logs --tail=80 openclaw-gateway | grep -E "remote=|pairing""#)
        #expect(log.directory == "/srv/oc")
        #expect(log.script == #"cd '/srv/oc' && docker compose logs --tail=80 openclaw-gateway | grep -E "remote=|pairing""#)
        #expect(commands.contains("docker compose exec -T openclaw-gateway node dist/index.js devices list"))
        #expect(commands.contains("docker inspect oc-openclaw-gateway-1"))
        // A host-only node runs through the CLI inside the container: the host has no `openclaw`.
        let configFile = try #require(plan.commands.first { $0.source == "config-edits-ignored.md#host-config-path" })
        #expect(configFile.command == "docker compose exec -T openclaw-gateway node dist/index.js config file; docker compose exec -T openclaw-gateway node dist/index.js gateway status")
        #expect(!commands.contains { $0.contains("exec -it") || $0.hasPrefix("openclaw ") })
        #expect(Set(commands).count == commands.count)
        for command in commands { #expect(ReadOnlyPolicy.verdict(for: command).isAllowed, "\(command)") }
    }

    @Test func hostPlanSkipsWhatNeverEndsAndWhatTheHostLacks() throws {
        let plan = EvidencePlan(
            install: GatewayInstall(kind: .systemdUser), knowledgeBase: try KnowledgeBase.builtIn(), facts: [],
            tools: ["openclaw", "ss", "curl", "systemctl", "journalctl"])
        let follow = try #require(plan.skipped.first { $0.command == "openclaw logs --follow" })
        #expect(follow.reason.contains("never ends"))
        #expect(plan.skipped.contains { $0.command.hasPrefix("docker ") && $0.reason == "`docker` is not installed on this host (not on PATH)" })
        // `gateway status` is asked by three nodes; it runs once, in the first that asks.
        #expect(plan.commands.map(\.command).contains("openclaw config file; openclaw gateway status"))
        #expect(!plan.commands.map(\.command).contains("openclaw gateway status"))
        #expect(plan.commands.map(\.command).contains("openclaw --version; openclaw gateway status --deep"))
        #expect(plan.commands.map(\.command).contains("systemctl --user cat openclaw-gateway.service"))
        #expect(!plan.commands.contains { $0.command.contains("docker") })
    }

    @Test func placeholdersComeFromWhatDiscoveryFound() throws {
        var install = GatewayInstall(kind: .docker)
        install.container = "claw"
        let facts = [Fact(.gatewayHostPort, "28789", line: 2)]
        let plan = EvidencePlan(install: install, knowledgeBase: try KnowledgeBase.builtIn(), facts: facts, tools: nil)
        #expect(plan.commands.map(\.command).contains("curl -sS -i --max-time 5 http://127.0.0.1:28789/healthz"))
        #expect(plan.commands.map(\.command).contains("docker exec claw node dist/index.js devices list"))
        #expect(!plan.commands.contains { $0.command.contains("{container}") || $0.command.contains("{port}") })
    }

    /// Names come from the host's own output; one that smuggles a command in is caught by the
    /// policy like any other line.
    @Test func aContainerNameThatCarriesACommandRunsNothingButReads() throws {
        var install = GatewayInstall(kind: .docker)
        install.container = "gw; rm -rf ~/.openclaw"
        let plan = EvidencePlan(install: install, knowledgeBase: try KnowledgeBase.builtIn(), facts: [], tools: nil)
        #expect(!plan.commands.contains { $0.command.contains("rm -rf") })
        #expect(plan.skipped.contains { $0.command.hasPrefix("docker inspect gw; rm -rf") && $0.reason.contains("`rm`") })
    }

    @Test func podmanRunsTheDockerLinesWithPodman() throws {
        var install = GatewayInstall(kind: .podman)
        install.container = "openclaw"
        let plan = EvidencePlan(install: install, knowledgeBase: try KnowledgeBase.builtIn(), facts: [], tools: nil)
        #expect(plan.commands.map(\.command).contains("podman inspect openclaw"))
        #expect(!plan.commands.contains { $0.command.hasPrefix("docker ") })
    }

    @Test func sshRunsOneQuotedScriptInALoginShellWithoutPrompts() {
        let transport = CommandTransport(.ssh("alice@vps"), connectTimeout: 7)
        let arguments = transport.arguments(for: "docker compose logs --tail=80 openclaw-gateway | grep -E 'remote=|pairing'")
        #expect(Array(arguments.prefix(2)) == ["ssh", "-T"])
        #expect(arguments.contains("BatchMode=yes") && arguments.contains("ConnectTimeout=7"))
        #expect(arguments[arguments.count - 3] == "--" && arguments[arguments.count - 2] == "alice@vps")
        #expect(
            arguments.last
                == #"command -v bash >/dev/null 2>&1 && exec bash -lc 'docker compose logs --tail=80 openclaw-gateway | grep -E '\''remote=|pairing'\''' || exec sh -lc 'docker compose logs --tail=80 openclaw-gateway | grep -E '\''remote=|pairing'\'''"#
        )
        #expect(transport.promptIdentity(localUser: "bob", localHost: "laptop") == ("alice", "vps"))
        #expect(CommandTransport(.ssh("vps:2222")).promptIdentity(localUser: "bob", localHost: "laptop") == ("bob", "vps"))
    }
}

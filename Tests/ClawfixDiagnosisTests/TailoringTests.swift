import ClawfixEvidence
import ClawfixKnowledge
import Testing

@testable import ClawfixDiagnosis

struct TailoringTests {
    static let portsNode = SampleTrees.pairing.node("docker-ports")!
    static let logsNode = SampleTrees.pairing.node("docker-logs")!

    @Test func cliFollowsTheInstallKind() {
        let container = Fact(.gatewayContainer, "clawd-gw", line: 2)
        #expect(PlaceholderValues(FactSet([Fact(.installKind, "host")])).values["cli"] == "openclaw")
        #expect(
            PlaceholderValues(FactSet([Fact(.installKind, "compose")])).values["cli"]
                == "docker compose exec openclaw-gateway node dist/index.js")
        #expect(
            PlaceholderValues(FactSet([Fact(.installKind, "docker"), container])).values["cli"]
                == "docker exec -it clawd-gw node dist/index.js")
        // Unsaid, but a plain container in `docker ps` means a Docker install.
        #expect(PlaceholderValues(FactSet([container])).values["cli"] == "docker exec -it clawd-gw node dist/index.js")
        #expect(PlaceholderValues(FactSet()).values["cli"] == "openclaw")
    }

    /// Over SSH to a Docker server, `openclaw` is not on the host's PATH: the version comes from the
    /// gateway container, while a host install keeps the login-shell form.
    @Test func versionOverSSHAsksTheContainerForDockerInstalls() {
        let remote = Fact(.gatewayLocation, "remote", origin: .answer)
        let docker = CommandTailor(facts: FactSet([remote, Fact(.installKind, "docker", origin: .answer)]))
        #expect(
            docker.command(for: DiagnosisEngine.versionNode)
                == "ssh user@server \"docker exec openclaw-openclaw-gateway-1 node dist/index.js --version\"")
        let host = CommandTailor(facts: FactSet([remote, Fact(.installKind, "host", origin: .answer)]))
        #expect(host.command(for: DiagnosisEngine.versionNode) == "ssh user@server \"bash -lc 'openclaw --version'\"")
    }

    @Test func realContainerNameAndHostPortAreFilledIn() {
        let facts = FactSet([
            Fact(.installKind, "docker", origin: .answer), Fact(.gatewayContainer, "openclaw-prod", line: 2),
            Fact(.gatewayHostPort, "18888", line: 2),
        ])
        let tailor = CommandTailor(facts: facts)
        #expect(tailor.command(for: Self.logsNode) == "docker logs --tail 50 openclaw-prod")
        #expect(tailor.placeholders.fill("http://127.0.0.1:{port}/ {{.Names}} {unknown}") == "http://127.0.0.1:18888/ {{.Names}} {unknown}")
    }

    @Test(arguments: [
        ("root", nil, "sudo "), ("root", "alice", "sudo "), ("root", "root", ""), ("user", "alice", ""), (nil, nil, ""),
    ] as [(String?, String?, String)])
    func sudoWhenTheMountBelongsToRootAndTheUserIsNot(owner: String?, user: String?, expected: String) {
        var facts: [Fact] = [Fact(.configMountSource, "/root/.openclaw", line: 4)]
        if let owner { facts.append(Fact(.configMountOwner, owner, line: 4)) }
        if let user { facts.append(Fact(.shellUser, user, line: 1)) }
        let values = PlaceholderValues(FactSet(facts))
        #expect(values.values["sudo"] == expected)
        #expect(values.fill("{sudo}nano {config-dir}/openclaw.json") == "\(expected)nano /root/.openclaw/openclaw.json")
    }

    @Test func powerShellVariantOnWindows() {
        let facts = FactSet([Fact(.clientOS, "windows", origin: .answer), Fact(.installKind, "compose", origin: .answer)])
        #expect(CommandTailor(facts: facts).command(for: Self.portsNode) == "docker ps --format \"table {{.Names}}`t{{.Ports}}\"")
    }

    @Test func sshVariantForARemoteGatewayUntilTheUserIsOnTheServer() {
        let remote = Fact(.gatewayLocation, "remote", origin: .answer)
        #expect(
            CommandTailor(facts: FactSet([remote])).command(for: Self.portsNode)
                == "ssh user@server \"docker ps --format 'table {{.Names}}\\t{{.Ports}}'\"")
        let onServer = FactSet([remote, Fact(.commandLocation, "remote-host", line: 1)])
        #expect(CommandTailor(facts: onServer).command(for: Self.portsNode) == "docker ps --format \"table {{.Names}}\\t{{.Ports}}\"")
    }

    @Test func composeFallsBackToTheDockerVariantThenTheFirst() {
        let node = KnowledgeNode(
            id: "n", kind: .command, line: 1,
            commands: [
                CommandVariant(variant: "windows", command: "Get-Process", line: 2),
                CommandVariant(variant: "docker", command: "docker logs {container}", line: 3),
            ])
        #expect(
            CommandTailor(facts: FactSet([Fact(.installKind, "compose")])).command(for: node)
                == "docker logs openclaw-openclaw-gateway-1")
        #expect(CommandTailor(facts: FactSet([Fact(.installKind, "host")])).command(for: node) == "Get-Process")
    }
}

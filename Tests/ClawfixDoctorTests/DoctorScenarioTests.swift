import ClawfixDiagnosis
import ClawfixDoctor
import ClawfixFrontEnds
import ClawfixKnowledge
import ClawfixTestSupport
import Foundation
import Testing

/// Doctor against fake gateway hosts: what it runs, what it finds, and what the report (paste's
/// pipeline over the redacted evidence) names. Ranking is the engine's business; these tests hold
/// doctor to what it guarantees — the commands, the facts, evidence naming its command, redaction,
/// time limits — and check that the situation's diagnosis is among those reported.
@Suite(.serialized)
struct DoctorScenarioTests {
    struct Run {
        var evidence: DoctorEvidence
        var report: DiagnosisReport
        var calls: [String]
        var ids: [String] { report.diagnoses.map(\.id) }
        func hasFact(_ name: String, _ value: String) -> Bool { report.facts.contains { $0.name == name && $0.value == value } }
        var json: String { JSONReportRenderer().render(report) }
    }

    static let stage: DiagnosisStage = {
        let index = FileManager.default.temporaryDirectory.appendingPathComponent("clawfix-doctor-index-\(UUID().uuidString).sqlite")
        return try! DiagnosisStage.load(indexPath: index.path)
    }()

    /// Runs doctor on `host`. The handshake probe is off unless asked for: it dials this machine's
    /// 127.0.0.1, where the fakes' port 18789 may belong to anything.
    static func doctor(_ host: FakeHost, ssh: String? = nil, timeout: Double = 5, sudo: Bool = false, probe: Bool = false) throws -> Run {
        let transport = ssh.map { CommandTransport(.ssh($0), connectTimeout: 5) } ?? .local
        let options = Doctor.Options(transport: transport, timeout: timeout, allowSudo: sudo, environment: host.environment, probe: probe)
        let evidence = Doctor(options: options, knowledgeBase: try KnowledgeBase.builtIn()).collect()
        let reply = Conversation(id: "doctor", engine: stage).respond(to: evidence.document.text)
        return Run(evidence: evidence, report: evidence.document.annotating(reply.report), calls: host.recordedCalls())
    }

    /// The support thread in one run: the gateway sees the tunnelled browser from the Docker bridge,
    /// and the `openclaw-cli` container dials its own loopback.
    @Test func supportThreadSituationIsNamedInOneRun() throws {
        let host = try FakeHost()
        defer { host.remove() }
        try GatewayHosts.composeHost(host)
        let run = try Self.doctor(host)

        #expect(
            run.evidence.install.kind == .compose,
            "\(run.evidence.notes) \(run.evidence.records.map { ($0.command.command, $0.status, $0.timedOut, $0.seconds) })")
        #expect(run.evidence.install.container == "openclaw-openclaw-gateway-1")
        #expect(run.evidence.install.composeDirectory == (try GatewayHosts.projectDirectory(host)))
        #expect(run.evidence.install.exitedCLIContainer == "openclaw-openclaw-cli-run-9b8c7d6e5f4a")
        // The CLI that counts as local: inside the gateway container, without a TTY.
        #expect(run.calls.contains("docker compose exec -T openclaw-gateway node dist/index.js devices list"))
        #expect(run.calls.contains("docker inspect openclaw-openclaw-gateway-1"))
        #expect(run.calls.contains("docker compose config"))
        #expect(run.calls.contains { $0.hasPrefix("docker compose logs --tail=80 openclaw-gateway") })
        #expect(!run.calls.contains { $0.contains(" -it ") || $0.contains("approve") || $0.contains("restart") })
        // Both halves of the thread are in the evidence: the browser seen from the Docker bridge,
        // and the stopped CLI container's own log — it dialled its own loopback and got 1006.
        #expect(run.hasFact("gateway.remote-kind", "docker-bridge"))
        #expect(run.hasFact("docker.gateway-publish-scope", "loopback"))
        #expect(run.hasFact("compose.cli-network-mode", "default"))
        let cliLog = "docker logs --tail=20 openclaw-openclaw-cli-run-9b8c7d6e5f4a"
        let abnormal = try #require(run.report.facts.first { $0.name == "symptom" && $0.value == "abnormal-closure" })
        #expect(run.evidence.document.command(atLine: abnormal.line ?? 0) == cliLog)
        #expect(run.report.facts.contains { $0.name == "cli.target" && $0.value == "ws://127.0.0.1:18789" && run.evidence.document.command(atLine: $0.line ?? 0) == cliLog })
        #expect(run.ids.contains("docker-nat-not-local"), "\(run.ids)")
        #expect(run.ids.contains("cli-container-loopback"), "\(run.ids)")
        // Evidence names its command; the prompt line shows the project directory.
        let evidence = run.report.diagnoses.flatMap(\.evidence).map(\.text)
        #expect(evidence.contains { $0.contains("remote=172.18.0.1") && $0.hasSuffix("← docker compose logs --tail=80 openclaw-gateway") }, "\(evidence)")
        let lines = run.evidence.document.text.split(separator: "\n", omittingEmptySubsequences: false)
        let prompt = try #require(run.evidence.document.commandLines.first { $0.command == "docker compose ps -a" })
        #expect(lines[prompt.line - 1].hasSuffix(":~/openclaw# docker compose ps -a") || lines[prompt.line - 1].hasSuffix(":~/openclaw$ docker compose ps -a"))
        Self.expectNoSecret(run, [GatewayHosts.composeToken])
        #expect(run.report.redactions.count >= 3)
    }

    @Test func gatewayBoundToLoopbackInsideItsContainer() throws {
        let host = try FakeHost()
        defer { host.remove() }
        try GatewayHosts.loopbackHost(host)
        let run = try Self.doctor(host)

        #expect(run.evidence.install.kind == .docker)
        #expect(run.evidence.install.container == "openclaw-gateway")
        #expect(run.calls.contains { $0.hasPrefix("docker exec openclaw-gateway sh -lc ") && $0.contains("ss -ltnp") })
        #expect(run.hasFact("gateway.listen-in-container", "true"))
        #expect(run.ids.contains("loopback-bind-in-container"), "\(run.ids)")
        Self.expectNoSecret(run, [GatewayHosts.configToken])
    }

    /// Over SSH as alice: the container reads root's config, which alice edits as `~/.openclaw`.
    @Test func configUnderRootEditedInHomeOverSSH() throws {
        let host = try FakeHost()
        defer { host.remove() }
        try GatewayHosts.composeHost(host, configDirectory: "/root/.openclaw")
        try host.sshAndLoginShell()
        let run = try Self.doctor(host, ssh: "alice@vps", probe: true)

        #expect(run.evidence.reachable)
        // The handshake would dial this machine's loopback, not the server's: it says how instead.
        #expect(run.evidence.skipped.contains { $0.command.hasPrefix("clawfix probe") && $0.reason.contains("ssh -N -L 18789:127.0.0.1:18789 alice@vps") })
        #expect(!run.evidence.records.contains { $0.command.command.hasPrefix("clawfix probe") })
        let sshCalls = run.calls.filter { $0.hasPrefix("ssh ") }
        #expect(!sshCalls.isEmpty)
        #expect(sshCalls.allSatisfy { $0.contains("BatchMode=yes") && $0.contains("ConnectTimeout=5") && $0.contains("-- alice@vps ") })
        // A login shell, so `openclaw` would be on PATH as in an interactive session.
        #expect(run.calls.contains { $0.hasPrefix("bash -lc") })
        #expect(run.evidence.document.text.contains("alice@vps:~/openclaw$ docker compose ps -a\n"))
        #expect(run.hasFact("docker.config-mount-source", "/root/.openclaw"))
        #expect(run.hasFact("shell.user", "alice"))
        #expect(run.ids.contains("config-not-loaded"), "\(run.ids)")
        let fix = try #require(run.report.diagnoses.first { $0.id == "config-not-loaded" }?.fix)
        #expect(fix.contains("sudo nano /root/.openclaw/openclaw.json"), "\(fix)")
        Self.expectNoSecret(run, [GatewayHosts.composeToken])
    }

    /// No Docker on the host: the gateway is a systemd user service whose unit carries an old token.
    @Test func systemdServiceWithAStaleToken() throws {
        let host = try FakeHost()
        defer { host.remove() }
        try GatewayHosts.systemdHost(host)
        let run = try Self.doctor(host)

        #expect(run.evidence.install.kind == .systemdUser)
        #expect(run.calls.contains("openclaw gateway status"))
        #expect(run.calls.contains("systemctl --user cat openclaw-gateway.service"))
        #expect(!run.calls.contains { $0.hasPrefix("docker") })
        #expect(run.evidence.document.text.contains("Not installed on this host: docker, podman"))
        #expect(run.ids.contains("token-mismatch"), "\(run.ids)")
        #expect(!run.ids.contains("cli-not-on-path"))
        Self.expectNoSecret(run, [GatewayHosts.staleServiceToken, GatewayHosts.configToken])
    }

    @Test func noDockerNoServiceNothingListening() throws {
        let host = try FakeHost()
        defer { host.remove() }
        try GatewayHosts.bareHost(host)
        let run = try Self.doctor(host)

        #expect(run.evidence.install.kind == .none)
        #expect(!run.calls.contains { $0.hasPrefix("docker") || $0.hasPrefix("openclaw") })
        #expect(run.evidence.skipped.contains { $0.reason.contains("`openclaw` is not installed") })
        #expect(run.hasFact("curl.result", "refused"))
        #expect(run.ids.contains("gateway-not-running"), "\(run.ids)")
        #expect(!run.ids.contains("cli-not-on-path"))
    }

    @Test func dockerSocketWithoutPermissionIsAFactWithWhatToDo() throws {
        let host = try FakeHost()
        defer { host.remove() }
        try GatewayHosts.socketDeniedHost(host)
        let run = try Self.doctor(host)

        let note = try #require(run.evidence.notes.first { $0.message.contains("may not use the Docker socket") })
        #expect(note.command == "docker ps -a --format '{{json .}}'")
        #expect(note.message.contains("usermod -aG docker") && note.message.contains("--sudo"))
        #expect(run.evidence.document.text.contains("permission denied while trying to connect to the Docker daemon socket"))
        #expect(!run.calls.contains { $0.hasPrefix("sudo") })
    }

    @Test func withSudoTheDockerCommandsRunAsRootAndSaySo() throws {
        let host = try FakeHost()
        defer { host.remove() }
        try GatewayHosts.socketDeniedHost(host)
        let run = try Self.doctor(host, sudo: true)

        #expect(run.calls.contains("sudo -n docker ps -a --format {{json .}}"))
        #expect(run.evidence.install.kind == .compose)
        let sudoRecords = run.evidence.records.filter { $0.command.sudoReason != nil }
        #expect(sudoRecords.count > 3)
        #expect(sudoRecords.allSatisfy { $0.command.command.contains("sudo -n docker") })
        #expect(run.ids.contains("docker-nat-not-local"), "\(run.ids)")
        let summary = DoctorSummary(evidence: run.evidence, bundlePath: nil).lines().joined(separator: "\n")
        #expect(summary.contains("Ran with sudo (the Docker socket is root's): sudo -n docker ps -a --format '{{json .}}'"))
    }

    @Test func aHangingDockerCostsOneTimeLimitAndIsNamed() throws {
        let host = try FakeHost()
        defer { host.remove() }
        try GatewayHosts.hangingDockerHost(host)
        let start = Date()
        let run = try Self.doctor(host, timeout: 1)
        let elapsed = Date().timeIntervalSince(start)

        #expect(elapsed < 6, "doctor took \(elapsed) s")
        let note = try #require(run.evidence.notes.first { $0.message.contains("timed out after 1 s") })
        #expect(note.command == "docker ps -a --format '{{json .}}'")
        #expect(run.evidence.records.contains { $0.timedOut && $0.command.command.hasPrefix("docker ps") })
        let summary = DoctorSummary(evidence: run.evidence, bundlePath: nil).lines().joined(separator: "\n")
        #expect(summary.contains("`docker ps -a --format '{{json .}}'`: timed out after 1 s"))
    }

    /// The handshake on the published port, with the token from the container's environment: the
    /// gateway's own answer joins the evidence, shown as `clawfix probe`, the token never.
    @Test(arguments: [true, false])
    func handshakeProbeUsesTheContainersTokenAndShowsOnlyItsName(tokenIsCurrent: Bool) async throws {
        let enforced = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f"
        let inContainer = tokenIsCurrent ? enforced : GatewayHosts.staleServiceToken
        let gateway = try await GatewayEmulator.start(GatewayEmulatorProfile(era: .april, auth: .token(enforced)))
        let host = try FakeHost()
        defer { host.remove() }
        let port = gateway.port
        let listing = #"{"Command":"\"docker-entrypoint.s…\"","ID":"5c1e0f3b2a90","Image":"ghcr.io/openclaw/openclaw:latest","Labels":"","Names":"openclaw-gateway","Ports":"127.0.0.1:\#(port)-\u003e18789/tcp","State":"running","Status":"Up 3 hours"}"# + "\n"
        let ports = #"{"18789/tcp":[{"HostIp":"127.0.0.1","HostPort":"\#(port)"}]}"#
        try host.program(
            "docker",
            [
                .init("ps -a --format {{json .}}*", listing),
                .init("inspect openclaw-gateway", GatewayHosts.inspect(mountSource: "/home/alice/.openclaw", token: inContainer, ports: ports, labels: "")),
            ])
        try host.program("systemctl", [GatewayHosts.unitNotFound])
        let run = try Self.doctor(host, probe: true)
        try await gateway.stop()

        let probe = "clawfix probe ws://127.0.0.1:\(port) --token-env OPENCLAW_GATEWAY_TOKEN"
        #expect(run.evidence.records.contains { $0.command.command == probe })
        let probeFacts = run.report.facts.filter { run.evidence.document.command(atLine: $0.line ?? 0) == probe }
        if tokenIsCurrent {
            #expect(run.evidence.document.text.contains("hello-ok, protocol 3, server 2026.4.12"))
            #expect(run.evidence.document.text.contains("Verdict: ok — "))
        } else {
            #expect(run.evidence.document.text.contains("Verdict: token-mismatch — "), "\(run.evidence.document.text.suffix(700))")
            #expect(probeFacts.contains { $0.name == "symptom" && $0.value == "token-mismatch" }, "\(probeFacts)")
            #expect(run.ids.contains("token-mismatch"), "\(run.ids)")
        }
        Self.expectNoSecret(run, [enforced, inContainer])
    }

    /// Every secret the fakes printed is gone from the evidence, the report's text and its JSON.
    static func expectNoSecret(_ run: Run, _ secrets: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let texts = [run.evidence.document.text, run.json, TextRenderer().render(Reply(kind: .diagnosis, report: run.report))]
        for secret in secrets {
            for text in texts {
                #expect(!text.contains(secret), "secret …\(secret.suffix(4)) leaked", sourceLocation: sourceLocation)
                #expect(!text.contains(String(secret.prefix(16))), "part of …\(secret.suffix(4)) leaked", sourceLocation: sourceLocation)
            }
        }
    }
}

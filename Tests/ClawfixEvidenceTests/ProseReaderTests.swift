import Testing

@testable import ClawfixEvidence

/// Prose in every message: what users write around (or instead of) a paste, by shape.
struct ProseReaderTests {
    func said(_ text: String) -> [String] {
        ProseReader().read(text).map { "\($0.name.rawValue)=\($0.value)" }
    }

    @Test(arguments: [
        ("The gateway runs in Docker Desktop on Windows 11 with WSL2", ["install.kind=docker", "client.os=windows", "install.platform=docker-desktop", "install.platform=wsl2"]),
        ("It's installed natively with npm install -g openclaw, gateway as a systemd user service", ["install.kind=host", "install.platform=systemd"]),
        ("Mission Control runs in a container, OpenClaw itself is installed natively on the Mac", ["install.kind=host", "client.os=macos", "client.kind=container"]),
        ("OpenClaw runs on my Synology NAS behind the Synology reverse proxy", ["install.kind=docker", "gateway.location=remote", "access.path=reverse-proxy", "install.platform=synology"]),
        ("Deployed from the Railway template, dashboard on the public URL", ["install.kind=hosted", "gateway.location=remote", "install.platform=railway"]),
        ("gateway as a LaunchAgent on my MacBook", ["client.os=macos", "install.platform=launchagent"]),
        ("Home Assistant add-on, latest version", ["install.kind=docker", "gateway.location=remote", "openclaw.latest=true", "install.platform=home-assistant"]),
        ("openclaw on Unraid via the community app", ["install.kind=docker", "gateway.location=remote", "install.platform=unraid"]),
        ("用 docker compose 部署在群晖上", ["install.kind=compose", "gateway.location=remote", "install.platform=synology"]),
        ("lo tengo en un contenedor en mi servidor", ["install.kind=docker", "gateway.location=remote"]),
        // npm named with its verb, and the user's own machine, in the three languages.
        ("I installed openclaw with npm on my Ubuntu VPS", ["install.kind=host", "gateway.location=remote"]),
        ("我在云服务器上用 npm 安装的 openclaw", ["install.kind=host", "gateway.location=remote"]),
        ("Instalé openclaw con npm en un VPS de Hetzner", ["install.kind=host", "gateway.location=remote"]),
        ("Tengo openclaw en docker en mi portátil", ["install.kind=docker", "gateway.location=same-machine"]),
        // The browser on another device than the gateway.
        ("the gateway is on my Ubuntu box and I open the dashboard from my laptop", ["gateway.location=remote"]),
        ("desde mi móvil no conecta", ["gateway.location=remote"]),
    ])
    func installKindAndPlatformInWords(text: String, expected: [String]) {
        #expect(said(text) == expected)
    }

    @Test(arguments: [
        ("I restarted the gateway, still pairing required.", ["fix.tried=restart"]),
        ("I already approved it with openclaw devices approve", ["fix.tried=approve"]),
        ("set allowInsecureAuth, no change", ["fix.tried=allow-insecure-auth", "config.gateway.controlUi.allowInsecureAuth=true"]),
        ("Cleared the cache and tried incognito — same error", ["fix.tried=clear-browser"]),
        ("重启了网关还是不行", ["fix.tried=restart"]),
        ("Ya reinicié el gateway y sigue igual", ["fix.tried=restart"]),
        // A step to do is not a thing tried; a negated fix is not either.
        ("Restart the gateway and open the dashboard", []),
        ("I haven't restarted it yet, still failing", []),
        ("autoApproveCidrs is set but it still asks", []),
    ])
    func whatWasTriedAndFailed(text: String, expected: [String]) {
        #expect(said(text).filter { $0.hasPrefix("fix.tried") || $0.hasPrefix("config.") } == expected)
    }

    /// What the words say about the failing client and the pairing list, in the three languages.
    @Test(arguments: [
        ("openclaw devices list shows no pending requests, there is nothing to approve", ["devices.pending-count=0"]),
        ("I ran devices list --json and there is no request ID at all", ["devices.pending-count=0"]),
        ("devices list 里没有待批准的设备", ["devices.pending-count=0"]),
        ("en devices list no hay solicitudes pendientes", ["devices.pending-count=0"]),
        ("every exec call of my agent fails with pairing required", ["client.kind=agent"]),
        ("subagent spawns are rejected since the update", ["openclaw.updated=true", "client.kind=agent"]),
        ("las llamadas a exec del agente fallan", ["client.kind=agent"]),
        ("my dashboard runs in its own container and cannot connect", ["client.kind=container"]),
        ("the websocket to the gateway times out", ["symptom=connection-timeout"]),
        // `docker exec` is the user's command, not the agent's tool; an approved list is not empty.
        ("I used docker exec to run devices list and approved the request", []),
    ])
    func clientAndPairingListInWords(text: String, expected: [String]) {
        #expect(said(text).filter { !$0.hasPrefix("fix.tried") && !$0.hasPrefix("install.") } == expected)
    }

    @Test func bulletsUnderATriedHeadingWereTried() {
        let text = """
            Things I've tried:

            - openclaw gateway restart (several times)
            - Deleted ~/.openclaw/identity/device-auth.json
            - openclaw doctor --fix

            The Telegram session works fine.
            - Restart the container to apply
            """
        #expect(said(text).filter { $0.hasPrefix("fix.tried") } == ["fix.tried=restart", "fix.tried=reset-device-identity", "fix.tried=doctor"])
    }

    @Test(arguments: [
        ("Environment: OpenClaw 2026.3.7, Ubuntu", ["openclaw.version=2026.3.7"]),
        ("After upgrading from 2026.3.8 to 2026.3.13 every CLI call fails.", ["openclaw.version=2026.3.13", "openclaw.last-working-version=2026.3.8", "openclaw.updated=true"]),
        ("Running v2026.4.25 (aa36ee6) on a VPS", ["gateway.location=remote", "openclaw.version=2026.4.25", "openclaw.build=aa36ee6"]),
        ("2026.6.9 breaks it, 2026.6.8 is unaffected", ["openclaw.version=2026.6.9", "openclaw.last-working-version=2026.6.8"]),
        ("升级到2026.2.23后无法启动，降级到2026.2.22恢复正常", ["openclaw.version=2026.2.23", "openclaw.last-working-version=2026.2.22"]),
        ("Since the update (2026.2.19-2), the TUI loops.", ["openclaw.version=2026.2.19", "openclaw.updated=true"]),
        ("built from git main @ 4d044339", ["openclaw.build=4d044339"]),
    ])
    func releasesInWords(text: String, expected: [String]) {
        #expect(said(text) == expected)
    }

    @Test(arguments: [
        ("- Gateway config: `gateway.controlUi.allowInsecureAuth: true` is set", ["config.gateway.controlUi.allowInsecureAuth=true"]),
        ("bind: loopback, auth.mode: token, token present", ["config.gateway.auth.mode=token", "config.gateway.bind=loopback", "gateway.bind=loopback"]),
        ("the auth mode is password and gateway.bind=lan", ["config.gateway.auth.mode=password", "config.gateway.bind=lan", "gateway.bind=lan"]),
        ("my allowedOrigins is [\"http://localhost:18789\", \"http://127.0.0.1:18789\"]", ["config.gateway.controlUi.allowedOrigins=http://localhost:18789", "config.gateway.controlUi.allowedOrigins=http://127.0.0.1:18789"]),
        ("token auth with a LAN bind, gateway on port 18788", ["config.gateway.auth.mode=token", "gateway.bind=lan", "gateway.port=18788"]),
    ])
    func settingsInWordsAndBullets(text: String, expected: [String]) {
        #expect(said(text) == expected)
    }

    @Test func aURLWhereItWorksIsNotTheFailingOne() {
        let text = """
            Opening http://192.168.1.40:18789 from the laptop fails with device identity required
            - http://127.0.0.1:18789 on the host works fine
            """
        let facts = EvidenceReader.standard.read(PasteDocument(redactedText: text)) + ProseReader().read(text)
        let strings = facts.map { "\($0.name.rawValue)=\($0.value)@\($0.line ?? 0)" }
        #expect(strings.contains("browser.url=http://192.168.1.40:18789@1"))
        #expect(!strings.contains { $0.hasPrefix("browser.url=http://127.0.0.1") })
        #expect(strings.contains("browser.working-url=http://127.0.0.1:18789@2"))
        #expect(strings.contains("browser.working-host-kind=loopback@2"))
    }

    /// Output lines are never read as the user's words, however much they say "docker" or "server".
    @Test func outputLinesAreNotProse() {
        let text = """
            root@vps:~/openclaw# docker compose logs --tail=5 openclaw-gateway
            openclaw-gateway-1  | 2026-04-13T10:15:31.011+00:00 [gateway] listening on ws://0.0.0.0:18789 (remote server mode)
            {"gateway": {"bind": "lan"}}
            NAME                          IMAGE            SERVICE            STATUS
            openclaw-openclaw-gateway-1   openclaw:local   openclaw-gateway   Up 2 hours
                at Object.onClose (file:///opt/openclaw/dist/call-Bqvg4amd.js:266:10)
            """
        #expect(said(text).isEmpty)
    }

    /// Pasted from Windows: CRLF line ends and a path into WSL.
    @Test func windowsLineEndsAndAWSLPath() {
        let text = "I edit \\\\wsl$\\Ubuntu\\home\\dana\\.openclaw\\openclaw.json in Notepad\r\nand restarted, still the same\r\n"
        #expect(said(text) == ["client.os=windows", "install.platform=wsl2", "fix.tried=restart"])
        #expect(ProseReader().read(text).allSatisfy { $0.text?.contains("\r") == false })
    }

    @Test func aMegabyteOfLogsWithOneSentenceReadsTheSentence() {
        var text = "I use docker compose on a VPS and restarted twice, still the same.\n"
        let record = "2026-04-13T10:15:31.011+00:00 [ws] closed before connect conn=1 remote=172.18.0.1 fwd=n/a origin=http://localhost:18789 code=1008 reason=pairing required\n"
        while text.utf8.count < 1_000_000 { text += record }
        #expect(said(text) == ["install.kind=compose", "gateway.location=remote", "fix.tried=restart"])
    }
}

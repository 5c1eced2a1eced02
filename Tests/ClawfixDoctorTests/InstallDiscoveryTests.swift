import ClawfixDoctor
import Testing

/// How discovery's outputs decide the install, for the kinds the fake hosts do not cover.
struct InstallDiscoveryTests {
    static func output(_ command: String, _ text: String, status: Int32 = 0) -> InstallDiscovery.Output {
        (PlannedCommand(command, source: "discovery"), text, text, status)
    }

    @Test func systemSystemdServiceWhenTheUserHasNone() {
        let install = InstallDiscovery.install(from: [
            Self.output("systemctl --user status openclaw-gateway.service --no-pager --lines=0", "Unit openclaw-gateway.service could not be found.\n", status: 4),
            Self.output(
                "systemctl status openclaw-gateway.service --no-pager --lines=0",
                "○ openclaw-gateway.service - OpenClaw Gateway\n     Loaded: loaded (/etc/systemd/system/openclaw-gateway.service; enabled; preset: enabled)\n     Active: inactive (dead)\n",
                status: 3),
        ])
        #expect(install.kind == .systemdSystem)
        #expect(install.summary == "systemd system service openclaw-gateway.service")
    }

    @Test func launchAgentByItsLabel() {
        let install = InstallDiscovery.install(from: [Self.output("launchctl list | grep -i openclaw", "4242\t0\tai.openclaw.gateway\n")])
        #expect(install.kind == .launchAgent)
        #expect(install.serviceName == "ai.openclaw.gateway")
    }

    @Test func plainProcessWhenNothingSupervisesIt() {
        let install = InstallDiscovery.install(from: [
            Self.output("systemctl --user status openclaw-gateway.service --no-pager --lines=0", "Unit openclaw-gateway.service could not be found.\n", status: 4),
            Self.output("ps -eo pid=,comm=,args= | grep …", "   8126 openclaw-gatewa openclaw-gateway\n"),
        ])
        #expect(install.kind == .process)
        #expect(install.process == "8126 openclaw-gatewa openclaw-gateway")
    }

    @Test func podmanTableNamesTheGatewayContainer() {
        let listing = """
            NAMES             IMAGE                             STATUS      PORTS
            openclaw-gateway  ghcr.io/openclaw/openclaw:latest  Up 3 hours  0.0.0.0:18789->18789/tcp

            """
        let install = InstallDiscovery.install(from: [
            Self.output(#"podman ps -a --format "table {{.Names}}\t{{.Image}}\t{{.Status}}\t{{.Ports}}""#, listing)
        ])
        #expect(install.kind == .podman)
        #expect(install.container == "openclaw-gateway")
        #expect(install.knowledgeVariant == "docker")
    }

    @Test func nothingFoundIsSaidSo() {
        let install = InstallDiscovery.install(from: [Self.output("ps -eo pid=,comm=,args= | grep …", "", status: 1)])
        #expect(install.kind == .none)
        #expect(install.summary == "no gateway (no container, service or process)")
    }

    @Test func toolsAndHomeFromTheProbeOutput() {
        let output = "HOME=/home/alice\n/usr/bin/docker\n/home/alice/.npm-global/bin/openclaw\n/usr/bin/ss\nalias ls='ls --color'\n"
        #expect(InstallDiscovery.presentTools(in: output) == ["docker", "openclaw", "ss"])
        #expect(InstallDiscovery.home(in: output) == "/home/alice")
    }
}

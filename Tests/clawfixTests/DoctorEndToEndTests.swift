import ClawfixTestSupport
import Foundation
import Testing

/// `clawfix doctor` as a user runs it on a gateway host made of fake executables.
@Suite(.serialized)
struct DoctorEndToEndTests {
    static func environment(_ host: FakeHost) -> [String: String] {
        var environment = host.environment
        environment["HOME"] = nil
        return environment
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text.prefix(300))")
    }

    static func ids(_ object: [String: Any]) -> [String] {
        (object["diagnoses"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    /// The bundle is the evidence doctor analysed: pasted back, it gives the same diagnoses.
    @Test func bundlePastedBackGivesTheSameTopDiagnosisAndNoSecretAnywhere() throws {
        let host = try FakeHost()
        defer { host.remove() }
        try GatewayHosts.composeHost(host)
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        let bundle = binary.home.appendingPathComponent("evidence.md").path

        let doctor = try binary.run(["doctor", "--no-probe", "--format", "json", "--bundle", bundle], environment: Self.environment(host))
        #expect(doctor.status == 0, "\(doctor.stderr)")
        let report = try Self.json(doctor.stdout)
        let doctorIDs = Self.ids(report)
        #expect(doctorIDs.contains("docker-nat-not-local"), "\(doctorIDs)")
        let details = try #require(report["doctor"] as? [String: Any])
        #expect((details["install"] as? [String: Any])?["kind"] as? String == "compose")
        #expect((details["commands"] as? [[String: Any]])?.count ?? 0 > 15)
        #expect(details["bundle"] as? String == bundle)

        let pasted = try binary.run(["paste", bundle, "--format", "json"])
        #expect(pasted.status == 0, "\(pasted.stderr)")
        let pastedIDs = Self.ids(try Self.json(pasted.stdout))
        #expect(pastedIDs.first == doctorIDs.first)
        #expect(Set(pastedIDs) == Set(doctorIDs))

        let text = try binary.run(["doctor", "--no-probe", "--format", "text"], environment: Self.environment(host))
        #expect(text.status == 0)
        #expect(text.stdout.contains("Found: docker compose container openclaw-openclaw-gateway-1"))
        #expect(text.stdout.contains("← docker compose logs --tail=80 openclaw-gateway"), "\(text.stdout.prefix(2000))")
        let markdown = try binary.run(["doctor", "--no-probe", "--format", "markdown"], environment: Self.environment(host))
        #expect(markdown.stdout.hasPrefix("## clawfix doctor\n"))

        let bundleText = try String(contentsOfFile: bundle, encoding: .utf8)
        #expect(bundleText.hasPrefix("# clawfix doctor: evidence from "))
        for output in [doctor.stdout, doctor.stderr, text.stdout, markdown.stdout, bundleText] {
            #expect(!output.contains(GatewayHosts.composeToken))
            #expect(!output.contains(String(GatewayHosts.composeToken.prefix(12))))
        }
    }

    @Test func dryRunPrintsTheCommandsAndRunsNone() throws {
        let host = try FakeHost()
        defer { host.remove() }
        try GatewayHosts.composeHost(host)
        try host.sshAndLoginShell()
        let binary = try ClawfixBinary()
        defer { binary.remove() }

        for arguments in [["doctor", "--dry-run"], ["doctor", "--dry-run", "--ssh", "alice@vps"]] {
            let result = try binary.run(arguments, environment: Self.environment(host))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("docker ps -a --format '{{json .}}'"))
            #expect(result.stdout.contains("docker compose exec -T openclaw-gateway node dist/index.js devices list"))
            #expect(result.stdout.contains("skip: openclaw logs --follow"))
        }
        #expect(host.recordedCalls().isEmpty, "\(host.recordedCalls())")
    }

    @Test func aHangingDockerEndsWithinTheLimitAndIsNamed() throws {
        let host = try FakeHost()
        defer { host.remove() }
        try GatewayHosts.hangingDockerHost(host)
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        let start = Date()
        let result = try binary.run(["doctor", "--no-probe", "--timeout", "1"], environment: Self.environment(host))
        let elapsed = Date().timeIntervalSince(start)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(elapsed < 10, "doctor took \(elapsed) s")
        #expect(result.stdout.contains("`docker ps -a --format '{{json .}}'`: timed out after 1 s"), "\(result.stdout)")
    }

    @Test func anSSHLoginThatWouldPromptFailsWithWhatToDo() throws {
        let host = try FakeHost()
        defer { host.remove() }
        try host.program("ssh", [.init("*", "alice@vps: Permission denied (publickey).\n", status: 255)])
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        let result = try binary.run(["doctor", "--ssh", "alice@vps"], environment: Self.environment(host))
        #expect(result.status == 1)
        #expect(result.stdout.contains("ssh to alice@vps failed: key authentication was refused"), "\(result.stdout)")
        #expect(host.recordedCalls().count == 1)
    }
}

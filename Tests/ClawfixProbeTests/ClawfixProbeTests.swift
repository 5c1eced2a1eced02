import ClawfixEvidence
@testable import ClawfixProbe
import NIOCore
import ClawfixTestSupport
import Foundation
import Testing

/// Each emulator profile against the real probe over loopback: exact outcome, close, requestId.
@Suite struct GatewayProbeTests {
    static let token = "s3cr3t-gateway-token-4f9a"

    func probe(_ profile: GatewayEmulatorProfile, _ options: ProbeOptions = ProbeOptions(credential: .token(token), timeout: 1))
        async throws -> ProbeReport
    {
        let gateway = try await GatewayEmulator.start(profile)
        let report = await GatewayProbe(target: ProbeTarget(url: gateway.url)!, options: options).run()
        try await gateway.stop()
        return report
    }

    func device() throws -> DeviceIdentity { DeviceIdentity() }

    @Test(arguments: [GatewayEmulatorProfile.Era.february, .april, .v4])
    func okThenHealth(era: GatewayEmulatorProfile.Era) async throws {
        // A generous budget: every step, /healthz included, must fit even on a loaded machine.
        let report = try await probe(
            GatewayEmulatorProfile(era: era, auth: .token(Self.token)), ProbeOptions(credential: .token(Self.token), timeout: 10))
        #expect(report.outcome == .ok)
        #expect(report.close == nil)
        #expect(report.requestId == nil)
        #expect(report.serverProtocol == (era == .v4 ? 4 : 3))
        #expect(report.serverVersion == (era == .february ? "2026.2.9" : era == .april ? "2026.4.12" : "2026.6.3"))
        #expect(report.steps.map(\.name).starts(with: ["dns", "tcp", "http", "challenge", "connect", "health"]))
        #expect(report.steps.first { $0.name == "health" }?.status == "ok")
        #expect(report.steps.last?.name == "healthz")
        #expect(report.steps.last?.status == (era == .february ? "failed" : "ok"))
    }

    @Test func pairingRequiredApril() async throws {
        let report = try await probe(
            GatewayEmulatorProfile(era: .april, auth: .token(Self.token)),
            ProbeOptions(credential: .token(Self.token), device: try device(), timeout: 1))
        #expect(report.outcome == .pairingRequired)
        #expect(report.close == .init(code: 1008, reason: "pairing required"))
        #expect(report.requestId == "7d3b5c1e-2f4a-4b6c-9d8e-0a1b2c3d4e5f")
        #expect(report.error?.detailsCode == "PAIRING_REQUIRED")
        #expect(report.symptoms == ["pairing-required"])
    }

    @Test func pairingRequiredFebruaryUsesDetailsRequestId() async throws {
        let report = try await probe(
            GatewayEmulatorProfile(era: .february, auth: .token(Self.token), requestId: "feb-req-1"),
            ProbeOptions(credential: .token(Self.token), device: try device(), timeout: 1))
        #expect(report.outcome == .pairingRequired)
        #expect(report.close == .init(code: 1008, reason: "pairing required"))
        #expect(report.requestId == "feb-req-1")
    }

    @Test func pairingRequiredV4ReasonCarriesRequestId() async throws {
        let report = try await probe(
            GatewayEmulatorProfile(era: .v4, auth: .token(Self.token), requestId: "v4-req-9"),
            ProbeOptions(credential: .token(Self.token), device: try device(), timeout: 1))
        #expect(report.outcome == .pairingRequired)
        #expect(report.close == .init(code: 1008, reason: "pairing required: device is not approved yet (requestId: v4-req-9)"))
        #expect(report.requestId == "v4-req-9")
    }

    @Test func localSocketPairsSilently() async throws {
        let report = try await probe(
            GatewayEmulatorProfile(era: .april, auth: .token(Self.token), socketIsLocal: true),
            ProbeOptions(credential: .token(Self.token), device: try device(), timeout: 1))
        #expect(report.outcome == .ok)
    }

    @Test func tokenMissingNeedsADevice() async throws {
        let report = try await probe(
            GatewayEmulatorProfile(era: .april, auth: .token(Self.token)), ProbeOptions(device: try device(), timeout: 1))
        #expect(report.outcome == .tokenMissing)
        #expect(report.close == .init(code: 1008, reason: "unauthorized: gateway token missing (provide gateway auth token)"))
        #expect(report.requestId == nil)
        #expect(report.symptoms == ["token-missing"])
    }

    @Test func tokenMismatch() async throws {
        let report = try await probe(
            GatewayEmulatorProfile(era: .april, auth: .token("the-real-one")), ProbeOptions(credential: .token(Self.token), timeout: 1))
        #expect(report.outcome == .tokenMismatch)
        #expect(report.close == .init(code: 1008, reason: "unauthorized: gateway token mismatch (provide gateway auth token)"))
        #expect(report.error?.authReason == "token_mismatch")
        #expect(report.symptoms == ["token-mismatch"])
    }

    @Test func deviceIdentityRequiredWithoutTokenOrDevice() async throws {
        let report = try await probe(GatewayEmulatorProfile(era: .april), ProbeOptions(timeout: 1))
        #expect(report.outcome == .deviceIdentityRequired)
        #expect(report.close == .init(code: 1008, reason: "device identity required"))
        #expect(report.error?.code == "NOT_PAIRED")
    }

    @Test func controlUIInsecureContextByEra() async throws {
        let april = try await probe(
            GatewayEmulatorProfile(era: .april, auth: .token(Self.token), socketIsLocal: true),
            ProbeOptions(credential: .token(Self.token), origin: "http://127.0.0.1:18789", timeout: 1, client: .controlUI))
        #expect(april.outcome == .insecureContext)
        #expect(april.close == .init(code: 1008, reason: "control ui requires device identity (use HTTPS or localhost secure context)"))
        let february = try await probe(
            GatewayEmulatorProfile(era: .february, auth: .token(Self.token), socketIsLocal: true),
            ProbeOptions(credential: .token(Self.token), origin: "http://127.0.0.1:18789", timeout: 1, client: .controlUI))
        #expect(february.outcome == .insecureContext)
        #expect(february.close == .init(code: 1008, reason: "control ui requires HTTPS or localhost (secure context)"))
    }

    @Test func originNotAllowed() async throws {
        let report = try await probe(
            GatewayEmulatorProfile(era: .april, auth: .token(Self.token)),
            ProbeOptions(credential: .token(Self.token), origin: "http://192.0.2.10:8080", timeout: 1))
        #expect(report.outcome == .originNotAllowed)
        #expect(report.close == .init(
            code: 1008,
            reason: "origin not allowed (open the Control UI from the gateway host or allow it in gateway.controlUi.allowedOrigins)"))
        #expect(report.error?.details == #"{"code":"CONTROL_UI_ORIGIN_NOT_ALLOWED","reason":"origin not allowed"}"#)
    }

    @Test func protocolMismatchV3AndV4Shapes() async throws {
        let v3 = try await probe(
            GatewayEmulatorProfile(era: .april, auth: .token(Self.token)),
            ProbeOptions(credential: .token(Self.token), timeout: 1, minProtocol: 4, maxProtocol: 4))
        #expect(v3.outcome == .protocolMismatch)
        #expect(v3.close == .init(code: 1002, reason: "protocol mismatch"))
        #expect(v3.error?.details == #"{"expectedProtocol":3}"#)
        let v4 = try await probe(
            GatewayEmulatorProfile(era: .v4, auth: .token(Self.token)),
            ProbeOptions(credential: .token(Self.token), timeout: 1, minProtocol: 5, maxProtocol: 5))
        #expect(v4.outcome == .protocolMismatch)
        #expect(v4.close == .init(code: 1002, reason: "protocol mismatch"))
        #expect(v4.error?.details
            == #"{"clientMaxProtocol":5,"clientMinProtocol":5,"code":"PROTOCOL_MISMATCH","expectedProtocol":4,"minimumProbeProtocol":3}"#)
    }

    @Test func v4GatewayStarting() async throws {
        let report = try await probe(GatewayEmulatorProfile(era: .v4, auth: .token(Self.token), startupPending: true))
        #expect(report.outcome == .gatewayStarting)
        #expect(report.close == .init(code: 1013, reason: "gateway starting"))
    }

    @Test func handshakeTimeoutClosesNormallyWithEmptyReason() async throws {
        // The emulator's timer must fire well after it has read our connect: closing with unread
        // bytes makes the kernel send a reset, which can overtake the close frame (a 1006 then).
        let report = try await probe(
            GatewayEmulatorProfile(misbehaviour: .ignoreConnect, handshakeTimeout: 0.6),
            ProbeOptions(credential: .token(Self.token), timeout: 2))
        #expect(report.outcome == .handshakeTimeout, "\(report.steps)")
        #expect(report.close == .init(code: 1000, reason: ""))
        #expect(report.requestId == nil)
        #expect(report.symptoms == ["normal-closure"])
    }

    @Test func noChallengeWithinTimeout() async throws {
        let report = try await probe(GatewayEmulatorProfile(misbehaviour: .noChallenge))
        #expect(report.outcome == .noChallenge)
        #expect(report.close == nil)
        // Bounded by the 1 s timeout, not hanging (the bench measures the real figure).
        #expect(report.elapsedMs < 10_000)
    }

    /// The verdict is the event loop's: with every cooperative-pool thread busy (as when CPU-bound
    /// suites run beside this one), the probe still times out at its deadline and reports the loop's
    /// timings, although this task resumes only when a pool thread frees up.
    @Test func verdictTimingDoesNotDependOnTheCooperativePool() async throws {
        let gateway = try await GatewayEmulator.start(GatewayEmulatorProfile(misbehaviour: .noChallenge))
        let busyFor = ContinuousClock.Duration.seconds(3)
        let spinners = (0..<ProcessInfo.processInfo.activeProcessorCount).map { _ in
            Task.detached {
                let end = ContinuousClock.now + busyFor
                var spins = 0
                while ContinuousClock.now < end { spins &+= 1 }
                return spins
            }
        }
        let started = ContinuousClock.now
        let report = await GatewayProbe(
            target: ProbeTarget(url: gateway.url)!, options: ProbeOptions(credential: .token(Self.token), timeout: 0.3, checkHealthz: false)
        ).run()
        let waited = ContinuousClock.now - started
        for spinner in spinners { _ = await spinner.value }
        try await gateway.stop()
        #expect(report.outcome == .noChallenge)
        #expect(report.steps.map(\.name) == ["dns", "tcp", "http", "challenge"])
        // The report was finished on the loop at ~300 ms; only the resumption waited for the pool.
        #expect(report.elapsedMs < 2_000, "elapsed \(report.elapsedMs) ms, awaited \(waited)")
    }

    @Test func tcpDropWithoutCloseFrame() async throws {
        let report = try await probe(GatewayEmulatorProfile(misbehaviour: .dropAfterConnect))
        #expect(report.outcome == .closed)
        #expect(report.close == nil)
        #expect(report.facts().contains { $0.name == .closeCode && $0.value == "1006" })
    }

    @Test func http503WhileStarting() async throws {
        let report = try await probe(.gatewayStarting503())
        #expect(report.outcome == .gatewayStarting)
        #expect(report.http == .init(status: 503, body: "Gateway websocket handlers unavailable"))
        #expect(report.close == nil)
    }

    @Test func http503TooManySockets() async throws {
        let report = try await probe(.tooManySockets503())
        #expect(report.outcome == .httpRejected)
        #expect(report.http == .init(status: 503, body: "Too many unauthenticated sockets"))
    }

    @Test func browserControlPortIsTheWrongPort() async throws {
        let report = try await probe(.browserControlService())
        #expect(report.outcome == .httpRejected)
        #expect(report.http == .init(status: 401, body: "Unauthorized"))
        #expect(report.symptoms == ["http-unauthorized"])
    }

    @Test func plainPageIsNotAGateway() async throws {
        let report = try await probe(.plainPage())
        #expect(report.outcome == .notAGateway)
        #expect(report.http?.status == 200)
    }

    @Test func hugeFrameIsRefusedUnread() async throws {
        let report = try await probe(GatewayEmulatorProfile(misbehaviour: .hugeFrame(bytes: (25 << 20) + 1)))
        #expect(report.outcome == .frameTooLarge)
        #expect(report.steps.last { $0.name == "challenge" }?.detail == "frame of 26214401 bytes refused (limit 26214400)")
    }

    @Test func garbageFrame() async throws {
        let report = try await probe(GatewayEmulatorProfile(misbehaviour: .garbageFrame))
        #expect(report.outcome == .garbage)
    }

    @Test func tricklingServerEndsInTimeout() async throws {
        let report = try await probe(GatewayEmulatorProfile(misbehaviour: .trickle(interval: 0.2)),
                                     ProbeOptions(credential: .token(Self.token), timeout: 0.6))
        #expect(report.outcome == .timeout)
        #expect(report.elapsedMs < 10_000)
    }

    @Test func refusedPortIsFast() async throws {
        let gateway = try await GatewayEmulator.start(.ok())
        let port = gateway.port
        try await gateway.stop()
        let report = await GatewayProbe(target: ProbeTarget(url: "ws://127.0.0.1:\(port)")!, options: ProbeOptions(timeout: 1)).run()
        #expect(report.outcome == .refused)
        #expect(report.symptoms == ["connection-refused"])
        #expect(report.elapsedMs < 50)
    }

    @Test func tokenNeverInReportOrFacts() async throws {
        let report = try await probe(GatewayEmulatorProfile(era: .april, auth: .token("other")))
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(!json.contains(Self.token))
        #expect(!report.facts().contains { $0.value.contains(Self.token) || ($0.text ?? "").contains(Self.token) })
    }

    @Test func factsForPairing() async throws {
        let report = try await probe(
            GatewayEmulatorProfile(era: .april, auth: .token(Self.token)),
            ProbeOptions(credential: .token(Self.token), device: try device(), timeout: 1))
        let facts = report.facts()
        #expect(facts.allSatisfy { $0.origin == .probe && $0.line == nil })
        #expect(facts.contains(Fact(.symptom, "pairing-required", text: "probe: close 1008 pairing required", origin: .probe)))
        #expect(facts.contains { $0.name == .pairingRequestId && $0.value == "7d3b5c1e-2f4a-4b6c-9d8e-0a1b2c3d4e5f" })
        #expect(facts.contains { $0.name == .errorReporter && $0.value == "probe" })
        #expect(facts.contains { $0.name == .probeOutcome && $0.value == "pairing-required" })
    }
}

/// The answers the issue's newcomer met, each against the emulator: what the probe now reads.
@Suite struct ProbeVerdictTests {
    static let token = "verdict-test-token-5b2e"

    func probe(_ profile: GatewayEmulatorProfile, _ options: ProbeOptions) async throws -> ProbeReport {
        let gateway = try await GatewayEmulator.start(profile)
        let report = await GatewayProbe(target: ProbeTarget(url: gateway.url)!, options: options).run()
        try await gateway.stop()
        return report
    }

    /// The gateway's 25 MiB frames are read: a 2 MiB challenge is an answer, not "frame too large".
    @Test func framesAsLargeAsTheGatewayAllowsAreRead() async throws {
        let report = try await probe(
            GatewayEmulatorProfile(misbehaviour: .hugeFrame(bytes: 2 << 20)), ProbeOptions(credential: .token(Self.token), timeout: 3))
        #expect(report.outcome == .garbage, "a 2 MiB frame of x is read whole, then found not to be JSON")
        #expect(report.steps.contains { $0.detail.hasPrefix("a frame that is not a JSON object: xxxx") })
    }

    @Test func closeAfterInvalidJSONIsReadAndReportedWithItsCode() async throws {
        let report = try await probe(
            GatewayEmulatorProfile(misbehaviour: .notJSONThenClose(code: 1003, reason: "unsupported data")),
            ProbeOptions(credential: .token(Self.token), timeout: 3))
        #expect(report.outcome == .garbage)
        #expect(report.close == .init(code: 1003, reason: "unsupported data"))
        #expect(report.summary == "probe: close 1003 unsupported data")
        #expect(ProbeVerdict(report).headline.hasSuffix("neither HTTP nor a gateway message and then closed with 1003 unsupported data."))
        #expect(report.elapsedMs < 2_000, "the close is read as it comes, not at the deadline")
    }

    @Test func rateLimitedIsItsOwnVerdictNotATokenMismatch() async throws {
        let report = try await probe(
            GatewayEmulatorProfile(era: .april, auth: .token(Self.token), lockedOut: true),
            ProbeOptions(credential: .token(Self.token), timeout: 2))
        #expect(report.outcome == .rateLimited)
        #expect(report.symptoms == ["rate-limited"])
        let verdict = ProbeVerdict(report)
        #expect(verdict.nextStep.hasPrefix("Wait 5 minutes (or restart the gateway, which clears the lockout), then fix the credential"))
        #expect(!verdict.headline.contains("mismatch") && !verdict.nextStep.contains("differ"))
    }

    @Test func aHealthyGatewayProbedWithoutATokenIsUpAndWantsOne() async throws {
        let report = try await probe(GatewayEmulatorProfile(era: .april, auth: .token(Self.token)), ProbeOptions(timeout: 2))
        #expect(report.outcome == .deviceIdentityRequired)
        #expect(report.credentialSent == "none")
        let verdict = ProbeVerdict(report)
        #expect(verdict.headline == "The gateway is up and wants a token.")
        #expect(verdict.gatewayIsUp)
        #expect(!verdict.nextStep.contains("secure context") && !verdict.headline.contains("insecure"))
    }

    @Test func aWebPageIsNamedByItsTitleNotItsHTML() async throws {
        let report = try await probe(.plainPage(), ProbeOptions(timeout: 2))
        #expect(report.outcome == .notAGateway)
        #expect(report.summary == "probe: HTTP 200, a web page titled \"It works\" (HTTP 200)")
        #expect(!ProbeVerdict(report).headline.contains("<"))
        #expect(!report.steps.contains { $0.detail.contains("<!doctype") })
    }

    @Test(arguments: [
        (EHOSTUNREACH, ProbeOutcome.unreachable, "10.9.8.7:18789: no route to host (errno 113)"),
        (ENETUNREACH, .unreachable, "10.9.8.7:18789: network is unreachable (errno 101)"),
        (ECONNREFUSED, .refused, "connection refused at 10.9.8.7:18789"),
        (ETIMEDOUT, .timeout, "no TCP answer from 10.9.8.7:18789 within 5.0 s"),
    ])
    func socketErrorsReadCleanly(code: Int32, outcome: ProbeOutcome, detail: String) {
        let failure = ProbeConnectFailure(error: IOError(errnoCode: code, reason: "connection reset (error set)"),
                                          address: "10.9.8.7:18789", timeout: 5)
        #expect(failure == ProbeConnectFailure(outcome: outcome, detail: detail))
        #expect(!failure.detail.contains("error set"))
    }
}

@Suite struct ProbeTargetTests {
    @Test func aBareHostMeansTheGatewayPort() {
        #expect(ProbeTarget(url: "localhost")?.url == "ws://localhost:18789/")
        #expect(ProbeTarget(url: "192.168.1.20")?.url == "ws://192.168.1.20:18789/")
        #expect(ProbeTarget(url: "gateway.lan:19001")?.url == "ws://gateway.lan:19001/")
        #expect(ProbeTarget(url: "http://gateway.lan")?.port == 80, "a scheme without a port means the scheme's port")
    }

    @Test(arguments: [
        "http://127.0.0.1:18789/#token=3f9a2c7d1e8b4a6f",
        "http://127.0.0.1:18789/?token=3f9a2c7d1e8b4a6f",
        "http://127.0.0.1:18789/?token=3f9a2c7d1e8b4a6f#chat",
    ])
    func aDashboardLinksTokenIsACredentialNeverPartOfTheURL(link: String) throws {
        let target = try #require(ProbeTarget(url: link))
        #expect(target.urlToken == "3f9a2c7d1e8b4a6f")
        #expect(target.url == "ws://127.0.0.1:18789/")
        #expect(!target.path.contains("token"))
    }

    @Test func otherQueryParametersStay() throws {
        let target = try #require(ProbeTarget(url: "https://gw.example.ts.net/ui?session=main&token=ab%2Bcd"))
        #expect(target.path == "/ui?session=main")
        #expect(target.urlToken == "ab+cd")
    }
}

@Suite struct ProbeCredentialsTests {
    func directory(_ files: [String: String]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("clawfix-cred-\(UUID().uuidString)")
        for (name, text) in files {
            let file = url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    func token(_ found: ProbeCredentials.Found) -> String? {
        if case .token(let value) = found.credential { value } else { nil }
    }

    @Test func theOrderIsExplicitThenLinkThenWhereTheCLILooks() throws {
        let cwd = try directory([
            ".env": "# compose\nOPENCLAW_GATEWAY_PORT=18789\nOPENCLAW_GATEWAY_TOKEN=\"env-file-token\"\n",
            "openclaw.json": #"{ gateway: { auth: { mode: "token", token: "cwd-config-token" } } }"#,
        ])
        let home = try directory([".openclaw/openclaw.json": #"{"gateway":{"mode":"remote","remote":{"token":"remote-token"},"auth":{"token":"local"}}}"#])
        defer { for path in [cwd, home] { try? FileManager.default.removeItem(atPath: path) } }
        var finder = ProbeCredentials(environment: ["OPENCLAW_GATEWAY_TOKEN": "exported-token"], currentDirectory: cwd, home: home)

        let explicit = finder.find(explicit: .init(credential: .token("typed"), source: "--token"), urlToken: "link")
        #expect(token(explicit) == "typed" && explicit.source == "--token")
        let link = finder.find(urlToken: "link-token")
        #expect(token(link) == "link-token" && link.source == "the token in the URL")
        let exported = finder.find()
        #expect(token(exported) == "exported-token" && exported.source == "OPENCLAW_GATEWAY_TOKEN in the environment")
        finder.environment = [:]
        let dotenv = finder.find()
        #expect(token(dotenv) == "env-file-token" && dotenv.source == "OPENCLAW_GATEWAY_TOKEN in ./.env")
        try FileManager.default.removeItem(atPath: cwd + "/.env")
        let config = finder.find()
        #expect(token(config) == "cwd-config-token" && config.source == "gateway.auth.token in ./openclaw.json")
        try FileManager.default.removeItem(atPath: cwd + "/openclaw.json")
        let cli = finder.find()
        #expect(token(cli) == "remote-token" && cli.source == "gateway.remote.token in ~/.openclaw/openclaw.json")
    }

    @Test func nothingFoundSaysWhereItLooked() throws {
        let cwd = try directory([:])
        defer { try? FileManager.default.removeItem(atPath: cwd) }
        let found = ProbeCredentials(environment: [:], currentDirectory: cwd, home: cwd).find()
        guard case .none = found.credential else { Issue.record("found \(found.source)"); return }
        #expect(found.source.hasPrefix("none (looked for --token, a token in the URL, OPENCLAW_GATEWAY_TOKEN, ./.env"))
    }

    @Test func anUnresolvedSubstitutionIsNotSent() throws {
        let cwd = try directory(["openclaw.json": #"{"gateway":{"auth":{"token":"${OPENCLAW_GATEWAY_TOKEN}"}}}"#])
        defer { try? FileManager.default.removeItem(atPath: cwd) }
        let unresolved = ProbeCredentials(environment: [:], currentDirectory: cwd, home: cwd).find()
        #expect(token(unresolved) == nil)
    }
}

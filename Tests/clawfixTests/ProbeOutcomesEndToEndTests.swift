import ClawfixTestSupport
import Foundation
import Testing

/// `clawfix probe` against the gateway emulator for every outcome a user can meet from a shell:
/// the verdict's next step, the credential source line, no token anywhere in the output, and the
/// same diagnoses as chat's `/probe` for the same gateway answer (one path: `Conversation.absorb(probe:)`).
@Suite(.serialized)
struct ProbeOutcomesEndToEndTests {
    static let token = "e2e-outcome-token-4c1d9a"

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var profile: GatewayEmulatorProfile?
        /// Extra arguments for `clawfix probe` (also typed after `/probe` in chat, when `chatToo`).
        var arguments: [String] = []
        var environment: [String: String] = ["OPENCLAW_GATEWAY_TOKEN": ProbeOutcomesEndToEndTests.token]
        var outcome: String
        var nextStep: String
        var source: String
        var chatToo = true
        var testDescription: String { name }
    }

    static let fromEnvironment = "token from OPENCLAW_GATEWAY_TOKEN in the environment"

    static let cases: [Case] = [
        Case(name: "hello-ok", profile: .init(era: .april, auth: .token(token)), outcome: "ok",
             nextStep: "Nothing to fix at the gateway", source: fromEnvironment),
        Case(name: "refused", profile: nil, outcome: "refused",
             nextStep: "Start the gateway (openclaw gateway status, or docker compose ps), or check the port", source: fromEnvironment),
        Case(name: "pairing required", profile: .init(era: .april, auth: .token(token)), arguments: ["--device"],
             outcome: "pairing-required", nextStep: "Approve request 7d3b5c1e-2f4a-4b6c-9d8e-0a1b2c3d4e5f where the gateway runs",
             source: fromEnvironment),
        Case(name: "up and wants a token", profile: .init(era: .april, auth: .token(token)), environment: [:],
             outcome: "device-identity-required", nextStep: "Probe again with the gateway's token: --token, OPENCLAW_GATEWAY_TOKEN",
             source: "none (looked for --token, a token in the URL, OPENCLAW_GATEWAY_TOKEN, ./.env, ./openclaw.json"),
        Case(name: "token missing with a device", profile: .init(era: .v4, auth: .token(token)), arguments: ["--device"],
             environment: [:], outcome: "token-missing", nextStep: "Probe again with the gateway's token",
             source: "none (looked for"),
        Case(name: "token mismatch", profile: .init(era: .april, auth: .token("the-gateways-own-token")),
             outcome: "token-mismatch", nextStep: "That token is not the gateway's", source: fromEnvironment),
        Case(name: "password missing", profile: .init(era: .april, auth: .password("pw-9f2")), arguments: ["--device"],
             environment: [:], outcome: "password-missing", nextStep: "This gateway uses password auth", source: "none (looked for"),
        Case(name: "rate limited", profile: .init(era: .april, auth: .token(token), lockedOut: true), outcome: "rate-limited",
             nextStep: "Wait 5 minutes (or restart the gateway, which clears the lockout), then fix the credential",
             source: fromEnvironment),
        Case(name: "origin not allowed", profile: .init(era: .april, auth: .token(token)),
             arguments: ["--origin", "https://evil.example"], outcome: "origin-not-allowed",
             nextStep: "Add the exact origin (scheme, host, port) to gateway.controlUi.allowedOrigins", source: fromEnvironment,
             chatToo: false),
        Case(name: "v4 starting", profile: .init(era: .v4, auth: .token(token), startupPending: true), outcome: "gateway-starting",
             nextStep: "Retry in a few seconds", source: fromEnvironment),
        Case(name: "503 handlers unavailable", profile: .gatewayStarting503(), outcome: "gateway-starting",
             nextStep: "Retry in a few seconds", source: fromEnvironment),
        Case(name: "503 too many sockets", profile: .tooManySockets503(), outcome: "http-rejected",
             nextStep: "Something here keeps reconnecting with bad credentials", source: fromEnvironment),
        Case(name: "401 from another service", profile: .browserControlService(), outcome: "http-rejected",
             nextStep: "Another service listens there (OpenClaw's browser control on 18791", source: fromEnvironment),
        Case(name: "a web page", profile: .plainPage(), outcome: "not-a-gateway",
             nextStep: "Check the port (the gateway's is 18789", source: fromEnvironment),
        Case(name: "no challenge", profile: .init(misbehaviour: .noChallenge), arguments: ["--timeout", "1"],
             outcome: "no-challenge", nextStep: "A proxy may hold WebSocket frames back", source: fromEnvironment, chatToo: false),
        Case(name: "handshake timeout", profile: .init(misbehaviour: .ignoreConnect, handshakeTimeout: 0.6),
             outcome: "handshake-timeout", nextStep: "look for \"handshake timeout\" in its log", source: fromEnvironment),
        Case(name: "dropped after the challenge", profile: .init(misbehaviour: .dropAfterConnect), outcome: "closed",
             nextStep: "The gateway dropped us: read its log", source: fromEnvironment),
        Case(name: "not JSON, then a close", profile: .init(misbehaviour: .notJSONThenClose(code: 1003, reason: "unsupported data")),
             outcome: "garbage", nextStep: "This is not the gateway's port, or the gateway expects TLS", source: fromEnvironment),
        Case(name: "garbage bytes", profile: .init(misbehaviour: .garbageFrame), outcome: "garbage",
             nextStep: "This is not the gateway's port", source: fromEnvironment),
        Case(name: "a frame over 25 MiB", profile: .init(misbehaviour: .hugeFrame(bytes: (25 << 20) + 1)),
             outcome: "frame-too-large", nextStep: "That is not a gateway answer: check the port.", source: fromEnvironment),
    ]

    /// A port that was free a moment ago, for "refused".
    static func freePort() async throws -> Int {
        let gateway = try await GatewayEmulator.start(.ok())
        let port = gateway.port
        try await gateway.stop()
        return port
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
    }

    /// The ids of `1. id — title (N%)` lines of a chat reply.
    static func rankedIDs(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            guard let match = line.firstMatch(of: #/^[1-3]\. ([a-z0-9-]+) — /#) else { return nil }
            return String(match.1)
        }
    }

    @Test(arguments: cases)
    func everyOutcome(_ probeCase: Case) async throws {
        var gateway: GatewayEmulator?
        if let profile = probeCase.profile { gateway = try await GatewayEmulator.start(profile) }
        let url: String
        if let gateway { url = gateway.url } else { url = "ws://127.0.0.1:\(try await Self.freePort())" }
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        // No .env or openclaw.json where it runs, no ~/.openclaw: only what the case gives.
        let environment = probeCase.environment.merging(
            ["OPENCLAW_GATEWAY_TOKEN": "", "XDG_CONFIG_HOME": binary.home.appendingPathComponent("config").path]) { own, _ in own }
        let here = binary.home
        let json = try binary.run(
            ["probe", url, "--timeout", "3", "--format", "json"] + probeCase.arguments, environment: environment, directory: here)
        let text = try binary.run(["probe", url, "--timeout", "3"] + probeCase.arguments, environment: environment, directory: here)
        var chat: ClawfixBinary.Result?
        if probeCase.chatToo {
            chat = try binary.run(
                ["chat", "--new"], stdin: "/probe \(url) \(probeCase.arguments.joined(separator: " "))\n", environment: environment,
                directory: here)
        }
        try await gateway?.stop()

        let object = try Self.json(json.stdout)
        #expect(object["outcome"] as? String == probeCase.outcome, "\(json.stdout)")
        let verdict = try #require(object["verdict"] as? [String: Any])
        let nextStep = try #require(verdict["nextStep"] as? String)
        #expect(nextStep.contains(probeCase.nextStep), "next step: \(nextStep)")
        #expect(json.status == (probeCase.outcome == "ok" ? 0 : 1))
        // The text report: the same next step, the credential source line, steps without [FAIL]
        // when the gateway itself answered.
        let flatText = text.stdout.replacingOccurrences(of: "\n  ", with: " ")
        #expect(flatText.contains("Next step: \(nextStep)"), "\(text.stdout)")
        #expect(text.stdout.contains("\nCredential: \(probeCase.source)"), "\(text.stdout)")
        if verdict["gatewayIsUp"] as? Bool == true {
            #expect(!text.stdout.contains("[FAIL] connect"), "\(text.stdout)")
        }
        for output in [json.stdout, json.stderr, text.stdout, text.stderr, chat?.stdout ?? "", chat?.stderr ?? ""] {
            #expect(!output.contains(Self.token), "the token was printed")
        }
        #expect(!text.stdout.contains("\u{1B}"))

        // One path: chat's /probe ranks the same diagnoses as `clawfix probe`.
        if let chat {
            let probeIDs = (object["diagnoses"] as? [[String: Any]] ?? []).prefix(3).compactMap { $0["id"] as? String }
            #expect(Self.rankedIDs(chat.stdout) == Array(probeIDs), "chat: \(chat.stdout)\nprobe: \(probeIDs)")
            let headline = try #require(verdict["headline"] as? String)
            #expect(chat.stdout.replacingOccurrences(of: "\n", with: " ").contains("Probe \(object["url"] as? String ?? ""): \(headline)"),
                    "\(chat.stdout)")
        }
    }

    @Test func aDashboardLinksTokenIsUsedAndNeverPrinted() async throws {
        let gateway = try await GatewayEmulator.start(.init(era: .april, auth: .token(Self.token)))
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        let link = "http://127.0.0.1:\(gateway.port)/#token=\(Self.token)"
        let result = try binary.run(["probe", link, "--timeout", "3"], environment: ["OPENCLAW_GATEWAY_TOKEN": ""])
        try await gateway.stop()
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("\nCredential: token from the token in the URL\n"))
        #expect(result.stdout.hasPrefix("Probe of ws://127.0.0.1:\(gateway.port)/\n"))
        #expect(!result.stdout.contains(Self.token) && !result.stderr.contains(Self.token))
    }

    @Test func theDeviceKeyIsNamedAsClawfixsOwnWithHowToRemoveIt() async throws {
        let gateway = try await GatewayEmulator.start(.init(era: .april, auth: .token(Self.token)))
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        let result = try binary.run(
            ["probe", gateway.url, "--device", "--timeout", "3"],
            environment: ["OPENCLAW_GATEWAY_TOKEN": Self.token, "XDG_CONFIG_HOME": binary.home.appendingPathComponent("config").path])
        try await gateway.stop()
        #expect(result.stderr.contains("--device presents clawfix's own device key"))
        let removal = try #require(result.stdout.firstMatch(of: #/\n  openclaw devices remove ([0-9a-f]{64})\n/#), "\(result.stdout)")
        #expect(result.stdout.contains("This probe presented clawfix's own device key"))
        #expect(result.stderr.contains("remove it afterwards with openclaw devices remove \(removal.1)"))
    }
}

import ArgumentParser
import ClawfixFrontEnds
import ClawfixProbe
import Foundation

/// `clawfix probe [URL]`: one live handshake with the gateway, what it answered, what that means
/// and what to do next. The diagnosis comes from the engine, as for chat's `/probe`.
///
/// Exit 0 when the gateway answered `hello-ok`, 1 for any other verdict, 64 for bad arguments.
/// The token is sent only to URL and never printed; the output names where it came from.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Connect to the gateway, speak its handshake and report exactly what it answered.",
        discussion: """
            The token is found the way the OpenClaw CLI finds it: --token or --token-env, the token in a \
            pasted dashboard link (#token= or ?token=), OPENCLAW_GATEWAY_TOKEN, ./.env, ./openclaw.json, \
            then ~/.openclaw (.env and openclaw.json). The output says which one was used, never its value.

            Examples:
              clawfix probe                       (ws://127.0.0.1:18789)
              clawfix probe localhost             (a bare host means port 18789)
              clawfix probe ws://127.0.0.1:18789 --token-env OPENCLAW_GATEWAY_TOKEN
              clawfix probe https://gateway.example.ts.net --device --format json
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var knowledge: KnowledgeOptions

    @Argument(help: "Gateway URL (ws://, wss://, http://, https://) or a bare host[:port].")
    var url: String = "ws://127.0.0.1:18789"

    @Option(help: "Gateway token (prefer --token-env: a command line is visible to other users).")
    var token: String?

    @Option(name: .customLong("token-env"), help: "Read the gateway token from this environment variable.")
    var tokenEnv: String?

    @Option(help: "Gateway password.")
    var password: String?

    @Flag(help: "Present clawfix's own device identity (creates a pending pairing request on the gateway).")
    var device = false

    @Option(help: "Send this Origin header (triggers the gateway's origin check).")
    var origin: String?

    @Option(help: "Overall time limit in seconds.")
    var timeout: Double = 5

    @Flag(help: "Allow plaintext ws:// to a non-loopback host without asking.")
    var insecure = false

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func validate() throws {
        if token != nil && tokenEnv != nil { throw ValidationError("use --token or --token-env, not both") }
        if password != nil && (token != nil || tokenEnv != nil) { throw ValidationError("use a token or a password, not both") }
        if !(timeout > 0 && timeout <= 300) { throw ValidationError("--timeout must be between 0 and 300 seconds") }
        if ProbeTarget(url: url) == nil { throw ValidationError("not a gateway URL: \(url)") }
    }

    func run() async throws {
        let target = ProbeTarget(url: url)!
        let environment = ProcessInfo.processInfo.environment
        var explicit: ProbeCredentials.Found?
        if let token { explicit = .init(credential: .token(token), source: "--token") }
        if let tokenEnv {
            guard let value = environment[tokenEnv], !value.isEmpty else {
                throw ValidationError("environment variable \(tokenEnv) is not set")
            }
            explicit = .init(credential: .token(value), source: "--token-env \(tokenEnv)")
        }
        if let password { explicit = .init(credential: .password(password), source: "--password") }
        let found = ProbeCredentials(environment: environment).find(explicit: explicit, urlToken: target.urlToken)

        let hasSecret: Bool = if case .none = found.credential { false } else { true }
        if !target.secure && !target.isLoopback && (hasSecret || device) && !insecure {
            let question = "\(target.url) is plaintext to a non-loopback host: the credential (\(found.source)) would cross "
                + "the network unencrypted."
            guard isatty(0) == 1 && isatty(2) == 1 else {
                FileHandle.standardError.write(Data("clawfix: \(question) Pass --insecure to do it anyway, or use wss:// or an SSH tunnel.\n".utf8))
                throw ExitCode(1)
            }
            FileHandle.standardError.write(Data("\(question) Continue? [y/N] ".utf8))
            guard let answer = readLine(), answer.lowercased().hasPrefix("y") else { throw ExitCode(1) }
        }

        var identity: DeviceIdentity?
        if device {
            let path = DeviceIdentityStore.defaultPath()
            identity = try DeviceIdentityStore(path: path).loadOrCreate()
            FileHandle.standardError.write(Data(
                ("clawfix: --device presents clawfix's own device key (id \(identity!.deviceId.prefix(12))…, kept in \(path)), "
                    + "not your browser's or CLI's. A gateway that does not know it creates a pending pairing request "
                    + "(openclaw devices list shows it for 5 minutes); remove it afterwards with "
                    + "\(ProbeRenderer.removeDeviceCommand(deviceId: identity!.deviceId)).\n").utf8))
        }

        let options = ProbeOptions(
            credential: found.credential, device: identity, origin: origin, timeout: timeout, credentialSource: found.source)
        let report = await GatewayProbe(target: target, options: options).run()
        // The verdict's diagnoses come from the engine, through the same path as chat's /probe.
        let stage = try knowledge.loadStage()
        let conversation = Conversation(id: "probe", engine: stage, evidence: stage.evidence)
        let reply = conversation.absorb(probe: report)
        let output = StandardOutput()
        switch format {
        case .json:
            _ = output.write(ProbeRenderer().renderJSON(report, diagnosis: reply.report) + "\n")
        case .text:
            let style = TerminalStyle.detect(fileDescriptor: 1, environment: environment)
            let renderer = ProbeRenderer(style: style, width: TerminalWidth.columns(fileDescriptor: 1, environment: environment))
            _ = output.write(renderer.renderText(report, reply: reply))
        }
        if report.outcome != .ok { throw ExitCode(1) }
    }
}

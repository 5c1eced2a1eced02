import ArgumentParser
import ClawfixFrontEnds
import ClawfixKnowledge
import ClawfixProbe
import Foundation

/// `clawfix probe [URL]`: one live handshake with the gateway and what it said.
///
/// Exit 0 when the gateway answered `hello-ok`, 1 for any other verdict, 64 for bad arguments.
/// The token is sent only to URL and never printed.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Connect to the gateway, speak its handshake and report exactly what it answered.",
        discussion: """
            Examples:
              clawfix probe
              clawfix probe ws://127.0.0.1:18789 --token-env OPENCLAW_GATEWAY_TOKEN
              clawfix probe https://gateway.example.ts.net --device --format json
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Gateway URL (ws://, wss://, http://, https://).")
    var url: String = "ws://127.0.0.1:18789"

    @Option(help: "Gateway token (prefer --token-env: a command line is visible to other users).")
    var token: String?

    @Option(name: .customLong("token-env"), help: "Read the gateway token from this environment variable.")
    var tokenEnv: String?

    @Option(help: "Gateway password.")
    var password: String?

    @Flag(help: "Present a device identity (creates a pending pairing request on the gateway).")
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
        var credential = ProbeOptions.Credential.none
        if let token { credential = .token(token) }
        if let tokenEnv {
            guard let value = ProcessInfo.processInfo.environment[tokenEnv], !value.isEmpty else {
                throw ValidationError("environment variable \(tokenEnv) is not set")
            }
            credential = .token(value)
        }
        if let password { credential = .password(password) }

        let hasSecret: Bool = if case .none = credential { false } else { true }
        if !target.secure && !target.isLoopback && (hasSecret || device) && !insecure {
            let question = "\(target.url) is plaintext to a non-loopback host: the credential would cross the network unencrypted."
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
            FileHandle.standardError.write(Data(
                "clawfix: --device presents a device identity (\(path)); a gateway that does not know it creates a pending pairing request (visible in `openclaw devices list` for 5 minutes).\n".utf8))
            identity = try DeviceIdentityStore(path: path).loadOrCreate()
        }

        let options = ProbeOptions(credential: credential, device: identity, origin: origin, timeout: timeout)
        let report = await GatewayProbe(target: target, options: options).run()
        // Titles and fixes come from the knowledge base's catalogue, as in `clawfix paste`.
        let catalog = try? KnowledgeBase.builtIn().catalog
        let renderer = ProbeRenderer(lookup: { id in catalog?.entry(id).map { (title: $0.title, fix: $0.fix) } })
        let output = StandardOutput()
        switch format {
        case .json: _ = output.write(renderer.renderJSON(report) + "\n")
        case .text: _ = output.write(renderer.renderText(report))
        }
        if report.outcome != .ok { throw ExitCode(1) }
    }
}

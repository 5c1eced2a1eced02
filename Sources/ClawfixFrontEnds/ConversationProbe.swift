import ClawfixEvidence
import ClawfixProbe
import Foundation

/// The live probe as a conversation uses it (`/probe [URL] [--token T] [--device]` in chat): one
/// handshake whose report goes through the same `Conversation.absorb(probe:)` as `clawfix probe`,
/// so both give the same verdict and diagnoses for the same gateway answer.
///
/// Only loopback or `wss://` targets are probed from a conversation: a chat cannot ask for the
/// confirmation a plaintext credential to another host deserves (`clawfix probe URL --insecure` can).
public struct ConversationProbe: Sendable {
    /// What `/probe` asked for.
    public struct Request: Sendable, Hashable {
        public var target: ProbeTarget
        /// `--token T` typed in the chat (taken out of the message before it is stored).
        public var token: String?
        /// `--device`: present clawfix's own device key.
        public var device: Bool
        public init(target: ProbeTarget, token: String? = nil, device: Bool = false) {
            self.target = target
            self.token = token
            self.device = device
        }
    }

    /// Runs one probe and returns its report, or nil when the user interrupted it (Ctrl-C). Never
    /// throws: every failure is a verdict.
    public var run: @Sendable (Request) -> ProbeReport?

    public init(run: @escaping @Sendable (Request) -> ProbeReport?) {
        self.run = run
    }

    /// The real probe. The credential is found as `clawfix probe` finds it (`ProbeCredentials`:
    /// the typed token, the URL's, `OPENCLAW_GATEWAY_TOKEN`, `.env`, `openclaw.json`), sent to the
    /// probed URL only and never shown. Ctrl-C (the chat's SIGINT flag) stops the wait at once.
    public static func live(timeout: Double = 5, environment: [String: String]) -> ConversationProbe {
        ConversationProbe { request in
            let explicit = request.token.map { ProbeCredentials.Found(credential: .token($0), source: "--token") }
            let found = ProbeCredentials(environment: environment).find(explicit: explicit, urlToken: request.target.urlToken)
            let identity = request.device ? try? DeviceIdentityStore(path: DeviceIdentityStore.defaultPath()).loadOrCreate() : nil
            let probe = GatewayProbe(
                target: request.target,
                options: ProbeOptions(credential: found.credential, device: identity, timeout: timeout, credentialSource: found.source))
            // The conversation is synchronous; the probe runs on NIO's threads while this one waits.
            let box = ReportBox()
            let done = DispatchSemaphore(value: 0)
            Task {
                box.report = await probe.run()
                done.signal()
            }
            while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
                if InterruptFlag.take() { return nil }
            }
            return box.report
        }
    }

    /// The URL offered when nothing better is known: the published host port of the gateway
    /// container, else the default port, on this machine.
    public static func defaultURL(facts: [Fact]) -> String {
        let port = facts.last { $0.name == .gatewayHostPort }?.value ?? "18789"
        return "ws://127.0.0.1:\(port)"
    }

    /// Whether the gateway may be reachable from here: not known to run on another machine, not
    /// probed yet, and the conversation is about a connection at all.
    public static func shouldOffer(facts: [Fact]) -> Bool {
        let remote = facts.contains { $0.name == .gatewayLocation && $0.value == "remote" }
        let probed = facts.contains { $0.origin == .probe }
        let symptomatic = facts.contains { $0.name == .symptom || $0.name == .closeCode }
        return symptomatic && !remote && !probed
    }

    /// True when a client already got an answer from the gateway (a close code other than 1006, a
    /// gateway error string) — so a probe from here that finds nothing listening shows only that
    /// the gateway runs elsewhere, not that it is down.
    static func gatewayAnsweredElsewhere(facts: [Fact]) -> Bool {
        facts.contains { fact in
            fact.origin != .probe && fact.name == .closeCode && fact.value != "1006"
        }
    }

    /// `/probe` arguments: `[URL] [--token T] [--device]`, in any order. Nil when they cannot be read.
    static func parse(arguments: String?, facts: [Fact]) -> Result<Request, ParseError> {
        var url: String?
        var token: String?
        var device = false
        var words = (arguments ?? "").split(whereSeparator: \.isWhitespace).map(String.init)[...]
        while let word = words.popFirst() {
            switch word {
            case "--device": device = true
            case "--token":
                guard let value = words.popFirst() else { return .failure(ParseError(message: "--token needs a value: /probe --token TOKEN")) }
                token = value
            default:
                if word.hasPrefix("--token=") {
                    token = String(word.dropFirst("--token=".count))
                } else if word.hasPrefix("-") || url != nil {
                    return .failure(ParseError(message: "Usage: /probe [URL] [--token TOKEN] [--device]"))
                } else {
                    url = word
                }
            }
        }
        let text = url ?? defaultURL(facts: facts)
        guard let target = ProbeTarget(url: text) else { return .failure(ParseError(message: "Not a gateway URL: \(text)")) }
        return .success(Request(target: target, token: token, device: device))
    }

    struct ParseError: Error {
        var message: String
    }
}

private final class ReportBox: @unchecked Sendable {
    var report: ProbeReport?
}

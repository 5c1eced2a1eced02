import ClawfixEvidence
import ClawfixProbe
import Foundation

/// The live probe as a conversation uses it (`/probe [URL]` in chat): one handshake whose verdict
/// becomes facts, so it changes the diagnosis like any paste.
///
/// Only loopback or `wss://` targets are probed from a conversation: a chat cannot ask for the
/// confirmation a plaintext credential to another host deserves (`clawfix probe URL --insecure` can).
public struct ConversationProbe: Sendable {
    /// Runs one probe and returns its report; never throws, every failure is a verdict.
    public var run: @Sendable (ProbeTarget) -> ProbeReport

    public init(run: @escaping @Sendable (ProbeTarget) -> ProbeReport) {
        self.run = run
    }

    /// The real probe, with the gateway token from `OPENCLAW_GATEWAY_TOKEN` when this shell has one
    /// (sent to the probed URL only, never shown).
    public static func live(timeout: Double = 5, environment: [String: String]) -> ConversationProbe {
        let credential: ProbeOptions.Credential =
            environment["OPENCLAW_GATEWAY_TOKEN"].map { $0.isEmpty ? .none : .token($0) } ?? .none
        return ConversationProbe { target in
            let probe = GatewayProbe(target: target, options: ProbeOptions(credential: credential, timeout: timeout))
            // The conversation is synchronous; the probe runs on NIO's threads while this one waits.
            let box = ReportBox()
            let done = DispatchSemaphore(value: 0)
            Task {
                box.report = await probe.run()
                done.signal()
            }
            done.wait()
            return box.report!
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
}

private final class ReportBox: @unchecked Sendable {
    var report: ProbeReport?
}

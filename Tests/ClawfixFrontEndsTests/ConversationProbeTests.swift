import ClawfixEvidence
@testable import ClawfixFrontEnds
import ClawfixProbe
import ClawfixTestSupport
import Foundation
import Testing

/// `/probe` in a conversation: the real probe against the loopback gateway emulator, whose verdict
/// joins the facts and changes the diagnosis.
@Suite struct ConversationProbeTests {
    static let token = "probe-test-token-6d1e"

    /// A probe that presents a device identity, so the April emulator answers "pairing required".
    func deviceProbe() -> ConversationProbe {
        let identity = DeviceIdentity()
        return ConversationProbe { request in
            let semaphore = DispatchSemaphore(value: 0)
            let box = Box()
            Task {
                box.report = await GatewayProbe(
                    target: request.target,
                    options: ProbeOptions(credential: .token(Self.token), device: identity, timeout: 2)
                ).run()
                semaphore.signal()
            }
            semaphore.wait()
            return box.report!
        }
    }

    @Test func probeVerdictBecomesFactsAndNamesTheRequestToApprove() async throws {
        let gateway = try await GatewayEmulator.start(GatewayEmulatorProfile(era: .april, auth: .token(Self.token)))
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("probe-conv-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let stage = try DiagnosisStage.load(indexPath: cache.appendingPathComponent("index.sqlite").path)
        let conversation = Conversation(id: "probe", engine: stage)
        conversation.probe = deviceProbe()

        let first = conversation.respond(to: "the control ui keeps saying disconnected (1008): pairing required")
        #expect(first.lines.first?.hasPrefix("Probe ws://127.0.0.1:18789 from here?") == true)

        let probed = conversation.respond(to: "/probe \(gateway.url)")
        try await gateway.stop()
        #expect(probed.kind == .diagnosis)
        #expect(probed.lines == [
            "Probe \(gateway.url)/: The gateway is up and wants this device approved (pairing required).",
            "Next step: Approve request 7d3b5c1e-2f4a-4b6c-9d8e-0a1b2c3d4e5f where the gateway runs (the command is below), within 5 minutes, then probe again.",
        ])
        let facts = conversation.state.facts
        #expect(facts.contains { $0.name == .pairingRequestId && $0.value == "7d3b5c1e-2f4a-4b6c-9d8e-0a1b2c3d4e5f" && $0.origin == .probe })
        #expect(probed.report.diagnoses.first?.id == "pairing-not-approved")
        #expect(probed.report.diagnoses.first?.fix.contains("7d3b5c1e-2f4a-4b6c-9d8e-0a1b2c3d4e5f") == true)
        // Probed once: no second offer.
        let after = conversation.respond(to: "yes it's docker")
        #expect(after.lines.isEmpty)
    }

    @Test func plaintextToAnotherHostIsNotProbedFromAConversation() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("probe-conv-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let stage = try DiagnosisStage.load(indexPath: cache.appendingPathComponent("index.sqlite").path)
        let conversation = Conversation(id: "probe-remote", engine: stage)
        conversation.probe = ConversationProbe { _ in Issue.record("must not probe"); return nil }
        let reply = conversation.respond(to: "/probe ws://10.0.0.5:18789")
        #expect(reply.kind == .command)
        #expect(reply.lines.first?.contains("plaintext to another host") == true)
    }
}

extension ConversationProbeTests {
    /// A stand-in that answers every probe with one fixed report, for what the conversation does
    /// with the answer rather than how it is obtained (the probe itself is tested above).
    func fixedProbe(_ report: ProbeReport?) -> ConversationProbe {
        ConversationProbe { _ in report }
    }

    @Test func nothingListeningHereWhileTheBrowserGotAnAnswerAsksWhereTheGatewayRuns() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("probe-conv-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let stage = try DiagnosisStage.load(indexPath: cache.appendingPathComponent("index.sqlite").path)
        let conversation = Conversation(id: "probe-elsewhere", engine: stage)
        conversation.probe = fixedProbe(ProbeReport(url: "ws://127.0.0.1:18789/", outcome: .refused))
        let before = conversation.respond(to: "the control ui says disconnected (1008): pairing required")
        let reply = conversation.respond(to: "/probe")
        #expect(reply.kind == .command)
        #expect(reply.lines.first == "Probe ws://127.0.0.1:18789/: Nothing listens at 127.0.0.1:18789: the connection was refused.")
        #expect(reply.lines.last?.contains("Where does it run: in Docker, on a server, on another computer?") == true)
        // The refusal did not become a fact: the browser's answer still decides.
        #expect(!conversation.state.facts.contains { $0.origin == .probe })
        #expect(reply.report.diagnoses.map(\.id) == before.report.diagnoses.map(\.id))
    }

    @Test func anInterruptedProbeAddsNothing() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("probe-conv-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let conversation = Conversation(id: "probe-interrupted", engine: try DiagnosisStage.load(indexPath: cache.path + "/i.sqlite"))
        conversation.probe = fixedProbe(nil)
        let reply = conversation.respond(to: "/probe ws://127.0.0.1:18789 --token abc --device")
        #expect(reply.lines == ["Probe interrupted; nothing was added."])
        #expect(conversation.state.facts.isEmpty)
    }

    @Test(arguments: [
        ("", "ws://127.0.0.1:18789/", nil as String?, false),
        ("localhost --device", "ws://localhost:18789/", nil, true),
        ("--token s3cret ws://127.0.0.1:19001", "ws://127.0.0.1:19001/", "s3cret", false),
        ("ws://127.0.0.1:18789 --token=abc --device", "ws://127.0.0.1:18789/", "abc", true),
    ])
    func probeArguments(arguments: String, url: String, token: String?, device: Bool) throws {
        guard case .success(let request) = ConversationProbe.parse(arguments: arguments, facts: []) else {
            Issue.record("\(arguments) not parsed")
            return
        }
        #expect(request.target.url == url)
        #expect(request.token == token)
        #expect(request.device == device)
    }

    @Test func badProbeArgumentsSayHow() {
        guard case .failure(let error) = ConversationProbe.parse(arguments: "--token", facts: []) else {
            Issue.record("accepted")
            return
        }
        #expect(error.message == "--token needs a value: /probe --token TOKEN")
    }
}

private final class Box: @unchecked Sendable {
    var report: ProbeReport?
}

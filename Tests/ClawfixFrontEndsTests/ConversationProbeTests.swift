import ClawfixEvidence
import ClawfixFrontEnds
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
        return ConversationProbe { target in
            let semaphore = DispatchSemaphore(value: 0)
            let box = Box()
            Task {
                box.report = await GatewayProbe(
                    target: target,
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
        let stage = try DiagnosisStage.builtIn(indexPath: cache.appendingPathComponent("index.sqlite").path)
        let conversation = Conversation(id: "probe", engine: stage)
        conversation.probe = deviceProbe()

        let first = conversation.respond(to: "the control ui keeps saying disconnected (1008): pairing required")
        #expect(first.lines.first?.hasPrefix("Probe ws://127.0.0.1:18789 from here?") == true)

        let probed = conversation.respond(to: "/probe \(gateway.url)")
        try await gateway.stop()
        #expect(probed.kind == .diagnosis)
        #expect(probed.lines == ["Probe \(gateway.url)/: probe: close 1008 pairing required"])
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
        let stage = try DiagnosisStage.builtIn(indexPath: cache.appendingPathComponent("index.sqlite").path)
        let conversation = Conversation(id: "probe-remote", engine: stage)
        conversation.probe = ConversationProbe { _ in Issue.record("must not probe"); fatalError() }
        let reply = conversation.respond(to: "/probe ws://10.0.0.5:18789")
        #expect(reply.kind == .command)
        #expect(reply.lines.first?.contains("plaintext to another host") == true)
    }
}

private final class Box: @unchecked Sendable {
    var report: ProbeReport?
}

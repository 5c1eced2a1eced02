import ClawfixDiagnosis
import ClawfixEvidence
import ClawfixKnowledge
import Foundation
import Testing

@testable import ClawfixFrontEnds

/// `/why` as the renderers word it: every kind of part the engine gives, on the terminal (every
/// part, conditions in fact names) and in Markdown (fenced, for Discord readers who never see
/// internal fact names: the evidence lines stay, the conditions go).
struct ScoreExplanationTests {
    static let banner = Fact(.symptom, "pairing-required", line: 1, text: "disconnected (1008): pairing required")
    static let wsLog = Fact(
        .gatewayRemoteKind, "docker-bridge", line: 6,
        text: "[ws] closed before connect conn=4f1e remote=172.18.0.1 fwd=n/a origin=http://localhost:18789 code=1008 reason=pairing required")
    static let compose = Fact(.installKind, "compose", origin: .answer)
    static let remoteKind = Condition.oneOf("gateway.remote-kind", ["docker-bridge", "docker-desktop"])
    static let docker = Condition.oneOf("install.kind", ["compose", "docker"])

    static let candidates = [
        CandidateScore(
            diagnosisID: "docker-nat-not-local", treeID: "pairing-required", nodeID: "docker-nat", score: 6.84,
            parts: [
                .init(reason: .textMatch(diagnosis: "docker-nat-not-local"), weight: 3.84),
                .init(reason: .currentSymptom, weight: 1),
                .init(reason: .signal(condition: remoteKind, repeatedLine: false), weight: 3, facts: [wsLog]),
                .init(reason: .signal(condition: .equals("symptom", "pairing-required"), repeatedLine: true), weight: 0, facts: [wsLog]),
                .init(reason: .branch(node: "where-gateway-runs", condition: docker, target: "docker-ports"), weight: 0.3, facts: [compose]),
                .init(reason: .branch(node: "docker-ports", condition: nil, target: "lan-check"), weight: 0.3),
                .init(reason: .capped(requires: docker), weight: -0.5),
                .init(reason: .versionUnknown, weight: -1),
                .init(reason: .subordinate(parent: "pairing-not-approved"), weight: -0.4),
            ],
            confidence: 0.807),
        CandidateScore(
            diagnosisID: "pairing-not-approved", treeID: "pairing-required", nodeID: "approve-in-container", score: 3,
            parts: [
                .init(reason: .signal(condition: .equals("symptom", "pairing-required"), repeatedLine: false), weight: 1, facts: [banner]),
                .init(reason: .refined(by: "docker-nat-not-local"), weight: -2),
            ],
            confidence: 0.117),
    ]

    @Test func theTerminalWordsEveryPartWithItsFacts() {
        let text = TextRenderer(style: .plain).render(Reply(kind: .command, report: DiagnosisReport(), explanation: Self.candidates))
        #expect(
            text == """
                docker-nat-not-local — 81% (score 6.8, tree pairing-required, node docker-nat)
                  +3.8 prior: your message matches what the knowledge base says of docker-nat-not-local
                  +1 prior: the symptom of your newest message
                  +3 signal: gateway.remote-kind in docker-bridge, docker-desktop
                      line 6: \(Self.wsLog.text!)
                  +0 signal: symptom = pairing-required (same line as a stronger signal)
                      line 6: \(Self.wsLog.text!)
                  +0.3 branch: where-gateway-runs: install.kind in compose, docker → docker-ports
                      answer: install.kind = compose
                  +0.3 branch: docker-ports: else → lan-check
                  -0.5 prior: capped: what defines it (install.kind in compose, docker) is not known yet
                  -1 prior: applies to some releases only; yours is not known
                  -0.4 prior: a special case of pairing-not-approved: nothing yet sets it apart, so it ranks below it
                pairing-not-approved — 12% (score 3, tree pairing-required, node approve-in-container)
                  +1 signal: symptom = pairing-required
                      line 1: disconnected (1008): pairing required
                  -2 prior: a more specific cause is established (docker-nat-not-local): this one ranks below it

                """)
    }

    @Test func markdownFencesTheWordingAndLeavesOutFactNames() {
        let markdown = MarkdownRenderer().render(Reply(kind: .command, report: DiagnosisReport(), explanation: Self.candidates))
        #expect(
            markdown == """
                ```text
                docker-nat-not-local — 81% (score 6.8, tree pairing-required, node docker-nat)
                  +3.8 prior: your message matches what the knowledge base says of docker-nat-not-local
                  +1 prior: the symptom of your newest message
                      line 6: \(Self.wsLog.text!)
                      line 6: \(Self.wsLog.text!)
                  +0.3 branch: docker-ports: else → lan-check
                  -1 prior: applies to some releases only; yours is not known
                  -0.4 prior: a special case of pairing-not-approved: nothing yet sets it apart, so it ranks below it
                pairing-not-approved — 12% (score 3, tree pairing-required, node approve-in-container)
                      line 1: disconnected (1008): pairing required
                  -2 prior: a more specific cause is established (docker-nat-not-local): this one ranks below it
                ```
                """)
    }

    /// The Control UI's banner, `docker ps` and the gateway's log line, through the shipped
    /// knowledge base: `/why` names the NAT by the lines that show it, each part structured.
    @Test func aRealPasteExplainsItsTopCauseByTheLinesBehindEachPart() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("why-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let stage = try DiagnosisStage.load(indexPath: cache.appendingPathComponent("index.sqlite").path)
        let chat = Conversation(id: "why", engine: stage, evidence: stage.evidence)
        _ = chat.respond(
            to: """
                disconnected (1008): pairing required
                $ docker ps
                CONTAINER ID   IMAGE            COMMAND                  CREATED         STATUS                   PORTS                        NAMES
                32a411bc4f97   openclaw:local   "docker-entrypoint.s…"   6 seconds ago   Up 5 seconds (healthy)   127.0.0.1:18789->18789/tcp   openclaw-openclaw-gateway-1
                $ docker logs openclaw-openclaw-gateway-1
                [ws] closed before connect conn=2b7c0a51-5b0e-4c43-9f3e-8f5d3c2a1b90 peer=172.18.0.1:53422->172.18.0.2:18789 remote=172.18.0.1 fwd=n/a origin=http://localhost:18789 host=localhost:18789 code=1008 reason=pairing required
                """)
        let why = chat.respond(to: "/why")
        let top = try #require(why.explanation.first)
        #expect(top.diagnosisID == "docker-nat-not-local")
        func lines(_ reason: CandidateScore.Part.Reason) -> [Int?]? { top.parts.first { $0.reason == reason }?.facts.map(\.line) }
        #expect(lines(.textMatch(diagnosis: "docker-nat-not-local")) == [])
        #expect(lines(.signal(condition: .equals("symptom", "pairing-required"), repeatedLine: false)) == [1])
        #expect(lines(.signal(condition: Self.remoteKind, repeatedLine: false)) == [6])
        #expect(lines(.signal(condition: Self.docker, repeatedLine: false)) == [4])
        #expect(lines(.branch(node: "where-gateway-runs", condition: Self.docker, target: "docker-ports")) == [4])
        #expect(top.parts.contains { $0.reason == .versionUnknown && $0.weight < 0 })
        // The terminal says it with the conditions; the bot's Markdown keeps only the lines.
        let text = TextRenderer(style: .plain).render(why)
        #expect(text.contains(" branch: where-gateway-runs: install.kind in compose, docker → docker-ports\n      line 4: 32a411bc4f97 "))
        let markdown = MarkdownRenderer().render(why)
        #expect(!markdown.contains("install.kind") && markdown.contains("\n      line 6: [ws] closed before connect"))
    }
}

import ClawfixEvidence
import ClawfixKnowledge
import ClawfixRedaction
import Foundation
import Testing

@testable import ClawfixDiagnosis

/// A report in one message of prose — how the gateway is installed, where it runs, the URL the
/// browser opens, the error — needs no question whose answer it already gave, in English, Chinese
/// and Spanish. Run as chat runs it: redaction, the extractors, the answer interpreter, the built-in
/// knowledge base with its FTS5 index.
struct ProseReportQuestionTests {
    struct Report: Sendable, CustomStringConvertible {
        let text: String
        /// Facts the words must give (`name=value`).
        let said: [String]
        var description: String { text }
    }

    static let reports: [Report] = [
        Report(
            text: "I run openclaw with docker compose on a VPS, open http://localhost:18789 through an ssh tunnel and get "
                + "disconnected (1008): pairing required",
            said: ["install.kind=compose", "gateway.location=remote", "access.path=ssh-tunnel"]),
        Report(
            text: "OpenClaw is installed natively with npm install -g on my home server. From my laptop I open "
                + "http://192.168.1.40:18789 and the page says: disconnected (1008): control ui requires device identity",
            said: ["install.kind=host", "gateway.location=remote"]),
        Report(
            text: "openclaw runs in docker on a Hetzner VPS behind nginx; https://claw.example.com shows origin not allowed",
            said: ["install.kind=docker", "gateway.location=remote", "access.path=reverse-proxy"]),
        Report(
            text: "我在云服务器上用 docker compose 部署了 openclaw，通过 ssh 隧道打开 http://127.0.0.1:18789 ，"
                + "页面显示 disconnected (1008): pairing required",
            said: ["install.kind=compose", "gateway.location=remote", "access.path=ssh-tunnel"]),
        Report(
            text: "openclaw 用 npm 全局安装在本机，浏览器打开 http://localhost:18789 提示 unauthorized: gateway token mismatch",
            said: ["install.kind=host", "gateway.location=same-machine"]),
        Report(
            text: "Tengo openclaw con docker compose en un servidor VPS y entro por un túnel ssh a http://localhost:18789, "
                + "me sale disconnected (1008): pairing required",
            said: ["install.kind=compose", "gateway.location=remote", "access.path=ssh-tunnel"]),
        Report(
            text: "Instalé openclaw sin docker en mi servidor y desde otro equipo abro http://192.168.1.40:18789, "
                + "sale disconnected (1008): control ui requires device identity",
            said: ["install.kind=host", "gateway.location=remote", "access.path=lan"]),
        Report(
            text: "I installed openclaw with npm on my Ubuntu VPS and open http://203.0.113.9:18789 in my browser: "
                + "disconnected (1008): control ui requires device identity",
            said: ["install.kind=host", "gateway.location=remote"]),
        Report(
            text: "我的 openclaw 在云服务器上用 npm 安装，浏览器访问 http://203.0.113.9:18789 提示 origin not allowed",
            said: ["install.kind=host", "gateway.location=remote"]),
        Report(
            text: "Tengo openclaw en docker en mi portátil, abro http://localhost:18789 y sale unauthorized: gateway token mismatch",
            said: ["install.kind=docker", "gateway.location=same-machine"]),
        Report(
            text: "Running openclaw in Docker Desktop on Windows 11 (WSL2). Chrome on the same machine opens "
                + "http://localhost:18789 and shows disconnected (1008): pairing required",
            said: ["install.kind=docker", "gateway.location=same-machine", "client.os=windows"]),
        Report(
            text: "openclaw 装在群晖 NAS 的 docker 里，局域网电脑打开 http://192.168.1.40:18789 显示 disconnected (1008): pairing required",
            said: ["install.kind=docker", "gateway.location=remote", "access.path=lan"]),
        Report(
            text: "Uso podman en mi servidor VPS, abro http://203.0.113.7:18789 y aparece disconnected (1008): control ui requires device identity",
            said: ["install.kind=docker", "gateway.location=remote"]),
    ]

    static let engine: DiagnosisEngine = {
        let knowledgeBase = try! KnowledgeBase.builtIn()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("clawfix-prose-\(UUID().uuidString).sqlite").path
        return DiagnosisEngine(knowledgeBase: knowledgeBase, index: try! KnowledgeIndex.open(path: path, knowledgeBase: knowledgeBase))
    }()

    @Test(arguments: reports)
    func noQuestionAnsweredAlready(report: Report) throws {
        let engine = Self.engine
        var state = ConversationState()
        var redactor = Redactor()
        let redacted = redactor.redact(report.text)
        let facts = EvidenceReader.standard.read(redacted) + engine.interpret(redacted.text, in: state)
        let said = Set(facts.filter { $0.origin == .answer }.map { "\($0.name)=\($0.value)" })
        #expect(Set(report.said).isSubset(of: said), "\(said.sorted())")
        #expect(facts.contains { $0.name == .browserURL }, "\(facts.map { "\($0.name)=\($0.value)" })")
        #expect(facts.contains { $0.name == .symptom })
        state.absorb(message: redacted.text, facts: facts)
        let reply = engine.respond(to: &state)
        #expect(!reply.diagnoses.isEmpty)
        // A report that settles its cause gets no question at all; one that does not gets a question
        // about something the message did not say.
        guard let next = reply.next else {
            #expect(reply.diagnoses.first?.confidence ?? 0 >= 0.8, "\(reply.diagnoses.map { "\($0.id) \($0.confidence)" })")
            return
        }
        #expect(next != ConversationClosing.opening)
        let asked = try #require(state.lastAskedNode)
        let known = Set(state.facts.map(\.name.rawValue))
        if asked == "version" {
            #expect(!known.contains(FactName.openclawVersion.rawValue))
        } else {
            let node = try #require(engine.node(forKey: asked))
            let tested = node.branches.compactMap(\.condition).reduce(into: Set<String>()) { $0.formUnion($1.factNames) }
            #expect(tested.isEmpty || !tested.isSubset(of: known), "asked \(asked) (\(next.question)) though the message said \(tested.sorted())")
        }
    }
}

import ClawfixEvidence
import ClawfixKnowledge
import ClawfixRedaction
import Foundation
import Testing

@testable import ClawfixDiagnosis

/// The shipped trees (`KnowledgeBase/*.md`, parsed from the checkout) with real paste shapes through
/// `Redactor` → `EvidenceReader.standard` → engine. Search is a symptom-substring stand-in for the
/// FTS5 index.
struct RealKnowledgeBaseTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("KnowledgeBase")

    static let engine: DiagnosisEngine = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var trees: [KnowledgeTree] = []
        for file in files.sorted() where KnowledgeBase.isTreeFile(file) {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) else { continue }
            if let tree = KnowledgeBaseParser.parse(markdown: text, file: file).tree { trees.append(tree) }
        }
        let catalogText = (try? String(contentsOf: folder.appendingPathComponent("diagnoses.md"), encoding: .utf8)) ?? ""
        let catalog = (try? DiagnosisCatalog.parse(markdown: catalogText, file: "diagnoses.md"))
            ?? DiagnosisCatalog(entries: [], advisories: [])
        return DiagnosisEngine(trees: trees, catalog: catalog, search: SampleTrees.search(trees))
    }()

    static func facts(_ paste: String) -> [Fact] {
        var redactor = Redactor()
        return EvidenceReader.standard.read(redactor.redact(paste))
    }

    @Test func dockerNATPasteNamesDockerNAT() {
        let facts = Self.facts(PipelineTests.dockerNATPaste)
        let report = Self.engine.diagnose(facts: facts, symptomText: PipelineTests.dockerNATPaste)
        #expect(
            report.diagnoses.first?.id == "docker-nat-not-local",
            "\(report.diagnoses.map { "\($0.id) \($0.confidence)" }) facts: \(facts.map { "\($0.name)=\($0.value)@\($0.line ?? 0)" })")
        #expect(report.diagnoses.first?.fix.contains("trustedProxies to") != true)
    }

    @Test func bannerAloneAsksWhereTheGatewayRuns() {
        let text = "disconnected (1008): pairing required"
        var state = ConversationState()
        state.absorb(message: text, facts: Self.facts(text))
        let report = Self.engine.respond(to: &state)
        #expect(report.diagnoses.first?.id == "pairing-not-approved" || report.diagnoses.first?.id == "docker-nat-not-local")
        #expect(state.lastAskedNode == "pairing-required/where-gateway-runs")
        // "yes it's docker compose" answers it, and the next question moves on.
        let words = "it's docker compose"
        state.absorb(message: words, facts: Self.engine.interpret(words, in: state))
        let second = Self.engine.respond(to: &state)
        #expect(state.lastAskedNode != "pairing-required/where-gateway-runs")
        #expect(second.next != nil)
    }
}

/// The built-in knowledge base with its real FTS5 index (in a temporary file).
struct BuiltInKnowledgeBaseTests {
    @Test func dockerNATPasteThroughTheIndex() throws {
        let knowledgeBase = try KnowledgeBase.builtIn()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("clawfix-index-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let index = try KnowledgeIndex.open(path: path, knowledgeBase: knowledgeBase)
        let engine = DiagnosisEngine(knowledgeBase: knowledgeBase, index: index)
        let facts = RealKnowledgeBaseTests.facts(PipelineTests.dockerNATPaste)
        let report = engine.diagnose(facts: facts, symptomText: PipelineTests.dockerNATPaste)
        #expect(report.diagnoses.first?.id == "docker-nat-not-local", "\(report.diagnoses.map { "\($0.id) \($0.confidence)" })")
        #expect(report.diagnoses.first?.evidence.contains { $0.line == 6 } == true)
    }

    /// No evidence, no diagnosis: filler matches no informative word of any diagnosis.
    @Test(arguments: ["help", "hi", "x", "thanks, that fixed it!", "hello? anyone", "gracias", "谢谢"])
    func fillerGetsNoDiagnosis(text: String) throws {
        let knowledgeBase = try KnowledgeBase.builtIn()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("clawfix-index-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let index = try KnowledgeIndex.open(path: path, knowledgeBase: knowledgeBase)
        let engine = DiagnosisEngine(knowledgeBase: knowledgeBase, index: index)
        let report = engine.diagnose(facts: RealKnowledgeBaseTests.facts(text), symptomText: text)
        #expect(report.diagnoses.isEmpty, "\(text): \(report.diagnoses.map(\.id))")
    }

    /// Chinese text finds its diagnosis through CJK bigrams (FTS5's unicode61 does not split CJK).
    @Test func chineseWordsReachTheIndex() throws {
        #expect(CJKSegmenter.segment("用docker部署了") == "用 docker 部署 署了")
        #expect(CJKSegmenter.segment("no CJK here") == "no CJK here")
        #expect(InformativeQuery("配对 pairing required").tokens == ["配对", "pairing", "required"])
    }
}

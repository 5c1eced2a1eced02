import Foundation
import Testing
@testable import ClawfixKnowledge

@Suite struct KnowledgeBaseLinterTests {
    let linter = KnowledgeBaseLinter(
        catalog: try! DiagnosisCatalog.parse(markdown: sampleCatalog, file: "diagnoses.md"),
        isKnownFact: { knownFacts.contains($0) })

    /// A header plus the given node lines; node sections start at line 5.
    func lint(_ body: String) -> [String] {
        let text = "# T\nid: t\nstart: a\n\n" + body
        return linter.lint(files: [(name: "t.md", text: text)]).map(\.description)
    }

    let leaf = "## d\nkind: diagnosis\ndiagnosis: pairing-not-approved\nfix: approve it\n"

    @Test func sampleIsClean() {
        #expect(linter.lint(files: [("pairing-required.md", sampleTree)]) == [])
    }

    @Test(arguments: [
        ("## a\nkind: diagnosis\ndiagnosis: no-such-id\nfix: x\n", "t.md:5: unknown diagnosis id `no-such-id` (not in diagnoses.md)"),
        ("## a\nkind: puzzle\n- else -> d\n", "t.md:5: unknown node kind `puzzle` (question, command, diagnosis)"),
        ("## a\nkind: question\ncolour: red\n- else -> d\n", "t.md:7: unknown key `colour`"),
        ("## a\nkind: question\n- else -> nowhere\n", "t.md:7: branch to unknown node `nowhere`"),
        ("## a\nkind: question\n- if symptom -> b\n- else -> d\n## b\nkind: question\n- if symptom -> a\n- else -> d\n",
         "t.md:11: cycle: a -> b -> a"),
        ("## a\nkind: question\n- else -> d\n## lost\nkind: question\n- else -> d\n",
         "t.md:8: node `lost` is not reachable from `a`"),
        ("## a\nkind: question\n", "t.md:5: question node `a` has no branches"),
        ("## a\nkind: question\n- if symptom -> d\n", "t.md:5: branches of `a` can all fail: add `- else -> <node-id>`"),
        ("## a\nkind: question\n- else -> d\n- if symptom -> d\n", "t.md:7: `else` must be the last branch"),
        ("## a\nkind: diagnosis\ndiagnosis: pairing-not-approved\n", "t.md:5: diagnosis node `a` without `fix:`"),
        ("## a\nkind: diagnosis\ndiagnosis: pairing-not-approved\nfix: x\n- else -> a\n",
         "t.md:9: diagnosis node `a` has branches"),
        ("## a\nkind: command\nask: run it\n- else -> d\n", "t.md:5: command node `a` without `run:`"),
        ("## a\nkind: question\n- if install.kind = = x -> d\n- else -> d\n",
         "t.md:7: malformed condition `install.kind = = x`: unexpected `x` at column 18"),
        ("## a\nkind: question\n- if colour = red -> d\n- else -> d\n", "t.md:7: unknown fact `colour`"),
        ("## a\nkind: question\nversions: from 2026.3.1 until 2026.2.1\n- else -> d\n",
         "t.md:7: empty version range `from 2026.3.1 until 2026.2.1`"),
        ("## a\nkind: question\nversions: since 2026.3.1\n- else -> d\n",
         "t.md:7: malformed version range: expected `from A`, `until B` or `from A until B`, got `since 2026.3.1`"),
        ("## a\nkind: question\n- else -> d\n## a\nkind: question\n- else -> d\n", "t.md:8: duplicate node id `a`"),
        ("## a\nkind: question\n- else -> d\nsignal +12: symptom\n", "t.md:8: signal weight must be -9…+9 and not 0, got `+12`"),
    ])
    func eachRuleReportsFileAndLine(body: String, expected: String) {
        let messages = lint(body + (body.contains("## d\n") ? "" : leaf))
        #expect(messages.contains(expected), "\(messages)")
    }

    /// Line numbers count LF bytes, as an editor does, also in a CRLF file with stray CRs (libFuzzer
    /// input Fuzz/Regressions/FuzzKnowledgeParser/crlf-after-stray-carriage-returns).
    @Test func lineNumbersInCRLFFilesWithStrayCarriageReturns() {
        let body = "## a\r\nkind: question\r\r\r\n\r\ncolour: red\r\n- else -> d\r\n"
        #expect(lint(body + leaf).contains("t.md:8: unknown key `colour`"), "\(lint(body + leaf))")
    }

    @Test func duplicateTreeIDsAcrossFiles() {
        let messages = linter.lint(files: [("one.md", sampleTree), ("two.md", sampleTree)]).map(\.description)
        #expect(messages == ["two.md:1: duplicate tree id `pairing-required` (also in one.md)"])
    }

    /// The real knowledge base, against the real catalogue. The fact vocabulary lives in the
    /// evidence stage, which this target cannot see: here only the fact-name check is relaxed;
    /// `clawfix kb lint` runs it with the real vocabulary.
    @Test func realKnowledgeBaseIsClean() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appending(path: "KnowledgeBase")
        let catalogText = try String(contentsOf: directory.appending(path: "diagnoses.md"), encoding: .utf8)
        let catalog = try DiagnosisCatalog.parse(markdown: catalogText, file: "diagnoses.md")
        let real = KnowledgeBaseLinter(catalog: catalog, isKnownFact: { _ in true })
        let problems = try real.lint(directory: directory)
        #expect(problems.map(\.description) == [])
    }
}

import ClawfixEvidence
import ClawfixKnowledge
import ClawfixRedaction
import Foundation
import Testing

@testable import ClawfixDiagnosis

/// Adding a diagnosis with a new message is Markdown only: a catalogue row, a message row and a
/// tree in a `--kb` directory, and a paste of that message is diagnosed — no Swift changes.
struct MarkdownOnlyDiagnosisTests {
    static let catalogue = """
        # Extra diagnoses

        ## Disk

        | id | what is wrong | signals | fix | versions |
        |---|---|---|---|---|
        | `state-disk-full` | the gateway cannot write its state: the disk is full | `ENOSPC: no space left on device` | free space under `~/.openclaw` and restart | |
        """

    static let messages = """
        # Extra messages

        | message | symptom | printed by | code or reason | releases | match |
        |---|---|---|---|---|---|
        | `ENOSPC: no space left on device` | disk-full | gateway-log | — | — | substring |
        """

    static let tree = """
        # The gateway cannot write its state

        id: disk-full
        start: disk
        symptom: ENOSPC: no space left on device

        ## disk
        kind: command
        ask: How full is the disk that holds the gateway's state?
        run host: df -h ~/.openclaw
        - if symptom = disk-full -> full
        - else -> full

        ## full
        kind: diagnosis
        diagnosis: state-disk-full
        signal +7: symptom = disk-full
        fix:
          The gateway cannot write under `~/.openclaw`. Free space, then restart it:

              df -h ~/.openclaw
              openclaw gateway restart
        """

    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "clawfix-kb-\(UUID().uuidString)", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data(catalogue.utf8).write(to: url.appending(path: "diagnoses.md"))
        try Data(messages.utf8).write(to: url.appending(path: "messages.md"))
        try Data(tree.utf8).write(to: url.appending(path: "disk-full.md"))
        return url
    }

    @Test func aPasteOfTheNewMessageIsDiagnosed() throws {
        let folder = try Self.directory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let knowledgeBase = try KnowledgeBase.load(addingDirectories: [folder])
        let evidence = EvidenceReader(messages: knowledgeBase.messages)
        let engine = DiagnosisEngine(knowledgeBase: knowledgeBase, index: nil)
        let paste = "2026-06-01T09:14:02.118+00:00 [gateway] Error: ENOSPC: no space left on device, write"
        var redactor = Redactor()
        let facts = evidence.read(redactor.redact(paste))
        #expect(facts.contains(Fact(.symptom, "disk-full", line: 1, text: paste)))
        let report = engine.diagnose(facts: facts, symptomText: paste)
        #expect(report.diagnoses.first?.id == "state-disk-full", "\(report.diagnoses.map(\.id))")
        // The built-in reader does not know the message: it is the directory's Markdown that taught it.
        #expect(!EvidenceReader.standard.read(redactor.redact(paste)).contains { $0.name == .symptom && $0.value == "disk-full" })
    }

    @Test func theNewFilesLintClean() throws {
        let knowledgeBase = try KnowledgeBase.load(addingDirectories: [try Self.directory()])
        let builtIn = KnowledgeBase.builtInFiles().filter { KnowledgeBase.isTreeFile($0.name) }
        let linter = KnowledgeBaseLinter(catalog: knowledgeBase.catalog, messages: knowledgeBase.messages)
        let problems = linter.lint(files: builtIn + [(name: "disk-full.md", text: Self.tree)])
        #expect(problems.isEmpty, "\(problems)")
    }
}

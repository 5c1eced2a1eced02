import ClawfixDiagnosis
import ClawfixEvidence
import ClawfixFrontEnds
import ClawfixKnowledge
import Foundation
import Testing

/// Broken files and unwritable places: a knowledge-base cycle, a corrupt index, an index or session
/// store that cannot be written. clawfix says so and keeps answering.
///
/// Tests run as root here, where a mode-0555 directory is still writable, so "cannot write" is a
/// path under a regular file (ENOTDIR for every user) unless chmod really takes effect.
@Suite struct StorageFailureTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A directory path that nobody can create files in: a read-only directory when permissions
    /// apply, otherwise a "directory" that is a regular file.
    func unwritableDirectory(in base: URL) throws -> String {
        let readOnly = base.appendingPathComponent("read-only")
        try FileManager.default.createDirectory(at: readOnly, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: readOnly.path)
        if access(readOnly.path, W_OK) != 0 { return readOnly.path }
        let file = base.appendingPathComponent("a-file")
        try Data("not a directory".utf8).write(to: file)
        return file.path
    }

    static let cycleTree = """
        # Loop
        id: loop
        start: a
        symptom: disconnected (1008): pairing required

        ## a
        kind: question
        ask: Is it docker?
        - if install.kind = docker -> b
        - else -> d

        ## b
        kind: question
        ask: Is it compose?
        - if install.kind = compose -> a
        - else -> d

        ## d
        kind: diagnosis
        diagnosis: pairing-not-approved
        fix: approve it
        """

    @Test func knowledgeBaseCycleIsReportedAndLoadingDoesNotHang() throws {
        let linter = KnowledgeBaseLinter(catalog: try KnowledgeBase.builtIn().catalog, isKnownFact: FactVocabulary.isKnown)
        let messages = linter.lint(files: [(name: "loop.md", text: Self.cycleTree)]).map(\.description)
        #expect(messages == ["loop.md:15: cycle: a -> b -> a"])

        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(Self.cycleTree.utf8).write(to: directory.appendingPathComponent("loop.md"))
        var outcome: Result<KnowledgeBase, Error>?
        let seconds = Hostile.seconds { outcome = Result { try KnowledgeBase.load(addingDirectories: [directory]) } }
        #expect(seconds < Hostile.sanitySeconds)
        // Either refused with the cycle named, or loaded; then the engine walks it without hanging.
        if case .success(let knowledgeBase) = outcome {
            let stage = DiagnosisStage(engine: DiagnosisEngine(knowledgeBase: knowledgeBase, index: nil))
            let conversation = Conversation(id: "cycle", engine: stage)
            #expect(conversation.respond(to: Hostile.normalMessage).report.diagnoses.first?.id == "pairing-not-approved")
            #expect(conversation.respond(to: "no").kind == .diagnosis)
        } else if case .failure(let error) = outcome {
            #expect("\(error)".contains("cycle: a -> b -> a"))
        }
    }

    @Test func corruptIndexFileIsRebuiltAndSearchAnswers() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("knowledge.sqlite").path
        var garbage = Array("SQLite format 3\0".utf8)
        garbage += (0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(garbage).write(to: URL(fileURLWithPath: path))
        let knowledgeBase = try KnowledgeBase.builtIn()
        let index = try KnowledgeIndex.open(path: path, knowledgeBase: knowledgeBase)
        #expect(index.didRebuild)
        #expect(try index.search("pairing required", limit: 3).isEmpty == false)
        let stage = DiagnosisStage(engine: DiagnosisEngine(knowledgeBase: knowledgeBase, index: index))
        #expect(Conversation(id: "i", engine: stage).respond(to: Hostile.normalMessage).report.diagnoses.first?.id
            == "pairing-not-approved")
    }

    @Test func unwritableIndexDirectoryFallsBackToMemory() throws {
        let base = try temporaryDirectory()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: base.appendingPathComponent("read-only").path)
            try? FileManager.default.removeItem(at: base)
        }
        let path = try unwritableDirectory(in: base) + "/knowledge.sqlite"
        let knowledgeBase = try KnowledgeBase.builtIn()
        let index = try KnowledgeIndex.open(path: path, knowledgeBase: knowledgeBase)
        #expect(index.path == ":memory:")
        #expect(try index.search("pairing required", limit: 3).isEmpty == false)
        let stage = DiagnosisStage(engine: DiagnosisEngine(knowledgeBase: knowledgeBase, index: index))
        #expect(Conversation(id: "ro", engine: stage).respond(to: Hostile.normalMessage).report.diagnoses.first?.id
            == "pairing-not-approved")
    }

    @Test func sessionStoreOnAnUnwritableDirectoryWarnsAndTheBotStillAnswers() throws {
        let base = try temporaryDirectory()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: base.appendingPathComponent("read-only").path)
            try? FileManager.default.removeItem(at: base)
        }
        let path = try unwritableDirectory(in: base) + "/sessions.sqlite"
        let warnings = WarningLog()
        let store = SessionStore(path: path, warn: { warnings.append($0) })
        #expect(!store.isPersistent)
        #expect(warnings.lines.count == 1)
        #expect(warnings.lines.first?.hasPrefix("cannot open the session store \(path)") == true)
        let bot = BotFrontEnd(engine: Hostile.stage, store: store)
        let first = bot.handle(bytes: Array(#"{"conversation":"a","text":"disconnected (1008): pairing required","author":"u"}"#.utf8), line: 1)
        #expect(first.contains("pairing-not-approved"))
        bot.save()
        // Nothing lost within the process: the conversation keeps its facts for the next turn.
        let second = bot.handle(bytes: Array(#"{"conversation":"a","text":"/facts","author":"u"}"#.utf8), line: 2)
        #expect(second.contains("line 1: disconnected (1008): pairing required"))
        #expect(warnings.lines.count == 1)
    }
}

/// Warnings collected from a store (single-threaded use in one test).
final class WarningLog: @unchecked Sendable {
    private(set) var lines: [String] = []
    func append(_ line: String) { lines.append(line) }
}

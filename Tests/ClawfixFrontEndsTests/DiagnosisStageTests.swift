import ClawfixDiagnosis
import ClawfixKnowledge
import Foundation
import Testing

@testable import ClawfixFrontEnds

/// `DiagnosisStage.load`, the one way every command and test builds the engine: the built-in
/// knowledge base plus `--kb` directories, and extractors that read the same message table.
struct DiagnosisStageTests {
    static let files = [
        "diagnoses.md": """
            # Extra diagnoses

            | id | what is wrong | signals | fix | versions |
            |---|---|---|---|---|
            | `state-read-only` | the gateway's state folder is mounted read-only | `EROFS: read-only file system` | mount `~/.openclaw` read-write and restart | |
            """,
        "messages.md": """
            | message | symptom | printed by | code or reason | releases | match |
            |---|---|---|---|---|---|
            | `EROFS: read-only file system` | state-read-only | gateway-log | — | — | substring |
            """,
        "state-read-only.md": """
            # The state folder is read-only

            id: state-read-only
            start: mounted
            symptom: EROFS: read-only file system

            ## mounted
            kind: diagnosis
            diagnosis: state-read-only
            signal +7: symptom = state-read-only
            fix:
              The gateway cannot write under `~/.openclaw`. Mount it read-write (no `:ro` in the compose
              volume), then restart the gateway.
            """,
    ]

    static func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "clawfix-stage-\(UUID().uuidString)", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: url.appending(path: name)) }
        return url
    }

    static let paste = "openclaw-gateway-1  | 2026-06-02T07:41:10.332+00:00 [gateway] Error: EROFS: read-only file system, open '/home/node/.openclaw/openclaw.json'"

    @Test func aKnowledgeDirectoryTeachesTheStageAndItsExtractors() throws {
        let folder = try Self.folder(Self.files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let stage = try DiagnosisStage.load(addingDirectories: [folder.path], indexPath: folder.appending(path: "index.sqlite").path)
        let reply = Conversation(id: "kb", engine: stage, evidence: stage.evidence).respond(to: Self.paste)
        #expect(reply.report.facts.contains { $0.name == "symptom" && $0.value == "state-read-only" }, "\(reply.report.facts)")
        #expect(reply.report.diagnoses.first?.id == "state-read-only", "\(reply.report.diagnoses.map(\.id))")

        // Without the directory neither the extractors nor the engine know the message.
        let builtIn = try DiagnosisStage.load(indexPath: folder.appending(path: "built-in.sqlite").path)
        let plain = Conversation(id: "plain", engine: builtIn, evidence: builtIn.evidence).respond(to: Self.paste)
        #expect(!plain.report.facts.contains { $0.value == "state-read-only" })
        #expect(!plain.report.diagnoses.contains { $0.id == "state-read-only" })
    }

    @Test func aBrokenTreeInTheDirectoryIsAnErrorWithItsLine() throws {
        var files = Self.files
        files["state-read-only.md"] = files["state-read-only.md"]!.replacingOccurrences(of: "kind: diagnosis", with: "kind: verdict")
        let folder = try Self.folder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = #expect(throws: KnowledgeBaseError.self) {
            try DiagnosisStage.load(addingDirectories: [folder.path], indexPath: folder.appending(path: "index.sqlite").path)
        }
        let problem = try #require(error?.problems.first)
        #expect(problem.file.hasSuffix("state-read-only.md") && problem.line == 7, "\(problem)")
        #expect(problem.message.contains("unknown node kind `verdict`"), "\(problem)")
    }
}

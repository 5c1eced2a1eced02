import ClawfixDiagnosis
import Foundation
import Testing
@testable import ClawfixFrontEnds

/// What the front ends make of what the engine answers to a message that adds no fact — a
/// greeting, thanks, an answer they cannot read — and of a fix already shown.
struct FactlessMessageTests {
    func conversation() -> Conversation<SymptomEchoEngine> {
        Conversation(id: "factless", engine: SymptomEchoEngine())
    }

    func realConversation() throws -> Conversation<DiagnosisStage> {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("factless-\(UUID().uuidString)")
        return Conversation(id: "factless", engine: try DiagnosisStage.load(indexPath: cache.appendingPathComponent("i.sqlite").path))
    }

    @Test(arguments: ["hi", "help", "x"])
    func aGreetingFirstGetsTheOpeningQuestionNotNoDiagnosis(text: String) throws {
        let reply = try realConversation().respond(to: text)
        #expect(reply.report.diagnoses.isEmpty)
        let shown = TextRenderer().render(reply)
        #expect(!shown.contains("No diagnosis yet"), "\(shown)")
        #expect(shown.contains("Next: What exactly do you see"), "\(shown)")
        #expect(!MarkdownRenderer().render(reply).contains("No diagnosis yet"))
    }

    @Test func thanksAfterADiagnosisClosePolitelyWithoutPostingTheFixAgain() throws {
        let chat = try realConversation()
        let first = chat.respond(to: "disconnected (1008): pairing required")
        #expect(TextRenderer().render(first).contains("Fix:"))
        let thanks = chat.respond(to: "thanks, that fixed it!")
        let shown = TextRenderer().render(thanks)
        #expect(shown.hasPrefix("Glad it works now."), "\(shown)")
        #expect(!shown.contains("Fix"))
        #expect(!MarkdownRenderer().render(thanks).contains("Fix"))
    }

    @Test func anUnreadableAnswerIsAcknowledgedWithWhatIsStillOpen() throws {
        let chat = try realConversation()
        _ = chat.respond(to: "disconnected (1008): pairing required")
        let reply = chat.respond(to: "hmm, not sure what you mean")
        #expect(reply.lines == ["I could not read that as an answer, so nothing changed."])
        // Whatever the engine asks next, a question is open and the fix is not posted again.
        let shown = TextRenderer().render(reply)
        #expect(shown.contains("\nNext: "), "\(shown)")
        #expect(!shown.contains("No diagnosis yet"))
        #expect(!shown.contains("Fix:\n"), "\(shown)")
    }

    @Test func theFullFixIsShownOnceThenReferredTo() {
        let chat = conversation()
        let first = chat.respond(to: "disconnected (1008): pairing required")
        #expect(first.fixesShownBefore.isEmpty)
        let again = chat.respond(to: "and again: disconnected (1008): pairing required")
        #expect(again.fixesShownBefore == ["pairing-required"])
        let text = TextRenderer().render(again)
        #expect(text.contains("   Fix: as shown above (unchanged)."))
        #expect(!text.contains("Fix for pairing-required."))
        #expect(MarkdownRenderer().render(again).contains("**Fix:** as shown above (unchanged)."))
        // /reset forgets what was shown.
        _ = chat.respond(to: "/reset")
        #expect(chat.respond(to: "disconnected (1008): pairing required").fixesShownBefore.isEmpty)
    }
}

/// Renderer layout: Markdown a CommonMark reader splits into the intended blocks, and terminal
/// prose wrapped to the width.
struct LayoutTests {
    static let report = DiagnosisReport(
        diagnoses: [
            RankedDiagnosis(
                id: "token-mismatch", title: "the client's token is not the gateway's", confidence: 0.8,
                evidence: [EvidenceLine(line: 2, text: "unauthorized: gateway token mismatch (provide gateway auth token)")],
                fix: "Set the same token on both sides:\n\n    openclaw config get gateway.auth.token")
        ],
        next: NextQuestion(question: "Which token does the client send?", commands: ["openclaw config get gateway.remote.token"],
                           why: "Tells a stale client apart from a rotated gateway token."))

    @Test func markdownBlocksAreSeparatedByBlankLines() {
        let markdown = MarkdownRenderer().render(Reply(kind: .diagnosis, report: Self.report))
        let blocks = markdown.components(separatedBy: "\n\n")
        #expect(blocks.first == "**1. `token-mismatch`** — the client's token is not the gateway's (80%)")
        #expect(blocks.contains("```text\nline 2: unauthorized: gateway token mismatch (provide gateway auth token)\n```"))
        #expect(blocks.contains("**Next:** Which token does the client send?"))
        #expect(blocks.contains("```sh\nopenclaw config get gateway.remote.token\n```"))
        // No paragraph line directly follows another block's last line.
        #expect(!markdown.contains("```\n**"))
    }

    @Test func proseWrapsToTheWidthAndCommandsNever() {
        let text = TextRenderer(width: 40).render(Reply(kind: .diagnosis, report: Self.report))
        // Evidence quotes the paste line as it was; everything else is clawfix's prose.
        for line in text.split(separator: "\n") where !line.hasPrefix("   $ ") && !line.hasPrefix("   line ") && !line.hasPrefix("         ") {
            #expect(line.count <= 40 || !line.dropFirst(6).contains(" "), "too long: \(line)")
        }
        #expect(text.contains("\n   $ openclaw config get gateway.remote.token\n"))
        #expect(text.contains("\n         openclaw config get gateway.auth.token\n"), "code in a fix keeps its line")
    }
}

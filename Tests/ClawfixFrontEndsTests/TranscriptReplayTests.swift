import ClawfixDiagnosis
import Foundation
import Testing
@testable import ClawfixFrontEnds

/// Replays every golden conversation of `Transcripts/` through the bot front end (the real engine,
/// knowledge base, redactor and extractors), one conversation per transcript, and checks each turn.
struct TranscriptReplayTests {
    /// Turns whose expert expectation the engine does not meet yet, with why. Each is replayed and
    /// checked in full inside `withKnownIssue`, so the day a gap closes this test fails until the
    /// entry is removed. The expectations themselves stay as an expert would state them.
    static let knownGaps: [String: [Int: String]] = [:]
    /// Below this confidence a listed candidate is not a claim (`expect not` allows it).
    static let claimConfidence = 0.05

    @Test func thereAreTranscripts() {
        #expect(TranscriptFile.all().count >= 1, "no transcripts in \(TranscriptFile.directory.path)")
    }

    @Test(arguments: TranscriptFile.all())
    func transcript(_ file: TranscriptFile) throws {
        #expect(file.problems.isEmpty, "\(file.name): \(file.problems)")
        let bot = BotFrontEnd(engine: try DiagnosisStage.load(), store: .memoryOnly())
        for turn in file.turns {
            let where_ = "\(file.name) turn \(turn.number) (line \(turn.line))"
            let output = bot.respond(to: BotRequest(conversation: file.conversation, text: turn.message, author: "transcript"))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(where_): \(output)")
            let ids = (object["diagnoses"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            let top3 = Array(ids.prefix(3))
            let reply = object["reply"] as? String ?? ""
            let next = object["next"] as? [String: Any]
            let commands = next?["commands"] as? [String] ?? []
            let check = {
                if let top = turn.top {
                    #expect(ids.first == top, "\(where_): expected top \(top), got \(ids)")
                }
                for id in turn.diagnoses {
                    #expect(top3.contains(id), "\(where_): expected \(id) among \(top3)")
                }
                // The report always lists three candidates when three have support; a third one
                // listed at a few percent is a reminder, not a claim. `expect not` forbids a claim.
                let claimed = (object["diagnoses"] as? [[String: Any]] ?? []).prefix(3).compactMap { diagnosis -> String? in
                    guard let id = diagnosis["id"] as? String else { return nil }
                    let confidence = diagnosis["confidence"] as? Double ?? 1
                    return confidence >= Self.claimConfidence || id == ids.first ? id : nil
                }
                for id in turn.not {
                    #expect(!claimed.contains(id), "\(where_): \(id) must not be claimed among \(top3)")
                }
                if let expected = turn.next {
                    if expected == "none" {
                        #expect(next == nil, "\(where_): expected no next question, got \(commands)")
                    } else {
                        #expect(commands.contains { $0.contains(expected) }, "\(where_): no next command contains \(expected): \(commands)")
                    }
                }
                // A fix shown earlier in the conversation is referred to, not posted again: the
                // reader still has it above, so an expectation about it looks there too.
                let fixAbove = reply.contains("**Fix:** as shown above")
                    ? (object["diagnoses"] as? [[String: Any]])?.first?["fix"] as? String ?? "" : ""
                for text in turn.contains {
                    #expect(reply.contains(text) || fixAbove.contains(text), "\(where_): reply lacks \(text)")
                }
                for text in turn.lacks {
                    #expect(!reply.contains(text), "\(where_): reply contains \(text)")
                }
            }
            if let gap = Self.knownGaps[file.name]?[turn.number] {
                withKnownIssue("\(where_): \(gap)") { check() }
            } else {
                check()
            }
        }
    }

    @Test func parserReadsTheDocumentedFormat() {
        let file = TranscriptFile(
            name: "example.md",
            text: """
                # Docker NAT
                conversation: nat-1
                Some prose for the reader.
                ## Turn 1
                user:
                    disconnected (1008): pairing required

                    second paragraph
                expect top: pairing-not-approved
                expect diagnoses: pairing-not-approved, `docker-nat-not-local`
                expect not: token-mismatch
                expect next: `docker ps`
                expect reply contains: pairing
                expect reply contains: Next
                ## Turn 2
                user:
                    yes it's docker
                expect next: none
                expect reply lacks: trustedProxies
                """)
        #expect(file.problems.isEmpty)
        #expect(file.title == "Docker NAT")
        #expect(file.conversation == "nat-1")
        #expect(file.turns.count == 2)
        #expect(file.turns[0].message == "disconnected (1008): pairing required\n\nsecond paragraph")
        #expect(file.turns[0].top == "pairing-not-approved")
        #expect(file.turns[0].diagnoses == ["pairing-not-approved", "docker-nat-not-local"])
        #expect(file.turns[0].not == ["token-mismatch"])
        #expect(file.turns[0].next == "docker ps")
        #expect(file.turns[0].contains == ["pairing", "Next"])
        #expect(file.turns[1].message == "yes it's docker")
        #expect(file.turns[1].next == "none")
        #expect(file.turns[1].lacks == ["trustedProxies"])
    }
}

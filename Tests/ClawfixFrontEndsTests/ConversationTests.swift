import ClawfixDiagnosis
import ClawfixEvidence
import Testing
@testable import ClawfixFrontEnds

struct ConversationTests {
    func conversation(limits: InputLimits = .standard) -> Conversation<SymptomEchoEngine> {
        Conversation(id: "t", engine: SymptomEchoEngine(), limits: limits)
    }

    @Test func pastedSymptomAndWordsAccumulateAcrossTurns() {
        let chat = conversation()
        let first = chat.respond(to: "hi\ndisconnected (1008): pairing required\n")
        #expect(first.kind == .diagnosis)
        #expect(first.report.diagnoses.map(\.id) == ["pairing-required"])
        #expect(first.report.diagnoses.first?.evidence == [EvidenceLine(line: 2, text: "disconnected (1008): pairing required")])
        #expect(first.report.next?.commands == ["docker ps"])
        let second = chat.respond(to: "yes it's docker")
        #expect(second.report.diagnoses.map(\.id) == ["pairing-required"])
        #expect(second.report.next == nil)
        #expect(chat.state.facts.contains(Fact("install.method", "docker", origin: .answer)))
    }

    @Test func slashCommands() {
        let chat = conversation()
        _ = chat.respond(to: "disconnected (1008): pairing required")
        let facts = chat.respond(to: "/facts")
        #expect(facts.kind == .command)
        #expect(facts.lines.contains("you see the error \u{201C}pairing required\u{201D} — symptom = pairing-required  (line 1)"))
        #expect(facts.report.diagnoses.map(\.id) == ["pairing-required"])
        let why = chat.respond(to: "/why")
        #expect(why.kind == .command && why.lines.isEmpty)
        #expect(why.explanation.map(\.diagnosisID) == ["pairing-required"])
        #expect(why.explanation.first?.parts.first?.facts.map(\.line) == [1])
        #expect(chat.respond(to: "  /help ").lines == SlashCommand.helpLines)
        #expect(chat.respond(to: "/frobnicate").lines.first?.hasPrefix("Unknown command /frobnicate.") == true)
        let reset = chat.respond(to: "/reset")
        #expect(reset.kind == .command)
        #expect(chat.state.facts.isEmpty)
        #expect(chat.respond(to: "/facts").lines == ["No facts yet."])
        #expect(chat.respond(to: "/why").lines == ["Nothing to explain yet: no diagnosis so far."])
    }

    @Test func aPathIsAPasteNotACommand() {
        #expect(SlashCommand("/usr/local/bin/openclaw: not found") == nil)
        #expect(SlashCommand("/why\nmore lines") == nil)
        #expect(SlashCommand("/why") == .why)
    }

    @Test func emptyAndBinaryInputAreRejectedWithAReason() {
        let chat = conversation()
        let empty = chat.respond(to: " \n\t\n")
        #expect(empty.kind == .rejected)
        #expect(empty.notices.first?.hasPrefix("Empty message.") == true)
        let binary = chat.respond(to: [0x7F, 0x45, 0x4C, 0x46] + [UInt8](repeating: 0, count: 200) + [0xFF, 0xFE, 0x01])
        #expect(binary.kind == .rejected)
        #expect(binary.notices.first?.hasPrefix("This looks like binary data (207 bytes)") == true)
        #expect(chat.state.facts.isEmpty)
    }

    @Test func oversizedInputIsCutAtALineBreakAndSaysSo() {
        let chat = conversation(limits: InputLimits(maximumMessageBytes: 2048))
        var text = "disconnected (1008): pairing required\n"
        while text.utf8.count < 5500 { text += "filler line that goes on and on\n" }
        text += "bash: openclaw: command not found\n"
        let reply = chat.respond(to: text)
        #expect(reply.kind == .diagnosis)
        #expect(reply.notices == ["Your paste was 5 KB; only the first 2 KB were analysed (cut at a line break)."])
        #expect(reply.report.diagnoses.map(\.id) == ["pairing-required"])
    }

    @Test func invalidUTF8IsRepairedAndMentioned() {
        let chat = conversation()
        let reply = chat.respond(to: Array("disconnected (1008): pairing required ".utf8) + [0xC3, 0x28])
        #expect(reply.notices == ["1 invalid UTF-8 sequence(s) were replaced with �."])
        #expect(reply.report.diagnoses.map(\.id) == ["pairing-required"])
    }

    @Test func aSecretGivesTheSecretExposedAdvisoryAndNeverReachesState() throws {
        let token = "3f9a1c7e5b2d4f60a8c1e3b5d7f90a2c4e6b8d0f1a3c5e7b"
        let chat = conversation()
        let reply = chat.respond(to: "OPENCLAW_GATEWAY_TOKEN=\(token)\ndisconnected (1008): pairing required")
        let advisory = try #require(reply.report.advisories.first)
        #expect(advisory.id == "secret-exposed")
        #expect(advisory.message.contains("(gateway-token)"))
        #expect(advisory.message.contains("rotate"))
        #expect(advisory.message.contains("gateway.auth.token"))
        #expect(reply.report.redactions == [RedactionRecord(kind: "gateway-token", line: 1)])
        let stored = String(decoding: try #require(chat.encodedState()), as: UTF8.self)
        #expect(!stored.contains(token))
        let transcript = chat.takeTranscriptLines()
        #expect(transcript.count == 2)
        #expect(transcript.allSatisfy { !$0.text.contains(token) })
        #expect(transcript[0].text.hasPrefix("OPENCLAW_GATEWAY_TOKEN=[gateway-token"))
        #expect(chat.takeTranscriptLines().isEmpty)
    }
}

import ClawfixFrontEnds
import Foundation
import Testing

/// The bot front end under abusive streams: deep JSON, a 10 MB line, 10,000 conversations.
@Suite struct BotAbuseTests {
    static let normalLine = #"{"conversation":"c1","text":"disconnected (1008): pairing required","author":"u"}"#

    func bot(inMemory: Int = 2_000) -> BotFrontEnd<DiagnosisStage> {
        BotFrontEnd(engine: Hostile.stage, store: .memoryOnly(), maximumConversationsInMemory: inMemory)
    }

    /// Runs the bot over `bytes` written to a temporary file (a pipe would block on 10 MB).
    func run(_ bot: BotFrontEnd<DiagnosisStage>, _ bytes: [UInt8]) throws -> [String] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-bot-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fd = open(path, O_RDONLY)
        #expect(fd >= 0)
        defer { close(fd) }
        var lines: [String] = []
        bot.run(input: fd) { lines.append($0) }
        return lines
    }

    @Test func tenMegabyteLineGetsAnErrorAndTheStreamContinues() throws {
        var bytes = Array(#"{"conversation":"big","text":""#.utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "a"), count: 10 << 20)
        bytes += Array("\"}\n".utf8) + Array((Self.normalLine + "\n").utf8)
        var lines: [String] = []
        let seconds = try Hostile.seconds { lines = try run(bot(), bytes) }
        #expect(seconds < Hostile.sanitySeconds)
        #expect(lines.count == 2)
        #expect(lines.first == #"{"conversation":null,"error":"line is 10 MB; the limit is 4 MB","line":1}"#)
        #expect(lines.last?.contains("pairing-not-approved") == true)
    }

    @Test func jsonNestedTenThousandLevelsIsAnErrorLine() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let bot = bot()
        let line = bot.handle(bytes: Array(deep.utf8), line: 1)
        #expect(line.contains(#","error":"#))
        #expect(line.hasSuffix(#""line":1}"#))
        let object = #"{"conversation":"#.utf8 + Array(repeating: UInt8(ascii: "{"), count: 10_000)
        #expect(bot.handle(bytes: Array(object), line: 2).contains(#","error":"#))
        #expect(bot.handle(bytes: Array(Self.normalLine.utf8), line: 3).contains("pairing-not-approved"))
    }

    @Test func deeplyNestedOpenClawJSONPasteGetsASaneAnswer() {
        // A pasted openclaw.json whose gateway section is buried 10,000 objects deep.
        var text = #"{"gateway":{"bind":"lan","auth":{"mode":"token"}},"x":"#
        text += String(repeating: #"{"a":"#, count: 10_000) + "1" + String(repeating: "}", count: 10_000) + "}\n"
        let conversation = Conversation(id: "deep", engine: Hostile.stage)
        var reply: Reply?
        let seconds = Hostile.seconds { reply = conversation.respond(to: text) }
        #expect(seconds < Hostile.sanitySeconds)
        #expect(reply?.kind == .diagnosis)
        #expect(conversation.respond(to: Hostile.normalMessage).report.diagnoses.first?.id == "pairing-not-approved")
    }

    @Test func tenThousandConversationsStayWithinTheLRUAndAllAreAnswered() {
        let bot = bot(inMemory: 200)
        var answered = 0
        var peakInMemory = 0
        for i in 0..<10_000 {
            let text = i % 2 == 0 ? "/help" : "yes it is docker"
            let line = #"{"conversation":"c\#(i)","text":"\#(text)","author":"u"}"#
            if bot.handle(bytes: Array(line.utf8), line: i + 1).hasPrefix(#"{"conversation":"c\#(i)""#) { answered += 1 }
            peakInMemory = max(peakInMemory, bot.conversationsInMemory)
        }
        #expect(answered == 10_000)
        #expect(peakInMemory <= 200)
        // An evicted conversation speaks again and is answered from the store.
        #expect(bot.handle(bytes: Array(#"{"conversation":"c0","text":"disconnected (1008): pairing required","author":"u"}"#.utf8), line: 10_001)
            .contains("pairing-not-approved"))
    }
}

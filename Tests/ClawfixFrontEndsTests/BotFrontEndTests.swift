import Foundation
import Testing
@testable import ClawfixFrontEnds

struct BotFrontEndTests {
    func bot(store: SessionStore = .memoryOnly(), inMemory: Int = 100) -> BotFrontEnd<SymptomEchoEngine> {
        BotFrontEnd(engine: SymptomEchoEngine(), store: store, maximumConversationsInMemory: inMemory, flushInterval: 3)
    }

    func line(_ conversation: String, _ text: String) -> [UInt8] {
        let data = try! JSONSerialization.data(withJSONObject: ["conversation": conversation, "text": text, "author": "u"])
        return Array(data)
    }

    @Test(arguments: [
        ("nope", #"{"conversation":null,"error":"not valid JSON; expected {\"conversation\",\"text\"}","line":7}"#),
        (#"{"conversation":"a","author":"u"}"#, #"{"conversation":"a","error":"missing field \"text\"","line":7}"#),
        (#"{"text":"x"}"#, #"{"conversation":null,"error":"missing field \"conversation\"","line":7}"#),
        (#"{"conversation":"a","text":5,"author":"u"}"#, #"{"conversation":"a","error":"field \"text\" must be a string","line":7}"#),
        (#"{"conversation":"a","text":null,"author":"u"}"#, #"{"conversation":"a","error":"field \"text\" must be a string, not null","line":7}"#),
        (#"{"conversation":"a","text":"x","author":7}"#, #"{"conversation":"a","error":"field \"author\" must be a string","line":7}"#),
        (#"["a","b"]"#, #"{"conversation":null,"error":"expected a JSON object","line":7}"#),
        (#"{"conversation":"a","text":"tru"#, #"{"conversation":null,"error":"not valid JSON; expected {\"conversation\",\"text\"}","line":7}"#),
        ("", #"{"conversation":null,"error":"empty line; expected {\"conversation\",\"text\"}","line":7}"#),
    ])
    func invalidLinesGetAnErrorObject(input: String, expected: String) {
        #expect(bot().handle(bytes: Array(input.utf8), line: 7) == expected)
    }

    @Test func invalidUTF8AndOverlongLinesGetAnErrorObject() {
        #expect(bot().handle(bytes: [0x7B, 0xFF, 0x7D], line: 2) == #"{"conversation":null,"error":"line is not valid UTF-8","line":2}"#)
        #expect(bot().handle(.tooLong(byteCount: 10 << 20), line: 3) == #"{"conversation":null,"error":"line is 10 MB; the limit is 4 MB","line":3}"#)
    }

    @Test func responseKeysAreInContractOrder() throws {
        let output = bot().handle(bytes: line("c1", "/help"), line: 1)
        #expect(output.hasPrefix(#"{"conversation":"c1","reply":"```text\nCommands: /why"#))
        #expect(output.hasSuffix(#","diagnoses":[],"next":null}"#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(object["chunks"] as? [String] == [object["reply"] as? String ?? ""])
    }

    @Test func conversationsInterleaveAndEvictedOnesResumeFromTheStore() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("clawfix-bot-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = SessionStore(path: directory.appendingPathComponent("sessions.sqlite").path)
        let bot = bot(store: store, inMemory: 2)
        _ = bot.handle(bytes: line("a", "docker"), line: 1)
        for index in 0..<5 { _ = bot.handle(bytes: line("other\(index)", "hello"), line: 2 + index) }
        #expect(bot.conversationsInMemory <= 2)
        // "a" was evicted; its fact comes back from the store.
        let facts = bot.handle(bytes: line("a", "/facts"), line: 8)
        #expect(facts.contains("you said: docker"))
        bot.save()
        let restarted = self.bot(store: SessionStore(path: store.path))
        #expect(restarted.handle(bytes: line("a", "/facts"), line: 1).contains("you said: docker"))
        #expect(restarted.handle(bytes: line("other0", "/facts"), line: 2).contains("No facts yet."))
    }

    @Test func runReadsAPipeAndAnswersEveryLine() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        var input: [UInt8] = []
        input += line("a", "/help") + [0x0A]
        input += Array("garbage\r\n".utf8)
        input += line("b", "/facts")  // last line without a line break
        input.withUnsafeBytes { _ = write(fds[1], $0.baseAddress, $0.count) }
        close(fds[1])
        var outputs: [String] = []
        bot().run(input: fds[0]) { outputs.append($0) }
        close(fds[0])
        #expect(outputs.count == 3)
        #expect(outputs[1] == #"{"conversation":null,"error":"not valid JSON; expected {\"conversation\",\"text\"}","line":2}"#)
        #expect(outputs[2].hasPrefix(#"{"conversation":"b""#))
    }
}

extension BotFrontEndTests {
    /// States are encoded when saved: answering stages nothing until `save()` (or the interval).
    @Test func answersAreSavedInBatchesAndAllAtSave() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("clawfix-bot-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = SessionStore(path: directory.appendingPathComponent("sessions.sqlite").path)
        let bot = BotFrontEnd(engine: SymptomEchoEngine(), store: store, flushInterval: 3, flushDelay: 3_600)
        _ = bot.handle(bytes: line("a", "docker"), line: 1)
        _ = bot.handle(bytes: line("b", "docker"), line: 2)
        #expect(SessionStore(path: store.path).load(conversation: "a") == nil)
        _ = bot.handle(bytes: line("c", "docker"), line: 3)
        // The third message reached the interval: all three are on disk.
        #expect(SessionStore(path: store.path).load(conversation: "a") != nil)
        #expect(SessionStore(path: store.path).load(conversation: "c") != nil)
        _ = bot.handle(bytes: line("d", "docker"), line: 4)
        #expect(SessionStore(path: store.path).load(conversation: "d") == nil)
        // Commands that change nothing are not saved: "e" only asked for help.
        _ = bot.handle(bytes: line("e", "/help"), line: 5)
        _ = bot.handle(bytes: line("d", "/facts"), line: 6)
        bot.save()
        let reopened = SessionStore(path: store.path)
        #expect(reopened.load(conversation: "d")?.transcriptCount == 2)
        #expect(reopened.transcript(conversation: "d").map(\.role) == ["user", "clawfix"])
        #expect(reopened.load(conversation: "e") == nil)
    }

    /// A stop request ends the input like EOF, after the line being answered: what was answered
    /// is saved, lines read but not answered are left, and `run` returns although the writer
    /// never closed its end.
    @Test func aStopRequestEndsRunAfterSavingWhatWasAnswered() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("clawfix-bot-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = SessionStore(path: directory.appendingPathComponent("sessions.sqlite").path)
        let bot = BotFrontEnd(engine: SymptomEchoEngine(), store: store, flushInterval: 1_000, flushDelay: 3_600)
        var input: [Int32] = [0, 0]
        var stop: [Int32] = [0, 0]
        #expect(pipe(&input) == 0 && pipe(&stop) == 0)
        defer { for fd in input + stop { close(fd) } }
        var bytes: [UInt8] = []
        for index in 0..<3 { bytes += line("s\(index)", "docker") + [0x0A] }
        _ = bytes.withUnsafeBytes { write(input[1], $0.baseAddress, $0.count) }
        var outputs: [String] = []
        var requested = false
        bot.run(input: input[0], stop: stop[0]) { output in
            outputs.append(output)
            if !requested {
                // Asked to stop while answering the first line; the other two are already read.
                requested = true
                var byte: UInt8 = 15
                _ = write(stop[1], &byte, 1)
            }
        }
        #expect(outputs.count == 1)
        let reopened = SessionStore(path: store.path)
        #expect(reopened.load(conversation: "s0") != nil)
        #expect(reopened.load(conversation: "s1") == nil)
    }
}

struct LineReaderTests {
    @Test func longLinesAreSkippedWithoutHoldingThem() {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let writeEnd = fds[1]
        let writer = Thread {
            var bytes = Array("short\n".utf8)
            bytes += [UInt8](repeating: 0x61, count: 300_000) + [0x0A]
            bytes += Array("after".utf8)
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(writeEnd, buffer.baseAddress! + offset, buffer.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
            close(writeEnd)
        }
        writer.start()
        let reader = LineReader(fileDescriptor: fds[0], maximumLineBytes: 1000)
        #expect(reader.next() == .line(Array("short".utf8)))
        #expect(reader.next() == .tooLong(byteCount: 300_000))
        #expect(reader.next() == .line(Array("after".utf8)))
        #expect(reader.next() == nil)
        close(fds[0])
    }
}

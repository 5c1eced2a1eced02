import Foundation
import Testing

/// What the bot keeps when it is stopped or the disk refuses: every answered conversation is in
/// the session store after SIGTERM, and a store that cannot be written costs a warning, not an
/// answer and not what was stored before.
@Suite(.serialized)
struct BotShutdownTests {
    static let pairing = "disconnected (1008): pairing required"

    /// The `/facts` reply of each conversation, from a fresh bot over the same store.
    func storedFacts(_ binary: ClawfixBinary, _ conversations: [String], arguments: [String] = []) throws -> [String: String] {
        let input = conversations.map { BotEndToEndTests.line($0, "/facts") }.joined(separator: "\n") + "\n"
        let result = try binary.run(["bot"] + arguments, stdin: input)
        var replies: [String: String] = [:]
        for line in result.stdout.split(separator: "\n") {
            guard let object = BotEndToEndTests.json(line), let id = object["conversation"] as? String else { continue }
            replies[id] = object["reply"] as? String
        }
        return replies
    }

    @Test func sigtermWhileBusySavesEveryAnsweredConversation() throws {
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        let bot = try BotProcess(binary: binary, arguments: ["bot"])
        let conversations = (0..<400).map { "term\($0)" }
        // Written at once (44 KB: it fits the pipe) and never closed: the bot is busy, with no idle
        // moment to save in, when the signal comes; without the stop handling the answers since
        // the last save would be lost.
        bot.write(conversations.map { BotEndToEndTests.line($0, Self.pairing) })
        #expect(bot.waitForLines(20, seconds: 60))
        kill(bot.process.processIdentifier, SIGTERM)
        #expect(bot.waitForExit(seconds: 60))
        bot.closeInput()
        #expect(bot.process.terminationReason == .uncaughtSignal)
        #expect(bot.process.terminationStatus == SIGTERM)
        let answered = bot.stdoutLines.compactMap { BotEndToEndTests.json(Substring($0))?["conversation"] as? String }
        // It stopped after the line it was answering, not at the end of what it had read.
        #expect(answered.count >= 20 && answered.count < conversations.count, "\(answered.count)")
        #expect(answered == Array(conversations.prefix(answered.count)))
        let facts = try storedFacts(binary, answered)
        let missing = answered.filter { facts[$0]?.contains("line 1: \(Self.pairing)") != true }
        #expect(missing.isEmpty, "answered but not stored: \(missing.prefix(5))")
    }

    @Test func sigintStopsTheBotCleanlyToo() throws {
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        let bot = try BotProcess(binary: binary, arguments: ["bot"])
        bot.write([BotEndToEndTests.line("int", Self.pairing)])
        #expect(bot.waitForLines(1, seconds: 60))
        kill(bot.process.processIdentifier, SIGINT)
        #expect(bot.waitForExit(seconds: 60))
        bot.closeInput()
        #expect(bot.process.terminationReason == .uncaughtSignal)
        #expect(bot.process.terminationStatus == SIGINT)
        #expect(bot.stderr == "")
        #expect(try storedFacts(binary, ["int"])["int"]?.contains("line 1: \(Self.pairing)") == true)
    }

    /// A real full disk for SQLite: the child runs with RLIMIT_FSIZE at 32 KB and SIGXFSZ
    /// ignored, so writing the store's WAL past that fails (EFBIG) like a full disk does. The
    /// knowledge index and the stored conversation were written before, without the limit.
    @Test func fullDiskWarnsOnceKeepsAnsweringAndLosesNothingStored() throws {
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        let stored = try binary.run(["bot"], stdin: BotEndToEndTests.line("kept", Self.pairing) + "\n")
        #expect(stored.status == 0 && stored.stderr == "", "\(stored.stderr)")

        let limit = 32_768
        let launcher = """
            import os, resource, signal, sys
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (\(limit), \(limit)))
            os.execv(sys.argv[1], sys.argv[1:])
            """
        let bot = try BotProcess(
            binary: binary, executable: URL(fileURLWithPath: "/usr/bin/env"),
            arguments: ["python3", "-c", launcher, ClawfixBinary.url.path, "bot"])
        let fresh = (0..<40).map { "full\($0)" }
        var lines = [BotEndToEndTests.line("kept", "/facts")]
        lines += fresh.map { BotEndToEndTests.line($0, Self.pairing) }
        lines += [BotEndToEndTests.line("full0", "yes it's docker"), BotEndToEndTests.line("full0", "/facts")]
        bot.write(lines)
        bot.closeInput()
        #expect(bot.waitForExit(seconds: 120))
        #expect(bot.process.terminationReason == .exit && bot.process.terminationStatus == 0, "\(bot.stderr)")
        let replies = bot.stdoutLines.compactMap { BotEndToEndTests.json(Substring($0)) }
        #expect(replies.count == lines.count)
        #expect(replies.allSatisfy { $0["reply"] is String })
        // What was stored before the disk filled is still there…
        #expect((replies.first?["reply"] as? String)?.contains("line 1: \(Self.pairing)") == true)
        // …and what is said now is answered from memory.
        let last = replies.last?["reply"] as? String ?? ""
        #expect(last.contains("line 1: \(Self.pairing)") && last.contains("docker"), "\(last)")
        let store = binary.cacheDirectory.appendingPathComponent("clawfix/sessions.sqlite").path
        let warnings = bot.stderr.split(separator: "\n")
        #expect(warnings.count == 1, "\(bot.stderr)")
        #expect(warnings.first?.hasPrefix("clawfix: cannot write the session store \(store): ") == true, "\(bot.stderr)")
        #expect(warnings.first?.hasSuffix("; conversations are kept in memory and saved when the disk allows") == true)

        // With room again, the old conversation is intact and the store is usable.
        let after = try storedFacts(binary, ["kept"])
        #expect(after["kept"]?.contains("line 1: \(Self.pairing)") == true)
    }
}

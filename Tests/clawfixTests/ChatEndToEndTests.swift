import Foundation
import Testing

/// `clawfix chat` on a real terminal (tmux, through `scripts/tmux-chat-test.sh`) and on a pipe.
@Suite(.serialized)
struct ChatEndToEndTests {
    static let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Inside `swift test` the tmux server the script starts can outlive it and leave Foundation's
    /// `waitUntilExit` waiting, so `.ci/run` runs `scripts/tmux-chat-test.sh` directly after the
    /// suite (under `timeout`); set CLAWFIX_TMUX_TEST=1 to run it here too.
    @Test(
        .enabled(if: tmux != nil, "tmux is not installed (apt-get install tmux); the terminal test cannot run"),
        .enabled(if: ProcessInfo.processInfo.environment["CLAWFIX_TMUX_TEST"] == "1", "run by .ci/run directly"))
    func aPersonAtATerminalSeesTheDiagnosisAndNextCommand() throws {
        // Output goes to a file, not a pipe: the tmux server the script starts must not be able to
        // hold the test's pipe open.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-chat-test-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let process = Process()
        process.executableURL = ClawfixBinary.packageRoot.appendingPathComponent("scripts/tmux-chat-test.sh")
        process.arguments = [ClawfixBinary.url.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        process.waitUntilExit()
        let message = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "\(message)")
    }

    @Test func pipedInputIsOneMessageAndEndsWithAGoodbye() throws {
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        let result = try binary.run(["chat"], stdin: "/help\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Commands: /why (the evidence behind the ranking)"))
        #expect(result.stdout.hasSuffix("Bye. Your conversation is saved; run clawfix chat to continue it.\n"))
        #expect(!result.stdout.contains("\u{1B}"), "colour on a pipe")
    }

    @Test func chatResumesTheSavedConversation() throws {
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        _ = try binary.run(["chat"], stdin: "yes it's docker\n")
        let second = try binary.run(["chat"], stdin: "/facts\n")
        #expect(second.stdout.contains("install.kind = docker"), "\(second.stdout)")
        let fresh = try binary.run(["chat", "--new"], stdin: "/facts\n")
        #expect(fresh.stdout.contains("No facts yet."))
    }
}

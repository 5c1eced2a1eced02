import ArgumentParser
import ClawfixFrontEnds
import Foundation

/// `clawfix bot`: a Discord-style bot on standard input and output (JSON Lines).
struct BotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bot",
        abstract: "Answer JSON Lines messages like a Discord bot, one JSON line out per line in.",
        discussion: """
            Input, one per line:  {"conversation":"…","text":"…"} ("author" optional)
            Output, one per line: {"conversation","reply","chunks","diagnoses","next"},
            or for a line it cannot take {"conversation","error","line"} (conversation null when the line had none)
            Conversations interleave freely; each is resumed from the session store after a restart.
            """)

    @OptionGroup var knowledge: KnowledgeOptions

    @Option(help: "The session database (default: sessions.sqlite in the clawfix cache directory).")
    var sessions: String?

    @Option(help: "Conversations kept in memory at once; older ones are reloaded from the store when they speak.")
    var conversationsInMemory: Int = 2_000

    /// For `scripts/fit-ranking.py`: each reply carries every candidate's ranking features.
    @Flag(name: .customLong("ranking-features"), help: .hidden)
    var rankingFeatures = false

    func run() throws {
        var stage = try knowledge.loadStage()
        stage.engine.recordsRankingFeatures = rankingFeatures
        let store = SessionStore(path: sessions ?? SessionStore.defaultPath())
        let output = StandardOutput()
        if isatty(STDIN_FILENO) == 1 {
            FileHandle.standardError.write(Data(
                "clawfix bot: type or paste JSON lines such as {\"conversation\":\"c1\",\"text\":\"…\"}, then press Ctrl-D.\n".utf8))
        }
        let bot = BotFrontEnd(
            engine: stage, store: store, evidence: stage.evidence, maximumConversationsInMemory: conversationsInMemory)
        // SIGTERM/SIGINT end the input like EOF does: sessions are saved, then the signal is re-raised.
        let stop = StopSignal()
        var readerGone = false
        bot.run(input: 0, stop: stop.fileDescriptor) { line in
            if !readerGone, !output.write(line + "\n") { readerGone = true }
        }
        if let signal = stop.received() { stop.reraise(signal) }
    }
}

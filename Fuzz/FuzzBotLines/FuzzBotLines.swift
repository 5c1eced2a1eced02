import ClawfixFrontEnds
import Foundation
import FuzzSupport

// libFuzzer target for the bot's JSON Lines reader (see `Fuzz/run.sh`): every input line gets
// exactly one output line that is itself a JSON object, whatever the bytes.

let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("clawfix-fuzz-bot-\(getpid())")
// libFuzzer calls the target from one thread only.
nonisolated(unsafe) let bot: BotFrontEnd<DiagnosisStage> = {
    try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    let stage = try! DiagnosisStage.load(indexPath: scratch.appendingPathComponent("index.sqlite").path)
    // Session writes are not what this target fuzzes; a large interval keeps it fast.
    return BotFrontEnd(
        engine: stage, store: SessionStore(path: scratch.appendingPathComponent("sessions.sqlite").path, warn: { _ in }),
        maximumConversationsInMemory: 64, flushInterval: 1_000_000)
}()

func check(_ bytes: UnsafeBufferPointer<UInt8>) {
    let output = bot.handle(bytes: Array(bytes), line: 1)
    guard !output.contains("\n"),
        let object = try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
    else {
        fatalError("bot answered with something that is not one JSON object line: \(output.prefix(200))")
    }
    guard object["error"] != nil || object["reply"] != nil else {
        fatalError("bot answer has neither error nor reply: \(output.prefix(200))")
    }
}

@main
enum FuzzBotLinesMain {
    static func main() {
        runFuzzTarget(check)
    }
}

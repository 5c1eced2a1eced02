import ClawfixEvidence
import ClawfixKnowledge
import Foundation
import Testing

@testable import ClawfixDiagnosis

/// Throughput of the engine alone, the way the bot drives it: many interleaved conversations, short
/// messages. A benchmark, not a timed test: run with `CLAWFIX_BENCHMARK=1 swift test --filter EngineBenchmark`.
struct EngineBenchmark {
    static let enabled = ProcessInfo.processInfo.environment["CLAWFIX_BENCHMARK"] != nil

    static func measure(engine: DiagnosisEngine, label: String) {
        let conversations = 1_000
        let messages: [(String, [Fact])] = [
            ("disconnected (1008): pairing required", [DiagnosisEngineTests.banner]),
            ("yes it's docker compose", AnswerInterpreter().interpret("yes it's docker compose")),
            ("it's a VPS, I'm on windows", AnswerInterpreter().interpret("it's a VPS, I'm on windows")),
            ("127.0.0.1:18789->18789/tcp", [DiagnosisEngineTests.ports]),
            ("version 2026.2.9", AnswerInterpreter().interpret("version 2026.2.9")),
        ]
        var states = Array(repeating: ConversationState(), count: conversations)
        let start = ContinuousClock.now
        var count = 0
        for round in 0..<messages.count * 2 {
            let (text, facts) = messages[round % messages.count]
            for index in states.indices {
                _ = engine.interpret(text, in: states[index])
                states[index].absorb(message: text, facts: facts)
                _ = engine.respond(to: &states[index])
                count += 1
            }
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("EngineBenchmark[\(label)]: \(count) messages in \(String(format: "%.3f", seconds)) s = \(Int(Double(count) / seconds)) messages/s")
    }

    @Test(.enabled(if: enabled)) func handBuiltTrees() {
        Self.measure(engine: SampleTrees.engine(), label: "sample trees")
    }
}

extension EngineBenchmark {
    @Test(.enabled(if: enabled)) func shippedTrees() {
        Self.measure(engine: RealKnowledgeBaseTests.engine, label: "shipped trees")
    }
}

import ClawfixEvidence
import ClawfixKnowledge
import ClawfixRedaction
import Foundation
import Testing

@testable import ClawfixDiagnosis

/// Every diagnosis-bearing message of the OpenClaw reference (`OpenClawMessages.md`), pasted alone,
/// through the same path as `clawfix paste`: redaction, the extractors, the built-in knowledge base
/// with its real FTS5 index. The share of messages whose own diagnosis ranks in the top three is
/// printed (with every miss and the question it leads to) and must not fall below the floor measured
/// when the message table landed; raise the floor when the ranking improves.
///
/// Re-run: `swift test --filter MessageCompletenessTests` (or `scripts/message-completeness.sh`).
struct MessageCompletenessTests {
    struct Row: Sendable, CustomStringConvertible {
        let row: String
        let message: String
        let diagnosis: String
        var description: String { "\(row) \(diagnosis)" }
    }

    /// Measured 162 of 162 (1.00; 150 first) on main 5386b69's ranking, 161 of 162 on the engine
    /// before it; the issue's target is 0.90. The floor leaves room for ranking work in flight.
    static let floor = 0.95

    static let rows: [Row] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "OpenClawMessages.md")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("| "), let open = line.range(of: "| `` "), let close = line.range(of: " `` |", options: .backwards)
            else { return nil }
            let row = line[line.index(line.startIndex, offsetBy: 2)..<open.lowerBound].trimmingCharacters(in: .whitespaces)
            let diagnosis = line[close.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: " |"))
            return Row(row: row, message: String(line[open.upperBound..<close.lowerBound]), diagnosis: diagnosis)
        }
    }()

    @Test func everyReferenceMessageIsInTheFixture() {
        #expect(Self.rows.count == 162)
        let catalog = (try? KnowledgeBase.builtIn().catalog.ids) ?? []
        for row in Self.rows { #expect(catalog.contains(row.diagnosis), "\(row)") }
    }

    @Test func pastedAloneEachMessageRanksItsDiagnosisInTheTopThree() throws {
        let knowledgeBase = try KnowledgeBase.builtIn()
        let path = FileManager.default.temporaryDirectory.appending(path: "clawfix-messages-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let index = try KnowledgeIndex.open(path: path, knowledgeBase: knowledgeBase)
        let engine = DiagnosisEngine(knowledgeBase: knowledgeBase, index: index)
        var first = 0
        var topThree = 0
        var misses: [String] = []
        for row in Self.rows {
            var redactor = Redactor()
            let redacted = redactor.redact(row.message)
            var state = ConversationState()
            state.absorb(message: redacted.text, facts: EvidenceReader.standard.read(redacted))
            let report = engine.respond(to: &state)
            let ids = report.diagnoses.prefix(3).map(\.id)
            if ids.first == row.diagnosis { first += 1 }
            if ids.contains(row.diagnosis) {
                topThree += 1
            } else {
                let next = report.next.map { "asks: \($0.question)" } ?? "no question"
                misses.append("  \(row.row) want \(row.diagnosis), got [\(ids.joined(separator: ", "))], \(next) — \(row.message.prefix(70))")
            }
        }
        let share = Double(topThree) / Double(Self.rows.count)
        print(
            "message completeness: \(topThree)/\(Self.rows.count) top-3 (\(String(format: "%.2f", share))), "
                + "\(first) first (\(String(format: "%.2f", Double(first) / Double(Self.rows.count))))")
        for miss in misses { print(miss) }
        #expect(share >= Self.floor, "top-3 share \(share) below the floor \(Self.floor)")
    }
}

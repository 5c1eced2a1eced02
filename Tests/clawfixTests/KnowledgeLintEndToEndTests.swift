import Foundation
import Testing

/// `clawfix kb lint` as a user runs it: clean on the shipped knowledge base; on a copy with a tree
/// testing a symptom no message defines, exit 1 with the problem at its file and line.
struct KnowledgeLintEndToEndTests {
    @Test func shippedKnowledgeBaseLintsClean() throws {
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        let result = try binary.run(["kb", "lint"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("nodes: no problems\n"))
    }

    @Test func brokenCopyIsReportedByFileAndLine() throws {
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        let copy = binary.home.appendingPathComponent("kb")
        try FileManager.default.copyItem(at: ClawfixBinary.packageRoot.appendingPathComponent("KnowledgeBase"), to: copy)
        let tree = copy.appendingPathComponent("auth-rate-limited.md")
        var text = try String(contentsOf: tree, encoding: .utf8)
        text = text.replacingOccurrences(of: "signal +7: symptom = rate-limited", with: "signal +7: symptom = rate-limitted")
        try Data(text.utf8).write(to: tree)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("rate-limitted") }.map { $0 + 1 } ?? 0
        let result = try binary.run(["kb", "lint", copy.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("auth-rate-limited.md:\(line): symptom `rate-limitted` is not defined in messages.md"), "\(result.stderr)")
    }
}

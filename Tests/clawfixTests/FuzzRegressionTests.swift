import Foundation
import Testing

/// Every input libFuzzer ever crashed on (`Fuzz/Regressions/<target>/`) is replayed through the
/// same checks, built as ordinary replay executables, on every `swift test`.
@Suite struct FuzzRegressionTests {
    static let targets = ["FuzzRedactor", "FuzzExtractors", "FuzzKnowledgeParser", "FuzzBotLines"]

    @Test(arguments: targets)
    func savedCrashInputsStayFixed(target: String) throws {
        let directory = ClawfixBinary.packageRoot.appendingPathComponent("Fuzz/Regressions/\(target)")
        let inputs = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let seeds = ClawfixBinary.packageRoot.appendingPathComponent("Fuzz/Corpus/\(target)")
        let executable = ClawfixBinary.url.deletingLastPathComponent().appendingPathComponent(target)
        try #require(FileManager.default.isExecutableFile(atPath: executable.path), "\(target) is not built")
        let process = Process()
        process.executableURL = executable
        // Seeds too: they are the shapes the fuzzer starts from, and must pass the same checks.
        process.arguments = [seeds.path] + (inputs.isEmpty ? [] : [directory.path])
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-replay-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        process.waitUntilExit()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "\(output.suffix(2000))")
        #expect(output.contains("replayed "), "\(output.suffix(500))")
    }
}

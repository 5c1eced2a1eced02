import Foundation

/// Runs the built `clawfix` executable the way a user does, like swift-argument-parser's example
/// tests: real process, real stdin/stdout, exit code. Every run gets a fresh temporary
/// `XDG_CACHE_HOME` and `HOME`, so tests never touch the real cache.
struct ClawfixBinary {
    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// `.build/<triple>/debug/clawfix`, next to the test bundle; else from the package root.
    static let url: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("clawfix"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("clawfix"),
            packageRoot.appendingPathComponent(".build/debug/clawfix"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }()

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A fresh directory that is the cache (and home) of one run.
    let home: URL

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("clawfix-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("cache"), withIntermediateDirectories: true)
    }

    var cacheDirectory: URL { home.appendingPathComponent("cache") }

    func remove() { try? FileManager.default.removeItem(at: home) }

    /// `directory`: the working directory of the run (default: the test's own).
    func run(
        _ arguments: [String], stdin: [UInt8] = [], environment extra: [String: String] = [:], directory: URL? = nil
    ) throws -> Result {
        let input = home.appendingPathComponent("stdin-\(UUID().uuidString)")
        let output = home.appendingPathComponent("stdout-\(UUID().uuidString)")
        let errors = home.appendingPathComponent("stderr-\(UUID().uuidString)")
        try Data(stdin).write(to: input)
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer {
            for file in [input, output, errors] { try? FileManager.default.removeItem(at: file) }
        }
        let process = Process()
        process.executableURL = Self.url
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CACHE_HOME"] = cacheDirectory.path
        environment["HOME"] = home.path
        environment["NO_COLOR"] = nil
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        return Result(
            stdout: String(decoding: try Data(contentsOf: output), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errors), as: UTF8.self),
            status: process.terminationStatus)
    }

    func run(_ arguments: [String], stdin: String, environment: [String: String] = [:], directory: URL? = nil) throws -> Result {
        try run(arguments, stdin: Array(stdin.utf8), environment: environment, directory: directory)
    }

    /// Writes `text` to a file in this run's home and returns its path.
    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = home.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// The first diagnosis id of a `paste --format json` output.
    static func firstDiagnosisID(_ json: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            let diagnoses = object["diagnoses"] as? [[String: Any]]
        else { return nil }
        return diagnoses.first?["id"] as? String
    }
}

import Foundation

/// A running `clawfix bot` on pipes, for tests that talk to it over time: write lines, wait for
/// answers, signal it, and read what it said. (`ClawfixBinary.run` feeds a file and waits for exit.)
final class BotProcess: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private let lock = NSLock()
    private var stdoutBytes: [UInt8] = []
    private var stderrBytes: [UInt8] = []
    private var readers: [Thread] = []
    private var finishedReaders = 0

    /// Starts `executable arguments` with the run's cache and home from `binary`.
    init(binary: ClawfixBinary, executable: URL = ClawfixBinary.url, arguments: [String]) throws {
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CACHE_HOME"] = binary.cacheDirectory.path
        environment["HOME"] = binary.home.path
        process.environment = environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        readers = [output, errors].enumerated().map { index, pipe in
            Thread { [self] in
                let handle = pipe.fileHandleForReading
                while true {
                    let data = handle.availableData
                    lock.withLock {
                        if data.isEmpty {
                            finishedReaders += 1
                        } else if index == 0 {
                            stdoutBytes += data
                        } else {
                            stderrBytes += data
                        }
                    }
                    if data.isEmpty { return }
                }
            }
        }
        for reader in readers { reader.start() }
    }

    func write(_ lines: [String]) {
        input.fileHandleForWriting.write(Data(lines.map { $0 + "\n" }.joined().utf8))
    }

    func closeInput() { try? input.fileHandleForWriting.close() }

    var stdoutLines: [String] {
        lock.withLock { String(decoding: stdoutBytes, as: UTF8.self) }.split(separator: "\n").map(String.init)
    }

    var stderr: String { lock.withLock { String(decoding: stderrBytes, as: UTF8.self) } }

    /// Waits until at least `count` output lines arrived; false after `seconds`.
    func waitForLines(_ count: Int, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if stdoutLines.count >= count { return true }
            usleep(10_000)
        }
        return stdoutLines.count >= count
    }

    /// Waits for the process and both output streams to end; false after `seconds` (then kills it).
    func waitForExit(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if !process.isRunning, lock.withLock({ finishedReaders == 2 }) { return true }
            usleep(10_000)
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        return false
    }
}

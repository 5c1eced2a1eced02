import Foundation

/// Child processes the bench times from outside: `clawfix paste`, the trivial Swift binary, `grep -E`
/// and `clawfix bot`.
enum ChildProcess {
    /// Wall milliseconds from launch to exit of one run (output discarded).
    static func time(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, stdin: String? = nil
    ) throws -> (milliseconds: Double, status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        if let stdin { process.standardInput = FileHandle(forReadingAtPath: stdin) }
        let start = Stopwatch.now()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let ms = Double(Stopwatch.now() - start) / 1e6
        return (ms, process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    struct BotRun {
        var messages: Int
        var seconds: Double
        var outputLines: Int
        var errorLines: Int
        var peakRSSKiB: Int?
    }

    /// Feeds `lines` to `clawfix bot` from a writer thread, reads every output line, then reads the
    /// child's peak RSS (VmHWM) while it still waits for input, then closes its input.
    static func bot(_ executable: String, lines: [String], environment: [String: String]) throws -> BotRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["bot"]
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let payload = Data(lines.joined(separator: "\n").utf8 + [0x0A])
        let start = Stopwatch.now()
        try process.run()
        let writer = Thread { input.fileHandleForWriting.write(payload) }
        writer.start()
        var newlines = 0
        var errors = 0
        var pending: [UInt8] = []
        let reader = output.fileHandleForReading
        while newlines < lines.count {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            for byte in chunk {
                if byte == 0x0A {
                    newlines += 1
                    if pending.starts(with: Array("{\"error\"".utf8)) { errors += 1 }
                    pending.removeAll(keepingCapacity: true)
                } else if pending.count < 16 {
                    pending.append(byte)
                }
            }
        }
        let seconds = Double(Stopwatch.now() - start) / 1e9
        let peak = peakRSS(pid: process.processIdentifier)
        try input.fileHandleForWriting.close()
        _ = reader.readDataToEndOfFile()
        process.waitUntilExit()
        return BotRun(messages: lines.count, seconds: seconds, outputLines: newlines, errorLines: errors, peakRSSKiB: peak)
    }

    /// `VmHWM` of a live process, in KiB.
    static func peakRSS(pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }
}

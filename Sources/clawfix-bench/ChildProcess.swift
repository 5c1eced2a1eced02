import Foundation

/// Child processes the bench times from outside: `clawfix paste`, the trivial Swift binary, `grep -E`
/// and `clawfix bot`.
enum ChildProcess {
    /// Wall milliseconds from launch to exit of one run; standard error is discarded, standard
    /// output returned. `posix_spawn` + `waitpid`: Foundation's `waitUntilExit` on Linux polls about
    /// every 50 ms, which would add up to 50 ms to every process-start figure.
    static func time(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, stdin: String? = nil
    ) throws -> (milliseconds: Double, status: Int32, output: String) {
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { throw POSIXError(.EMFILE) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        posix_spawn_file_actions_addclose(&actions, pipe[1])
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let environ = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + environ).forEach { free($0) } }
        var pid: pid_t = 0
        let start = Stopwatch.now()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        close(pipe[1])
        guard spawned == 0 else {
            close(pipe[0])
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT)
        }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(pipe[0], &buffer, buffer.count)
            if count > 0 { output += buffer[0..<count] } else if count == 0 || errno != EINTR { break }
        }
        close(pipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let ms = Double(Stopwatch.now() - start) / 1e6
        // WEXITSTATUS / WTERMSIG by hand: the macros are not imported into Swift.
        let exit = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (ms, exit, String(decoding: output, as: UTF8.self))
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

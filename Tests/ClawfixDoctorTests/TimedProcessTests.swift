import ClawfixDoctor
import Foundation
import Testing

/// The runner doctor trusts with a hanging `docker`: the limit holds, and what the command started dies with it.
struct TimedProcessTests {
    static let environment = ["PATH": "/usr/bin:/bin"]

    @Test func outputAndErrorInterleaveAndStatusIsKept() {
        let result = TimedProcess.run(
            ["/bin/sh", "-c", "echo out; echo err >&2; exit 3"], environment: Self.environment, timeout: 5)
        #expect(String(decoding: result.output, as: UTF8.self) == "out\nerr\n")
        #expect(result.status == 3)
        #expect(!result.timedOut)
    }

    @Test func aHangingPipelineIsStoppedAtTheLimitWithItsChildren() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("timed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pidFile = directory.appendingPathComponent("pid").path
        let start = Date()
        // The grandchild `sleep` holds the pipe open; it must die with the group.
        let result = TimedProcess.run(
            ["/bin/sh", "-c", "echo started; sleep 30 & echo $! > \(pidFile); wait"], environment: Self.environment, timeout: 0.5)
        let elapsed = Date().timeIntervalSince(start)
        #expect(result.timedOut)
        #expect(String(decoding: result.output, as: UTF8.self) == "started\n")
        #expect(elapsed < 3, "took \(elapsed) s")
        let pid = try #require(Int32(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        var alive = Self.isRunning(pid)
        for _ in 0..<50 where alive {
            usleep(20_000)
            alive = Self.isRunning(pid)
        }
        #expect(!alive, "sleep \(pid) survived the time limit")
    }

    /// Running, not a zombie: in a container, PID 1 may never reap the orphan it inherits.
    static func isRunning(_ pid: Int32) -> Bool {
        if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) {
            guard let close = stat.lastIndex(of: ")") else { return false }
            return stat[stat.index(close, offsetBy: 2)] != "Z"
        }
        return kill(pid, 0) == 0
    }

    @Test func aMissingProgramIsALaunchFailureNotACrash() {
        let result = TimedProcess.run(["no-such-program-clawfix"], environment: Self.environment, timeout: 1)
        #expect(result.status == nil)
        #expect(result.launchFailure != nil)
    }

    @Test func outputOverTheLimitIsCutAndSaid() {
        let result = TimedProcess.run(
            ["/bin/sh", "-c", "head -c 100000 /dev/zero"], environment: Self.environment, timeout: 5, outputLimit: 1000)
        #expect(result.output.count == 1000)
        #expect(result.truncated)
        #expect(result.status == 0)
    }
}

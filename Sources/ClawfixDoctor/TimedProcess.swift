#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Runs one child process with a time limit and returns what it printed.
///
/// `posix_spawn` rather than Foundation's `Process`: the child gets its own process group, so a
/// hanging `docker` and everything it started (a `sh -c` pipeline, `docker compose` plugins, an
/// `ssh` session) is killed together when the limit passes, and the pipe is read with `poll`
/// against the deadline instead of `waitUntilExit`, which has no deadline and polls on Linux.
/// The bench's `ChildProcess` times a process to exit and needs none of this, so it stays there.
public enum TimedProcess {
    /// What one run gave: standard output and standard error interleaved as printed, as a
    /// terminal would show them, so evidence reads like what the user would have pasted.
    public struct Result: Sendable, Hashable {
        public var output: [UInt8]
        /// Exit status; `128 + signal` for a child killed by a signal; nil when it never started.
        public var status: Int32?
        public var timedOut: Bool
        /// More than `outputLimit` bytes were printed; the rest was read and dropped.
        public var truncated: Bool
        public var seconds: Double
        /// Why the process could not be started (`No such file or directory`).
        public var launchFailure: String?

        public init(
            output: [UInt8], status: Int32?, timedOut: Bool = false, truncated: Bool = false, seconds: Double = 0,
            launchFailure: String? = nil
        ) {
            self.output = output
            self.status = status
            self.timedOut = timedOut
            self.truncated = truncated
            self.seconds = seconds
            self.launchFailure = launchFailure
        }
    }

    /// A log tail or `docker inspect` is kilobytes; a runaway command must not fill memory, nor
    /// thirty of them a bundle meant for a support channel.
    public static let outputLimit = 1 << 20

    /// Runs `arguments[0]` (a path, or a name looked up in `PATH`) with standard input from
    /// `/dev/null`, so nothing can wait for a password or a keypress.
    public static func run(
        _ arguments: [String], environment: [String: String], timeout: Double, outputLimit: Int = outputLimit
    ) -> Result {
        precondition(!arguments.isEmpty)
        let start = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

        // Commands start in parallel, and a sibling spawned while this pipe is open would inherit
        // its write end and hold it open, so this read would not end when its own child exits:
        // the pipe is close-on-exec, and made and handed over under one lock (`pipe2` is not
        // imported on Linux, so the flag is set in a second call that must not race a spawn).
        spawnLock.lock()
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            spawnLock.unlock()
            return Result(output: [], status: nil, launchFailure: String(cString: strerror(errno)))
        }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 2)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        // Its own process group (pgid = its pid), so the whole tree can be signalled at once; and
        // the default SIGPIPE the parent (Swift ignores it) would otherwise pass on to `a | head`.
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = arguments.map { strdup($0) } + [nil]
        let environ = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + environ).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned: Int32
        if arguments[0].contains("/") {
            spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environ)
        } else {
            spawned = spawnSearchingPath(&pid, arguments[0], &actions, &attributes, argv, environ, path: environment["PATH"])
        }
        close(fds[1])
        spawnLock.unlock()
        guard spawned == 0 else {
            close(fds[0])
            return Result(output: [], status: nil, seconds: elapsed(), launchFailure: String(cString: strerror(spawned)))
        }

        let deadline = start + UInt64(max(0, timeout) * 1e9)
        var output: [UInt8] = []
        var truncated = false
        var timedOut = false
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var poller = pollfd(fd: fds[0], events: Int16(POLLIN), revents: 0)
        reading: while true {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else {
                timedOut = true
                break
            }
            let waitMilliseconds = Int32(min(1_000, (deadline - now) / 1_000_000 + 1))
            poller.revents = 0
            let ready = poll(&poller, 1, waitMilliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            if ready == 0 { continue }
            let count = read(fds[0], &buffer, buffer.count)
            if count > 0 {
                let room = outputLimit - output.count
                if room > 0 { output += buffer[0..<min(count, room)] }
                if count > room { truncated = true }
            } else if count == 0 {
                break reading
            } else if errno != EINTR && errno != EAGAIN {
                break reading
            }
        }
        close(fds[0])
        var status: Int32 = 0
        if !timedOut {
            // Output ended; the child may still be exiting (or a background grandchild closed its
            // copy of the pipe while the child lives on): wait for it until the deadline.
            var waited = waitpid(pid, &status, WNOHANG)
            while waited == 0 && DispatchTime.now().uptimeNanoseconds < deadline {
                usleep(5_000)
                waited = waitpid(pid, &status, WNOHANG)
            }
            if waited == 0 { timedOut = true }
        }
        if timedOut { status = terminateGroup(pid) }
        // WIFEXITED / WEXITSTATUS by hand: the macros are not imported into Swift.
        let exit = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(output: output, status: exit, timedOut: timedOut, truncated: truncated, seconds: elapsed())
    }

    private static let spawnLock = NSLock()

    /// SIGTERM to the whole group, a moment to exit cleanly, then SIGKILL for what is left.
    /// Returns the child's wait status.
    private static func terminateGroup(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        kill(-pid, SIGTERM)
        for _ in 0..<20 {
            if waitpid(pid, &status, WNOHANG) == pid {
                // The leader is gone; a member of its group may not be.
                kill(-pid, SIGKILL)
                return status
            }
            usleep(10_000)
        }
        kill(-pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status
    }

    /// `posix_spawnp` with the child's own `PATH` rather than the parent's: the command runs in the
    /// environment it was given (tests put fakes first on PATH), which `posix_spawnp` ignores.
    private static func spawnSearchingPath(
        _ pid: inout pid_t, _ name: String, _ actions: UnsafePointer<posix_spawn_file_actions_t>,
        _ attributes: UnsafePointer<posix_spawnattr_t>, _ argv: [UnsafeMutablePointer<CChar>?],
        _ environ: [UnsafeMutablePointer<CChar>?], path: String?
    ) -> Int32 {
        var result = ENOENT
        for directory in (path ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            guard access(candidate, X_OK) == 0 else { continue }
            result = posix_spawn(&pid, candidate, actions, attributes, argv, environ)
            if result == 0 { return 0 }
        }
        return result
    }
}


import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns SIGTERM and SIGINT into a readable file descriptor, so a long-running front end (the
/// bot) can stop the way it stops at end of input — answer what it already read, save every
/// session, then exit — instead of dying with staged sessions in memory.
///
/// The signals are ignored by the default handler and watched by dispatch sources; each delivery
/// writes the signal number into a pipe. `LineReader` polls that pipe next to its input and treats
/// it as the end of input.
public final class StopSignal {
    /// Readable once a stop signal arrived.
    public let fileDescriptor: Int32
    private let writeEnd: Int32
    private let sources: [any DispatchSourceSignal]
    public let signals: [Int32]

    public init(signals: [Int32] = [SIGTERM, SIGINT]) {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) != 0 { fds = [-1, -1] }
        for fd in fds where fd >= 0 {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        fileDescriptor = fds[0]
        writeEnd = fds[1]
        self.signals = signals
        let writeEnd = fds[1]
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(writeEnd, &byte, 1)
            }
            source.resume()
            return source
        }
    }

    /// The first stop signal received, or nil. Does not block.
    public func received() -> Int32? {
        guard fileDescriptor >= 0 else { return nil }
        var byte: UInt8 = 0
        let count = read(fileDescriptor, &byte, 1)
        return count == 1 ? Int32(byte) : nil
    }

    /// Ends the process the way the signal would have (so a parent sees "terminated by SIGTERM"),
    /// once the caller has saved what it had to.
    public func reraise(_ number: Int32) -> Never {
        for source in sources { source.cancel() }
        signal(number, SIG_DFL)
        // Dispatch watches signals with them blocked; unblocked, the re-raised one is delivered.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, number)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(number)
        exit(128 + number)
    }
}

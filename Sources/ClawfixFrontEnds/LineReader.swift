#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines of raw bytes from a file descriptor with `read(2)`, bounded in memory.
///
/// Bytes are returned as they are (no UTF-8 decoding: invalid bytes are the caller's to report).
/// A line longer than `maximumLineBytes` is not kept: its bytes are skipped up to the next line
/// break and reported as `.tooLong`, so a 10 MB line costs no more memory than the limit.
/// Unlike `readLine()`, the reader knows whether a complete line is already buffered, which is
/// how the bot and chat tell "more input is coming" from "input went idle".
public final class LineReader {
    public enum Item: Equatable {
        case line([UInt8])
        case tooLong(byteCount: Int)
    }

    public let fileDescriptor: Int32
    public let maximumLineBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private var skipping = false
    private var skippedBytes = 0
    private var interrupted = false
    /// Where the search for the next line break resumes: bytes before it hold none, so a long
    /// line arriving in many reads is scanned once, not once per read.
    private var scanned = 0
    private static let chunkSize = 64 * 1024
    /// When true, a signal during `read` (Ctrl-C in chat) makes `next()` return nil without
    /// ending the input, so the caller can react to it.
    public var returnsOnInterrupt = false
    /// When set (see `StopSignal`), input ends as soon as this descriptor becomes readable: a
    /// blocked `next()` returns nil, and `stopRequested` tells a caller between lines.
    public var stopFileDescriptor: Int32 = -1
    /// True when input ended because of `stopFileDescriptor`, not end of file.
    public private(set) var stopped = false

    public init(fileDescriptor: Int32, maximumLineBytes: Int) {
        self.fileDescriptor = fileDescriptor
        self.maximumLineBytes = maximumLineBytes
    }

    /// True when a whole line (or the end of input) is in the buffer, so `next()` will not block.
    public var hasBufferedLine: Bool {
        atEnd || buffer[max(start, scanned)...].contains(0x0A)
    }

    /// Waits up to `milliseconds` for input to arrive; true when there is something to read.
    public func waitForInput(milliseconds: Int32) -> Bool {
        if hasBufferedLine { return true }
        var descriptor = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
        while true {
            let result = poll(&descriptor, 1, milliseconds)
            if result < 0 && errno == EINTR { continue }
            return result > 0
        }
    }

    /// The next line without its line break, or nil at the end of input. A last line without a
    /// line break is still returned.
    public func next() -> Item? {
        while true {
            if let newline = buffer[max(start, scanned)...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                scanned = start
                compact()
                if skipping {
                    skipping = false
                    let total = skippedBytes + line.count
                    skippedBytes = 0
                    return .tooLong(byteCount: total)
                }
                if line.count > maximumLineBytes { return .tooLong(byteCount: line.count) }
                return .line(line)
            }
            scanned = buffer.count
            if buffer.count - start > maximumLineBytes {
                // Too long already: drop what we hold and skip to the next line break.
                skippedBytes += buffer.count - start
                skipping = true
                buffer.removeAll(keepingCapacity: true)
                start = 0
                scanned = 0
            }
            if atEnd {
                guard start < buffer.count || skipping else { return nil }
                let line = Array(buffer[start...])
                buffer.removeAll()
                start = 0
                scanned = 0
                if skipping {
                    skipping = false
                    return .tooLong(byteCount: skippedBytes + line.count)
                }
                return .line(line)
            }
            fill()
            if interrupted {
                interrupted = false
                return nil
            }
        }
    }

    private func fill() {
        if stopFileDescriptor >= 0, waitForInputOrStop() {
            stopped = true
            atEnd = true
            return
        }
        var chunk = [UInt8](repeating: 0, count: Self.chunkSize)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, Self.chunkSize) }
            if count < 0 && errno == EINTR {
                if returnsOnInterrupt {
                    interrupted = true
                    return
                }
                continue
            }
            if count <= 0 {
                atEnd = true
                return
            }
            buffer.append(contentsOf: chunk[0..<count])
            return
        }
    }

    /// True once a stop was requested (see `stopFileDescriptor`); does not block.
    public var stopRequested: Bool {
        guard stopFileDescriptor >= 0 else { return false }
        if stopped { return true }
        var descriptor = pollfd(fd: stopFileDescriptor, events: Int16(POLLIN), revents: 0)
        stopped = poll(&descriptor, 1, 0) > 0
        return stopped
    }

    /// Blocks until input or a stop request is readable; true for a stop request.
    private func waitForInputOrStop() -> Bool {
        var descriptors = [
            pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: stopFileDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            let result = poll(&descriptors, 2, -1)
            if result < 0 && errno == EINTR { continue }
            if result < 0 { return false }
            return descriptors[1].revents != 0
        }
    }

    private func compact() {
        if start > 1 << 20 || start == buffer.count {
            buffer.removeSubrange(0..<start)
            scanned -= start
            start = 0
        }
    }
}

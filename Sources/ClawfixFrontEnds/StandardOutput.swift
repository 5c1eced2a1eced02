#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes straight to a file descriptor, so each bot line or chat reply is out the moment it is
/// written (no stdio buffer to flush), and a reader that went away ends the program quietly
/// instead of killing it with SIGPIPE.
public struct StandardOutput: Sendable {
    public let fileDescriptor: Int32

    public init(fileDescriptor: Int32 = 1) {
        self.fileDescriptor = fileDescriptor
        signal(SIGPIPE, SIG_IGN)
    }

    /// False when the reader has gone (EPIPE) or the write failed.
    @discardableResult
    public func write(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }
}

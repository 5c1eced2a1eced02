#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How wide the terminal is, so prose wraps at a word instead of wherever the terminal cuts it.
public enum TerminalWidth {
    /// The columns of the terminal on `fileDescriptor`; `COLUMNS` when it is set; nil when the output
    /// is not a terminal (a file or a pipe gets unwrapped lines, which tools read more easily).
    public static func columns(fileDescriptor: Int32 = 1, environment: [String: String]) -> Int? {
        guard isatty(fileDescriptor) == 1 else { return nil }
        var size = winsize()
        if ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
    }
}

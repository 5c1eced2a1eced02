import Foundation

/// The one line a person at a terminal needs when a command waits for standard input: without it,
/// `clawfix paste` looks hung.
enum TerminalHint {
    /// Written to stderr (stdout may be piped on) when `file` is standard input and it is a terminal.
    static func pasteThenEnd(reading file: String?) {
        guard file == nil || file == "-", isatty(STDIN_FILENO) == 1 else { return }
        FileHandle.standardError.write(Data("clawfix: paste the text, then press Ctrl-D on an empty line (Ctrl-C cancels).\n".utf8))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Reads chat input: with line editing and history from libedit when standard input is a terminal
/// and `libedit.so.2` can be loaded at run time (`dlopen`, so clawfix has no build-time
/// dependency on it), otherwise plain lines from `LineReader`.
public final class LineEditor {
    /// What one read produced.
    public enum Input: Equatable {
        case line(String)
        /// Ctrl-C at the prompt.
        case interrupt
        /// Ctrl-D or the end of input.
        case end
    }

    private typealias ReadlineFunction = @convention(c) (UnsafePointer<CChar>?) -> UnsafeMutablePointer<CChar>?
    private typealias AddHistoryFunction = @convention(c) (UnsafePointer<CChar>?) -> Int32

    private let readlineFunction: ReadlineFunction?
    private let addHistoryFunction: AddHistoryFunction?
    private let plain: LineReader
    private let interactive: Bool

    /// True when libedit is in use.
    public var hasLineEditing: Bool { readlineFunction != nil }

    public init(fileDescriptor: Int32 = 0, maximumLineBytes: Int = 8 << 20) {
        plain = LineReader(fileDescriptor: fileDescriptor, maximumLineBytes: maximumLineBytes)
        interactive = isatty(fileDescriptor) == 1
        if interactive {
            // libedit drops every non-ASCII character (the `…` of `docker ps`) in the C locale.
            if let locale = setlocale(LC_CTYPE, ""), !String(cString: locale).lowercased().contains("utf") {
                _ = setlocale(LC_CTYPE, "C.UTF-8")
            } else if setlocale(LC_CTYPE, nil) == nil {
                _ = setlocale(LC_CTYPE, "C.UTF-8")
            }
        }
        if interactive, fileDescriptor == 0, let handle = dlopen("libedit.so.2", RTLD_NOW | RTLD_LOCAL),
            let readline = dlsym(handle, "readline")
        {
            readlineFunction = unsafeBitCast(readline, to: ReadlineFunction.self)
            addHistoryFunction = dlsym(handle, "add_history").map { unsafeBitCast($0, to: AddHistoryFunction.self) }
        } else {
            readlineFunction = nil
            addHistoryFunction = nil
        }
        if interactive {
            InterruptFlag.install()
            plain.returnsOnInterrupt = true
        }
    }

    /// Reads one line, showing `prompt` on a terminal.
    public func readLine(prompt: String) -> Input {
        InterruptFlag.clear()
        if let readlineFunction {
            let result = prompt.withCString { readlineFunction($0) }
            guard let result else { return InterruptFlag.take() ? .interrupt : .end }
            defer { free(result) }
            return .line(String(cString: result))
        }
        if interactive {
            writeOut(prompt)
        }
        switch plain.next() {
        case .line(let bytes):
            return .line(String(decoding: bytes.last == 0x0D ? bytes.dropLast() : bytes[...], as: UTF8.self))
        case .tooLong(let count):
            return .line("[a line of \(count) bytes was too long to read]")
        case nil:
            return InterruptFlag.take() ? .interrupt : .end
        }
    }

    /// Whether more input arrives within `milliseconds`: how a multi-line paste is recognised.
    public func moreInputWithin(milliseconds: Int32) -> Bool {
        if readlineFunction == nil, plain.hasBufferedLine { return true }
        var descriptor = pollfd(fd: plain.fileDescriptor, events: Int16(POLLIN), revents: 0)
        while true {
            let result = poll(&descriptor, 1, milliseconds)
            if result < 0 && errno == EINTR { return false }
            return result > 0 && descriptor.revents & Int16(POLLIN) != 0
        }
    }

    public func addHistory(_ line: String) {
        guard let addHistoryFunction, !line.isEmpty else { return }
        _ = line.withCString { addHistoryFunction($0) }
    }

    private func writeOut(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { write(1, $0.baseAddress, $0.count) }
    }
}

/// Ctrl-C at the prompt: the SIGINT handler only sets a flag (all a signal handler may do); the
/// read it interrupts returns, and the chat clears the line or, on a second Ctrl-C, exits.
/// Installed without `SA_RESTART` so the blocked `read` really returns.
enum InterruptFlag {
    private static let raised = Atomic<Bool>(false)

    static func install() {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in InterruptFlag.raised.store(true, ordering: .relaxed) }
        #else
        action.__sigaction_u.__sa_handler = { _ in InterruptFlag.raised.store(true, ordering: .relaxed) }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    static func clear() { raised.store(false, ordering: .relaxed) }

    static func take() -> Bool { raised.exchange(false, ordering: .relaxed) }
}

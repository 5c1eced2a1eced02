#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether terminal output is coloured, and the few styles clawfix uses.
///
/// Colour is on only when the output is a terminal and `NO_COLOR` is not set (https://no-color.org):
/// a redirected report or a CI log never contains escape sequences.
public struct TerminalStyle: Sendable, Hashable {
    public var colour: Bool

    public init(colour: Bool) { self.colour = colour }

    public static let plain = TerminalStyle(colour: false)

    /// The style for a file descriptor, from `isatty` and the environment.
    public static func detect(fileDescriptor: Int32 = 1, environment: [String: String]) -> TerminalStyle {
        TerminalStyle(colour: isatty(fileDescriptor) == 1 && environment["NO_COLOR"] == nil)
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func green(_ text: String) -> String { wrap(text, "32") }
    func yellow(_ text: String) -> String { wrap(text, "33") }
    func red(_ text: String) -> String { wrap(text, "31") }
    func cyan(_ text: String) -> String { wrap(text, "36") }

    private func wrap(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// Removes every control character but tab and line feed from text that is about to reach a
/// terminal. Input already went through `PastedInput`; this is the last line of defence for text
/// that came from elsewhere (the knowledge base, an error description).
enum TerminalSafe {
    static func clean(_ text: String) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where isControl(scalar) {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isControl(scalar) { output.append(scalar) }
        return String(output)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0x09 || value == 0x0A { return false }
        return value < 0x20 || value == 0x7F || (value >= 0x80 && value <= 0x9F)
    }
}

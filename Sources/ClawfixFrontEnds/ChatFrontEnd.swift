#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ClawfixEvidence
import Foundation

/// `clawfix chat`: an interactive conversation on a terminal.
///
/// A multi-line paste is one message: after a line arrives, further lines that follow within
/// `pasteIdleMilliseconds` (a terminal delivers a paste in one burst; a person typing takes far
/// longer between Enter and the next line) join the same message. Ctrl-C clears the line; a second
/// Ctrl-C in a row exits; Ctrl-D exits with a goodbye line. libedit restores the terminal mode
/// itself before returning, so no exit path leaves the terminal raw.
public final class ChatFrontEnd<Engine: ConversationEngine> {
    public let conversation: Conversation<Engine>
    public let store: SessionStore
    public let renderer: TextRenderer
    public let pasteIdleMilliseconds: Int32
    private let editor: LineEditor
    private let write: (String) -> Void

    public init(
        conversation: Conversation<Engine>, store: SessionStore, style: TerminalStyle,
        editor: LineEditor = LineEditor(), pasteIdleMilliseconds: Int32 = 50, width: Int? = nil,
        write: @escaping (String) -> Void
    ) {
        self.conversation = conversation
        self.store = store
        self.renderer = TextRenderer(style: style, showsFacts: false, width: width)
        self.editor = editor
        self.pasteIdleMilliseconds = pasteIdleMilliseconds
        self.write = write
    }

    public static var prompt: String { "clawfix> " }
    public static var goodbye: String { "Bye. Your conversation is saved; run clawfix chat to continue it." }

    /// Said when the chat picks up a saved conversation: what it knew, and how to start afresh.
    func resumeNotice() -> String? {
        let facts = conversation.engine.facts(of: conversation.state)
        guard !facts.isEmpty else { return nil }
        var text = "Continuing your saved conversation (\(facts.count) facts so far"
        if let top = conversation.engine.lastReport(of: conversation.state)?.diagnoses.first {
            text += "; likeliest cause: \(TerminalSafe.clean(top.id))"
        }
        return text + "). /reset or clawfix chat --new starts afresh."
    }

    /// Runs until Ctrl-D, end of input or a double Ctrl-C.
    public func run(greeting: Bool = true) {
        if greeting {
            write(
                renderer.style.bold("clawfix")
                    + " — paste an error message or command output (several lines at once are one message),\n"
                    + "or describe your setup. /help lists commands, Ctrl-D quits.\n")
            if let resumed = resumeNotice() { write(resumed + "\n") }
        }
        var interrupts = 0
        while true {
            switch editor.readLine(prompt: Self.prompt) {
            case .end:
                write("\n" + Self.goodbye + "\n")
                return
            case .interrupt:
                interrupts += 1
                if interrupts >= 2 {
                    write("\n" + Self.goodbye + "\n")
                    return
                }
                write("^C (press Ctrl-C again or Ctrl-D to quit)\n")
                continue
            case .line(let first):
                interrupts = 0
                var lines = [first]
                while editor.moreInputWithin(milliseconds: pasteIdleMilliseconds) {
                    guard case .line(let more) = editor.readLine(prompt: "") else { break }
                    lines.append(more)
                }
                while lines.last?.allSatisfy(\.isWhitespace) == true && lines.count > 1 { lines.removeLast() }
                let message = lines.joined(separator: "\n")
                if message.allSatisfy(\.isWhitespace) { continue }
                // A typed token stays out of the history a later Up-arrow would show.
                let probing = if case .probe = SlashCommand(message) { true } else { false }
                editor.addHistory(lines.count == 1 && !(probing && message.contains("--token")) ? first : "")
                if probing, conversation.probe != nil { write(renderer.style.dim("probing… (Ctrl-C stops it)") + "\n") }
                let reply = conversation.respond(to: message)
                if let state = conversation.encodedState() {
                    store.stage(conversation: conversation.id, state: state, lines: conversation.takeTranscriptLines())
                    store.flush()
                }
                // The terminal echoed ^C where the cursor was: the answer starts on a line of its own.
                let interrupted = reply.kind == .command && reply.lines == [Conversation<Engine>.probeInterrupted]
                write((interrupted ? "\n" : "") + renderer.render(reply) + "\n")
            }
        }
    }
}

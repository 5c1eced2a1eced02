import ArgumentParser
import ClawfixDoctor
import ClawfixFrontEnds
import Foundation

/// `clawfix chat`: the interactive conversation (the default when standard input is a terminal).
struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Talk it through: paste errors and command output, answer questions, get the cause.",
        discussion: """
            A multi-line paste is taken as one message. /why, /facts, /reset, /help. Ctrl-D quits.
            The conversation is saved (redacted) and resumed next time; --new starts afresh.
            """)

    @OptionGroup var knowledge: KnowledgeOptions

    @Option(help: "Which saved conversation to continue.")
    var conversation: String = "chat"

    @Flag(help: "Forget the saved conversation and start over.")
    var new = false

    @Option(help: "The session database (default: sessions.sqlite in the clawfix cache directory).")
    var sessions: String?

    func run() throws {
        let stage = try knowledge.loadStage()
        let store = SessionStore(path: sessions ?? SessionStore.defaultPath())
        let chat: Conversation<DiagnosisStage>
        if !new, let saved = store.load(conversation: conversation) {
            chat = Conversation(id: conversation, engine: stage, evidence: stage.evidence, storedState: saved.state)
        } else {
            chat = Conversation(id: conversation, engine: stage, evidence: stage.evidence)
        }
        chat.probe = .live(environment: ProcessInfo.processInfo.environment)
        chat.offersDoctor = GatewayHostCheck.looksLikeGatewayHost()
        let output = StandardOutput()
        let style = TerminalStyle.detect(fileDescriptor: 1, environment: ProcessInfo.processInfo.environment)
        let width = TerminalWidth.columns(fileDescriptor: 1, environment: ProcessInfo.processInfo.environment)
        ChatFrontEnd(conversation: chat, store: store, style: style, width: width, write: { output.write($0) }).run()
    }
}

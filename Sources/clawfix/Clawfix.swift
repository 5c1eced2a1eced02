import ArgumentParser
import Foundation

/// The `clawfix` command: parses arguments and hands over to a front end. No logic lives here.
@main
struct Clawfix: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clawfix",
        abstract: "Find out why the OpenClaw gateway says \"pairing required\" (and its relatives).",
        discussion: """
            With no subcommand, clawfix starts a chat when standard input is a terminal and \
            analyses standard input as a paste otherwise.
            """,
        subcommands: [
            ChatCommand.self, PasteCommand.self, BotCommand.self, ProbeCommand.self, RedactCommand.self,
            KnowledgeBaseCommand.self,
        ]
    )

    static func main() async {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.isEmpty || arguments.first?.hasPrefix("-") == true && !isHelpOrVersion(arguments) {
            arguments.insert(isatty(STDIN_FILENO) == 1 ? "chat" : "paste", at: 0)
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }

    private static func isHelpOrVersion(_ arguments: [String]) -> Bool {
        arguments.contains { ["-h", "--help", "--version", "help"].contains($0) }
    }
}

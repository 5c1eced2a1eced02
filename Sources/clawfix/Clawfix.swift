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
        version: ClawfixVersion.current,
        subcommands: [
            ChatCommand.self, PasteCommand.self, BotCommand.self, ProbeCommand.self, RedactCommand.self,
            KnowledgeBaseCommand.self, DoctorCommand.self,
        ]
    )

    static func main() async {
        var arguments = Array(CommandLine.arguments.dropFirst()).map { $0 == "-V" ? "--version" : $0 }
        if arguments.isEmpty || arguments.first?.hasPrefix("-") == true && !isHelpOrVersion(arguments) {
            arguments.insert(isatty(STDIN_FILENO) == 1 ? "chat" : "paste", at: 0)
        }
        do {
            if let file = barePaste(arguments) {
                try PasteCommand.analyse(file: file, format: .text, directories: [], indexPath: nil)
                return
            }
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

    /// `paste` or `paste FILE` with no option: the commonest call, which needs no parser. Returns
    /// the file (nil for standard input); nil as a whole when ArgumentParser must look.
    private static func barePaste(_ arguments: [String]) -> String?? {
        guard arguments.first == "paste", arguments.count <= 2 else { return nil }
        guard arguments.count == 2 else { return .some(nil) }
        let file = arguments[1]
        guard file == "-" || !file.hasPrefix("-") && file != "help" else { return nil }
        return .some(file)
    }

    private static func isHelpOrVersion(_ arguments: [String]) -> Bool {
        arguments.contains { ["-h", "--help", "--version", "help"].contains($0) }
    }
}

import ArgumentParser
import ClawfixFrontEnds
import ClawfixRedaction
import Foundation

/// `clawfix redact [FILE] [--format text|json]`: "clean this before I post it".
struct RedactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redact", abstract: "Remove secrets from text before you post it")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "File to redact (default: standard input).")
    var file: String?

    @Option(help: "Output format: text (the redacted text) or json (findings and text).")
    var format: Format = .text

    func run() throws {
        let data: [UInt8]
        TerminalHint.pasteThenEnd(reading: file)
        do {
            let input = try InputFile.read(file)
            // Redacting only a prefix would print a "clean" text with the rest missing: refuse instead.
            guard !input.truncated else {
                throw InputFile.Failure(description: "the input is over \(InputFile.ceiling >> 20) MB; split it and redact each part")
            }
            data = input.bytes
        } catch {
            FileHandle.standardError.write(Data("clawfix: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let input = PastedInput(bytes: data)
        var redactor = Redactor()
        let result = redactor.redact(input)
        switch format {
        case .json:
            print(RedactReport.json(result))
        case .text:
            FileHandle.standardOutput.write(Data(result.text.utf8))
            if !result.text.hasSuffix("\n") && !result.text.isEmpty { FileHandle.standardOutput.write(Data("\n".utf8)) }
            FileHandle.standardError.write(Data((RedactReport.summary(result) + "\n").utf8))
        }
    }
}

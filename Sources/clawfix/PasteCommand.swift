import ArgumentParser
import ClawfixDiagnosis
import ClawfixEvidence
import ClawfixFrontEnds
import ClawfixKnowledge
import Foundation

/// `clawfix paste [FILE] [--format text|markdown|json]`: one report for one paste.
///
/// Exit 0 when the input was analysed (with or without a diagnosis), 1 when the file cannot be
/// read, 2 when there was nothing to analyse (empty or binary input: said on stderr in every
/// format). Nothing is stored.
struct PasteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paste",
        abstract: "Analyse pasted output (a file or standard input) and print a ranked diagnosis.",
        discussion: """
            Examples:
              docker compose logs openclaw-gateway 2>&1 | clawfix paste
              clawfix paste error.txt --format json
            Input larger than 8 MB is cut to its first 8 MB (at a line break) and the report says so.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    @OptionGroup var knowledge: KnowledgeOptions

    @Argument(help: "A file to analyse; standard input when omitted or '-'.")
    var file: String?

    @Option(help: "Output format: text, markdown or json.")
    var format: Format = .text

    /// For `scripts/fit-ranking.py`: the JSON report carries every candidate's ranking features.
    @Flag(name: .customLong("ranking-features"), help: .hidden)
    var rankingFeatures = false

    @Flag(name: [.customShort("v"), .long], help: "Also list every fact read from the paste (text and markdown).")
    var verbose = false

    func run() throws {
        try Self.analyse(
            file: file, format: rankingFeatures ? .json : format, directories: knowledge.directories,
            indexPath: knowledge.indexPath, rankingFeatures: rankingFeatures, verbose: verbose)
    }

    /// The whole command, from plain values: `Clawfix.main` calls it directly for a bare
    /// `clawfix paste [FILE]`, skipping ArgumentParser's reflection (a tenth of a one-line paste).
    static func analyse(
        file: String?, format: Format, directories: [String], indexPath: String?, rankingFeatures: Bool = false,
        verbose: Bool = false
    ) throws {
        let bytes: [UInt8]
        TerminalHint.pasteThenEnd(reading: file)
        do {
            let input = try InputFile.read(file)
            bytes = input.bytes
            if input.truncated {
                FileHandle.standardError.write(Data("clawfix: the input is over \(InputFile.ceiling >> 20) MB; reading stopped there\n".utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("clawfix: \(error)\n".utf8))
            throw ExitCode(1)
        }
        var stage = try DiagnosisStage.load(addingDirectories: directories, indexPath: indexPath)
        stage.engine.recordsRankingFeatures = rankingFeatures
        let conversation = Conversation(id: "paste", engine: stage, evidence: stage.evidence)
        let reply = conversation.respond(to: bytes)
        // Nothing to analyse: said on stderr, whatever the format, and a failing exit status.
        if reply.kind == .rejected {
            for notice in reply.notices { FileHandle.standardError.write(Data("clawfix: \(notice)\n".utf8)) }
            throw ExitCode(2)
        }
        let output = StandardOutput()
        let environment = ProcessInfo.processInfo.environment
        switch format {
        case .json:
            // Notices go to stderr so stdout stays one JSON document.
            for notice in reply.notices { FileHandle.standardError.write(Data("clawfix: \(notice)\n".utf8)) }
            output.write(JSONReportRenderer(pretty: true).render(reply.report) + "\n")
        case .markdown:
            output.write(MarkdownRenderer(showsFacts: verbose).render(reply) + "\n\n" + howToGoOn(reply.report) + "\n")
        case .text:
            let style = TerminalStyle.detect(fileDescriptor: 1, environment: environment)
            let renderer = TextRenderer(
                style: style, showsFacts: verbose, width: TerminalWidth.columns(fileDescriptor: 1, environment: environment))
            output.write(renderer.render(reply) + "\n" + renderer.wrapped(howToGoOn(reply.report), indent: "").joined(separator: "\n") + "\n")
        }
    }

    /// The last line of a report: what to run or paste next, so a one-shot paste leads somewhere.
    static func howToGoOn(_ report: DiagnosisReport) -> String {
        if report.next != nil {
            return "To go on: run the command under Next, then paste this and its output together (clawfix paste), "
                + "or start clawfix chat and paste them there: chat keeps the case between messages."
        }
        if report.diagnoses.isEmpty {
            return "To go on: paste the whole error (the Control UI's red line or the CLI's output) with the output of "
                + "openclaw gateway status or docker ps, or describe your setup in clawfix chat."
        }
        return "To go on: apply the fix. If the error changes, paste the new one (clawfix paste), or continue in clawfix chat."
    }
}

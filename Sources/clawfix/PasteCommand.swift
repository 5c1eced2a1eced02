import ArgumentParser
import ClawfixDiagnosis
import ClawfixEvidence
import ClawfixFrontEnds
import ClawfixKnowledge
import Foundation

/// `clawfix paste [FILE] [--format text|markdown|json]`: one report for one paste.
///
/// Exit 0 whenever the input was read (with or without a diagnosis; empty or binary input gets a
/// clear notice), 1 when the file cannot be read. Nothing is stored.
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

    func run() throws {
        try Self.analyse(
            file: file, format: rankingFeatures ? .json : format, directories: knowledge.directories,
            indexPath: knowledge.indexPath, rankingFeatures: rankingFeatures)
    }

    /// The whole command, from plain values: `Clawfix.main` calls it directly for a bare
    /// `clawfix paste [FILE]`, skipping ArgumentParser's reflection (a tenth of a one-line paste).
    static func analyse(
        file: String?, format: Format, directories: [String], indexPath: String?, rankingFeatures: Bool = false
    ) throws {
        let bytes: [UInt8]
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
        var loaded = try EngineLoading.load(directories: directories, indexPath: indexPath)
        loaded.stage.engine.recordsRankingFeatures = rankingFeatures
        let conversation = Conversation(id: "paste", engine: loaded.stage, evidence: loaded.evidence)
        let reply = conversation.respond(to: bytes)
        let output = StandardOutput()
        switch format {
        case .json:
            // Notices go to stderr so stdout stays one JSON document.
            for notice in reply.notices { FileHandle.standardError.write(Data("clawfix: \(notice)\n".utf8)) }
            output.write(JSONReportRenderer(pretty: true).render(reply.report) + "\n")
        case .markdown:
            output.write(MarkdownRenderer().render(reply) + "\n")
        case .text:
            let style = TerminalStyle.detect(fileDescriptor: 1, environment: ProcessInfo.processInfo.environment)
            output.write(TextRenderer(style: style).render(reply))
        }
    }
}

/// Builds the diagnosis stage every front end shares: the built-in trees plus `--kb`
/// directories, with the FTS5 index at `--db` (or the default cache). A broken cache never stops
/// an answer: without an index the engine ranks by facts alone.
enum EngineLoading {
    /// The stage, and the extractors reading the same message table (`--kb` rows included).
    struct Loaded {
        var stage: DiagnosisStage
        let evidence: EvidenceReader
    }

    static func load(_ knowledge: KnowledgeOptions) throws -> Loaded {
        try load(directories: knowledge.directories, indexPath: knowledge.indexPath)
    }

    static func load(directories: [String], indexPath: String?) throws -> Loaded {
        let knowledgeBase = try knowledgeBase(directories: directories)
        let index = try? KnowledgeIndex.open(path: indexPath, knowledgeBase: knowledgeBase)
        return Loaded(
            stage: DiagnosisStage(engine: DiagnosisEngine(knowledgeBase: knowledgeBase, index: index)),
            evidence: EvidenceReader(messages: knowledgeBase.messages))
    }

    /// The built-in knowledge base, plus the trees in `directories`.
    static func knowledgeBase(directories: [String]) throws -> KnowledgeBase {
        if directories.isEmpty { return try KnowledgeBase.builtIn() }
        return try KnowledgeBase.load(addingDirectories: directories.map { URL(fileURLWithPath: $0, isDirectory: true) })
    }
}

import ArgumentParser
import ClawfixEvidence
import ClawfixKnowledge
import Foundation

/// `clawfix kb lint [DIR]` and `clawfix kb search TEXT`: maintain and explore the knowledge base.
struct KnowledgeBaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "Check or search the knowledge base.",
        subcommands: [Lint.self, Search.self])

    /// Exit 1 with `file:line: message` lines on stderr when a file has problems.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check knowledge-base trees (default: the built-in ones) against the format rules.")

        @Argument(
            help: "A directory of trees; its diagnoses.md and messages.md, when present, replace the built-in ones.")
        var directory: String?

        @OptionGroup var knowledge: KnowledgeOptions

        func run() throws {
            let builtIn = try KnowledgeBase.builtIn()
            var catalog = builtIn.catalog
            var catalogFile = "diagnoses.md"
            var messages = builtIn.messages
            var files: [(name: String, text: String)]
            if let directory {
                let url = URL(fileURLWithPath: directory, isDirectory: true)
                let catalogPath = url.appending(path: "diagnoses.md").path
                if let data = FileManager.default.contents(atPath: catalogPath) {
                    catalog = try DiagnosisCatalog.parse(markdown: String(decoding: data, as: UTF8.self), file: catalogPath)
                    catalogFile = catalogPath
                }
                let messagesPath = url.appending(path: "messages.md").path
                if let data = FileManager.default.contents(atPath: messagesPath) {
                    messages = MessageTable.parse(markdown: String(decoding: data, as: UTF8.self), file: messagesPath)
                }
                files = try Self.treeFiles(in: url)
            } else {
                files = KnowledgeBase.builtInFiles().filter { KnowledgeBase.isTreeFile($0.name) }
            }
            for extra in knowledge.directories {
                let url = URL(fileURLWithPath: extra, isDirectory: true)
                let messagesPath = url.appending(path: "messages.md").path
                if let data = FileManager.default.contents(atPath: messagesPath) {
                    messages = messages.adding(MessageTable.parse(markdown: String(decoding: data, as: UTF8.self), file: messagesPath))
                }
                files += try Self.treeFiles(in: url)
            }
            let linter = KnowledgeBaseLinter(catalog: catalog, catalogFile: catalogFile, messages: messages)
            let problems = linter.lint(files: files)
            if !problems.isEmpty {
                FileHandle.standardError.write(Data(problems.map { "\($0)\n" }.joined().utf8))
                throw ExitCode(1)
            }
            let trees = files.compactMap { KnowledgeBaseParser.parse(markdown: $0.text, file: $0.name).tree }
            print("\(trees.count) trees, \(trees.reduce(0) { $0 + $1.nodes.count }) nodes: no problems")
        }

        static func treeFiles(in directory: URL) throws -> [(name: String, text: String)] {
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { KnowledgeBase.isTreeFile($0) }.sorted()
            return try names.map { name in
                let path = directory.appending(path: name).path
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw ValidationError("cannot read \(path)")
                }
                return (name, String(decoding: data, as: UTF8.self))
            }
        }
    }

    /// Ranked nodes with a snippet each.
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Search the knowledge base.")

        @Argument(help: "Words to look for, e.g. an error message.")
        var text: String

        @Option(help: "At most this many results.")
        var limit = 10

        @OptionGroup var knowledge: KnowledgeOptions

        func run() throws {
            let knowledgeBase = try knowledge.loadKnowledgeBase()
            let index = try knowledge.openIndex(for: knowledgeBase)
            let hits = try index.search(text, limit: limit)
            if hits.isEmpty {
                print("no matches")
                return
            }
            for (rank, hit) in hits.enumerated() {
                let location = hit.nodeID.map { "\(hit.treeID)#\($0)" } ?? hit.treeID
                print("\(rank + 1). \(location)  (\(String(format: "%.2f", hit.score)))")
                print("   \(Self.oneLine(hit.title))")
                print("   \(Self.oneLine(hit.snippet))")
            }
        }

        /// Knowledge-base text may span lines; a result stays on one line, without control characters.
        static func oneLine(_ text: String) -> String {
            String(String.UnicodeScalarView(text.unicodeScalars.map {
                $0.properties.generalCategory == .control ? " " : $0
            }))
        }
    }
}

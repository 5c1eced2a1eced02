import ArgumentParser
import ClawfixKnowledge
import Foundation

/// `clawfix kb lint [DIR]`, `clawfix kb search TEXT` and `clawfix kb show ID`: maintain and explore
/// the knowledge base.
struct KnowledgeBaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "Check, search or read the knowledge base.",
        subcommands: [Lint.self, Search.self, Show.self])

    /// One diagnosis from the catalogue: its title, family, signals, versions and fix.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print one diagnosis and its fix (ids: clawfix kb show --list).")

        @Argument(help: "A diagnosis id, e.g. pairing-not-approved.")
        var id: String?

        @Flag(help: "List every diagnosis id with its title.")
        var list = false

        @OptionGroup var knowledge: KnowledgeOptions

        func run() throws {
            let catalog = try knowledge.loadKnowledgeBase().catalog
            guard !list, let id else {
                for entry in catalog.entries { print("\(entry.id) — \(Search.oneLine(entry.title))") }
                return
            }
            guard let entry = catalog.entry(id) else {
                let near = catalog.ids.filter { $0.contains(id) || id.contains($0) }
                FileHandle.standardError.write(Data((
                    "clawfix: no diagnosis \(Search.oneLine(id))"
                        + (near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?")
                        + " (clawfix kb show --list lists them)\n").utf8))
                throw ExitCode(1)
            }
            print("\(entry.id) — \(entry.title)")
            if !entry.family.isEmpty { print("Family: \(entry.family)") }
            if !entry.signals.isEmpty { print("Signals: \(entry.signals)") }
            if !entry.versions.isEmpty { print("Versions: \(entry.versions)") }
            print("")
            print("Fix:")
            for line in entry.fix.split(separator: "\n", omittingEmptySubsequences: false) { print("  " + line) }
        }
    }

    /// Exit 1 with `file:line: message` lines on stderr when a file has problems.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the knowledge base (default: the built-in one): trees, message table, catalogue.")

        @Argument(
            help: "A directory of trees; its diagnoses.md and messages.md, when present, replace the built-in ones.")
        var directory: String?

        @OptionGroup var knowledge: KnowledgeOptions

        func run() throws {
            let report = try KnowledgeBaseLinter.lint(
                directory: directory.map { URL(fileURLWithPath: $0, isDirectory: true) },
                adding: knowledge.directories.map { URL(fileURLWithPath: $0, isDirectory: true) })
            if !report.problems.isEmpty {
                FileHandle.standardError.write(Data(report.problems.map { "\($0)\n" }.joined().utf8))
                throw ExitCode(1)
            }
            print("\(report.treeCount) trees, \(report.nodeCount) nodes: no problems")
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

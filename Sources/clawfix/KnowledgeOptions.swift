import ArgumentParser
import ClawfixFrontEnds
import ClawfixKnowledge
import Foundation

/// `--kb DIR` and `--db PATH`, shared by every command that uses the knowledge base.
struct KnowledgeOptions: ParsableArguments {
    @Option(
        name: .customLong("kb"),
        help: ArgumentHelp("A directory of extra knowledge-base trees (repeatable).", valueName: "dir"))
    var directories: [String] = []

    @Option(
        name: .customLong("db"),
        help: ArgumentHelp("The search index cache file (default: ~/.cache/clawfix/knowledge.sqlite).", valueName: "path"))
    var indexPath: String?

    /// The built-in knowledge base, plus the `--kb` directories.
    func loadKnowledgeBase() throws -> KnowledgeBase {
        try KnowledgeBase.load(addingDirectories: directories.map { URL(fileURLWithPath: $0, isDirectory: true) })
    }

    /// The diagnosis stage over that knowledge base, with the index at `--db`.
    func loadStage() throws -> DiagnosisStage {
        try DiagnosisStage.load(addingDirectories: directories, indexPath: indexPath)
    }

    /// The index for this knowledge base at `--db` (or the default cache); never fails because of the cache.
    func openIndex(for knowledgeBase: KnowledgeBase) throws -> KnowledgeIndex {
        try KnowledgeIndex.open(path: indexPath, knowledgeBase: knowledgeBase)
    }
}

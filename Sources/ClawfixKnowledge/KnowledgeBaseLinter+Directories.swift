import ClawfixEvidence
import Foundation

/// `clawfix kb lint [DIR] [--kb EXTRA]…` as a library entry point: which files, catalogue and
/// message table make up the knowledge base being checked.
extension KnowledgeBaseLinter {
    /// What one run of `kb lint` found.
    public struct Report: Sendable {
        public var problems: [LintMessage]
        public var treeCount: Int
        public var nodeCount: Int
    }

    /// Lints the built-in knowledge base, or a whole copy of it in `directory` (whose `diagnoses.md`
    /// and `messages.md`, when present, replace the built-in ones), plus the trees and message rows
    /// of `extraDirectories` (`--kb`).
    public static func lint(directory: URL?, adding extraDirectories: [URL] = []) throws -> Report {
        let builtIn = try KnowledgeBase.builtIn()
        var catalog = builtIn.catalog
        var catalogFile = "diagnoses.md"
        var messages = builtIn.messages
        var files: [(name: String, text: String)]
        if let directory {
            let catalogPath = directory.appending(path: "diagnoses.md").path
            if let data = FileManager.default.contents(atPath: catalogPath) {
                catalog = try DiagnosisCatalog.parse(markdown: String(decoding: data, as: UTF8.self), file: catalogPath)
                catalogFile = catalogPath
            }
            messages = messageTable(in: directory) ?? messages
            files = try treeFiles(in: directory)
        } else {
            files = KnowledgeBase.builtInFiles().filter { KnowledgeBase.isTreeFile($0.name) }
        }
        for extra in extraDirectories {
            if let rows = messageTable(in: extra) { messages = messages.adding(rows) }
            files += try treeFiles(in: extra)
        }
        let problems = KnowledgeBaseLinter(catalog: catalog, catalogFile: catalogFile, messages: messages).lint(files: files)
        let trees = files.compactMap { KnowledgeBaseParser.parse(markdown: $0.text, file: $0.name).tree }
        return Report(problems: problems, treeCount: trees.count, nodeCount: trees.reduce(0) { $0 + $1.nodes.count })
    }

    private static func messageTable(in directory: URL) -> MessageTable? {
        let path = directory.appending(path: "messages.md").path
        return FileManager.default.contents(atPath: path).map {
            MessageTable.parse(markdown: String(decoding: $0, as: UTF8.self), file: path)
        }
    }

    private static func treeFiles(in directory: URL) throws -> [(name: String, text: String)] {
        try KnowledgeBase.readMarkdownFiles(in: directory).filter { KnowledgeBase.isTreeFile($0.name) }
            .map { (name: $0.name, text: $0.text) }
    }
}

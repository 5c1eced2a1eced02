import Foundation
import PackagePlugin

/// Compiles the Markdown knowledge base at the package root into the `ClawfixKnowledge` module,
/// so the `clawfix` binary carries its trees wherever it is installed or run from.
@main
struct EmbedKnowledgeBase: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let directory = context.package.directoryURL.appending(path: "KnowledgeBase")
        let files = try FileManager.default
            .contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "md" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedKnowledgeBase.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) knowledge-base files",
                executable: try context.tool(named: "KnowledgeBaseEmbedder").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files + [directory],
                outputFiles: [output]
            )
        ]
    }
}

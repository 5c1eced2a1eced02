import Foundation
import PackagePlugin

/// Compiles the Markdown knowledge base at the package root into the binary, so `clawfix` carries
/// its trees wherever it is installed or run from: every file into `ClawfixKnowledge`
/// (`EmbeddedKnowledgeBase`), and the message table alone into `ClawfixEvidence`
/// (`EmbeddedMessages`), whose extractors read it and which does not depend on the knowledge stage.
@main
struct EmbedKnowledgeBase: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let directory = context.package.directoryURL.appending(path: "KnowledgeBase")
        let evidence = target.name == "ClawfixEvidence"
        let files = try FileManager.default
            .contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "md" && (!evidence || $0.lastPathComponent == "messages.md") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let name = evidence ? "EmbeddedMessages" : "EmbeddedKnowledgeBase"
        let output = context.pluginWorkDirectoryURL.appending(path: "\(name).swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) knowledge-base files into \(target.name)",
                executable: try context.tool(named: "KnowledgeBaseEmbedder").url,
                arguments: ["--name", name, output.path] + files.map(\.path),
                inputFiles: files + [directory],
                outputFiles: [output]
            )
        ]
    }
}

import ClawfixKnowledge
import FuzzSupport

// libFuzzer target for the knowledge-base Markdown parser and linter (see `Fuzz/run.sh`).

/// No crash and no hang on any file a user might pass with `--kb`; every problem points at a line
/// of that file.
func check(_ bytes: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: bytes, as: UTF8.self)
    // Lines as an editor counts them: one per LF byte. (Splitting the String at "\n" would miss
    // "\r\n", a single Character, and undercount CRLF files.)
    let lineCount = text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    let (_, problems) = KnowledgeBaseParser.parse(markdown: text, file: "fuzz.md")
    for problem in problems where problem.line < 0 || problem.line > lineCount + 1 {
        fatalError("problem at line \(problem.line) of \(lineCount): \(problem)")
    }
    _ = try? ConditionParser.parse(text)
    if let catalog = try? KnowledgeBase.builtIn().catalog {
        _ = KnowledgeBaseLinter(catalog: catalog, isKnownFact: { _ in true }).lint(files: [(name: "fuzz.md", text: text)])
    }
}

@main
enum FuzzKnowledgeParserMain {
    static func main() {
        runFuzzTarget(check)
    }
}

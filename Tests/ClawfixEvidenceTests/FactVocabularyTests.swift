import Foundation
import Testing

@testable import ClawfixEvidence

/// The `FactName` definitions are the one list of fact names. Two files are generated from them and
/// kept honest here, as swift-format keeps its generated rule registry honest: the Swift list
/// `FactName.all` (what `clawfix kb lint` accepts) and `KnowledgeBase/facts.md` (what a knowledge
/// author reads). After adding or changing a fact name, regenerate both with
/// `CLAWFIX_REGENERATE=1 swift test --filter FactVocabularyTests`.
struct FactVocabularyTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func generatedSwiftListIsCurrent() throws {
        let expected = FactVocabularyGenerator.swiftList(try FactVocabularyGenerator.definitions(root: Self.root))
        try Self.compare(expected, with: "Sources/ClawfixEvidence/Vocabulary/FactName+All.swift")
    }

    @Test func factsDocumentIsCurrent() throws {
        let generator = FactVocabularyGenerator(root: Self.root)
        try Self.compare(try generator.factsDocument(), with: "KnowledgeBase/facts.md")
    }

    /// Every name in `FactName.all` is known to the linter, and nothing else is (but the families).
    @Test func vocabularyIsTheDefinitions() throws {
        let definitions = try FactVocabularyGenerator.definitions(root: Self.root)
        #expect(Set(FactName.all.map(\.rawValue)) == Set(definitions.map(\.raw)))
        #expect(FactVocabulary.isKnown("symptom"))
        #expect(FactVocabulary.isKnown("env.OPENCLAW_GATEWAY_TOKEN"))
        #expect(FactVocabulary.isKnown("config.gateway.auth.token"))
        #expect(!FactVocabulary.isKnown("symptoms"))
        #expect(!FactVocabulary.isKnown("env."))
    }

    /// An extractor that is written but not in `StandardExtractors.all` never runs: its facts would
    /// silently never appear.
    @Test func everyExtractorIsRegistered() throws {
        let folder = Self.root.appending(path: "Sources/ClawfixEvidence")
        var written: Set<String> = []
        for file in try FactVocabularyGenerator.swiftFiles(in: folder) {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /(?:struct|final class|class) (\w+): [^{]*\bFactExtractor\b/) {
                written.insert(String(match.output.1))
            }
        }
        let registered = Set(StandardExtractors.all.map { String(describing: type(of: $0)) })
        #expect(!written.isEmpty)
        #expect(written.subtracting(registered).isEmpty, "written but not registered: \(written.subtracting(registered).sorted())")
        #expect(registered.subtracting(written).isEmpty)
    }

    static func compare(_ expected: String, with relativePath: String) throws {
        let url = root.appending(path: relativePath)
        if ProcessInfo.processInfo.environment["CLAWFIX_REGENERATE"] == "1" {
            try Data(expected.utf8).write(to: url)
            return
        }
        let actual = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        #expect(actual == expected, "\(relativePath) is stale: run CLAWFIX_REGENERATE=1 swift test --filter FactVocabularyTests")
    }
}

/// Reads the `FactName` definitions (`static let name: FactName = "raw"` with their `///` comments)
/// and where facts are made (`line.fact(.name, …)`, `Fact(.name, …)`), from the sources.
struct FactVocabularyGenerator {
    struct Definition {
        let member: String
        let raw: String
        let documentation: String
    }

    let root: URL

    static func swiftFiles(in folder: URL) throws -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
            .sorted { $0.path < $1.path }
    }

    static func definitions(root: URL) throws -> [Definition] {
        var definitions: [Definition] = []
        let files = try swiftFiles(in: root.appending(path: "Sources/ClawfixEvidence"))
            .filter { $0.lastPathComponent.hasPrefix("FactName") && $0.lastPathComponent != "FactName+All.swift" }
        for file in files {
            var comment: [String] = []
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("///") {
                    comment.append(String(trimmed.dropFirst(3)).trimmingCharacters(in: .whitespaces))
                    continue
                }
                if let match = trimmed.firstMatch(of: /static let (\w+): FactName = "([^"]+)"/) {
                    definitions.append(
                        Definition(member: String(match.output.1), raw: String(match.output.2), documentation: comment.joined(separator: " ")))
                }
                comment = []
            }
        }
        return definitions.sorted { $0.raw < $1.raw }
    }

    static func swiftList(_ definitions: [Definition]) -> String {
        var text = """
            // Generated from the `FactName` definitions by `FactVocabularyTests`
            // (`CLAWFIX_REGENERATE=1 swift test --filter FactVocabularyTests`). Do not edit.
            extension FactName {
                /// Every fixed fact name, in name order: the vocabulary `clawfix kb lint` accepts.
                public static let all: [FactName] = [

            """
        for definition in definitions { text += "        .\(definition.member),\n" }
        text += "    ]\n}\n"
        return text
    }

    /// Member name → the types whose code makes facts of it.
    func makers(of definitions: [Definition]) throws -> [String: Set<String>] {
        var files = try Self.swiftFiles(in: root.appending(path: "Sources/ClawfixEvidence"))
        files += [
            root.appending(path: "Sources/ClawfixDiagnosis/AnswerInterpreter.swift"),
            root.appending(path: "Sources/ClawfixProbe/ProbeReport.swift"),
        ]
        var makers: [String: Set<String>] = [:]
        for file in files {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            let type = String(file.deletingPathExtension().lastPathComponent.split(separator: "+")[0])
            for match in text.matches(of: /(?:fact|Fact|add)\(\s*(?:FactName)?\.(\w+)/) {
                makers[String(match.output.1), default: []].insert(type)
            }
        }
        // Message rows that tell a fact (`gateway.auth-mode=none` in the code or reason column).
        let members = Dictionary(definitions.map { ($0.raw, $0.member) }, uniquingKeysWith: { first, _ in first })
        let table = try String(contentsOf: root.appending(path: "KnowledgeBase/messages.md"), encoding: .utf8)
        for line in table.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count > 4 else { continue }
            for token in cells[4].split(separator: " ") {
                guard let equals = token.firstIndex(of: "="), let member = members[String(token[..<equals])] else { continue }
                makers[member, default: []].insert("messages.md")
            }
        }
        return makers
    }

    func factsDocument() throws -> String {
        let definitions = try Self.definitions(root: root)
        let makers = try makers(of: definitions)
        var text = """
            # Facts: the vocabulary of conditions

            Generated from the `FactName` definitions (`Sources/ClawfixEvidence/Vocabulary/FactName*.swift`) by
            `FactVocabularyTests`; do not edit. After adding or changing a fact name run
            `CLAWFIX_REGENERATE=1 swift test --filter FactVocabularyTests`. A tree's condition may test
            these names and two open families: `env.<VARIABLE>` (an environment variable: its value,
            `empty`, `set` for a secret, `placeholder` for a secret that is a stand-in) and
            `config.<dotted.path>` (a key of `openclaw.json`; secrets likewise). The values of
            `symptom` are the symptom column of `messages.md`.

            | fact | values and meaning | made by |
            |---|---|---|

            """
        for definition in definitions {
            let made = (makers[definition.member] ?? []).sorted().map { "`\($0)`" }.joined(separator: ", ")
            let meaning = definition.documentation.replacingOccurrences(of: "|", with: "\\|")
            text += "| `\(definition.raw)` | \(meaning) | \(made.isEmpty ? "—" : made) |\n"
        }
        return text
    }
}

/// A secret that is a stand-in is `placeholder`, never `set`: `token-placeholder` tests it.
struct PlaceholderSecretTests {
    @Test(arguments: [
        ("OPENCLAW_GATEWAY_TOKEN=${OPENCLAW_GATEWAY_TOKEN}", "placeholder"),
        ("OPENCLAW_GATEWAY_TOKEN=undefined", "placeholder"),
        ("OPENCLAW_GATEWAY_TOKEN=changeme", "placeholder"),
        ("OPENCLAW_GATEWAY_TOKEN=your-token-here", "placeholder"),
        ("OPENCLAW_GATEWAY_TOKEN=__OPENCLAW_REDACTED__", "placeholder"),
        ("OPENCLAW_GATEWAY_TOKEN=[gateway-token …a1b2]", "set"),
        ("OPENCLAW_GATEWAY_TOKEN=", "empty"),
        ("OPENCLAW_GATEWAY_BIND=lan", "lan"),
    ])
    func environmentValues(line: String, expected: String) {
        let facts = EnvironmentExtractor().extract(from: PasteDocument(redactedText: line))
        #expect(facts.first { $0.name.rawValue.hasPrefix("env.") }?.value == expected, "\(line)")
    }

    @Test func configValues() {
        let config = """
            {
              gateway: {
                auth: { mode: "token", token: "undefined" },
              },
            }
            """
        let facts = OpenClawConfigExtractor().extract(from: PasteDocument(redactedText: config))
        #expect(facts.contains { $0.name.rawValue == "config.gateway.auth.token" && $0.value == "placeholder" }, "\(facts)")
    }
}

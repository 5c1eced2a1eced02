import ClawfixEvidence
import Foundation

/// The trees and the diagnosis catalogue clawfix reasons with: the built-in knowledge base
/// (embedded into the binary at build time) plus any user directories given with `--kb`.
public struct KnowledgeBase: Sendable {
    public var trees: [KnowledgeTree]
    public var catalog: DiagnosisCatalog
    /// What every printed message means (`messages.md`, plus the rows of `--kb` directories).
    public var messages: MessageTable
    /// Content hash of every file (built-in and user): the index cache rebuilds when it changes.
    public var fingerprint: String
    /// How relevance and evidence combine into a ranking (`ranking.md`).
    public var ranking: RankingWeights

    public init(
        trees: [KnowledgeTree], catalog: DiagnosisCatalog, messages: MessageTable = .builtIn, fingerprint: String,
        ranking: RankingWeights = .init()
    ) {
        self.trees = trees
        self.catalog = catalog
        self.messages = messages
        self.fingerprint = fingerprint
        self.ranking = ranking
    }

    /// Files that are not trees: the format description, the catalogue, the ranking weights, the
    /// message table and the generated fact vocabulary.
    public static func isTreeFile(_ name: String) -> Bool {
        name.hasSuffix(".md") && !dataFiles.contains(name)
    }

    /// The Markdown files of the folder that hold data other than trees.
    static let dataFiles: Set<String> = ["README.md", "diagnoses.md", "ranking.md", "messages.md", "facts.md"]

    /// The Markdown files compiled into the binary (trees, `README.md`, `diagnoses.md`), by name.
    public static func builtInFiles() -> [(name: String, text: String)] {
        EmbeddedKnowledgeBase.files.compactMap { file in
            Data(base64Encoded: file.base64).map { (file.name, String(decoding: $0, as: UTF8.self)) }
        }
    }

    /// Parsed once per process: decoding and parsing happen on the first call only.
    private static let cachedBuiltIn: Result<KnowledgeBase, any Error> = Result {
        let files = builtInFiles()
        guard let catalogFile = files.first(where: { $0.name == "diagnoses.md" }) else {
            throw KnowledgeBaseError([LintMessage(file: "diagnoses.md", line: 1, message: "not embedded in the binary")])
        }
        let catalog = try DiagnosisCatalog.parse(markdown: catalogFile.text, file: catalogFile.name)
        // A built-in tree with a problem is still used as far as it parsed: `clawfix kb lint` and
        // its test are where problems surface, not every user's paste.
        let trees = files.filter { isTreeFile($0.name) }.compactMap {
            KnowledgeBaseParser.parse(markdown: $0.text, file: $0.name, validatingRegexes: false).tree
        }
        let ranking = files.first(where: { $0.name == "ranking.md" }).map {
            RankingWeights.parse(markdown: $0.text, file: $0.name).weights
        }
        return KnowledgeBase(
            trees: trees, catalog: catalog, fingerprint: EmbeddedKnowledgeBase.fingerprint, ranking: ranking ?? .init())
    }

    /// The knowledge base compiled into the binary; never reads the current directory.
    public static func builtIn() throws -> KnowledgeBase { try cachedBuiltIn.get() }

    /// The built-in knowledge base plus the trees in each directory (`*.md` except `README.md`).
    /// A `diagnoses.md` in a user directory adds its ids to the catalogue, a `messages.md` its
    /// message rows (a row that does not parse is a problem like a broken tree). A user tree that does
    /// not parse, or reuses a tree id, throws `KnowledgeBaseError` listing `file:line` problems.
    public static func load(addingDirectories directories: [URL]) throws -> KnowledgeBase {
        var base = try builtIn()
        guard !directories.isEmpty else { return base }
        var fingerprint = FNV1a64()
        fingerprint.add(Array(base.fingerprint.utf8))
        var problems: [LintMessage] = []
        var treeIDs = Set(base.trees.map(\.id))
        for directory in directories {
            for (name, path, text) in try readMarkdownFiles(in: directory) {
                fingerprint.add([0])
                fingerprint.add(Array(path.utf8))
                fingerprint.add([0])
                fingerprint.add(Array(text.utf8))
                if name == "messages.md" {
                    let extra = MessageTable.parse(markdown: text, file: path)
                    problems += extra.problems.map { LintMessage(file: $0.file, line: $0.problem.line, message: $0.problem.message) }
                    base.messages = base.messages.adding(extra)
                    continue
                }
                if name == "diagnoses.md" {
                    let extra = try DiagnosisCatalog.parse(markdown: text, file: path)
                    for entry in extra.entries where base.catalog.entry(entry.id) == nil {
                        base.catalog.entries.append(entry)
                    }
                    for entry in extra.advisories where base.catalog.entry(entry.id) == nil {
                        base.catalog.advisories.append(entry)
                    }
                    continue
                }
                if name == "ranking.md" {
                    let (weights, rankingProblems) = RankingWeights.parse(markdown: text, file: path)
                    problems += rankingProblems
                    base.ranking = weights
                    continue
                }
                guard isTreeFile(name) else { continue }
                let (tree, treeProblems) = KnowledgeBaseParser.parse(markdown: text, file: path)
                problems += treeProblems
                guard let tree else { continue }
                if !treeIDs.insert(tree.id).inserted {
                    problems.append(LintMessage(file: path, line: 1, message: "duplicate tree id `\(tree.id)`"))
                    continue
                }
                base.trees.append(tree)
            }
        }
        guard problems.isEmpty else { throw KnowledgeBaseError(problems) }
        base.fingerprint = String(format: "%016llx", fingerprint.value)
        return base
    }

    /// `(file name, path for messages, text)` of every `*.md` in the directory, sorted by name.
    static func readMarkdownFiles(in directory: URL) throws -> [(name: String, path: String, text: String)] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw KnowledgeBaseError([LintMessage(file: directory.path, line: 0, message: "cannot read the directory")])
        }
        return try names.filter { $0.hasSuffix(".md") }.sorted().map { name in
            let url = directory.appending(path: name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw KnowledgeBaseError([LintMessage(file: url.path, line: 0, message: "cannot read the file")])
            }
            return (name, url.path, String(decoding: data, as: UTF8.self))
        }
    }

    /// The diagnosis ids reachable from a node by following branches (the node's own id when it
    /// is a diagnosis). Linear in the tree's size; safe on trees with cycles.
    public func reachableDiagnoses(from nodeID: String, in tree: KnowledgeTree) -> Set<String> {
        tree.reachableDiagnoses(from: nodeID)
    }
}

/// 64-bit FNV-1a, the same function the build-time embedder uses: change detection, not security.
struct FNV1a64 {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func add(_ bytes: [UInt8]) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
    }
}

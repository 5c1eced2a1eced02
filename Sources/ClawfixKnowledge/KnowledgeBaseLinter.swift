import ClawfixEvidence
import Foundation

/// Checks knowledge-base files against the rules in `KnowledgeBase/README.md` ("Rules"):
/// everything the parser reports, plus what needs the whole tree, the other files or the catalogue.
public struct KnowledgeBaseLinter: Sendable {
    public var catalog: DiagnosisCatalog
    /// The file the catalogue came from, for messages about its rows.
    public var catalogFile: String
    /// The message table the trees' `symptom` conditions are checked against, with the catalogue's
    /// signals; nil lints the trees alone (a partial set of trees cannot reach every message).
    public var messages: MessageTable?
    /// Whether a fact name is in the vocabulary (`FactVocabulary`, the `FactName` definitions).
    public var isKnownFact: @Sendable (String) -> Bool

    public init(
        catalog: DiagnosisCatalog, catalogFile: String = "diagnoses.md", messages: MessageTable? = nil,
        isKnownFact: @escaping @Sendable (String) -> Bool = { FactVocabulary.isKnown($0) }
    ) {
        self.catalog = catalog
        self.catalogFile = catalogFile
        self.messages = messages
        self.isKnownFact = isKnownFact
    }

    /// Lints every tree file in the directory (not `README.md`, `diagnoses.md`, `messages.md`, `facts.md`).
    public func lint(directory: URL) throws -> [LintMessage] {
        let files = try KnowledgeBase.readMarkdownFiles(in: directory).filter { KnowledgeBase.isTreeFile($0.name) }
        return lint(files: files.map { (name: $0.name, text: $0.text) })
    }

    /// Lints tree files given by name and text, then the trees against the message table and the
    /// catalogue; messages sorted by file, then line.
    public func lint(files: [(name: String, text: String)]) -> [LintMessage] {
        var messages: [LintMessage] = []
        var treeFiles: [String: String] = [:]
        var trees: [KnowledgeTree] = []
        for file in files {
            let (tree, problems) = KnowledgeBaseParser.parse(markdown: file.text, file: file.name)
            var fileMessages = problems
            if let tree {
                if let other = treeFiles[tree.id] {
                    fileMessages.append(
                        LintMessage(file: file.name, line: 1, message: "duplicate tree id `\(tree.id)` (also in \(other))"))
                } else {
                    treeFiles[tree.id] = file.name
                }
                fileMessages += check(tree)
                trees.append(tree)
            }
            messages += Set(fileMessages).sorted { ($0.line, $0.message) < ($1.line, $1.message) }
        }
        guard let table = self.messages else { return messages }
        var shared = table.problems.map { LintMessage(file: $0.file, line: $0.problem.line, message: $0.problem.message) }
        for (index, row) in table.rows.enumerated() {
            if let releases = row.releases, (try? VersionRange.parse(releases)) == nil {
                shared.append(LintMessage(file: table.files[index], line: row.line, message: "malformed releases `\(releases)`"))
            }
        }
        shared += crossCheck(trees, table)
        shared += unrecognisedSymptomLines(files, table)
        messages += Set(shared).sorted { ($0.file, $0.line, $0.message) < ($1.file, $1.line, $1.message) }
        return messages
    }

    /// A tree's `symptom:` line is a string users see; the table must recognise it, or a user who
    /// pastes exactly that string gets no symptom fact (review class B14).
    private func unrecognisedSymptomLines(_ files: [(name: String, text: String)], _ table: MessageTable) -> [LintMessage] {
        var messages: [LintMessage] = []
        for file in files {
            for (offset, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if line.hasPrefix("## ") { break }
                guard line.hasPrefix("symptom:") else { continue }
                let text = line.dropFirst("symptom:".count).trimmingSpaces
                guard !text.isEmpty, table.recognises(text) == false else { continue }
                messages.append(
                    LintMessage(
                        file: file.name, line: offset + 1,
                        message: "symptom line `\(text)` is no message of messages.md: add a row for it"))
            }
        }
        return messages
    }

    private func check(_ tree: KnowledgeTree) -> [LintMessage] {
        var messages: [LintMessage] = []
        func report(_ line: Int, _ message: String) {
            messages.append(LintMessage(file: tree.file, line: line, message: message))
        }
        var byID: [String: KnowledgeNode] = [:]
        for node in tree.nodes where byID[node.id] == nil { byID[node.id] = node }

        for node in tree.nodes {
            for branch in node.branches where byID[branch.target] == nil {
                report(branch.line, "branch to unknown node `\(branch.target)`")
            }
            var conditions: [(Condition, Int)] = node.branches.compactMap { b in b.condition.map { ($0, b.line) } }
            if let requires = node.requires { conditions.append((requires, node.line)) }
            conditions += node.signals.map { ($0.condition, $0.line) }
            for (condition, line) in conditions {
                for name in condition.factNames.sorted() where !isKnownFact(name) {
                    report(line, "unknown fact `\(name)`")
                }
            }
            switch node.kind {
            case .diagnosis:
                if let id = node.diagnosisID {
                    if catalog.entries.first(where: { $0.id == id }) == nil {
                        report(node.line, "unknown diagnosis id `\(id)` (not in diagnoses.md)")
                    }
                } else {
                    report(node.line, "diagnosis node `\(node.id)` without `diagnosis:`")
                }
                if let parent = node.refines {
                    if catalog.entries.first(where: { $0.id == parent }) == nil {
                        report(node.line, "`refines: \(parent)` names no diagnosis in diagnoses.md")
                    } else if parent == node.diagnosisID {
                        report(node.line, "diagnosis `\(parent)` cannot refine itself")
                    }
                }
                if node.fix?.trimmingSpaces.isEmpty ?? true {
                    report(node.line, "diagnosis node `\(node.id)` without `fix:`")
                }
                if let first = node.branches.first {
                    report(first.line, "diagnosis node `\(node.id)` has branches")
                }
            case .question, .command:
                if node.kind == .command && node.commands.isEmpty {
                    report(node.line, "command node `\(node.id)` without `run:`")
                }
                if node.branches.isEmpty {
                    report(node.line, "\(node.kind.rawValue) node `\(node.id)` has no branches")
                    break
                }
                let elses = node.branches.filter { $0.condition == nil }
                if elses.count > 1 {
                    report(elses[1].line, "more than one `else` branch")
                }
                if let firstElse = elses.first, firstElse != node.branches.last {
                    report(firstElse.line, "`else` must be the last branch")
                }
                if !node.branches.contains(where: { $0.condition == nil && $0.versions == nil }) {
                    report(node.line, "branches of `\(node.id)` can all fail: add `- else -> <node-id>`")
                }
            }
        }
        if let start = byID[tree.startNodeID] {
            var reached: Set<String> = [start.id]
            var stack = [start.id]
            while let id = stack.popLast() {
                for branch in byID[id]?.branches ?? [] where byID[branch.target] != nil {
                    if reached.insert(branch.target).inserted { stack.append(branch.target) }
                }
            }
            for node in tree.nodes where !reached.contains(node.id) {
                report(node.line, "node `\(node.id)` is not reachable from `\(tree.startNodeID)`")
            }
        }
        messages += cycles(in: tree, byID: byID)
        return messages
    }

    /// One message per back edge found by an iterative depth-first search, at the branch closing it.
    private func cycles(in tree: KnowledgeTree, byID: [String: KnowledgeNode]) -> [LintMessage] {
        enum Mark { case active, done }
        var marks: [String: Mark] = [:]
        var messages: [LintMessage] = []
        for root in tree.nodes where marks[root.id] == nil {
            // Stack of (node, index of the next branch to follow); `path` mirrors it for messages.
            var stack: [(id: String, next: Int)] = [(root.id, 0)]
            marks[root.id] = .active
            while let top = stack.last {
                let branches = byID[top.id]?.branches ?? []
                guard top.next < branches.count else {
                    marks[top.id] = .done
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let branch = branches[top.next]
                guard byID[branch.target] != nil else { continue }
                switch marks[branch.target] {
                case .active:
                    let start = stack.firstIndex { $0.id == branch.target } ?? 0
                    let path = stack[start...].map(\.id) + [branch.target]
                    messages.append(
                        LintMessage(file: tree.file, line: branch.line, message: "cycle: \(path.joined(separator: " -> "))"))
                case .done: break
                case nil:
                    marks[branch.target] = .active
                    stack.append((branch.target, 0))
                }
            }
        }
        return messages
    }
}

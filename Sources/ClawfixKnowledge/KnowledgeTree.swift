/// One decision tree of the knowledge base: a symptom, and the questions that lead from it to
/// diagnoses. Parsed from one Markdown file (format: `KnowledgeBase/README.md`).
public struct KnowledgeTree: Sendable, Hashable {
    public var id: String
    public var title: String
    /// File name the tree came from (for `file:line` messages).
    public var file: String
    /// Symptom strings as users see them.
    public var symptoms: [String]
    /// Prose under the header.
    public var summary: String
    public var startNodeID: String
    /// Nodes in file order.
    public var nodes: [KnowledgeNode]

    public init(
        id: String, title: String, file: String, symptoms: [String], summary: String, startNodeID: String,
        nodes: [KnowledgeNode]
    ) {
        self.id = id
        self.title = title
        self.file = file
        self.symptoms = symptoms
        self.summary = summary
        self.startNodeID = startNodeID
        self.nodes = nodes
    }

    public func node(_ id: String) -> KnowledgeNode? { nodes.first { $0.id == id } }

    /// The diagnosis ids reachable from a node by following branches (the node's own id when it
    /// is a diagnosis). Linear in the tree's size; safe on trees with cycles.
    public func reachableDiagnoses(from nodeID: String) -> Set<String> {
        var byID: [String: KnowledgeNode] = [:]
        for node in nodes where byID[node.id] == nil { byID[node.id] = node }
        var result: Set<String> = []
        var visited: Set<String> = [nodeID]
        var stack = [nodeID]
        while let id = stack.popLast() {
            guard let node = byID[id] else { continue }
            if node.kind == .diagnosis, let diagnosis = node.diagnosisID { result.insert(diagnosis) }
            for branch in node.branches where visited.insert(branch.target).inserted { stack.append(branch.target) }
        }
        return result
    }
}

/// A node of a tree: a question in words, a command to run, or a diagnosis leaf.
public struct KnowledgeNode: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case question, command, diagnosis
    }

    public var id: String
    public var kind: Kind
    /// Line of the `## id` heading.
    public var line: Int
    public var ask: String?
    /// Command variants by name (`host`, `compose`, `docker`, `ssh`, `windows`, `default`).
    public var commands: [CommandVariant]
    public var look: String?
    public var cost: Int
    public var versions: VersionRange?
    public var branches: [Branch]
    /// For diagnosis nodes: the diagnosis id.
    public var diagnosisID: String?
    public var requires: Condition?
    public var signals: [Signal]
    public var fix: String?
    public var outdated: String?
    /// For diagnosis nodes: how users describe this cause in their own words, in any language
    /// (`words:`). Indexed for full-text relevance, never shown.
    public var words: String?
    /// For diagnosis nodes: the more generic diagnosis this one is a special case of (`refines:`),
    /// e.g. a Docker NAT address refines "approve the device".
    public var refines: String?

    public init(
        id: String, kind: Kind, line: Int, ask: String? = nil, commands: [CommandVariant] = [], look: String? = nil,
        cost: Int = 2, versions: VersionRange? = nil, branches: [Branch] = [], diagnosisID: String? = nil,
        requires: Condition? = nil, signals: [Signal] = [], fix: String? = nil, outdated: String? = nil,
        refines: String? = nil, words: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.line = line
        self.ask = ask
        self.commands = commands
        self.look = look
        self.cost = cost
        self.versions = versions
        self.branches = branches
        self.diagnosisID = diagnosisID
        self.requires = requires
        self.signals = signals
        self.fix = fix
        self.outdated = outdated
        self.refines = refines
        self.words = words
    }
}

/// One way of running a command, for one kind of setup.
public struct CommandVariant: Sendable, Hashable {
    /// `default`, `host`, `compose`, `docker`, `ssh` or `windows`.
    public var variant: String
    public var command: String
    public var line: Int

    public init(variant: String, command: String, line: Int) {
        self.variant = variant
        self.command = command
        self.line = line
    }
}

/// `- if <condition> -> target` or `- else -> target`.
public struct Branch: Sendable, Hashable {
    /// nil for `else`.
    public var condition: Condition?
    public var target: String
    public var versions: VersionRange?
    public var line: Int

    public init(condition: Condition?, target: String, versions: VersionRange? = nil, line: Int) {
        self.condition = condition
        self.target = target
        self.versions = versions
        self.line = line
    }
}

/// `signal +3: <condition>`: evidence for (or, negative, against) a diagnosis.
public struct Signal: Sendable, Hashable {
    public var weight: Int
    public var condition: Condition
    public var line: Int

    public init(weight: Int, condition: Condition, line: Int) {
        self.weight = weight
        self.condition = condition
        self.line = line
    }
}

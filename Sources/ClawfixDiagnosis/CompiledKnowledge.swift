import ClawfixEvidence
import ClawfixKnowledge

/// The knowledge base prepared once for fast diagnosis: every per-message step is a dictionary
/// lookup or a walk over precomputed arrays, never a parse or a graph search (the bot answers
/// thousands of messages a second).
final class CompiledKnowledge: Sendable {
    /// One step of a path from a tree's `start` to a diagnosis node: take branch `branch` of `node`.
    struct PathStep: Sendable, Hashable {
        var node: String
        /// The node's position in its tree's `nodeList`.
        var index: Int
        /// The node's position in `allNodes` (the truth memo's key).
        var global: Int
        var branch: Int
    }

    /// A diagnosis node of a tree, with every path from `start` that reaches it.
    /// (A class: the scoring loop reads sites by index thousands of times a second, and copying a
    /// struct of arrays and strings out of an array retains every field.)
    final class Site: Sendable {
        let tree: Int
        let node: KnowledgeNode
        let diagnosisID: String
        let paths: [[PathStep]]
        /// The releases the diagnosis applies to: the node's range, else the catalogue's.
        let versions: VersionRange?
        let requires: CompiledCondition?
        let signals: [(condition: CompiledCondition, weight: Double)]
        /// The symptom values (lower-cased) its requirement or positive signals name.
        let symptoms: Set<String>

        init(
            tree: Int, node: KnowledgeNode, diagnosisID: String, paths: [[PathStep]], versions: VersionRange?,
            names: inout [String: Int]
        ) {
            self.tree = tree
            self.node = node
            self.diagnosisID = diagnosisID
            self.paths = paths
            self.versions = versions
            self.requires = node.requires.map { CompiledCondition($0, names: &names) }
            self.signals = node.signals.map { (CompiledCondition($0.condition, names: &names), Double($0.weight)) }
            var symptoms: Set<String> = []
            for condition in [node.requires].compactMap({ $0 }) + node.signals.filter({ $0.weight > 0 }).map(\.condition) {
                Self.symptomValues(condition, into: &symptoms)
            }
            self.symptoms = symptoms
        }

        static func symptomValues(_ condition: Condition, into values: inout Set<String>) {
            switch condition {
            case .equals(let name, let value) where name == FactName.symptom.rawValue: values.insert(value.lowercased())
            case .oneOf(let name, let list) where name == FactName.symptom.rawValue:
                values.formUnion(list.map { $0.lowercased() })
            case .and(let lhs, let rhs), .or(let lhs, let rhs):
                symptomValues(lhs, into: &values)
                symptomValues(rhs, into: &values)
            default: break
            }
        }
    }

    /// Diagnosis ids as a set of strings (for people and `why`) and as bits over `diagnosisIndex`
    /// (for the question planner's inner loop).
    struct DiagnosisSet: Sendable {
        let ids: Set<String>
        let bits: [UInt64]

        init(_ ids: Set<String>, index: [String: Int]) {
            self.ids = ids
            var bits: [UInt64] = []
            for id in ids {
                guard let number = index[id] else { continue }
                while bits.count <= number / 64 { bits.append(0) }
                bits[number / 64] |= 1 << UInt64(number % 64)
            }
            self.bits = bits
        }

        func contains(_ number: Int) -> Bool {
            number / 64 < bits.count && bits[number / 64] & (1 << UInt64(number % 64)) != 0
        }
    }

    final class Tree: Sendable {
        let tree: KnowledgeTree
        let nodes: [String: KnowledgeNode]
        /// Every node in file order (first of a duplicated id); `PathStep.index` points here.
        let nodeList: [KnowledgeNode]
        let nodeIndex: [String: Int]
        /// Where this tree's nodes start in `allNodes`.
        let base: Int
        /// Positions in `nodeList` of the decision (question and command) nodes, in file order.
        let decisionNodes: [Int]
        /// Diagnosis ids reachable from each node (a diagnosis node reaches itself).
        let reachable: [String: Set<String>]
        /// Per node of `nodeList`, its question key (`tree-id/node-id`).
        let keys: [String]
        /// Per node of `nodeList`, per branch: the diagnoses its target reaches.
        let branchReach: [[DiagnosisSet]]

        init(
            tree: KnowledgeTree, nodes: [String: KnowledgeNode], nodeList: [KnowledgeNode], nodeIndex: [String: Int],
            base: Int, decisionNodes: [Int], reachable: [String: Set<String>], diagnosisIndex: [String: Int]
        ) {
            self.keys = nodeList.map { tree.id + "/" + $0.id }
            self.branchReach = nodeList.map { node in
                node.branches.map { DiagnosisSet(reachable[$0.target] ?? [], index: diagnosisIndex) }
            }
            self.tree = tree
            self.nodes = nodes
            self.nodeList = nodeList
            self.nodeIndex = nodeIndex
            self.base = base
            self.decisionNodes = decisionNodes
            self.reachable = reachable
        }
    }

    struct CatalogEntry: Sendable {
        var title: String
        var fix: String
        var versions: VersionRange?
    }

    let trees: [Tree]
    let sites: [Site]
    let treeIndex: [String: Int]
    /// Sites by tree.
    let sitesByTree: [[Int]]
    /// Sites whose signals or path conditions read a fact name: the candidates a fact can raise.
    let sitesByFactName: [String: [Int]]
    /// Sites by diagnosis id.
    let sitesByDiagnosis: [String: [Int]]
    /// Diagnosis id → the generic diagnosis it refines (`refines:`).
    let parents: [String: String]
    let catalog: [String: CatalogEntry]
    /// Nodes of all trees, tree after tree (`Tree.base` + position in the tree).
    let allNodes: [KnowledgeNode]
    /// Per node of `allNodes`, where its branches start in a `BranchTruthCache`'s flat storage.
    let branchBase: [Int]
    let branchCount: Int
    /// Per branch slot (`branchBase` + branch): its compiled condition (nil for `else`) and range.
    let branchConditions: [CompiledCondition?]
    let branchVersions: [VersionRange?]
    /// Fact name → number, for every name a condition reads (`FactView`).
    let nameIDs: [String: Int]
    /// Diagnosis id → number, for every id a tree ends in (`DiagnosisSet`).
    let diagnosisIndex: [String: Int]
    /// Fix texts that mention advice `AdviceGuard` may have to drop, prepared for it.
    let guardedFixes: [String: AdviceGuard.PreparedFix]

    /// Paths per diagnosis node are capped: trees are small, but a diamond-shaped tree must not
    /// blow up the enumeration.
    static let maximumPathsPerSite = 32

    init(trees written: [KnowledgeTree], catalog: [String: CatalogEntry]) {
        let input = Self.equalisingFamilies(written)
        var trees: [Tree] = []
        var sites: [Site] = []
        var treeIndex: [String: Int] = [:]
        var sitesByTree: [[Int]] = []
        var sitesByFactName: [String: [Int]] = [:]
        var nodeCount = 0
        var names: [String: Int] = [:]
        var diagnosisIndex: [String: Int] = [:]
        for tree in input {
            for node in tree.nodes {
                if let id = node.diagnosisID, diagnosisIndex[id] == nil { diagnosisIndex[id] = diagnosisIndex.count }
            }
        }
        self.diagnosisIndex = diagnosisIndex
        for knowledgeTree in input where treeIndex[knowledgeTree.id] == nil {
            let index = trees.count
            treeIndex[knowledgeTree.id] = index
            var nodes: [String: KnowledgeNode] = [:]
            var nodeList: [KnowledgeNode] = []
            var nodeIndex: [String: Int] = [:]
            for node in knowledgeTree.nodes where nodes[node.id] == nil {
                nodes[node.id] = node
                nodeIndex[node.id] = nodeList.count
                nodeList.append(node)
            }
            var reachable: [String: Set<String>] = [:]
            for node in knowledgeTree.nodes { _ = Self.reach(node.id, nodes, &reachable, visiting: []) }
            var paths: [String: [[PathStep]]] = [:]
            Self.enumeratePaths(
                from: knowledgeTree.startNodeID, nodes: nodes, nodeIndex: nodeIndex, base: nodeCount, prefix: [],
                visiting: [], into: &paths)
            var treeSites: [Int] = []
            for node in nodeList where node.kind == .diagnosis {
                guard let diagnosisID = node.diagnosisID else { continue }
                let siteIndex = sites.count
                let sitePaths = paths[node.id] ?? []
                sites.append(
                    Site(
                        tree: index, node: node, diagnosisID: diagnosisID, paths: sitePaths,
                        versions: node.versions ?? catalog[diagnosisID]?.versions, names: &names))
                treeSites.append(siteIndex)
                var names: Set<String> = []
                for signal in node.signals where signal.weight > 0 { names.formUnion(signal.condition.factNames) }
                for path in sitePaths {
                    for step in path {
                        guard let branchNode = nodes[step.node] else { continue }
                        for branch in branchNode.branches.prefix(step.branch + 1) {
                            if let condition = branch.condition { names.formUnion(condition.factNames) }
                        }
                    }
                }
                for name in names { sitesByFactName[name, default: []].append(siteIndex) }
            }
            sitesByTree.append(treeSites)
            trees.append(
                Tree(
                    tree: knowledgeTree, nodes: nodes, nodeList: nodeList, nodeIndex: nodeIndex, base: nodeCount,
                    decisionNodes: nodeList.indices.filter { nodeList[$0].kind != .diagnosis },
                    reachable: reachable, diagnosisIndex: diagnosisIndex))
            nodeCount += nodeList.count
        }
        var allNodes: [KnowledgeNode] = []
        var branchBase: [Int] = []
        var branchCount = 0
        var branchConditions: [CompiledCondition?] = []
        var branchVersions: [VersionRange?] = []
        for tree in trees {
            for node in tree.nodeList {
                allNodes.append(node)
                branchBase.append(branchCount)
                branchCount += node.branches.count
                for branch in node.branches {
                    branchConditions.append(branch.condition.map { CompiledCondition($0, names: &names) })
                    branchVersions.append(branch.versions)
                }
            }
        }
        self.allNodes = allNodes
        self.branchBase = branchBase
        self.branchCount = branchCount
        self.branchConditions = branchConditions
        self.branchVersions = branchVersions
        self.nameIDs = names
        self.trees = trees
        self.sites = sites
        self.treeIndex = treeIndex
        self.sitesByTree = sitesByTree
        self.sitesByFactName = sitesByFactName
        var sitesByDiagnosis: [String: [Int]] = [:]
        var parents: [String: String] = [:]
        for (index, site) in sites.enumerated() {
            sitesByDiagnosis[site.diagnosisID, default: []].append(index)
            if let parent = site.node.refines, parent != site.diagnosisID { parents[site.diagnosisID] = parent }
        }
        self.sitesByDiagnosis = sitesByDiagnosis
        self.parents = parents
        self.catalog = catalog
        let fixes = sites.compactMap(\.node.fix) + catalog.values.map(\.fix)
        var guarded: [String: AdviceGuard.PreparedFix] = [:]
        for fix in fixes where guarded[fix] == nil && AdviceGuard.mayApply(to: fix) { guarded[fix] = .init(fix) }
        self.guardedFixes = guarded
    }

    /// A generic cause and its refinements (`refines:`) are one family. A fact that several members
    /// list weighs the same for each — the most any of them gives it — so only the facts that set
    /// them apart decide between them: "pairing required" is as much evidence for a scope upgrade
    /// or a Docker NAT as for the plain approval, and what tells them apart is the reason code, the
    /// NAT address, the words.
    static func equalisingFamilies(_ trees: [KnowledgeTree]) -> [KnowledgeTree] {
        var parents: [String: String] = [:]
        for tree in trees {
            for node in tree.nodes { if let id = node.diagnosisID, let parent = node.refines, parent != id { parents[id] = parent } }
        }
        guard !parents.isEmpty else { return trees }
        func family(_ id: String) -> String {
            var current = id
            var seen: Set<String> = [id]
            while let parent = parents[current], seen.insert(parent).inserted { current = parent }
            return current
        }
        var strongest: [String: [String: Int]] = [:]
        for tree in trees {
            for node in tree.nodes {
                guard let id = node.diagnosisID else { continue }
                let root = family(id)
                guard root != id || parents.values.contains(id) else { continue }
                for signal in node.signals where signal.weight > 0 {
                    strongest[root, default: [:]][signal.condition.description] = max(
                        strongest[root]?[signal.condition.description] ?? 0, signal.weight)
                }
            }
        }
        return trees.map { tree in
            var tree = tree
            for index in tree.nodes.indices {
                guard let id = tree.nodes[index].diagnosisID, let weights = strongest[family(id)] else { continue }
                for signal in tree.nodes[index].signals.indices where tree.nodes[index].signals[signal].weight > 0 {
                    let key = tree.nodes[index].signals[signal].condition.description
                    if let weight = weights[key] { tree.nodes[index].signals[signal].weight = weight }
                }
            }
            return tree
        }
    }

    private static func reach(
        _ id: String, _ nodes: [String: KnowledgeNode], _ memo: inout [String: Set<String>], visiting: Set<String>
    ) -> Set<String> {
        if let known = memo[id] { return known }
        guard let node = nodes[id], !visiting.contains(id) else { return [] }
        var result: Set<String> = []
        if node.kind == .diagnosis, let diagnosisID = node.diagnosisID { result.insert(diagnosisID) }
        let inner = visiting.union([id])
        for branch in node.branches { result.formUnion(reach(branch.target, nodes, &memo, visiting: inner)) }
        memo[id] = result
        return result
    }

    private static func enumeratePaths(
        from id: String, nodes: [String: KnowledgeNode], nodeIndex: [String: Int], base: Int, prefix: [PathStep],
        visiting: Set<String>, into paths: inout [String: [[PathStep]]]
    ) {
        guard let node = nodes[id], let index = nodeIndex[id], !visiting.contains(id) else { return }
        if node.kind == .diagnosis {
            if paths[id, default: []].count < maximumPathsPerSite { paths[id, default: []].append(prefix) }
            return
        }
        let inner = visiting.union([id])
        for (offset, branch) in node.branches.enumerated() {
            enumeratePaths(
                from: branch.target, nodes: nodes, nodeIndex: nodeIndex, base: base,
                prefix: prefix + [PathStep(node: id, index: index, global: base + index, branch: offset)],
                visiting: inner, into: &paths)
        }
    }

    /// The truth of taking each branch of node `global` (a position in `allNodes`), in order, over
    /// the compiled conditions: branch *i* is taken when its condition holds and no earlier one
    /// does; `else` when none does. A branch limited to releases the known version is outside of is
    /// false; with the version unknown it is unknown. `witnesses` gets each branch's evidence.
    func branchTruths(
        global: Int, _ view: FactView, _ facts: FactSet, witnesses: inout [[Fact]]
    ) -> [Truth] {
        var earlierNone: Truth = .yes
        var truths: [Truth] = []
        witnesses = []
        let version = facts.version
        let base = branchBase[global]
        for slot in base..<(base + allNodes[global].branches.count) {
            var found: [Fact] = []
            var own: Truth = branchConditions[slot]?.evaluate(view, witnesses: &found) ?? .yes
            if let range = branchVersions[slot] {
                if let version {
                    if !range.contains(version) {
                        own = .no
                    } else {
                        found += facts.facts(named: .openclawVersion).suffix(FactSet.maximumWitnessesPerAtom)
                    }
                } else {
                    own = own && .unknown
                }
            }
            truths.append(earlierNone && own)
            witnesses.append(found)
            earlierNone = earlierNone && !own
        }
        return truths
    }
}

/// The branch truths of decision nodes for one set of facts, each node evaluated at most once per
/// analysis (candidates share path prefixes, and the question planner reads the same nodes again).
/// Flat storage: one byte per branch of the knowledge base, no array per node.
struct BranchTruthCache {
    let knowledge: CompiledKnowledge
    let view: FactView
    let version: OpenClawVersion?
    /// Per branch: 0 not evaluated yet, else a `Truth` code.
    private var memo: [UInt8]

    init(_ knowledge: CompiledKnowledge, _ facts: FactSet) {
        self.knowledge = knowledge
        self.view = FactView(facts, names: knowledge.nameIDs)
        self.version = facts.version
        self.memo = Array(repeating: 0, count: knowledge.branchCount)
    }

    /// The truth of taking branch `branch` of node `global` (a position in `allNodes`).
    mutating func truth(node global: Int, branch: Int) -> Truth {
        let slot = knowledge.branchBase[global] + branch
        if memo[slot] == 0 { fill(global) }
        return Self.decode(memo[slot])
    }

    mutating func truths(tree: Int, node: Int) -> [Truth] {
        let global = knowledge.trees[tree].base + node
        let base = knowledge.branchBase[global]
        let count = knowledge.allNodes[global].branches.count
        if count > 0, memo[base] == 0 { fill(global) }
        return (0..<count).map { Self.decode(memo[base + $0]) }
    }

    /// As `CompiledKnowledge.branchTruths`, over the compiled conditions.
    private mutating func fill(_ global: Int) {
        let base = knowledge.branchBase[global]
        var earlierNone: Truth = .yes
        for slot in base..<(base + knowledge.allNodes[global].branches.count) {
            var own: Truth = knowledge.branchConditions[slot]?.truth(view) ?? .yes
            if let range = knowledge.branchVersions[slot] {
                if let version {
                    if !range.contains(version) { own = .no }
                } else {
                    own = own && .unknown
                }
            }
            memo[slot] = Self.encode(earlierNone && own)
            earlierNone = earlierNone && !own
        }
    }

    @inline(__always) static func encode(_ truth: Truth) -> UInt8 {
        switch truth {
        case .yes: 1
        case .no: 2
        case .unknown: 3
        }
    }

    @inline(__always) static func decode(_ code: UInt8) -> Truth {
        code == 1 ? .yes : code == 2 ? .no : .unknown
    }
}

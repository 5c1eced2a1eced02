import ClawfixEvidence
import ClawfixKnowledge
import Foundation

/// The next question: which node of which tree (or the release) best splits the live causes,
/// weighed by their confidences and the cost of asking; a confirming command when one cause is left.
extension DiagnosisEngine {
    static let versionNode = KnowledgeNode(
        id: QuestionPlanner.versionKey, kind: .command, line: 0,
        ask: "What does `openclaw --version` print?",
        commands: [
            CommandVariant(variant: "host", command: "openclaw --version", line: 0),
            CommandVariant(variant: "compose", command: "{cli} --version", line: 0),
            CommandVariant(variant: "docker", command: "{cli} --version", line: 0),
            // By container name: needs no compose directory and no TTY over ssh.
            CommandVariant(variant: "ssh-compose", command: "ssh {ssh-target} \"docker exec {container} node dist/index.js --version\"", line: 0),
            CommandVariant(variant: "ssh-docker", command: "ssh {ssh-target} \"docker exec {container} node dist/index.js --version\"", line: 0),
            CommandVariant(variant: "ssh", command: "ssh {ssh-target} \"bash -lc 'openclaw --version'\"", line: 0),
            CommandVariant(variant: "default", command: "{cli} --version", line: 0),
        ],
        cost: 1)

    func nextQuestion(
        _ ranked: [CandidateScore], _ facts: FactSet, _ cache: inout BranchTruthCache, asked: Set<String>,
        tailor: CommandTailor
    ) -> (key: String, question: NextQuestion)? {
        // A cause held back only by the unknown release (its discount would put it level with the
        // top) stays in play at the top's weight until the release is known: the release question
        // decides between them, however sure the softmax looks without it.
        let topScore = ranked.first?.score ?? 0
        let releaseBound = Set(
            facts.version != nil || asked.contains(QuestionPlanner.versionKey) ? [] : ranked.dropFirst().filter {
                $0.releaseUnknown && $0.score + weights.versionUnknown >= topScore
            }.map(\.diagnosisID))
        let live = ranked.filter { $0.confidence >= Self.minimumConfidence / 2 || releaseBound.contains($0.diagnosisID) }
        let topMass = live.first?.confidence ?? 0
        let distribution = live.map { (id: $0.diagnosisID, mass: releaseBound.contains($0.diagnosisID) ? topMass : $0.confidence) }
        // A cause at `settledConfidence` (a calibrated chance: right that often on real cases) only
        // gets a confirming command; anything else is left open.
        // Settled also needs two pasted lines behind it: what the user says is still confirmed by output.
        let pastedLines = Set(live.first?.supportingFacts.compactMap { fact in fact.line.map { "\($0)\u{0}\(fact.text ?? "")" } } ?? [])
        let settled = (distribution.first?.mass ?? 0) >= Self.settledConfidence && pastedLines.count >= 2 && releaseBound.isEmpty
        guard !settled, distribution.count >= 2 || (distribution.count == 1 && distribution[0].mass < 0.5) else {
            return confirmingQuestion(for: live.first, facts, &cache, asked: asked, tailor: tailor)
        }
        let liveIndexes = live.map { knowledge.diagnosisIndex[$0.diagnosisID] ?? -1 }
        let masses = distribution.map(\.mass)
        // The best question at the frontier of each tree, and the best deeper one; an `Option` is
        // only built for a node that beats the current best.
        var frontierPick: (option: QuestionPlanner.Option, value: Double)?
        var deeperPick: (option: QuestionPlanner.Option, value: Double)?
        var treesInPlay: [Int] = []
        for candidate in live {
            if let tree = knowledge.treeIndex[candidate.treeID], !treesInPlay.contains(tree) { treesInPlay.append(tree) }
        }
        let version = facts.version
        for treeIndex in treesInPlay {
            let tree = knowledge.trees[treeIndex]
            let frontier = Self.frontier(of: treeIndex, &cache)
            let open = Self.openNodes(of: treeIndex, &cache)
            for nodeIndex in tree.decisionNodes where open.contains(nodeIndex) {
                if !asked.isEmpty, asked.contains(tree.keys[nodeIndex]) { continue }
                if let range = tree.nodeList[nodeIndex].versions, let version, !range.contains(version) { continue }
                let truths = cache.truths(tree: treeIndex, node: nodeIndex)
                // Never ask what the facts already answer.
                if truths.contains(.yes) { continue }
                let liveBranches = truths.indices.filter { truths[$0] != .no }
                guard liveBranches.count >= 2, liveBranches.count <= 64 else { continue }
                let reach = tree.branchReach[nodeIndex]
                let holding = liveIndexes.map { diagnosis -> UInt64 in
                    var mask: UInt64 = 0
                    guard diagnosis >= 0 else { return 0 }
                    for (bit, branch) in liveBranches.enumerated() where reach[branch].contains(diagnosis) {
                        mask |= 1 << UInt64(bit)
                    }
                    return mask
                }
                let gain = QuestionPlanner.gain(holding: holding, branches: liveBranches.count, masses: masses)
                guard gain >= QuestionPlanner.minimumGain else { continue }
                let cost = tree.nodeList[nodeIndex].cost
                let value = gain - QuestionPlanner.costPenalty * Double(cost)
                let current = frontier == nodeIndex ? frontierPick : deeperPick
                if let current, !Self.better(value, cost, than: current.value, current.option.node.cost) { continue }
                let option = QuestionPlanner.Option(
                    key: tree.keys[nodeIndex], node: tree.nodeList[nodeIndex],
                    outcomes: liveBranches.map { reach[$0].ids }, holding: holding)
                if frontier == nodeIndex { frontierPick = (option, value) } else { deeperPick = (option, value) }
            }
        }
        var options = frontierPick.map { [$0.option] } ?? []
        if version == nil, !asked.contains(QuestionPlanner.versionKey) {
            var ranges: [(id: String, range: VersionRange)] = []
            for candidate in live {
                let node = knowledge.trees[knowledge.treeIndex[candidate.treeID]!].nodes[candidate.nodeID]
                if let range = node?.versions ?? knowledge.catalog[candidate.diagnosisID]?.versions {
                    ranges.append((candidate.diagnosisID, range))
                }
            }
            if !ranges.isEmpty {
                let outcomes = QuestionPlanner.versionOutcomes(ranges)
                options.append(
                    .init(
                        key: QuestionPlanner.versionKey, node: Self.versionNode, outcomes: outcomes,
                        holding: QuestionPlanner.holding(outcomes, distribution.map(\.id))))
            }
        }
        // Questions deeper in a tree than the facts have walked it only when the frontier has
        // nothing useful left (asking for Docker logs before knowing it is Docker confuses people).
        var chosen = Self.best(of: options, distribution)
        if chosen == nil { chosen = deeperPick?.option }
        // Nothing splits the candidates any more, yet the top cause is not settled: confirm it.
        guard let option = chosen else { return confirmingQuestion(for: live.first, facts, &cache, asked: asked, tailor: tailor) }
        let commands = tailor.command(for: option.node).map { [$0] } ?? []
        var why = "Its answer narrows down the causes."
        if let (first, second) = QuestionPlanner.separated(option.outcomes, distribution) {
            why = "Tells \(first) apart from \(second)."
        }
        if option.key == QuestionPlanner.versionKey {
            why = "The fix depends on the OpenClaw release. " + why
        }
        let question = tailor.placeholders.fill(option.node.ask ?? "Please run this and paste the output.")
        return (option.key, NextQuestion(question: question, commands: commands, why: why))
    }

    /// With one cause left, the cheap command where the facts stand in its tree, when its answer can
    /// confirm that cause or point to another (an expert still checks `dashboard --no-open` before
    /// calling a missing token settled). Nothing when the facts already walk the tree to the cause.
    func confirmingQuestion(
        for top: CandidateScore?, _ facts: FactSet, _ cache: inout BranchTruthCache, asked: Set<String>,
        tailor: CommandTailor
    ) -> (key: String, question: NextQuestion)? {
        guard let top, let treeIndex = knowledge.treeIndex[top.treeID],
            let nodeIndex = Self.frontier(of: treeIndex, &cache)
        else { return nil }
        let tree = knowledge.trees[treeIndex]
        let node = tree.nodeList[nodeIndex]
        guard node.kind == .command, node.cost <= Self.confirmationCost, !asked.contains(tree.keys[nodeIndex]) else {
            return nil
        }
        if let range = node.versions, let version = facts.version, !range.contains(version) { return nil }
        let truths = cache.truths(tree: treeIndex, node: nodeIndex)
        let reach = tree.branchReach[nodeIndex]
        let live = truths.indices.filter { truths[$0] != .no }
        // Its answer must be able to confirm the cause, or lead to another one.
        guard live.contains(where: { reach[$0].ids.contains(top.diagnosisID) }),
            live.contains(where: { reach[$0].ids.contains { $0 != top.diagnosisID } })
        else { return nil }
        let question = tailor.placeholders.fill(node.ask ?? "Please run this and paste the output.")
        return (
            tree.keys[nodeIndex],
            NextQuestion(
                question: question, commands: tailor.command(for: node).map { [$0] } ?? [],
                why: "Confirms \(top.diagnosisID) with one quick command.")
        )
    }

    /// The confidence at which the top cause is taken as settled (see `nextQuestion`).
    static let settledConfidence = 0.85

    /// The most a confirming command may cost (`cost:` 1 = instant, harmless).
    static let confirmationCost = 1

    /// The option with the highest gain less cost; ties go to the cheaper one, then to file order.
    static func best(
        of options: [QuestionPlanner.Option], _ distribution: [(id: String, mass: Double)]
    ) -> QuestionPlanner.Option? {
        var chosen: (option: QuestionPlanner.Option, value: Double)?
        let masses = distribution.map(\.mass)
        for option in options {
            let holding =
                option.holding.count == masses.count
                ? option.holding : QuestionPlanner.holding(option.outcomes, distribution.map(\.id))
            let gain = QuestionPlanner.gain(holding: holding, branches: option.outcomes.count, masses: masses)
            guard gain >= QuestionPlanner.minimumGain else { continue }
            let value = gain - QuestionPlanner.costPenalty * Double(option.node.cost)
            if let current = chosen, !better(value, option.node.cost, than: current.value, current.option.node.cost) {
                continue
            }
            chosen = (option, value)
        }
        return chosen?.option
    }

    /// Higher gain less cost wins; a tie goes to the cheaper question, then to the earlier one.
    static func better(_ value: Double, _ cost: Int, than current: Double, _ currentCost: Int) -> Bool {
        value > current + 1e-9 || (abs(value - current) <= 1e-9 && cost < currentCost)
    }

    /// The undecided nodes the facts lead to: walk from `start` along branches the facts take; a
    /// node none of whose branches is taken yet is where the conversation stands in that tree.
    /// The nodes of a tree the facts still allow: reachable from its start through branches that
    /// are not false. A question behind a branch the facts rule out presumes what is not so ("The
    /// address is localhost…" after a public URL) and is never asked.
    static func openNodes(of treeIndex: Int, _ cache: inout BranchTruthCache) -> Set<Int> {
        let tree = cache.knowledge.trees[treeIndex]
        guard let start = tree.nodeIndex[tree.tree.startNodeID] else { return [] }
        var open: Set<Int> = [start]
        var pending = [start]
        while let index = pending.popLast() {
            let node = tree.nodeList[index]
            guard node.kind != .diagnosis else { continue }
            let truths = cache.truths(tree: treeIndex, node: index)
            for (branch, truth) in zip(node.branches, truths) where truth != .no {
                if let target = tree.nodeIndex[branch.target], open.insert(target).inserted { pending.append(target) }
            }
        }
        return open
    }

    static func frontier(of treeIndex: Int, _ cache: inout BranchTruthCache) -> Int? {
        let tree = cache.knowledge.trees[treeIndex]
        var visited: Set<Int> = []
        var current = tree.nodeIndex[tree.tree.startNodeID]
        while let index = current, visited.insert(index).inserted, tree.nodeList[index].kind != .diagnosis {
            let truths = cache.truths(tree: treeIndex, node: index)
            guard let taken = truths.firstIndex(of: .yes) else { return index }
            current = tree.nodeIndex[tree.nodeList[index].branches[taken].target]
        }
        return nil
    }
}

import ClawfixEvidence
import ClawfixKnowledge
import Foundation

/// Turns facts into a ranked diagnosis and the one question that best settles it.
///
/// Scoring, per diagnosis node of the knowledge base (`KnowledgeBase/README.md`):
/// - a prior when full-text search over the user's text hits the node's tree (symptom strings);
/// - Σ signal weights whose condition holds (a negative weight is a fact that speaks against it);
/// - the path from the tree's `start`: each branch that is taken adds support, each contradicted
///   branch subtracts more;
/// - `requires:` false, or a `versions:` range the known release is outside of, rules it out.
/// A diagnosis id found in several trees keeps its best node. Confidences are a softmax over the
/// candidates plus a fixed "something else" share, so they sum below 1 and a weakly supported
/// ranking reads as uncertain.
///
/// Everything per knowledge base (reachable sets, paths, indexes by fact name) is computed once in
/// `init`; `diagnose` only evaluates the conditions the known facts can touch.
public struct DiagnosisEngine: Sendable {
    /// Full-text search over the user's text: tree ids, best first.
    public typealias TreeSearch = @Sendable (String) -> [String]

    let knowledge: CompiledKnowledge
    let search: TreeSearch?

    static let branchSupport = 1.0
    static let branchContradiction = 3.0
    static let priors = [1.5, 1.0, 0.75, 0.5, 0.5]
    /// The score of "none of these": a candidate needs real evidence to leave it behind.
    static let otherScore = 2.0
    static let currentSymptomBonus = 3.0
    static let temperature = 1.5
    static let reportedCandidates = 5
    /// Candidates `/why` explains.
    static let explainedCandidates = 3
    static let minimumConfidence = 0.02

    /// An engine over trees built in code (tests) or loaded by the caller. `titles` and `fixes` are
    /// the catalogue's, used when a diagnosis node has no fix of its own.
    public init(
        trees: [KnowledgeTree], titles: [String: String] = [:], fixes: [String: String] = [:],
        versions: [String: VersionRange] = [:], search: TreeSearch? = nil
    ) {
        var catalog: [String: CompiledKnowledge.CatalogEntry] = [:]
        for id in Set(titles.keys).union(fixes.keys) {
            catalog[id] = .init(title: titles[id] ?? id, fix: fixes[id] ?? "", versions: versions[id])
        }
        self.knowledge = CompiledKnowledge(trees: trees, catalog: catalog)
        self.search = search
    }

    // MARK: Diagnosis

    /// The report for a conversation's state (does not change the state; see `respond(to:)`).
    public func diagnose(_ state: ConversationState) -> DiagnosisReport {
        analyse(state.factSet, hits: hits(for: state), asked: state.askedNodes, current: state.currentSymptoms).report
    }

    /// A one-shot report (`clawfix paste`, `clawfix probe`).
    public func diagnose(
        facts: [Fact], redactions: [RedactionRecord] = [], advisories: [Advisory] = [], symptomText: String = ""
    ) -> DiagnosisReport {
        var report = analyse(FactSet(facts), symptomText: symptomText, asked: []).report
        report.redactions = redactions
        report.advisories = advisories
        return report
    }

    /// Diagnoses the state and records the turn: the question asked (never asked again) and the
    /// report (`/why`, a bare "yes" answering it).
    public func respond(to state: inout ConversationState) -> DiagnosisReport {
        let hits = hits(for: state)
        state.searchedText = state.symptomText
        state.searchHits = hits
        let analysis = analyse(state.factSet, hits: hits, asked: state.askedNodes, current: state.currentSymptoms)
        state.turn += 1
        state.lastAskedNode = analysis.nextKey
        if let key = analysis.nextKey { state.askedNodes.insert(key) }
        state.lastReport = analysis.report
        return analysis.report
    }

    /// Words → facts, reading a bare "yes"/"no" as the answer to the last question asked.
    public func interpret(_ words: String, in state: ConversationState) -> [Fact] {
        AnswerInterpreter().interpret(words, answering: state.lastAskedNode.flatMap(node(forKey:)))
    }

    /// The scores behind the current ranking (`/why`): per top candidate, the search prior, the
    /// signals and branches that fired with their weights and evidence lines.
    public func explain(_ state: ConversationState) -> [String] {
        let analysis = analyse(state.factSet, hits: hits(for: state), asked: state.askedNodes, current: state.currentSymptoms)
        var lines: [String] = []
        for candidate in analysis.ranked.prefix(Self.explainedCandidates) {
            let percent = Int((candidate.confidence * 100).rounded())
            lines.append(
                "\(candidate.diagnosisID) — \(percent)% (score \(Self.format(candidate.score)), "
                    + "tree \(candidate.treeID), node \(candidate.nodeID))")
            for part in candidate.parts {
                lines.append("  \(Self.format(part.weight, signed: true)) \(part.kind.rawValue): \(part.description)")
                for fact in part.facts {
                    let place = fact.line.map { "line \($0)" } ?? fact.origin.rawValue
                    lines.append("      \(place): \(fact.text ?? "\(fact.name) = \(fact.value)")")
                }
            }
        }
        return lines
    }

    // MARK: Analysis

    struct Analysis {
        var ranked: [CandidateScore]
        var report: DiagnosisReport
        var nextKey: String?
    }

    func node(forKey key: String) -> KnowledgeNode? {
        if key == QuestionPlanner.versionKey { return Self.versionNode }
        guard let slash = key.firstIndex(of: "/"), let tree = knowledge.treeIndex[String(key[..<slash])] else {
            return nil
        }
        return knowledge.trees[tree].nodes[String(key[key.index(after: slash)...])]
    }

    /// Tree ids the search finds for the state's symptom text (cached in the state).
    func hits(for state: ConversationState) -> [String] {
        if state.searchedText == state.symptomText { return state.searchHits }
        return searchTrees(state.symptomText)
    }

    func searchTrees(_ text: String) -> [String] {
        guard let search, !text.isEmpty else { return [] }
        return Array(search(text).prefix(Self.priors.count))
    }

    func analyse(_ facts: FactSet, symptomText: String, asked: Set<String>) -> Analysis {
        analyse(facts, hits: searchTrees(symptomText), asked: asked)
    }

    /// `current`: the symptoms of the newest message that named one. When older messages showed
    /// other symptoms (the user moved on: "now I get command not found"), candidates for the current
    /// symptom get `currentSymptomBonus`, so older evidence does not drown the question being asked.
    func analyse(_ facts: FactSet, hits: [String], asked: Set<String>, current: [String] = []) -> Analysis {
        var priors: [Int: Double] = [:]
        for (rank, treeID) in hits.prefix(Self.priors.count).enumerated() {
            if let tree = knowledge.treeIndex[treeID], priors[tree] == nil { priors[tree] = Self.priors[rank] }
        }
        var currentSymptoms: Set<String> = []
        if !current.isEmpty {
            let lowered = Set(current.map { $0.lowercased() })
            if facts.facts(named: .symptom).contains(where: { !lowered.contains($0.value.lowercased()) }) {
                currentSymptoms = lowered
            }
        }
        // Sites in play: every site of a tree the search hit, and every site a known fact can raise.
        var inPlay = [Bool](repeating: false, count: knowledge.sites.count)
        var raisedByFacts = inPlay
        for tree in priors.keys { for site in knowledge.sitesByTree[tree] { inPlay[site] = true } }
        for name in facts.names {
            guard let sites = knowledge.sitesByFactName[name] else { continue }
            for site in sites {
                raisedByFacts[site] = true
                inPlay[site] = true
            }
        }

        // Scores first (numbers only); the parts with their evidence only for the candidates shown.
        var cache = BranchTruthCache(knowledge, facts)
        var best: [String: SiteScore] = [:]
        for siteIndex in inPlay.indices where inPlay[siteIndex] {
            let site = knowledge.sites[siteIndex]
            guard
                let candidate = score(
                    siteIndex, facts, &cache, prior: priors[site.tree], raisedByFacts: raisedByFacts[siteIndex],
                    current: !currentSymptoms.isEmpty && !currentSymptoms.isDisjoint(with: site.symptoms))
            else { continue }
            if let existing = best[site.diagnosisID], existing.score >= candidate.score { continue }
            best[site.diagnosisID] = candidate
        }
        let scores = best.values.sorted {
            $0.score != $1.score
                ? $0.score > $1.score
                : knowledge.sites[$0.site].diagnosisID < knowledge.sites[$1.site].diagnosisID
        }
        let weights = scores.map { exp($0.score / Self.temperature) }
        let total = weights.reduce(exp(Self.otherScore / Self.temperature), +)
        var ranked: [CandidateScore] = []
        ranked.reserveCapacity(scores.count)
        for (offset, scored) in scores.enumerated() {
            let confidence = weights[offset] / total
            // Parts for what the report shows and for `/why` (the top three), not for the tail.
            let shown = offset < Self.explainedCandidates
                || (offset < Self.reportedCandidates && confidence >= Self.minimumConfidence)
            var candidate = shown ? explained(scored, facts, cache.view) : summary(scored)
            candidate.confidence = confidence
            ranked.append(candidate)
        }

        var report = DiagnosisReport()
        report.facts = facts.facts.map(FactRecord.init)
        let tailor = CommandTailor(facts: facts)
        let guardrail = AdviceGuard(facts: facts)
        for candidate in ranked.prefix(Self.reportedCandidates) where candidate.confidence >= Self.minimumConfidence {
            report.diagnoses.append(rank(candidate, tailor: tailor, guardrail: guardrail))
        }
        let next = nextQuestion(ranked, facts, &cache, asked: asked, tailor: tailor)
        report.next = next?.question
        return Analysis(ranked: ranked, report: report, nextKey: next?.key)
    }

    /// A diagnosis node's score before its parts are spelled out: which path counted.
    struct SiteScore {
        var site: Int
        var score: Double
        var prior: Double?
        /// The site is about the symptom of the newest message, after older messages showed others.
        var current = false
        /// The most consistent path from `start` (an index into the site's paths).
        var path: Int?
    }

    func score(
        _ siteIndex: Int, _ facts: FactSet, _ cache: inout BranchTruthCache, prior: Double?, raisedByFacts: Bool,
        current: Bool = false
    ) -> SiteScore? {
        let site = knowledge.sites[siteIndex]
        if let requires = site.requires, requires.truth(cache.view) == .no { return nil }
        if let range = site.versions, let version = cache.version, !range.contains(version) { return nil }
        var score = prior ?? 0
        var positiveSignal = false
        for signal in site.signals where signal.condition.truth(cache.view) == .yes {
            score += signal.weight
            if signal.weight > 0 { positiveSignal = true }
        }
        // The most consistent path counts (a node reached by several paths needs only one to fit).
        var bestPath: Int?
        var bestPathScore = -Double.infinity
        var pathTaken = 0
        for (offset, path) in site.paths.enumerated() {
            var pathScore = 0.0
            var taken = 0
            for step in path {
                switch cache.truth(node: step.global, branch: step.branch) {
                case .yes:
                    taken += 1
                    pathScore += Self.branchSupport
                case .no:
                    pathScore -= Self.branchContradiction
                case .unknown:
                    break
                }
            }
            if pathScore > bestPathScore {
                bestPathScore = pathScore
                bestPath = offset
                pathTaken = taken
            }
        }
        // A diagnosis is a candidate when search put its tree in play, a signal speaks for it, or the
        // facts already walk its tree most of the way there.
        guard prior != nil || positiveSignal || (raisedByFacts && pathTaken >= 2 && bestPathScore > 0) else {
            return nil
        }
        if bestPath != nil { score += bestPathScore }
        // Only a cause the facts speak for is lifted: a site whose requirement the current symptom
        // meets but no signal supports stays where it is.
        let isCurrent = current && positiveSignal
        if isCurrent { score += Self.currentSymptomBonus }
        return SiteScore(site: siteIndex, score: score, prior: prior, current: isCurrent, path: bestPath)
    }

    /// A candidate without its parts (ranked below what is shown).
    func summary(_ scored: SiteScore) -> CandidateScore {
        let site = knowledge.sites[scored.site]
        return CandidateScore(
            diagnosisID: site.diagnosisID, treeID: knowledge.trees[site.tree].tree.id, nodeID: site.node.id,
            score: scored.score, parts: [])
    }

    /// A candidate with every part of its score and the facts behind each (the same sum as `score`).
    func explained(_ scored: SiteScore, _ facts: FactSet, _ view: FactView) -> CandidateScore {
        let site = knowledge.sites[scored.site]
        let tree = knowledge.trees[site.tree]
        var parts: [CandidateScore.Part] = []
        if let prior = scored.prior {
            parts.append(.init(kind: .prior, weight: prior, description: "your message matches “\(tree.tree.title)”", facts: []))
        }
        if scored.current {
            parts.append(
                .init(
                    kind: .prior, weight: Self.currentSymptomBonus, description: "the symptom of your newest message",
                    facts: []))
        }
        for (offset, signal) in site.node.signals.enumerated() where site.signals[offset].condition.truth(view) == .yes {
            var witnesses: [Fact] = []
            _ = site.signals[offset].condition.evaluate(view, witnesses: &witnesses)
            parts.append(
                .init(kind: .signal, weight: Double(signal.weight), description: signal.condition.description, facts: witnesses))
        }
        if let path = scored.path {
            for step in site.paths[path] {
                let decision = tree.nodeList[step.index]
                var witnesses: [[Fact]] = []
                let truths = knowledge.branchTruths(global: step.global, view, facts, witnesses: &witnesses)
                let branch = decision.branches[step.branch]
                func described() -> String {
                    "\(decision.id): " + (branch.condition.map { "\($0)" } ?? "else") + " → \(branch.target)"
                }
                switch truths[step.branch] {
                case .yes:
                    let evidence = witnesses[step.branch].isEmpty && branch.condition == nil
                        ? witnesses.flatMap { $0 } : witnesses[step.branch]
                    parts.append(.init(kind: .branch, weight: Self.branchSupport, description: described(), facts: evidence))
                case .no:
                    let taking = truths.firstIndex(of: .yes)
                    let evidence = taking.map { witnesses[$0] } ?? []
                    parts.append(
                        .init(kind: .branch, weight: -Self.branchContradiction, description: "not " + described(), facts: evidence))
                case .unknown:
                    break
                }
            }
        }
        return CandidateScore(
            diagnosisID: site.diagnosisID, treeID: tree.tree.id, nodeID: site.node.id, score: scored.score, parts: parts)
    }

    func rank(_ candidate: CandidateScore, tailor: CommandTailor, guardrail: AdviceGuard) -> RankedDiagnosis {
        let node = knowledge.trees[knowledge.treeIndex[candidate.treeID]!].nodes[candidate.nodeID]
        let catalogued = knowledge.catalog[candidate.diagnosisID]
        let written = node?.fix ?? catalogued?.fix ?? ""
        var fix: String
        if let prepared = knowledge.guardedFixes[written] {
            fix = guardrail.apply(to: prepared, diagnosisID: candidate.diagnosisID, fill: tailor.placeholders.fill)
        } else {
            fix = tailor.placeholders.fill(written)
        }
        if let outdated = node?.outdated, !outdated.isEmpty {
            fix += (fix.isEmpty ? "" : "\n\n") + "Note: " + tailor.placeholders.fill(outdated)
        }
        // Several facts often come from one line (a docker ps row gives name, port and scope):
        // show that line once.
        var shown = Set<EvidenceLine>()
        let evidence = candidate.supportingFacts
            .map { fact in EvidenceLine(line: fact.line, text: fact.text ?? "\(fact.name.rawValue) = \(fact.value)") }
            .filter { shown.insert($0).inserted }
        return RankedDiagnosis(
            id: candidate.diagnosisID, title: catalogued?.title ?? candidate.diagnosisID,
            confidence: (candidate.confidence * 1000).rounded() / 1000, evidence: evidence, fix: fix)
    }

    // MARK: Next question

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
        let live = ranked.filter { $0.confidence >= Self.minimumConfidence / 2 }
        let distribution = live.map { (id: $0.diagnosisID, mass: $0.confidence) }
        guard distribution.count >= 2 || (distribution.count == 1 && distribution[0].mass < 0.5) else {
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
            for nodeIndex in tree.decisionNodes {
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
            for candidate in ranked where candidate.confidence >= Self.minimumConfidence / 2 {
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
        guard let option = chosen else { return nil }
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
        guard live.contains(where: { reach[$0].ids.contains(top.diagnosisID) }),
            live.contains(where: { !reach[$0].ids.contains(top.diagnosisID) })
        else { return nil }
        let question = tailor.placeholders.fill(node.ask ?? "Please run this and paste the output.")
        return (
            tree.keys[nodeIndex],
            NextQuestion(
                question: question, commands: tailor.command(for: node).map { [$0] } ?? [],
                why: "Confirms \(top.diagnosisID) with one quick command.")
        )
    }

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

    static func format(_ value: Double, signed: Bool = false) -> String {
        let rounded = (value * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return signed && rounded >= 0 ? "+" + text : text
    }
}

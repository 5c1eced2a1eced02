import ClawfixEvidence
import ClawfixKnowledge
import Foundation

/// Turns facts and the user's words into a ranked diagnosis and the one question that best settles it.
///
/// One ranking over one candidate set: the diagnoses full-text search finds for the message (one
/// FTS5 document per diagnosis) and the ones the facts raise. Each candidate's score adds
/// (`RankingFeatures`, weights fitted on real cases in `KnowledgeBase/ranking.md`):
/// - text relevance of its document, normalised per message;
/// - rule evidence: its `signal` lines that hold, counted once per input line (a symptom, its
///   reason code and close code read from one line are one witness, not three);
/// - the branches of its tree the facts take (tree order is how an expert asks: a branch not
///   taken costs nothing);
/// and is held down when it cannot explain the symptom yet (`requires:` unknown caps it), when it
/// is limited to releases and the release is unknown, or when a more specific refinement of it
/// (`refines:`) is established. `requires:` false or a known release outside `versions:` rules it
/// out. Confidence is a softmax over the candidates and a "something else" share, capped by how
/// many independent lines support the answer. When the input shows independent problems
/// (different symptoms no one cause explains), each gets its own cause.
///
/// Everything per knowledge base is computed once in `init`; `diagnose` only evaluates the
/// conditions the known facts can touch.
public struct DiagnosisEngine: Sendable {
    /// Full-text relevance of each diagnosis to the user's text, best first.
    public typealias RelevanceSearch = @Sendable (String) -> [DiagnosisRelevance]

    let knowledge: CompiledKnowledge
    let search: RelevanceSearch?
    let weights: RankingWeights
    /// Adds every candidate's `RankingFeatures` to the report (`clawfix paste --ranking-features`).
    public var recordsRankingFeatures = false

    static let reportedCandidates = 5
    /// Candidates `/why` explains, and the least a report lists when that many have support.
    static let explainedCandidates = 3
    static let minimumConfidence = 0.02
    /// The confidence a cause of a second, independent problem needs to be listed beside the first.
    static let secondProblemConfidence = 0.1
    /// How far below an established refinement its generic cause ranks.
    static let refinementMargin = 0.5
    /// How much better (in relevance, 0…1) the user's words must fit a refinement with no evidence of
    /// its own than its generic cause for it to rank above that cause: a refinement's document holds
    /// most of its parent's words, so a near tie says nothing.
    static let refinementTextMargin = 0.2
    /// The best text matches become candidates on relevance alone.
    static let textCandidates = 12

    /// An engine over trees built in code (tests) or loaded by the caller. `titles` and `fixes` are
    /// the catalogue's, used when a diagnosis node has no fix of its own.
    public init(
        trees: [KnowledgeTree], titles: [String: String] = [:], fixes: [String: String] = [:],
        versions: [String: VersionRange] = [:], search: RelevanceSearch? = nil, weights: RankingWeights = .init()
    ) {
        var catalog: [String: CompiledKnowledge.CatalogEntry] = [:]
        for id in Set(titles.keys).union(fixes.keys) {
            catalog[id] = .init(title: titles[id] ?? id, fix: fixes[id] ?? "", versions: versions[id])
        }
        self.knowledge = CompiledKnowledge(trees: trees, catalog: catalog)
        self.search = search
        self.weights = weights
    }

    // MARK: Diagnosis

    /// The report for a conversation's state (does not change the state; see `respond(to:)`).
    public func diagnose(_ state: ConversationState) -> DiagnosisReport {
        analyse(state.factSet, relevance: relevance(for: state), asked: state.askedNodes, current: state.currentSymptoms).report
    }

    /// A one-shot report (`clawfix paste`, `clawfix probe`).
    public func diagnose(
        facts: [Fact], redactions: [RedactionRecord] = [], advisories: [Advisory] = [], symptomText: String = ""
    ) -> DiagnosisReport {
        var report = analyse(FactSet(facts), relevance: searchText(symptomText), asked: []).report
        if facts.isEmpty, report.diagnoses.isEmpty { report.next = ConversationClosing.opening }
        report.redactions = redactions
        report.advisories = advisories
        return report
    }

    /// Diagnoses the state and records the turn: the question asked (never asked again) and the
    /// report (`/why`, a bare "yes" answering it).
    public func respond(to state: inout ConversationState) -> DiagnosisReport {
        // "Thanks, that fixed it": close politely, remember what fixed it, do not post the fix again.
        if state.latest.saysSolved {
            var report = DiagnosisReport()
            report.facts = state.facts.map(FactRecord.init)
            report.solved = state.solvedBy ?? state.lastReport?.diagnoses.first?.id ?? ""
            state.solvedBy = report.solved
            state.turn += 1
            state.lastAskedNode = nil
            state.lastReport = report
            return report
        }
        // No evidence, no diagnosis: a greeting or "help" gets the opening question at the start,
        // and the question still open later, never a fix.
        if !state.latest.informative {
            var report = DiagnosisReport()
            report.facts = state.facts.map(FactRecord.init)
            report.next = state.facts.isEmpty ? ConversationClosing.opening : state.lastReport?.next ?? ConversationClosing.opening
            state.turn += 1
            return report
        }
        let relevance = relevance(for: state)
        state.searchedText = state.symptomText
        state.relevance = relevance
        let analysis = analyse(state.factSet, relevance: relevance, asked: state.askedNodes, current: state.currentSymptoms)
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

    /// The scores behind the current ranking (`/why`): per top candidate, its text relevance and
    /// the signals and branches that count, with their weights and evidence lines.
    public func explain(_ state: ConversationState) -> [String] {
        let analysis = analyse(state.factSet, relevance: relevance(for: state), asked: state.askedNodes, current: state.currentSymptoms)
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

    /// The relevance of each diagnosis to the state's symptom text (cached in the state).
    func relevance(for state: ConversationState) -> [DiagnosisRelevance] {
        if state.searchedText == state.symptomText { return state.relevance }
        return searchText(state.symptomText)
    }

    func searchText(_ text: String) -> [DiagnosisRelevance] {
        guard let search, !text.isEmpty else { return [] }
        return search(text)
    }

    func analyse(_ facts: FactSet, symptomText: String, asked: Set<String>) -> Analysis {
        analyse(facts, relevance: searchText(symptomText), asked: asked)
    }

    /// A diagnosis node's features and score, with the path that counted.
    struct SiteScore {
        var site: Int
        var features: RankingFeatures
        var score: Double
        /// The path from `start` the facts take (an index into the site's paths).
        var path: Int?
        /// `requires:` holds (not merely unknown): the defining evidence is there.
        var confirmed = false
    }

    /// `current`: the symptoms of the newest message that named one. When older messages showed
    /// other symptoms (the user moved on: "now I get command not found"), causes of the current
    /// symptom are lifted, so older evidence does not drown the question being asked.
    func analyse(_ facts: FactSet, relevance: [DiagnosisRelevance], asked: Set<String>, current: [String] = []) -> Analysis {
        // Text relevance, normalised per message: the best match is 1 when it is a strong one.
        var raw: [String: Double] = [:]
        let bestBM25 = relevance.first?.score ?? 0
        for hit in relevance where hit.score > 0 && raw[hit.id] == nil { raw[hit.id] = hit.score }
        // A floor of 0 is a valid weight: with no match at all the scale is 0 and relevance is 0, not NaN.
        let scale = max(bestBM25, weights.textFloor)
        var currentSymptoms: Set<String> = []
        if !current.isEmpty {
            let lowered = Set(current.map { $0.lowercased() })
            if facts.facts(named: .symptom).contains(where: { !lowered.contains($0.value.lowercased()) }) {
                currentSymptoms = lowered
            }
        }
        let presentSymptoms = Set(facts.facts(named: .symptom).map { $0.value.lowercased() })
        // Sites in play: the best text matches, and every site a known fact can raise.
        var inPlay = [Bool](repeating: false, count: knowledge.sites.count)
        var raisedByFacts = inPlay
        for hit in relevance.prefix(Self.textCandidates) {
            for site in knowledge.sitesByDiagnosis[hit.id] ?? [] { inPlay[site] = true }
        }
        for name in facts.names {
            guard let sites = knowledge.sitesByFactName[name] else { continue }
            for site in sites {
                raisedByFacts[site] = true
                inPlay[site] = true
            }
        }

        var cache = BranchTruthCache(knowledge, facts)
        var best: [String: SiteScore] = [:]
        for siteIndex in inPlay.indices where inPlay[siteIndex] {
            let site = knowledge.sites[siteIndex]
            guard
                var candidate = score(
                    siteIndex, facts, &cache, text: scale > 0 ? (raw[site.diagnosisID] ?? 0) / scale : 0, raisedByFacts: raisedByFacts[siteIndex],
                    current: !currentSymptoms.isEmpty && !currentSymptoms.isDisjoint(with: site.symptoms))
            else { continue }
            candidate.features.explains = site.symptoms.intersection(presentSymptoms).sorted()
            candidate.features.bm25 = raw[site.diagnosisID] ?? 0
            candidate.features.bestBM25 = bestBM25
            if let existing = best[site.diagnosisID], existing.score >= candidate.score { continue }
            best[site.diagnosisID] = candidate
        }
        // Generic causes and their refinements (`refines:`). A refinement is established when its
        // defining evidence is known (`requires:` not unknown) and it has more evidence than the
        // generic cause, i.e. something beyond the symptom they share (a NAT address, the CLI as
        // the client): the generic cause, which says the same less precisely, then ranks below it.
        var established: [String: String] = [:]
        func isEstablished(_ child: SiteScore, over generic: SiteScore) -> Bool {
            !child.features.unconfirmed && child.features.evidence > generic.features.evidence
        }
        for (child, scored) in best {
            guard let parent = knowledge.parents[child], let generic = best[parent], isEstablished(scored, over: generic)
            else { continue }
            if let current = established[parent], let rival = best[current],
                rival.score > scored.score || (rival.score == scored.score && current < child)
            {
                continue
            }
            established[parent] = child
        }
        for (parent, child) in established {
            guard var generic = best[parent], let specific = best[child] else { continue }
            generic.features.refined = true
            generic.features.refinedBy = child
            generic.score = min(generic.features.score(weights), specific.score - Self.refinementMargin)
            best[parent] = generic
        }
        // A refinement with no evidence of its own ranks below its generic cause, unless the user's
        // words fit it clearly better than the generic one.
        for (child, var scored) in best {
            guard let parent = knowledge.parents[child], let generic = best[parent], !isEstablished(scored, over: generic),
                scored.features.text <= generic.features.text + Self.refinementTextMargin,
                scored.score > generic.score - Self.refinementMargin
            else { continue }
            scored.score = generic.score - Self.refinementMargin
            scored.features.subordinate = true
            best[child] = scored
        }
        let scores = best.values.sorted { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            if lhs.features.text != rhs.features.text { return lhs.features.text > rhs.features.text }
            if lhs.features.evidence != rhs.features.evidence { return lhs.features.evidence > rhs.features.evidence }
            return lhs.features.id < rhs.features.id
        }
        let confidences = confidences(of: scores)
        let order = problemOrder(scores, confidences)
        var ranked: [CandidateScore] = []
        ranked.reserveCapacity(scores.count)
        for (position, offset) in order.enumerated() {
            let scored = scores[offset]
            // Parts for what the report shows and for `/why` (the top three), not for the tail.
            let shown = position < Self.reportedCandidates
            var candidate = shown ? explained(scored, facts, cache.view) : summary(scored)
            candidate.confidence = confidences[offset]
            candidate.releaseUnknown = scored.features.versionUnknown
            ranked.append(candidate)
        }

        var report = DiagnosisReport()
        report.facts = facts.facts.map(FactRecord.init)
        let tailor = CommandTailor(facts: facts)
        let guardrail = AdviceGuard(facts: facts)
        for (position, candidate) in ranked.prefix(Self.reportedCandidates).enumerated() {
            let supported = scores[order[position]].features.evidence > 0 || scores[order[position]].features.text > 0
            guard candidate.confidence >= Self.minimumConfidence || (position < Self.explainedCandidates && supported)
            else { continue }
            report.diagnoses.append(rank(candidate, tailor: tailor, guardrail: guardrail))
        }
        if recordsRankingFeatures { report.rankingFeatures = scores.map(\.features) }
        let next = nextQuestion(ranked, facts, &cache, asked: asked, tailor: tailor)
        report.next = next?.question
        return Analysis(ranked: ranked, report: report, nextKey: next?.key)
    }

    /// Softmax over the candidates and "something else", each capped by the number of independent
    /// lines that support it (one pasted line never makes a cause near-certain).
    func confidences(of scores: [SiteScore]) -> [Double] {
        guard !scores.isEmpty else { return [] }
        let top = max(scores[0].score, weights.other)
        let exponentials = scores.map { exp(($0.score - top) / weights.temperature) }
        let total = exponentials.reduce(exp((weights.other - top) / weights.temperature), +)
        return zip(scores, exponentials).map { scored, value in
            let cap = scored.features.lines <= 1 ? weights.oneLineCap : scored.features.lines == 2 ? weights.twoLineCap : 1
            return min(value / total, cap)
        }
    }

    /// Positions into `scores` in report order. Usually score order; when the input shows several
    /// problems (symptoms no single candidate explains together), the best-supported cause of each
    /// problem is listed first, so a second, independent error does not push the first cause out.
    func problemOrder(_ scores: [SiteScore], _ confidences: [Double]) -> [Int] {
        var order = Array(scores.indices)
        guard let first = scores.first, !first.features.explains.isEmpty else { return order }
        var covered = Set(first.features.explains)
        var leads = [0]
        for offset in scores.indices.dropFirst() {
            let features = scores[offset].features
            guard features.evidence > 0, features.lines > 0, !features.explains.isEmpty,
                covered.isDisjoint(with: features.explains), confidences[offset] >= Self.secondProblemConfidence
            else { continue }
            covered.formUnion(features.explains)
            leads.append(offset)
        }
        guard leads.count > 1 else { return order }
        order.removeAll { leads.contains($0) }
        return leads + order
    }

    func score(
        _ siteIndex: Int, _ facts: FactSet, _ cache: inout BranchTruthCache, text: Double, raisedByFacts: Bool,
        current: Bool = false
    ) -> SiteScore? {
        let site = knowledge.sites[siteIndex]
        var features = RankingFeatures(id: site.diagnosisID)
        features.text = text
        features.refines = knowledge.parents[site.diagnosisID]
        var confirmed = false
        if let requires = site.requires {
            switch requires.truth(cache.view) {
            case .no: return nil
            case .unknown: features.unconfirmed = true
            case .yes: confirmed = true
            }
        }
        if let range = site.versions {
            if let version = cache.version {
                if !range.contains(version) { return nil }
            } else {
                features.versionUnknown = true
            }
        }
        // One input line is one witness: per line, the strongest signal for and against.
        var strongest: [WitnessKey: (for: Double, against: Double)] = [:]
        for signal in site.signals where signal.condition.truth(cache.view) == .yes {
            var witnesses: [Fact] = []
            _ = signal.condition.evaluate(cache.view, witnesses: &witnesses)
            let key = WitnessKey(witnesses)
            var entry = strongest[key] ?? (0, 0)
            if signal.weight > 0 { entry.for = max(entry.for, signal.weight) } else { entry.against = max(entry.against, -signal.weight) }
            strongest[key] = entry
        }
        for entry in strongest.values {
            features.evidence += entry.for
            features.against += entry.against
            if entry.for > 0 { features.lines += 1 }
        }
        // The path the facts take: the most branches taken on a path none of whose branches the
        // facts contradict (a branch not taken is the tree's order of asking, not evidence).
        var bestPath: Int?
        var pathTaken = -1
        for (offset, path) in site.paths.enumerated() {
            var taken = 0
            var contradicted = false
            for step in path {
                switch cache.truth(node: step.global, branch: step.branch) {
                case .yes: taken += 1
                case .no: contradicted = true
                case .unknown: break
                }
                if contradicted { break }
            }
            if !contradicted, taken > pathTaken {
                pathTaken = taken
                bestPath = offset
            }
        }
        features.path = Double(max(pathTaken, 0))
        // A diagnosis is a candidate when search found it, a signal speaks for it, or the facts
        // already walk its tree most of the way there.
        guard text > 0 || features.evidence > 0 || (raisedByFacts && pathTaken >= 2) else { return nil }
        features.current = current && features.evidence > 0
        return SiteScore(site: siteIndex, features: features, score: features.score(weights), path: bestPath, confirmed: confirmed)
    }

    /// A candidate without its parts (ranked below what is shown).
    func summary(_ scored: SiteScore) -> CandidateScore {
        let site = knowledge.sites[scored.site]
        return CandidateScore(
            diagnosisID: site.diagnosisID, treeID: knowledge.trees[site.tree].tree.id, nodeID: site.node.id,
            score: scored.score, parts: [])
    }

    /// A candidate with the parts of its score and the facts behind each.
    func explained(_ scored: SiteScore, _ facts: FactSet, _ view: FactView) -> CandidateScore {
        let site = knowledge.sites[scored.site]
        let tree = knowledge.trees[site.tree]
        let features = scored.features
        var parts: [CandidateScore.Part] = []
        if features.text > 0 {
            parts.append(
                .init(
                    kind: .prior, weight: weights.text * features.text,
                    description: "your message matches what the knowledge base says of \(site.diagnosisID)", facts: []))
        }
        if features.current {
            parts.append(.init(kind: .prior, weight: weights.current, description: "the symptom of your newest message", facts: []))
        }
        var counted: Set<WitnessKey> = []
        for (offset, signal) in site.node.signals.enumerated().sorted(by: { $0.element.weight > $1.element.weight })
        where site.signals[offset].condition.truth(view) == .yes {
            var witnesses: [Fact] = []
            _ = site.signals[offset].condition.evaluate(view, witnesses: &witnesses)
            // A second signal read from the same line adds nothing; it is shown as such.
            let fresh = counted.insert(WitnessKey(witnesses)).inserted || signal.weight < 0
            let weight = fresh ? Double(signal.weight) * (signal.weight > 0 ? weights.evidence : weights.against) : 0
            parts.append(
                .init(
                    kind: .signal, weight: weight,
                    description: signal.condition.description + (fresh ? "" : " (same line as a stronger signal)"),
                    facts: witnesses))
        }
        if let path = scored.path, weights.path != 0 {
            for step in site.paths[path] {
                let decision = tree.nodeList[step.index]
                var witnesses: [[Fact]] = []
                let truths = knowledge.branchTruths(global: step.global, view, facts, witnesses: &witnesses)
                let branch = decision.branches[step.branch]
                guard truths[step.branch] == .yes else { continue }
                let evidence = witnesses[step.branch].isEmpty && branch.condition == nil
                    ? witnesses.flatMap { $0 } : witnesses[step.branch]
                parts.append(
                    .init(
                        kind: .branch, weight: weights.path,
                        description: "\(decision.id): " + (branch.condition.map { "\($0)" } ?? "else") + " → \(branch.target)",
                        facts: evidence))
            }
        }
        if features.unconfirmed, features.score(weights) < uncappedScore(features) {
            parts.append(
                .init(
                    kind: .prior, weight: features.score(weights) - uncappedScore(features),
                    description: "capped: what defines it (\(site.node.requires.map { "\($0)" } ?? "")) is not known yet",
                    facts: []))
        }
        if features.versionUnknown {
            parts.append(
                .init(kind: .prior, weight: -weights.versionUnknown, description: "applies to some releases only; yours is not known", facts: []))
        }
        if features.subordinate {
            parts.append(
                .init(
                    kind: .prior, weight: scored.score - features.score(weights),
                    description: "a special case of \(features.refines ?? ""): nothing yet sets it apart, so it ranks below it",
                    facts: []))
        }
        if features.refined {
            var unrefined = features
            unrefined.refined = false
            parts.append(
                .init(
                    kind: .prior, weight: scored.score - unrefined.score(weights),
                    description: "a more specific cause is established (\(features.refinedBy ?? "")): this one ranks below it",
                    facts: []))
        }
        return CandidateScore(
            diagnosisID: site.diagnosisID, treeID: tree.tree.id, nodeID: site.node.id, score: scored.score, parts: parts)
    }

    func uncappedScore(_ features: RankingFeatures) -> Double {
        var uncapped = features
        uncapped.unconfirmed = false
        return uncapped.score(weights)
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

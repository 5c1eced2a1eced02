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

    /// The scores behind the current ranking (`/why`): the top candidates, each with the parts of
    /// its score and the facts behind each part. The front ends word them.
    public func explain(_ state: ConversationState) -> [CandidateScore] {
        let analysis = analyse(state.factSet, relevance: relevance(for: state), asked: state.askedNodes, current: state.currentSymptoms)
        return Array(analysis.ranked.prefix(Self.explainedCandidates))
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
}

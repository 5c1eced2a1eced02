import ClawfixEvidence
import ClawfixKnowledge
import Foundation

/// The parts of a candidate's score, each with what produced it and the facts behind it: what the
/// report shows and `/why` prints (worded by the front ends), built only for the candidates shown.
extension DiagnosisEngine {
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
            parts.append(.init(reason: .textMatch(diagnosis: site.diagnosisID), weight: weights.text * features.text))
        }
        if features.current {
            parts.append(.init(reason: .currentSymptom, weight: weights.current))
        }
        var counted: Set<WitnessKey> = []
        for (offset, signal) in site.node.signals.enumerated().sorted(by: { $0.element.weight > $1.element.weight })
        where site.signals[offset].condition.truth(view) == .yes {
            var witnesses: [Fact] = []
            _ = site.signals[offset].condition.evaluate(view, witnesses: &witnesses)
            // A second signal read from the same line adds nothing; it is shown as such.
            let fresh = counted.insert(WitnessKey(witnesses)).inserted || signal.weight < 0
            let weight = fresh ? Double(signal.weight) * (signal.weight > 0 ? weights.evidence : weights.against) : 0
            parts.append(.init(reason: .signal(condition: signal.condition, repeatedLine: !fresh), weight: weight, facts: witnesses))
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
                        reason: .branch(node: decision.id, condition: branch.condition, target: branch.target), weight: weights.path,
                        facts: evidence))
            }
        }
        if features.unconfirmed, features.score(weights) < uncappedScore(features) {
            parts.append(.init(reason: .capped(requires: site.node.requires), weight: features.score(weights) - uncappedScore(features)))
        }
        if features.versionUnknown {
            parts.append(.init(reason: .versionUnknown, weight: -weights.versionUnknown))
        }
        if features.subordinate {
            parts.append(.init(reason: .subordinate(parent: features.refines ?? ""), weight: scored.score - features.score(weights)))
        }
        if features.refined {
            var unrefined = features
            unrefined.refined = false
            parts.append(.init(reason: .refined(by: features.refinedBy ?? ""), weight: scored.score - unrefined.score(weights)))
        }
        return CandidateScore(
            diagnosisID: site.diagnosisID, treeID: tree.tree.id, nodeID: site.node.id, score: scored.score, parts: parts)
    }

    func uncappedScore(_ features: RankingFeatures) -> Double {
        var uncapped = features
        uncapped.unconfirmed = false
        return uncapped.score(weights)
    }
}

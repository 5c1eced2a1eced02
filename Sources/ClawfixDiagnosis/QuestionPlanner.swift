import ClawfixEvidence
import ClawfixKnowledge
import Foundation

/// Chooses the next question: the one whose possible answers best split the current candidates
/// (expected information gain), less a small cost so a cheap command wins a tie.
struct QuestionPlanner {
    /// An askable question: a tree node, or the synthetic "which version?".
    struct Option {
        var key: String
        var node: KnowledgeNode
        /// Per live branch, the diagnosis ids its answer leads to.
        var outcomes: [Set<String>]
    }

    static let costPenalty = 0.02
    static let minimumGain = 0.05
    static let versionKey = "version"

    /// Shannon entropy (bits) of unnormalised masses.
    static func entropy(_ masses: [Double]) -> Double {
        let total = masses.reduce(0, +)
        guard total > 0 else { return 0 }
        var sum = 0.0
        for mass in masses where mass > 0 {
            let p = mass / total
            sum -= p * log2(p)
        }
        return sum
    }

    /// Expected information gain of asking, over candidate masses `p`. A candidate the answer does
    /// not speak to (reachable from no live branch) stays possible whatever the answer.
    static func gain(_ outcomes: [Set<String>], _ distribution: [(id: String, mass: Double)]) -> Double {
        guard outcomes.count >= 2 else { return 0 }
        let before = entropy(distribution.map(\.mass))
        var branchMasses = Array(repeating: [Double](), count: outcomes.count)
        for (id, mass) in distribution {
            let holding = outcomes.indices.filter { outcomes[$0].contains(id) }
            if holding.isEmpty {
                for index in outcomes.indices { branchMasses[index].append(mass / Double(outcomes.count)) }
            } else {
                for index in holding { branchMasses[index].append(mass / Double(holding.count)) }
            }
        }
        let total = distribution.reduce(0) { $0 + $1.mass }
        guard total > 0 else { return 0 }
        var after = 0.0
        for masses in branchMasses {
            let weight = masses.reduce(0, +) / total
            after += weight * entropy(masses)
        }
        return before - after
    }

    /// The two most likely candidates the answer tells apart, for `why`.
    static func separated(_ outcomes: [Set<String>], _ distribution: [(id: String, mass: Double)]) -> (String, String)? {
        let ranked = distribution.sorted { $0.mass > $1.mass }
        for (offset, first) in ranked.enumerated() {
            let firstBranches = Set(outcomes.indices.filter { outcomes[$0].contains(first.id) })
            for second in ranked[(offset + 1)...] {
                let secondBranches = Set(outcomes.indices.filter { outcomes[$0].contains(second.id) })
                if firstBranches != secondBranches && !(firstBranches.isEmpty && secondBranches.isEmpty) {
                    return (first.id, second.id)
                }
            }
        }
        return nil
    }

    /// Version intervals that split candidates with `versions:` ranges: each interval is one
    /// possible answer to "which release?".
    static func versionOutcomes(_ ranges: [(id: String, range: VersionRange)]) -> [Set<String>] {
        var starts: Set<OpenClawVersion> = [OpenClawVersion(year: 2020, month: 1, day: 1)]
        for (_, range) in ranges {
            if let from = range.from { starts.insert(from) }
            if let until = range.until { starts.insert(OpenClawVersion(year: until.year, month: until.month, day: until.day + 1)) }
        }
        var outcomes: [Set<String>] = []
        for start in starts.sorted() {
            let inside = Set(ranges.filter { $0.range.contains(start) }.map(\.id))
            if outcomes.last != inside { outcomes.append(inside) }
        }
        return outcomes
    }
}

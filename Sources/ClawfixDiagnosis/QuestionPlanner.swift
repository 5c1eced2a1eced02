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
        /// Per candidate of the distribution, the live branches (bit *i* = `outcomes[i]`) that lead
        /// to it: what `gain` reads (empty: computed from `outcomes`).
        var holding: [UInt64] = []
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
        guard outcomes.count <= 64 else { return 0 }
        return gain(
            holding: holding(outcomes, distribution.map(\.id)), branches: outcomes.count, masses: distribution.map(\.mass))
    }

    /// Per candidate, the outcomes that contain it as a bit mask.
    static func holding(_ outcomes: [Set<String>], _ ids: [String]) -> [UInt64] {
        ids.map { id in
            var mask: UInt64 = 0
            for (offset, outcome) in outcomes.enumerated() where outcome.contains(id) { mask |= 1 << UInt64(offset) }
            return mask
        }
    }

    /// `gain` over masks (`Option.holding`), without building per-branch arrays: a branch's entropy
    /// is log₂ S − (Σ m log₂ m) / S over the masses m it holds, S their sum.
    static func gain(holding: [UInt64], branches: Int, masses: [Double]) -> Double {
        guard branches >= 2, branches <= 64 else { return 0 }
        let total = masses.reduce(0, +)
        guard total > 0 else { return 0 }
        let before = entropy(masses)
        let after = withUnsafeTemporaryAllocation(of: Double.self, capacity: branches * 2) { sums -> Double in
            sums.initialize(repeating: 0)
            func add(_ branch: Int, _ share: Double) {
                sums[branch] += share
                if share > 0 { sums[branches + branch] += share * log2(share) }
            }
            for (candidate, mass) in masses.enumerated() {
                var mask = holding[candidate]
                if mask == 0 {
                    for branch in 0..<branches { add(branch, mass / Double(branches)) }
                } else {
                    let share = mass / Double(mask.nonzeroBitCount)
                    while mask != 0 {
                        add(mask.trailingZeroBitCount, share)
                        mask &= mask - 1
                    }
                }
            }
            var after = 0.0
            for branch in 0..<branches where sums[branch] > 0 {
                let sum = sums[branch]
                after += (sum / total) * (log2(sum) - sums[branches + branch] / sum)
            }
            return after
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

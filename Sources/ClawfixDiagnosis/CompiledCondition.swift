import ClawfixEvidence
import ClawfixKnowledge
import Foundation

/// A knowledge-base condition prepared for the scoring loop: fact names are numbers into the
/// knowledge base's name table and regexes are compiled, so evaluating an atom is an array index
/// and a few byte compares, not a string hash (the bot evaluates hundreds of atoms per message).
///
/// Three-valued (`KnowledgeBase/README.md`, "Conditions"): a fact nobody has seen makes its atom
/// **unknown**, never false; unknown is what makes a question worth asking, false is what rules an
/// answer out. This is the only evaluator of conditions.
indirect enum CompiledCondition: Sendable {
    case known(Int)
    case equals(Int, String)
    case notEquals(Int, String)
    case oneOf(Int, [String])
    case matches(Int, CompiledPattern)
    case version(Int, VersionComparison, OpenClawVersion)
    case not(CompiledCondition)
    case and(CompiledCondition, CompiledCondition)
    case or(CompiledCondition, CompiledCondition)

    /// Compiles `condition`, adding its fact names to `names` (name → number).
    init(_ condition: Condition, names: inout [String: Int]) {
        func id(_ name: String) -> Int {
            if let known = names[name] { return known }
            names[name] = names.count
            return names.count - 1
        }
        switch condition {
        case .known(let name): self = .known(id(name))
        case .equals(let name, let value): self = .equals(id(name), value)
        case .notEquals(let name, let value): self = .notEquals(id(name), value)
        case .oneOf(let name, let values): self = .oneOf(id(name), values)
        case .matches(let name, let pattern): self = .matches(id(name), CompiledPattern(pattern))
        case .version(let name, let comparison, let bound): self = .version(id(name), comparison, bound)
        case .not(let inner): self = .not(CompiledCondition(inner, names: &names))
        case .and(let lhs, let rhs):
            self = .and(CompiledCondition(lhs, names: &names), CompiledCondition(rhs, names: &names))
        case .or(let lhs, let rhs):
            self = .or(CompiledCondition(lhs, names: &names), CompiledCondition(rhs, names: &names))
        }
    }

    func truth(_ view: FactView) -> Truth {
        switch self {
        case .known(let name):
            return view.slots[name] == nil ? .unknown : .yes
        case .equals(let name, let value):
            return view.any(name) { FactSet.same($0, value) }
        case .oneOf(let name, let values):
            return view.any(name) { value in values.contains { FactSet.same(value, $0) } }
        case .notEquals(let name, let value):
            switch view.any(name, { FactSet.same($0, value) }) {
            case .yes: return .no
            case .no: return .yes
            case .unknown: return .unknown
            }
        case .matches(let name, let pattern):
            return view.any(name) { pattern.matches($0) }
        case .version(let name, let comparison, let bound):
            guard let indices = view.slots[name] else { return .unknown }
            var parsed = false
            for index in indices {
                guard let version = OpenClawVersion(view.facts[index].value) else { continue }
                if FactSet.compare(version, comparison, bound) { return .yes }
                parsed = true
            }
            return parsed ? .no : .unknown
        case .not(let inner):
            return !inner.truth(view)
        case .and(let lhs, let rhs):
            return lhs.truth(view) && rhs.truth(view)
        case .or(let lhs, let rhs):
            return lhs.truth(view) || rhs.truth(view)
        }
    }
}

extension CompiledCondition {
    /// The truth, and the facts that decided it (per atom the
    /// first facts of up to `FactSet.maximumWitnessesPerAtom` distinct values).
    func evaluate(_ view: FactView, witnesses: inout [Fact]) -> Truth {
        switch self {
        case .known(let name):
            guard let indices = view.slots[name] else { return .unknown }
            witnesses += view.sample(indices) { _ in true }
            return .yes
        case .equals(let name, let value):
            return view.some(name, &witnesses) { FactSet.same($0, value) }
        case .oneOf(let name, let values):
            return view.some(name, &witnesses) { value in values.contains { FactSet.same(value, $0) } }
        case .notEquals(let name, let value):
            guard let indices = view.slots[name] else { return .unknown }
            if indices.contains(where: { FactSet.same(view.facts[$0].value, value) }) { return .no }
            witnesses += view.sample(indices) { _ in true }
            return .yes
        case .matches(let name, let pattern):
            return view.some(name, &witnesses) { pattern.matches($0) }
        case .version(let name, let comparison, let bound):
            let truth = truth(view)
            if truth == .yes {
                witnesses += view.sample(view.slots[name] ?? []) { value in
                    OpenClawVersion(value).map { FactSet.compare($0, comparison, bound) } ?? false
                }
            }
            return truth
        case .not(let inner):
            let truth = !inner.truth(view)
            // `not X` holds because of the facts that made X false: the values of X's names.
            if truth == .yes {
                var names: [Int] = []
                inner.collectNames(into: &names)
                for name in names { witnesses += view.sample(view.slots[name] ?? []) { _ in true } }
            }
            return truth
        case .and(let lhs, let rhs):
            var local: [Fact] = []
            let truth = lhs.evaluate(view, witnesses: &local) && rhs.evaluate(view, witnesses: &local)
            if truth == .yes { witnesses += local }
            return truth
        case .or(let lhs, let rhs):
            var left: [Fact] = []
            var right: [Fact] = []
            let leftTruth = lhs.evaluate(view, witnesses: &left)
            let rightTruth = rhs.evaluate(view, witnesses: &right)
            if leftTruth == .yes { witnesses += left }
            if rightTruth == .yes { witnesses += right }
            return leftTruth || rightTruth
        }
    }

    /// The name numbers read, each once, in first-use order.
    func collectNames(into names: inout [Int]) {
        switch self {
        case .known(let name), .equals(let name, _), .notEquals(let name, _), .oneOf(let name, _),
            .matches(let name, _), .version(let name, _, _):
            if !names.contains(name) { names.append(name) }
        case .not(let inner): inner.collectNames(into: &names)
        case .and(let lhs, let rhs), .or(let lhs, let rhs):
            lhs.collectNames(into: &names)
            rhs.collectNames(into: &names)
        }
    }
}

/// A `~ /regex/` pattern compiled once (case-insensitive, as the knowledge base documents).
/// `NSRegularExpression` is immutable and thread-safe for matching.
/// Compiled on first use: most messages never reach a regex, and the first compile initialises ICU
/// (milliseconds a one-line `clawfix paste` should not pay).
final class CompiledPattern: @unchecked Sendable {
    let pattern: String
    private let lock = NSLock()
    /// nil: not compiled yet; `.some(nil)`: does not compile (never matches).
    private var compiled: NSRegularExpression??

    init(_ pattern: String) {
        self.pattern = pattern
    }

    var regex: NSRegularExpression? {
        lock.lock()
        defer { lock.unlock() }
        if let compiled { return compiled }
        let made = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        compiled = .some(made)
        return made
    }

    func matches(_ value: String) -> Bool {
        guard let regex else { return false }
        return regex.firstMatch(in: value, options: [], range: NSRange(value.startIndex..<value.endIndex, in: value)) != nil
    }
}

/// The facts of one analysis, indexed by the knowledge base's name numbers.
struct FactView {
    let facts: [Fact]
    /// Per name number: the positions in `facts` of that name's facts, nil when none is known.
    let slots: [[Int]?]

    init(_ set: FactSet, names: [String: Int]) {
        facts = set.facts
        var slots = [[Int]?](repeating: nil, count: names.count)
        for name in set.names {
            if let id = names[name] { slots[id] = set.indices(named: name) }
        }
        self.slots = slots
    }

    func some(_ name: Int, _ witnesses: inout [Fact], _ test: (String) -> Bool) -> Truth {
        guard let indices = slots[name] else { return .unknown }
        let holding = sample(indices, test)
        guard !holding.isEmpty else { return .no }
        witnesses += holding
        return .yes
    }

    /// The first facts among `indices` whose value passes `test`, one per distinct value, at most
    /// `FactSet.maximumWitnessesPerAtom`.
    func sample(_ indices: [Int], _ test: (String) -> Bool) -> [Fact] {
        FactSet.sample(facts, indices, test)
    }

    @inline(__always) func any(_ name: Int, _ test: (String) -> Bool) -> Truth {
        guard let indices = slots[name] else { return .unknown }
        for index in indices where test(facts[index].value) { return .yes }
        return .no
    }
}

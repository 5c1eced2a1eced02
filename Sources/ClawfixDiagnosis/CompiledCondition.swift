import ClawfixEvidence
import ClawfixKnowledge
import Foundation

/// A knowledge-base condition prepared for the scoring loop: fact names are numbers into the
/// knowledge base's name table and regexes are compiled, so evaluating an atom is an array index
/// and a few byte compares, not a string hash (the bot evaluates hundreds of atoms per message).
///
/// Same three-valued semantics as `FactSet.truth(_:)`, which stays the reference for evidence.
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

/// A `~ /regex/` pattern compiled once (case-insensitive, as the knowledge base documents).
/// `NSRegularExpression` is immutable and thread-safe for matching.
final class CompiledPattern: @unchecked Sendable {
    let regex: NSRegularExpression?

    init(_ pattern: String) {
        regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
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

    @inline(__always) func any(_ name: Int, _ test: (String) -> Bool) -> Truth {
        guard let indices = slots[name] else { return .unknown }
        for index in indices where test(facts[index].value) { return .yes }
        return .no
    }
}

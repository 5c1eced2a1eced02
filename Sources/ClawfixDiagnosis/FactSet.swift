import Foundation
import ClawfixEvidence
import ClawfixKnowledge

/// The facts known in a conversation, by name, and the three-valued evaluation of knowledge-base
/// conditions over them (`KnowledgeBase/README.md`, "Conditions").
///
/// A fact nobody has seen makes its atom **unknown**, never false: unknown is what makes a question
/// worth asking, false is what rules an answer out.
public struct FactSet: Sendable, Hashable {
    /// Names that hold one value at a time: a newer fact replaces every older one.
    public static let singleValued: Set<FactName> = [.installKind, .openclawVersion, .clientOS, .gatewayLocation]

    /// Every fact, oldest first.
    public private(set) var facts: [Fact] = []
    private var byName: [String: [Int]] = [:]
    /// The known OpenClaw release, parsed once (every branch with a `versions:` range reads it).
    public private(set) var version: OpenClawVersion?

    public init(_ facts: [Fact] = []) {
        absorb(facts)
    }

    public var isEmpty: Bool { facts.isEmpty }

    /// Adds facts in order. A newer fact of a single-valued name replaces the older ones; an answer
    /// in words replaces older answers of the same name (the user corrected themselves). Exact
    /// repeats (same name, value and line) are kept once.
    public mutating func absorb(_ newFacts: [Fact]) {
        guard !newFacts.isEmpty else { return }
        var changed = false
        for fact in newFacts {
            let existing = byName[fact.name.rawValue] ?? []
            if existing.contains(where: { facts[$0] == fact }) { continue }
            let replaces =
                Self.singleValued.contains(fact.name)
                ? existing
                : (fact.origin == .answer ? existing.filter { facts[$0].origin == .answer } : [])
            if !replaces.isEmpty {
                let drop = Set(replaces)
                facts = facts.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
                changed = true
            }
            facts.append(fact)
            if changed {
                reindex()
                updateVersion()
                changed = false
            } else {
                byName[fact.name.rawValue, default: []].append(facts.count - 1)
            }
            if fact.name == .openclawVersion { updateVersion() }
        }
    }

    private mutating func updateVersion() {
        version = nil
        for index in (byName[FactName.openclawVersion.rawValue] ?? []).reversed() {
            if let parsed = OpenClawVersion(facts[index].value) {
                version = parsed
                break
            }
        }
    }

    private mutating func reindex() {
        byName = [:]
        for (offset, fact) in facts.enumerated() { byName[fact.name.rawValue, default: []].append(offset) }
    }

    /// Facts of a name, oldest first.
    public func facts(named name: String) -> [Fact] {
        (byName[name] ?? []).map { facts[$0] }
    }

    public func facts(named name: FactName) -> [Fact] { facts(named: name.rawValue) }

    /// The newest value of a name.
    public func value(_ name: FactName) -> String? {
        byName[name.rawValue]?.last.map { facts[$0].value }
    }

    public func contains(_ name: String) -> Bool { byName[name] != nil }

    /// `true` when some value of `name` equals `value` (case-insensitive).
    public func has(_ name: FactName, _ value: String) -> Bool {
        facts(named: name).contains { Self.same($0.value, value) }
    }

    public func evaluate(_ condition: Condition) -> Truth {
        var ignored: [Fact] = []
        return evaluate(condition, witnesses: &ignored)
    }

    /// Evaluates `condition` and appends the facts that decided it to `witnesses` (the evidence
    /// lines shown for a signal or a branch).
    public func evaluate(_ condition: Condition, witnesses: inout [Fact]) -> Truth {
        switch condition {
        case .known(let name):
            let found = facts(named: name)
            guard !found.isEmpty else { return .unknown }
            witnesses += found
            return .yes
        case .equals(let name, let value):
            return some(name, &witnesses) { Self.same($0, value) }
        case .oneOf(let name, let values):
            return some(name, &witnesses) { value in values.contains { Self.same(value, $0) } }
        case .notEquals(let name, let value):
            let found = facts(named: name)
            guard !found.isEmpty else { return .unknown }
            if found.contains(where: { Self.same($0.value, value) }) { return .no }
            witnesses += found
            return .yes
        case .matches(let name, let pattern):
            return some(name, &witnesses) { RegexCache.shared.matches(pattern, $0) }
        case .version(let name, let comparison, let bound):
            let found = facts(named: name).compactMap { fact in OpenClawVersion(fact.value).map { (fact, $0) } }
            guard !found.isEmpty else { return .unknown }
            let holding = found.filter { Self.compare($0.1, comparison, bound) }
            guard !holding.isEmpty else { return .no }
            witnesses += holding.map(\.0)
            return .yes
        case .not(let inner):
            var innerWitnesses: [Fact] = []
            let truth = !evaluate(inner, witnesses: &innerWitnesses)
            // `not X` holds because of the facts that made X false: every value of X's names.
            if truth == .yes { for name in inner.factNames.sorted() { witnesses += facts(named: name) } }
            return truth
        case .and(let lhs, let rhs):
            var local: [Fact] = []
            let truth = evaluate(lhs, witnesses: &local) && evaluate(rhs, witnesses: &local)
            if truth == .yes { witnesses += local }
            return truth
        case .or(let lhs, let rhs):
            var left: [Fact] = []
            var right: [Fact] = []
            let leftTruth = evaluate(lhs, witnesses: &left)
            let rightTruth = evaluate(rhs, witnesses: &right)
            if leftTruth == .yes { witnesses += left }
            if rightTruth == .yes { witnesses += right }
            return leftTruth || rightTruth
        }
    }

    private func some(_ name: String, _ witnesses: inout [Fact], _ test: (String) -> Bool) -> Truth {
        let found = facts(named: name)
        guard !found.isEmpty else { return .unknown }
        let holding = found.filter { test($0.value) }
        guard !holding.isEmpty else { return .no }
        witnesses += holding
        return .yes
    }

    /// Case-insensitive equality; ASCII (every fact value and KB word in practice) without Foundation.
    static func same(_ lhs: String, _ rhs: String) -> Bool {
        var left = lhs.utf8.makeIterator()
        var right = rhs.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return true
            case (let a?, let b?):
                if a == b { continue }
                if a >= 0x80 || b >= 0x80 { return lhs.caseInsensitiveCompare(rhs) == .orderedSame }
                if lower(a) != lower(b) { return false }
            default: return false
            }
        }
    }

    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
    }

    static func compare(_ version: OpenClawVersion, _ comparison: VersionComparison, _ bound: OpenClawVersion) -> Bool {
        switch comparison {
        case .atLeast: return !(version < bound)
        case .greater: return bound < version
        case .atMost: return !(bound < version)
        case .less: return version < bound
        }
    }
}

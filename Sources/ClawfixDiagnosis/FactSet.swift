import Foundation
import ClawfixEvidence
import ClawfixKnowledge

/// The facts known in a conversation, by name. Conditions are evaluated over them by
/// `CompiledCondition` (through a `FactView`), the one evaluator of the knowledge base's conditions.
public struct FactSet: Sendable, Hashable {
    /// Names that hold one value at a time: a newer fact replaces every older one.
    public static let singleValued: Set<FactName> = [.installKind, .openclawVersion, .clientOS, .gatewayLocation]

    /// Every fact, oldest first.
    public private(set) var facts: [Fact] = []
    private var byName: [String: [Int]] = [:]
    /// Every fact in `facts`, for the exact-repeat test: one hash lookup per absorbed fact.
    private var present: Set<FactKey> = []
    /// The known OpenClaw release, parsed once (every branch with a `versions:` range reads it).
    public private(set) var version: OpenClawVersion?

    /// Evidence shown per condition atom: a signal needs a few lines, not every repeat of a log line.
    static let maximumWitnessesPerAtom = 3

    public init(_ facts: [Fact] = []) {
        absorb(facts)
    }

    public var isEmpty: Bool { facts.isEmpty }

    // The indexes are derived from `facts`.
    public static func == (lhs: FactSet, rhs: FactSet) -> Bool { lhs.facts == rhs.facts }
    public func hash(into hasher: inout Hasher) { hasher.combine(facts) }

    /// Adds facts in order. A newer fact of a single-valued name replaces the older ones; an answer
    /// in words replaces answers of the same name from earlier messages (the user corrected themselves). Exact
    /// repeats (same name, value, line, text and origin) are kept once.
    ///
    /// O(1) amortised per fact: a paste of a megabyte gives tens of thousands of facts, many of them
    /// repeats. Replaced facts are only marked while the batch runs and removed in one pass at the end.
    public mutating func absorb(_ newFacts: [Fact]) {
        guard !newFacts.isEmpty else { return }
        var dropped: Set<Int> = []
        var versionTouched = false
        // An answer corrects answers of earlier messages, never its own siblings: one message may
        // say several things tried, several platforms.
        let batchStart = facts.count
        facts.reserveCapacity(facts.count + newFacts.count)
        present.reserveCapacity(present.count + newFacts.count)
        for fact in newFacts {
            guard present.insert(FactKey(fact)).inserted else { continue }
            let name = fact.name.rawValue
            if let existing = byName[name] {
                if Self.singleValued.contains(fact.name) {
                    for index in existing {
                        dropped.insert(index)
                        present.remove(FactKey(facts[index]))
                    }
                    byName[name] = []
                    versionTouched = versionTouched || fact.name == .openclawVersion
                } else if fact.origin == .answer {
                    var kept: [Int] = []
                    for index in existing {
                        if facts[index].origin == .answer, index < batchStart {
                            dropped.insert(index)
                            present.remove(FactKey(facts[index]))
                        } else {
                            kept.append(index)
                        }
                    }
                    if kept.count != existing.count { byName[name] = kept }
                }
            }
            byName[name, default: []].append(facts.count)
            facts.append(fact)
            if fact.name == .openclawVersion { versionTouched = true }
        }
        if !dropped.isEmpty {
            var kept: [Fact] = []
            kept.reserveCapacity(facts.count - dropped.count)
            for (offset, fact) in facts.enumerated() where !dropped.contains(offset) { kept.append(fact) }
            facts = kept
            reindex()
        }
        if versionTouched { updateVersion() }
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

    /// Positions in `facts` of a name's facts, oldest first.
    func indices(named name: String) -> [Int]? { byName[name] }

    /// The names that have at least one fact.
    public var names: Dictionary<String, [Int]>.Keys { byName.keys }

    /// `true` when some value of `name` equals `value` (case-insensitive).
    public func has(_ name: FactName, _ value: String) -> Bool {
        (byName[name.rawValue] ?? []).contains { Self.same(facts[$0].value, value) }
    }

    /// The first facts among `indices` whose value passes `test`, one per distinct value, at most
    /// `maximumWitnessesPerAtom` (the evidence lines shown for a condition).
    static func sample(_ facts: [Fact], _ indices: [Int], _ test: (String) -> Bool) -> [Fact] {
        var result: [Fact] = []
        for index in indices {
            let fact = facts[index]
            guard !result.contains(where: { $0.value == fact.value }), test(fact.value) else { continue }
            result.append(fact)
            if result.count == maximumWitnessesPerAtom { break }
        }
        return result
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

/// A fact as a set member for `FactSet`'s exact-repeat test, hashed over the UTF-8 bytes of its name,
/// value and line (a log line repeated ten thousand times must not pay for Unicode-normalised hashing
/// of its whole text each time) and equal when every field is byte-for-byte equal.
struct FactKey: Hashable {
    let fact: Fact

    init(_ fact: Fact) { self.fact = fact }

    func hash(into hasher: inout Hasher) {
        hasher.combine(fact.line)
        Self.combine(fact.name.rawValue, into: &hasher)
        Self.combine(fact.value, into: &hasher)
    }

    static func == (lhs: FactKey, rhs: FactKey) -> Bool {
        lhs.fact.line == rhs.fact.line && lhs.fact.origin == rhs.fact.origin
            && same(lhs.fact.name.rawValue, rhs.fact.name.rawValue) && same(lhs.fact.value, rhs.fact.value)
            && sameText(lhs.fact.text, rhs.fact.text)
    }

    private static func combine(_ string: String, into hasher: inout Hasher) {
        let done: Void? = string.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if done == nil { for byte in string.utf8 { hasher.combine(byte) } }
        hasher.combine(0xFF as UInt8)  // no valid UTF-8 byte: separates the fields
    }

    private static func same(_ lhs: String, _ rhs: String) -> Bool { lhs.utf8.elementsEqual(rhs.utf8) }

    private static func sameText(_ lhs: String?, _ rhs: String?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): return true
        case (let left?, let right?): return same(left, right)
        default: return false
        }
    }
}

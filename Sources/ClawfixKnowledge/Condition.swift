/// A test over facts, written in the knowledge base (`KnowledgeBase/README.md`, "Conditions").
///
/// The knowledge target knows nothing of how facts are held: a condition is evaluated by the
/// diagnosis engine (`CompiledCondition`); lint only reads its structure.
public indirect enum Condition: Sendable, Hashable, CustomStringConvertible {
    case known(String)
    case equals(String, String)
    case notEquals(String, String)
    case oneOf(String, [String])
    case matches(String, pattern: String)
    case version(String, VersionComparison, OpenClawVersion)
    case not(Condition)
    case and(Condition, Condition)
    case or(Condition, Condition)

    /// Every fact name the condition reads.
    public var factNames: Set<String> {
        switch self {
        case .known(let name), .equals(let name, _), .notEquals(let name, _), .oneOf(let name, _),
            .matches(let name, _), .version(let name, _, _):
            return [name]
        case .not(let inner): return inner.factNames
        case .and(let lhs, let rhs), .or(let lhs, let rhs): return lhs.factNames.union(rhs.factNames)
        }
    }

    /// The values the condition compares `name` with where a match makes it hold (`=`, `in`),
    /// outside any `not`: what `symptom = token-missing` promises to react to.
    public func positiveValues(of name: String) -> Set<String> {
        switch self {
        case .equals(name, let value): return [value]
        case .oneOf(name, let values): return Set(values)
        case .and(let lhs, let rhs), .or(let lhs, let rhs): return lhs.positiveValues(of: name).union(rhs.positiveValues(of: name))
        default: return []
        }
    }

    /// Every value the condition compares `name` with (`=`, `!=`, `in`), under `not` too.
    public func comparedValues(of name: String) -> Set<String> {
        switch self {
        case .equals(name, let value), .notEquals(name, let value): return [value]
        case .oneOf(name, let values): return Set(values)
        case .not(let inner): return inner.comparedValues(of: name)
        case .and(let lhs, let rhs), .or(let lhs, let rhs): return lhs.comparedValues(of: name).union(rhs.comparedValues(of: name))
        default: return []
        }
    }

    /// Whether the condition tests nothing but `name` (`symptom = a or symptom in b, c`).
    public func testsOnly(_ name: String) -> Bool {
        switch self {
        case .known(let other), .equals(let other, _), .notEquals(let other, _), .oneOf(let other, _),
            .matches(let other, _), .version(let other, _, _):
            return other == name
        case .not(let inner): return inner.testsOnly(name)
        case .and(let lhs, let rhs), .or(let lhs, let rhs): return lhs.testsOnly(name) && rhs.testsOnly(name)
        }
    }

    public var description: String {
        switch self {
        case .known(let name): return name
        case .equals(let name, let value): return "\(name) = \(value)"
        case .notEquals(let name, let value): return "\(name) != \(value)"
        case .oneOf(let name, let values): return "\(name) in \(values.joined(separator: ", "))"
        case .matches(let name, let pattern): return "\(name) ~ /\(pattern)/"
        case .version(let name, let comparison, let version): return "\(name) \(comparison.rawValue) \(version)"
        case .not(let inner): return "not \(inner)"
        case .and(let lhs, let rhs): return "(\(lhs) and \(rhs))"
        case .or(let lhs, let rhs): return "(\(lhs) or \(rhs))"
        }
    }
}

public enum VersionComparison: String, Sendable, Hashable {
    case atLeast = ">="
    case greater = ">"
    case atMost = "<="
    case less = "<"
}

/// Three-valued truth: a condition over a fact nobody has seen yet is unknown, not false.
public enum Truth: Sendable, Hashable {
    case yes, no, unknown

    public static prefix func ! (value: Truth) -> Truth {
        switch value {
        case .yes: .no
        case .no: .yes
        case .unknown: .unknown
        }
    }

    public static func && (lhs: Truth, rhs: Truth) -> Truth {
        if lhs == .no || rhs == .no { return .no }
        if lhs == .yes && rhs == .yes { return .yes }
        return .unknown
    }

    public static func || (lhs: Truth, rhs: Truth) -> Truth {
        if lhs == .yes || rhs == .yes { return .yes }
        if lhs == .no && rhs == .no { return .no }
        return .unknown
    }
}

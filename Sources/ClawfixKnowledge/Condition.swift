/// A test over facts, written in the knowledge base (`KnowledgeBase/README.md`, "Conditions").
///
/// The knowledge target knows nothing of where facts come from: a condition is evaluated by
/// whoever holds facts (the diagnosis engine) through `FactLookup`.
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

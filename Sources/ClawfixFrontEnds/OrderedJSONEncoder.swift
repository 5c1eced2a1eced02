import Foundation

extension OrderedJSON {
    /// `value` as its `Encodable` conformance writes it, keys in the order it encodes them: the one
    /// mapping from clawfix's types to JSON, for the reports' contract (`DiagnosisReport.encode(to:)`
    /// lists the contract's keys in order) and for the session store alike.
    ///
    /// What `JSONEncoder()` writes up to key order and number spelling, and what `JSONDecoder`
    /// (default strategies) reads back to the same value: `Data` as base64, `URL` as its absolute
    /// string, `Date` as its own `Codable` form (seconds since 2001), nil optionals left out by the
    /// synthesized conformances. A number that is not finite throws, as with `JSONEncoder`, unless
    /// `nonFiniteAsNull` (a report is still shown with a `null` where a broken number was).
    public init<T: Encodable>(encoding value: T, nonFiniteAsNull: Bool = false) throws {
        self = try OrderedJSONEncoder(nonFiniteAsNull: nonFiniteAsNull).encode(value)
    }
}

/// Builds an `OrderedJSON` through the `Encoder` protocol, several times faster than Foundation's
/// `JSONEncoder` on Linux, whose per-value type checks and boxing made encoding states a fifth of
/// the bot's time. Coding paths stay at the top level: extending one per value cost an allocation
/// each, and nothing here reads them.
struct OrderedJSONEncoder {
    var nonFiniteAsNull = false

    func encode<T: Encodable>(_ value: T) throws -> OrderedJSON {
        let root = JSONBuilder(nonFiniteAsNull: nonFiniteAsNull)
        return try root.encode(value, codingPath: [])
    }
}

/// A value being encoded. Scalars are finished at once; an object or array keeps a reference here
/// for its containers to add members to, and becomes an `OrderedJSON` when the whole value is done.
final class JSONBuilder {
    enum Kind { case empty, object, array }
    /// A member: finished, or a container still being filled.
    enum Member {
        case value(OrderedJSON)
        case builder(JSONBuilder)

        var finished: OrderedJSON {
            switch self {
            case .value(let value): value
            case .builder(let builder): builder.finished
            }
        }
    }

    let nonFiniteAsNull: Bool
    var kind = Kind.empty
    /// What a single-value container wrote.
    var scalar: OrderedJSON?
    var keys: [String] = []
    var members: [Member] = []

    init(nonFiniteAsNull: Bool) {
        self.nonFiniteAsNull = nonFiniteAsNull
    }

    /// `value`, finished: a scalar needs no builder of its own, a container is filled first.
    func encode<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> OrderedJSON {
        try member(value, codingPath: codingPath).finished
    }

    func member<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> Member {
        // Metatype comparisons, not casts: this runs for every nested value.
        if T.self == String.self, let string = value as? String { return .value(.string(string)) }
        if T.self == Data.self, let data = value as? Data { return .value(.string(data.base64EncodedString())) }
        if T.self == URL.self, let url = value as? URL { return .value(.string(url.absoluteString)) }
        let child = JSONBuilder(nonFiniteAsNull: nonFiniteAsNull)
        try value.encode(to: NodeEncoder(builder: child, codingPath: codingPath))
        if let scalar = child.scalar { return .value(scalar) }
        return .builder(child)
    }

    var finished: OrderedJSON {
        if let scalar { return scalar }
        switch kind {
        // A value that encoded nothing is an empty object, as with JSONEncoder.
        case .empty, .object: return .object(keys.indices.map { (keys[$0], members[$0].finished) })
        case .array: return .array(members.map(\.finished))
        }
    }

    func number<F: BinaryFloatingPoint>(_ value: F, codingPath: [any CodingKey]) throws -> OrderedJSON {
        guard value.isFinite || nonFiniteAsNull else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: codingPath, debugDescription: "\(value) is not representable in JSON"))
        }
        return value.isFinite ? .number(Double(value)) : .null
    }

    func integer<I: BinaryInteger>(_ value: I, codingPath: [any CodingKey]) throws -> OrderedJSON {
        guard let exact = Int(exactly: value) else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: codingPath, debugDescription: "\(value) does not fit in an Int"))
        }
        return .integer(exact)
    }

    /// Becomes an object (keeping members already added through another container).
    func asObject() -> JSONBuilder {
        if kind != .object {
            kind = .object
            keys = []
            members = []
        }
        return self
    }

    func asArray() -> JSONBuilder {
        if kind != .array {
            kind = .array
            members = []
        }
        return self
    }

    /// A new member. Keys are not checked for repeats: synthesized conformances and dictionaries
    /// never repeat one, and a lookup per key would make large dictionaries quadratic.
    func add(_ key: String, _ member: Member) {
        keys.append(key)
        members.append(member)
    }

    /// A new nested container under `key` (or as the next element when `key` is nil).
    func nested(_ key: String?) -> JSONBuilder {
        let child = JSONBuilder(nonFiniteAsNull: nonFiniteAsNull)
        if let key { keys.append(key) }
        members.append(.builder(child))
        return child
    }
}

private struct NodeEncoder: Encoder {
    let builder: JSONBuilder
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedNodeContainer<Key>(builder: builder.asObject(), codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedNodeContainer(builder: builder.asArray(), codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(builder: builder, codingPath: codingPath)
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let builder: JSONBuilder
    let codingPath: [any CodingKey]

    func put(_ value: OrderedJSON, _ key: Key) { builder.add(key.stringValue, .value(value)) }

    mutating func encodeNil(forKey key: Key) throws { put(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(try builder.number(value, codingPath: codingPath), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { put(try builder.number(value, codingPath: codingPath), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(.integer(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(.integer(Int(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(.integer(Int(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(.integer(Int(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(.integer(Int(value)), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(try builder.integer(value, codingPath: codingPath), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(.integer(Int(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(.integer(Int(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(.integer(Int(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(try builder.integer(value, codingPath: codingPath), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        builder.add(key.stringValue, try builder.member(value, codingPath: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(builder: builder.nested(key.stringValue).asObject(), codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        UnkeyedNodeContainer(builder: builder.nested(key.stringValue).asArray(), codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(builder: builder.nested("super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(builder: builder.nested(key.stringValue), codingPath: codingPath)
    }
}

/// The scalar `encode` methods the unkeyed and single-value containers share: each turns its value
/// into an `OrderedJSON` and hands it to `put`.
private protocol ScalarSink {
    var builder: JSONBuilder { get }
    var codingPath: [any CodingKey] { get }
    func put(_ value: OrderedJSON)
}

extension ScalarSink {
    func encodeNil() throws { put(.null) }
    func encode(_ value: Bool) throws { put(.bool(value)) }
    func encode(_ value: String) throws { put(.string(value)) }
    func encode(_ value: Double) throws { put(try builder.number(value, codingPath: codingPath)) }
    func encode(_ value: Float) throws { put(try builder.number(value, codingPath: codingPath)) }
    func encode(_ value: Int) throws { put(.integer(value)) }
    func encode(_ value: Int8) throws { put(.integer(Int(value))) }
    func encode(_ value: Int16) throws { put(.integer(Int(value))) }
    func encode(_ value: Int32) throws { put(.integer(Int(value))) }
    func encode(_ value: Int64) throws { put(.integer(Int(value))) }
    func encode(_ value: UInt) throws { put(try builder.integer(value, codingPath: codingPath)) }
    func encode(_ value: UInt8) throws { put(.integer(Int(value))) }
    func encode(_ value: UInt16) throws { put(.integer(Int(value))) }
    func encode(_ value: UInt32) throws { put(.integer(Int(value))) }
    func encode(_ value: UInt64) throws { put(try builder.integer(value, codingPath: codingPath)) }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer, ScalarSink {
    let builder: JSONBuilder
    let codingPath: [any CodingKey]
    var count: Int { builder.members.count }

    func put(_ value: OrderedJSON) { builder.members.append(.value(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        builder.members.append(try builder.member(value, codingPath: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(builder: builder.nested(nil).asObject(), codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedNodeContainer(builder: builder.nested(nil).asArray(), codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(builder: builder.nested(nil), codingPath: codingPath)
    }
}

private struct SingleNodeContainer: SingleValueEncodingContainer, ScalarSink {
    let builder: JSONBuilder
    let codingPath: [any CodingKey]

    func put(_ value: OrderedJSON) { builder.scalar = value }

    mutating func encode<T: Encodable>(_ value: T) throws { put(try builder.encode(value, codingPath: codingPath)) }
}

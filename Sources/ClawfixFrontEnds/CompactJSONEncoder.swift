import Foundation

/// Encodes `Encodable` values as compact JSON that `JSONDecoder` (default strategies) reads back
/// to the same value — the session store's format — several times faster than Foundation's
/// `JSONEncoder` on Linux, whose per-value type checks and boxing made encoding states a fifth of
/// the bot's time.
///
/// The output is what `JSONEncoder()` writes up to key order and number spelling: `Data` as
/// base64, `URL` as its absolute string, `Date` as its own `Codable` form (seconds since 2001),
/// nil optionals left out by the synthesized conformances. Non-finite numbers throw, as they do
/// with `JSONEncoder`. Coding paths stay at the top level: extending one per value cost an
/// allocation each, and nothing here reads them.
struct CompactJSONEncoder {
    func encode<T: Encodable>(_ value: T) throws -> Data {
        let root = JSONNode()
        try root.encode(value, codingPath: [])
        var out: [UInt8] = []
        out.reserveCapacity(4_096)
        root.write(into: &out)
        return Data(out)
    }
}

/// One value being encoded: a scalar already written as JSON bytes, or an object or array whose
/// members are still being added (containers keep a reference to it).
final class JSONNode {
    enum Kind { case empty, scalar, object, array }
    var kind = Kind.empty
    var scalar: [UInt8] = []
    var keys: [String] = []
    var children: [JSONNode] = []

    func encode<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
        // Metatype comparisons, not casts: this runs for every nested value.
        if T.self == Data.self, let data = value as? Data {
            setString(data.base64EncodedString())
        } else if T.self == URL.self, let url = value as? URL {
            setString(url.absoluteString)
        } else {
            try value.encode(to: NodeEncoder(node: self, codingPath: codingPath))
        }
    }

    func setString(_ value: String) {
        kind = .scalar
        scalar.removeAll(keepingCapacity: true)
        OrderedJSON.writeString(value, into: &scalar)
    }

    func setLiteral(_ text: String) {
        kind = .scalar
        scalar = Array(text.utf8)
    }

    func setNumber<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F, codingPath: [any CodingKey]) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: codingPath, debugDescription: "\(value) is not representable in JSON"))
        }
        setLiteral(value.description)
    }

    /// Becomes an object (keeping members already added through another container).
    func asObject() -> JSONNode {
        if kind != .object {
            kind = .object
            keys = []
            children = []
        }
        return self
    }

    func asArray() -> JSONNode {
        if kind != .array {
            kind = .array
            children = []
        }
        return self
    }

    /// A new member. Keys are not checked for repeats: synthesized conformances and dictionaries
    /// never repeat one, and a lookup per key would make large dictionaries quadratic.
    func member(_ key: String) -> JSONNode {
        let child = JSONNode()
        keys.append(key)
        children.append(child)
        return child
    }

    func element() -> JSONNode {
        let child = JSONNode()
        children.append(child)
        return child
    }

    func write(into out: inout [UInt8]) {
        switch kind {
        // A value that encoded nothing is an empty object, as with JSONEncoder.
        case .empty: out += "{}".utf8
        case .scalar: out += scalar
        case .object:
            out.append(UInt8(ascii: "{"))
            for index in keys.indices {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                OrderedJSON.writeString(keys[index], into: &out)
                out.append(UInt8(ascii: ":"))
                children[index].write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .array:
            out.append(UInt8(ascii: "["))
            for index in children.indices {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                children[index].write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
    }
}

private struct NodeEncoder: Encoder {
    let node: JSONNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node.asObject(), codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedNodeContainer(node: node.asArray(), codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(node: node, codingPath: codingPath)
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    let codingPath: [any CodingKey]

    func child(_ key: Key) -> JSONNode { node.member(key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws { child(key).setLiteral("null") }
    mutating func encode(_ value: Bool, forKey key: Key) throws { child(key).setLiteral(value ? "true" : "false") }
    mutating func encode(_ value: String, forKey key: Key) throws { child(key).setString(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        try child(key).setNumber(value, codingPath: codingPath)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        try child(key).setNumber(value, codingPath: codingPath)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { child(key).setLiteral(String(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { child(key).setLiteral(String(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { child(key).setLiteral(String(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { child(key).setLiteral(String(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { child(key).setLiteral(String(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { child(key).setLiteral(String(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { child(key).setLiteral(String(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { child(key).setLiteral(String(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { child(key).setLiteral(String(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { child(key).setLiteral(String(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try child(key).encode(value, codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(node: child(key).asObject(), codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        UnkeyedNodeContainer(node: child(key).asArray(), codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.member("super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(node: child(key), codingPath: codingPath)
    }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]
    var count: Int { node.children.count }

    var nextPath: [any CodingKey] { codingPath }

    mutating func encodeNil() throws { node.element().setLiteral("null") }
    mutating func encode(_ value: Bool) throws { node.element().setLiteral(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { node.element().setString(value) }
    mutating func encode(_ value: Double) throws { try node.element().setNumber(value, codingPath: nextPath) }
    mutating func encode(_ value: Float) throws { try node.element().setNumber(value, codingPath: nextPath) }
    mutating func encode(_ value: Int) throws { node.element().setLiteral(String(value)) }
    mutating func encode(_ value: Int8) throws { node.element().setLiteral(String(value)) }
    mutating func encode(_ value: Int16) throws { node.element().setLiteral(String(value)) }
    mutating func encode(_ value: Int32) throws { node.element().setLiteral(String(value)) }
    mutating func encode(_ value: Int64) throws { node.element().setLiteral(String(value)) }
    mutating func encode(_ value: UInt) throws { node.element().setLiteral(String(value)) }
    mutating func encode(_ value: UInt8) throws { node.element().setLiteral(String(value)) }
    mutating func encode(_ value: UInt16) throws { node.element().setLiteral(String(value)) }
    mutating func encode(_ value: UInt32) throws { node.element().setLiteral(String(value)) }
    mutating func encode(_ value: UInt64) throws { node.element().setLiteral(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = nextPath
        try node.element().encode(value, codingPath: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = nextPath
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(node: node.element().asObject(), codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = nextPath
        return UnkeyedNodeContainer(node: node.element().asArray(), codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let path = nextPath
        return NodeEncoder(node: node.element(), codingPath: path)
    }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.setLiteral("null") }
    mutating func encode(_ value: Bool) throws { node.setLiteral(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { node.setString(value) }
    mutating func encode(_ value: Double) throws { try node.setNumber(value, codingPath: codingPath) }
    mutating func encode(_ value: Float) throws { try node.setNumber(value, codingPath: codingPath) }
    mutating func encode(_ value: Int) throws { node.setLiteral(String(value)) }
    mutating func encode(_ value: Int8) throws { node.setLiteral(String(value)) }
    mutating func encode(_ value: Int16) throws { node.setLiteral(String(value)) }
    mutating func encode(_ value: Int32) throws { node.setLiteral(String(value)) }
    mutating func encode(_ value: Int64) throws { node.setLiteral(String(value)) }
    mutating func encode(_ value: UInt) throws { node.setLiteral(String(value)) }
    mutating func encode(_ value: UInt8) throws { node.setLiteral(String(value)) }
    mutating func encode(_ value: UInt16) throws { node.setLiteral(String(value)) }
    mutating func encode(_ value: UInt32) throws { node.setLiteral(String(value)) }
    mutating func encode(_ value: UInt64) throws { node.setLiteral(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try node.encode(value, codingPath: codingPath) }
}

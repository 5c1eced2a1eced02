/// Secrets known in one conversation, kept in memory only and never written anywhere: once a
/// value was found in context, a later bare occurrence of it is redacted too.
///
/// A value type backed by copy-on-write storage, so copying a `Redactor` is cheap.
public struct SecretMemory: Sendable {
    public private(set) var secrets: [String: SecretKind] = [:]
    /// Values shorter than this are not searched for on their own: `1234` would match too much.
    static let minimumLength = 6
    /// Bound on how many values are remembered, so the bare-occurrence search stays linear.
    static let capacity = 256

    public init() {}

    public mutating func remember(_ value: String, as kind: SecretKind) {
        guard value.utf8.count >= Self.minimumLength, secrets[value] == nil, secrets.count < Self.capacity else { return }
        secrets[value] = kind
    }

    public var isEmpty: Bool { secrets.isEmpty }

    /// Bare occurrences of remembered values, each bounded by non-token bytes on both sides.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, into candidates: inout [SecretCandidate]) {
        for (value, kind) in secrets {
            let needle = Array(value.utf8)
            guard let first = needle.first, needle.count <= bytes.count else { continue }
            var i = 0
            let last = bytes.count - needle.count
            while i <= last {
                if bytes[i] == first, ByteClass.isWordStart(bytes, i) || !ByteClass.isTokenByte(first) {
                    var k = 1
                    while k < needle.count && bytes[i + k] == needle[k] { k += 1 }
                    let end = i + needle.count
                    if k == needle.count && (end == bytes.count || !ByteClass.isTokenByte(bytes[end])) {
                        candidates.append(SecretCandidate(start: i, end: end, kind: kind, detector: "memory"))
                        i = end
                        continue
                    }
                }
                i += 1
            }
        }
    }
}

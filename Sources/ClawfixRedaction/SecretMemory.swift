/// Secrets known in one conversation, kept in memory only and never written anywhere: once a
/// value was found in context, a later bare occurrence of it is redacted too.
///
/// A value type backed by copy-on-write storage, so copying a `Redactor` is cheap.
public struct SecretMemory: Sendable {
    public private(set) var secrets: [String: SecretKind] = [:]
    /// Values shorter than this are not searched for on their own: `1234` would match too much.
    static let minimumLength = 6
    /// Bound on how many values are remembered, so the index built for each scan stays small.
    static let capacity = 256

    public init() {}

    public mutating func remember(_ value: String, as kind: SecretKind) {
        guard value.utf8.count >= Self.minimumLength, secrets[value] == nil, secrets.count < Self.capacity else { return }
        secrets[value] = kind
    }

    /// `remember` for a value still in the input's bytes: no string is made when it would not be
    /// kept. Returns the value when it is new.
    @discardableResult
    mutating func remember(_ value: UnsafeBufferPointer<UInt8>.SubSequence, as kind: SecretKind) -> String? {
        guard value.count >= Self.minimumLength, secrets.count < Self.capacity else { return nil }
        let string = String(decoding: value, as: UTF8.self)
        guard secrets[string] == nil else { return nil }
        remember(string, as: kind)
        return string
    }

    public var isEmpty: Bool { secrets.isEmpty }

    /// Bare occurrences of remembered values, each bounded by non-token bytes on both sides.
    ///
    /// One pass for all values: searching for each value in turn read a 1 MB paste 256 times once
    /// the memory was full. A value that starts with a token byte can only start at a word start,
    /// and the word there must be exactly the value's leading run of token bytes — so each word
    /// whose length some value's leading run has is hashed and looked up. The rare value that
    /// starts with punctuation is tried wherever its first byte occurs.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, into candidates: inout [SecretCandidate]) {
        Self.scan(bytes, for: secrets, into: &candidates)
    }

    /// The same search for some of the values only.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, for secrets: [String: SecretKind], into candidates: inout [SecretCandidate]) {
        guard !secrets.isEmpty else { return }
        let index = NeedleIndex(secrets)
        let n = bytes.count
        ByteClass.tokenBytes.withLookup { isTokenByte in
            var i = 0
            while i < n {
                let b = bytes[i]
                if isTokenByte(b) {
                    // Runs are skipped whole, so `i` is always a word start here.
                    var e = i + 1
                    while e < n && isTokenByte(bytes[e]) { e += 1 }
                    let length = e - i
                    if length < index.hasLeadLength.count, index.hasLeadLength[length] {
                        let hash = NeedleIndex.hash(bytes, i, e)
                        if index.mayHold(hash), let list = index.byLeadRun[hash] {
                            for k in list { index.match(k, bytes, at: i, into: &candidates) }
                        }
                    }
                    i = e
                } else {
                    if index.hasPunctuationLed, let list = index.byFirstByte[b] {
                        for k in list { index.match(k, bytes, at: i, into: &candidates) }
                    }
                    i += 1
                }
            }
        }
    }
}

/// The remembered values arranged for the one-pass search in `SecretMemory.scan`.
private struct NeedleIndex {
    var needles: [(bytes: [UInt8], kind: SecretKind)] = []
    /// Values that start with a token byte, by the hash of that leading run.
    var byLeadRun: [UInt64: [Int]] = [:]
    /// `hasLeadLength[l]`: some value's leading run is `l` bytes long.
    var hasLeadLength: [Bool] = []
    /// One bit per hash value modulo its size, set for each leading run: most words are told
    /// apart from every value by one bit test instead of a dictionary lookup.
    var hashBits = [UInt64](repeating: 0, count: 1024)
    /// Values that start with any other byte, by that byte.
    var byFirstByte: [UInt8: [Int]] = [:]
    var hasPunctuationLed = false

    init(_ secrets: [String: SecretKind]) {
        // Sorted so that candidates come out in the same order on every run.
        for (value, kind) in secrets.sorted(by: { $0.key < $1.key }) {
            let bytes = Array(value.utf8)
            let k = needles.count
            needles.append((bytes, kind))
            var lead = 0
            while lead < bytes.count && ByteClass.isTokenByte(bytes[lead]) { lead += 1 }
            if lead > 0 {
                let hash = bytes.withUnsafeBufferPointer { Self.hash($0, 0, lead) }
                byLeadRun[hash, default: []].append(k)
                hashBits[Int(hash >> 6 & 1023)] |= 1 << (hash & 63)
                if lead >= hasLeadLength.count { hasLeadLength += Array(repeating: false, count: lead + 1 - hasLeadLength.count) }
                hasLeadLength[lead] = true
            } else {
                byFirstByte[bytes[0], default: []].append(k)
                hasPunctuationLed = true
            }
        }
    }

    /// FNV-1a: cheap and allocation-free; a collision only costs a comparison.
    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in start..<end { h = (h ^ UInt64(bytes[k])) &* 0x100_0000_01b3 }
        return h
    }

    @inline(__always) func mayHold(_ hash: UInt64) -> Bool {
        hashBits[Int(hash >> 6 & 1023)] & (1 << (hash & 63)) != 0
    }

    func match(_ k: Int, _ bytes: UnsafeBufferPointer<UInt8>, at i: Int, into candidates: inout [SecretCandidate]) {
        let needle = needles[k].bytes
        let end = i + needle.count
        guard end <= bytes.count, end == bytes.count || !ByteClass.isTokenByte(bytes[end]) else { return }
        for j in 0..<needle.count where bytes[i + j] != needle[j] { return }
        candidates.append(SecretCandidate(start: i, end: end, kind: needles[k].kind, detector: "memory"))
    }
}

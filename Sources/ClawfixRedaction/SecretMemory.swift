#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Secrets known in one conversation, kept in memory only and never written anywhere: once a
/// value was found in context, a later bare occurrence of it is redacted too.
///
/// A value type backed by copy-on-write storage, so copying a `Redactor` is cheap.
///
/// There is no cap on how many values it holds: a long log can carry more secrets than any
/// constant, and a value forgotten is a value that leaks when it comes back. Each value is a
/// piece of text the user gave, so the memory grows with the input, never beyond it.
public struct SecretMemory: Sendable {
    public private(set) var secrets: [String: SecretKind] = [:]
    /// Values shorter than this are not searched for on their own: `1234` would match too much.
    static let minimumLength = 6

    public init() {}

    public mutating func remember(_ value: String, as kind: SecretKind) {
        guard value.utf8.count >= Self.minimumLength, secrets[value] == nil else { return }
        secrets[value] = kind
    }

    /// `remember` for a value still in the input's bytes: no string is made when it would not be
    /// kept. Returns the value when it is new.
    @discardableResult
    mutating func remember(_ value: UnsafeBufferPointer<UInt8>.SubSequence, as kind: SecretKind) -> String? {
        guard value.count >= Self.minimumLength else { return nil }
        let string = String(decoding: value, as: UTF8.self)
        guard secrets[string] == nil else { return nil }
        remember(string, as: kind)
        return string
    }

    /// `remember` for each of `found`, in order; returns the values that were new. A paste
    /// repeats its secrets (a log line per request): a value met earlier in the same `bytes` is
    /// known again by comparing bytes, without making its string and hashing that again.
    mutating func remember(_ found: [SecretCandidate], in bytes: UnsafeBufferPointer<UInt8>) -> [String: SecretKind] {
        var learned: [String: SecretKind] = [:]
        // First place of each value met so far, by the value's FNV-1a hash; a hash met for
        // another value only sends that one the long way.
        var met: [UInt64: Range<Int>] = [:]
        for c in found where c.end - c.start >= Self.minimumLength {
            let hash = NeedleIndex.hash(bytes, c.start, c.end)
            if let first = met[hash], first.count == c.end - c.start,
                memcmp(bytes.baseAddress! + first.lowerBound, bytes.baseAddress! + c.start, first.count) == 0 { continue }
            met[hash] = c.start..<c.end
            if let value = remember(bytes[c.start..<c.end], as: c.kind) { learned[value] = c.kind }
        }
        return learned
    }

    public var isEmpty: Bool { secrets.isEmpty }

    /// Bare occurrences of remembered values, each bounded by non-token bytes on both sides.
    ///
    /// One pass for all values: searching for each value in turn read a 1 MB paste once per value. A value that starts with a token byte can only start at a word start,
    /// and the word there must be exactly the value's leading run of token bytes — so each word
    /// whose length some value's leading run has is hashed and looked up. The rare value that
    /// starts with punctuation is tried wherever its first byte occurs.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, into candidates: inout [SecretCandidate]) {
        Self.scan(bytes, for: secrets, into: &candidates)
    }

    /// The same search for some of the values only. Nothing is looked for at a place that
    /// starts inside one of `found` (sorted, disjoint): an occurrence there overlaps a secret
    /// found already and could not be taken, and in a paste that repeats its secrets, hashing
    /// and comparing each of them again was most of the search.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, for secrets: [String: SecretKind], outside found: [SecretCandidate] = [],
                     into candidates: inout [SecretCandidate]) {
        guard !secrets.isEmpty else { return }
        let index = NeedleIndex(secrets)
        // A few values (those the fallback just found): `memchr` for each, rather than a look at
        // every word.
        if secrets.count <= 4 {
            DetectorTrigger(patterns: index.needles.map(\.bytes)).forEach(in: bytes) { i in
                for k in index.needles.indices where ByteClass.isWordStart(bytes, i) || !ByteClass.isTokenByte(index.needles[k].bytes[0]) {
                    index.match(k, bytes, at: i, into: &candidates)
                }
                return i + 1
            }
            return
        }
        let n = bytes.count
        ByteClass.tokenBytes.withTable { tokenBytes in
            var i = 0
            var next = 0  // the first of `found` not passed yet
            var skipFrom = found.first?.start ?? Int.max
            while i < n {
                if i >= skipFrom {
                    i = max(i, found[next].end)
                    next += 1
                    skipFrom = next < found.count ? found[next].start : Int.max
                    // Landed inside a word: the rest of it starts no value.
                    if i > 0 && i < n && tokenBytes[Int(bytes[i - 1])] {
                        i = WordEnd.from(i, in: bytes, limit: n, plus: false)
                    }
                    continue
                }
                let b = bytes[i]
                if tokenBytes[Int(b)] {
                    // Runs are skipped whole, so `i` is always a word start here.
                    let e = WordEnd.from(i + 1, in: bytes, limit: n, plus: false)
                    let length = e - i
                    if index.mayStart(length, bytes[i], bytes[e - 1]) {
                        let hash = NeedleIndex.hash(bytes, i, e)
                        if index.mayHold(hash), let list = index.byLeadRun[hash] {
                            for k in list { index.match(k, bytes, at: i, into: &candidates) }
                        }
                    }
                    i = e
                } else {
                    if index.punctuationFirst[Int(b)], let list = index.byFirstByte[b] {
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
    /// One bit per (length, first byte, last byte) of a leading run, folded to 2^16: a word
    /// that no value's leading run resembles is passed over without being hashed.
    var shapeBits = [UInt64](repeating: 0, count: 1024)
    /// One bit per hash value modulo its size, set for each leading run: most words are told
    /// apart from every value by one bit test instead of a dictionary lookup. At least 16 bits
    /// per value, so the filter stays as sparse however many values there are.
    var hashBits: [UInt64]
    /// `hashBits.count * 64 - 1`; the size is a power of two.
    let hashMask: UInt64
    /// Values that start with any other byte, by that byte.
    var byFirstByte: [UInt8: [Int]] = [:]
    /// `punctuationFirst[b]`: some value in `byFirstByte` starts with `b` (a table, so the bytes
    /// between words cost no dictionary lookup).
    var punctuationFirst = [Bool](repeating: false, count: 256)

    init(_ secrets: [String: SecretKind]) {
        var bits = 1 << 16
        while bits < secrets.count * 16 { bits <<= 1 }
        hashBits = [UInt64](repeating: 0, count: bits / 64)
        hashMask = UInt64(bits - 1)
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
                hashBits[Int((hash & hashMask) >> 6)] |= 1 << (hash & 63)
                let shape = Self.shape(lead, bytes[0], bytes[lead - 1])
                shapeBits[shape >> 6] |= 1 << UInt64(shape & 63)
            } else {
                byFirstByte[bytes[0], default: []].append(k)
                punctuationFirst[Int(bytes[0])] = true
            }
        }
    }

    /// FNV-1a: cheap and allocation-free; a collision only costs a comparison.
    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in start..<end { h = (h ^ UInt64(bytes[k])) &* 0x100_0000_01b3 }
        return h
    }

    @inline(__always) static func shape(_ length: Int, _ first: UInt8, _ last: UInt8) -> Int {
        (length &* 0x9E37 ^ Int(first) &* 0x1F1 ^ Int(last)) & 0xFFFF
    }

    @inline(__always) func mayStart(_ length: Int, _ first: UInt8, _ last: UInt8) -> Bool {
        let shape = Self.shape(length, first, last)
        return shapeBits[shape >> 6] & (1 << UInt64(shape & 63)) != 0
    }

    @inline(__always) func mayHold(_ hash: UInt64) -> Bool {
        hashBits[Int((hash & hashMask) >> 6)] & (1 << (hash & 63)) != 0
    }

    func match(_ k: Int, _ bytes: UnsafeBufferPointer<UInt8>, at i: Int, into candidates: inout [SecretCandidate]) {
        let needle = needles[k].bytes
        let end = i + needle.count
        guard end <= bytes.count, end == bytes.count || !ByteClass.isTokenByte(bytes[end]) else { return }
        for j in 0..<needle.count where bytes[i + j] != needle[j] { return }
        candidates.append(SecretCandidate(start: i, end: end, kind: needles[k].kind, detector: "memory"))
    }
}

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
        guard let base = bytes.baseAddress else { return learned }
        // The place of a value met lately, in a slot chosen by the value's hash: a slot holding
        // another value only sends this one the long way (a string, a look-up in `secrets`),
        // which is always right. A table rather than a dictionary: most finds of a dense paste
        // come here, and hashing each hash again was a third of the time.
        var slots = 16
        while slots < 4096 && slots < found.count * 2 { slots <<= 1 }
        var met = [(hash: UInt64, start: Int, count: Int)](repeating: (0, 0, 0), count: slots)
        for c in found where c.end - c.start >= Self.minimumLength {
            let count = c.end - c.start
            let hash = Self.hash(UnsafeRawPointer(base + c.start), count)
            let slot = Int(truncatingIfNeeded: hash >> 52) & (slots - 1)
            let seen = met[slot]
            if seen.hash == hash && seen.count == count && memcmp(base + seen.start, base + c.start, count) == 0 { continue }
            met[slot] = (hash, c.start, count)
            if let value = remember(bytes[c.start..<c.end], as: c.kind) { learned[value] = c.kind }
        }
        return learned
    }

    public var isEmpty: Bool { secrets.isEmpty }

    /// A hash of `count` bytes (at least 6) at `p`, eight at a time: cheap and allocation-free;
    /// a collision only costs a comparison.
    @inline(__always) private static func hash(_ p: UnsafeRawPointer, _ count: Int) -> UInt64 {
        @inline(__always) func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
            let m = (h ^ word) &* 0x9E37_79B9_7F4A_7C15
            return m ^ (m >> 29)
        }
        var h = UInt64(truncatingIfNeeded: count) &* 0xFF51_AFD7_ED55_8CCD
        var k = 0
        while k + 8 <= count {
            h = mix(h, p.loadUnaligned(fromByteOffset: k, as: UInt64.self))
            k += 8
        }
        if k < count {
            // The last eight bytes (they overlap the ones before when the count is not a multiple
            // of eight); a value has at least `minimumLength` bytes, so for a short one, the
            // first four and the last four.
            let tail = count >= 8 ? p.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                : UInt64(p.loadUnaligned(fromByteOffset: 0, as: UInt32.self)) << 32
                    | UInt64(p.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            h = mix(h, tail)
        }
        return mix(h, 0x94D0_49BB_1331_11EB)
    }

    /// Bare occurrences of some remembered values in `bytes` (whose words are `words`), each
    /// bounded by non-token bytes on both sides, in text order (on the same start, in the order of
    /// the values). Nothing is looked for at a place inside one of `found` (sorted, disjoint): an
    /// occurrence there overlaps a secret found already and could not be taken.
    ///
    /// A value that starts with a token byte is looked for only at the words shaped like its
    /// leading run (`WordIndex`); the rare value that starts with punctuation is tried wherever
    /// its first byte occurs.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, for secrets: [String: SecretKind], in words: WordIndex,
                     outside found: [SecretCandidate], into candidates: inout [SecretCandidate]) {
        guard !secrets.isEmpty else { return }
        // The first of `found` that ends after the last place looked at: the places come in text
        // order (the words, then the punctuation), so the look-ups together pass `found` twice.
        var f = 0
        @inline(__always) func isInsideFound(_ i: Int) -> Bool {
            while f < found.count && found[f].end <= i { f += 1 }
            return f < found.count && found[f].start <= i
        }
        // Sorted, so that candidates come out in the same order on every run.
        let needles = secrets.sorted { $0.key < $1.key }.map { (bytes: Array($0.key.utf8), kind: $0.value) }
        var hits: [(start: Int, needle: Int)] = []
        var byFirstByte: [UInt8: [Int]] = [:]
        // The values by the tag of their leading run, and one bit per tag some value has: most
        // words are passed over by that one bit test.
        var byTag: [UInt16: [Int]] = [:]
        var tagBits = [UInt64](repeating: 0, count: 1024)
        for (k, needle) in needles.enumerated() {
            let value = needle.bytes
            var lead = 0
            while lead < value.count && ByteClass.isTokenByte(value[lead]) { lead += 1 }
            guard lead > 0 else {
                byFirstByte[value[0], default: []].append(k)
                continue
            }
            let tag = WordIndex.tag(length: lead, value[0], value[lead / 2], value[lead - 1])
            byTag[tag, default: []].append(k)
            tagBits[Int(tag >> 6)] |= 1 << UInt64(tag & 63)
        }
        if !byTag.isEmpty {
            tagBits.withUnsafeBufferPointer { tagBits in
            words.tags.withUnsafeBufferPointer { tags in
            words.starts.withUnsafeBufferPointer { starts in
                for w in tags.indices where tagBits[Int(tags[w] >> 6)] & (1 << UInt64(tags[w] & 63)) != 0 {
                    let i = starts[w]
                    guard !isInsideFound(i) else { continue }
                    for k in byTag[tags[w]]! where occurs(needles[k].bytes, in: bytes, at: i) {
                        hits.append((i, k))
                    }
                }
            }
            }
            }
        }
        if !byFirstByte.isEmpty {
            f = 0
            DetectorTrigger(patterns: byFirstByte.keys.sorted().map { [$0] }).forEach(in: bytes) { i in
                for k in byFirstByte[bytes[i]] ?? [] where !isInsideFound(i) && occurs(needles[k].bytes, in: bytes, at: i) {
                    hits.append((i, k))
                }
                return i + 1
            }
        }
        hits.sort { $0.start != $1.start ? $0.start < $1.start : $0.needle < $1.needle }
        candidates.reserveCapacity(candidates.count + hits.count)
        for hit in hits {
            candidates.append(SecretCandidate(start: hit.start, end: hit.start + needles[hit.needle].bytes.count,
                                              kind: needles[hit.needle].kind, detector: "memory"))
        }
    }

    /// True when `value` is at `i` and no token byte follows it (the byte before `i` was checked
    /// by the caller: a word start, or a value that starts with punctuation).
    @inline(__always)
    private static func occurs(_ value: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let end = i + value.count
        guard end <= bytes.count, end == bytes.count || !ByteClass.isTokenByte(bytes[end]) else { return false }
        return value.withUnsafeBufferPointer { memcmp(bytes.baseAddress! + i, $0.baseAddress!, value.count) == 0 }
    }
}

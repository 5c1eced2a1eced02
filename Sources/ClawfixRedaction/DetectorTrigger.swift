#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The byte strings where a detector starts to look, e.g. `eyJ` for a JWT or `://` for a URL.
///
/// They are found with `memchr`/`memmem`, which skip the rest of a paste at memory speed, so a
/// detector does work only where its trigger occurs instead of looking at every byte.
public struct DetectorTrigger: Sendable {
    let patterns: [[UInt8]]
    /// For each pattern, the offset of the byte `memchr` looks for.
    let anchors: [Int]
    /// Set when the patterns are single bytes and one of them is common (a space).
    let frequentBytes: ByteSet?

    public init(_ patterns: StaticString...) {
        self.init(patterns: patterns.map { Array(UnsafeBufferPointer(start: $0.utf8Start, count: $0.utf8CodeUnitCount)) })
    }

    /// Non-empty patterns.
    init(patterns: [[UInt8]]) {
        self.patterns = patterns
        self.anchors = self.patterns.map(Self.anchorOffset)
        let single = self.patterns.allSatisfy { $0.count == 1 }
        let frequent = self.patterns.contains { $0.count == 1 && Self.commonness.prefix(12).contains($0[0]) }
        self.frequentBytes = single && frequent ? ByteSet(self.patterns.map { $0[0] }) : nil
    }

    /// Calls `examine` with every position where one of the patterns starts, left to right.
    /// `examine` returns where the search goes on; anything up to the position means the next byte.
    @inline(__always)
    func forEach(in bytes: UnsafeBufferPointer<UInt8>, _ examine: (Int) -> Int) {
        guard let base = bytes.baseAddress else { return }
        let n = bytes.count
        if let set = frequentBytes {
            // A space every few bytes: a plain loop beats a `memchr` call per hit.
            set.withTable { members in
                var i = 0
                while i < n {
                    if members[Int(bytes[i])] { i = max(examine(i), i + 1) } else { i += 1 }
                }
            }
            return
        }
        // Each pattern's next occurrence is searched for again only once the search has passed it,
        // so the bytes are read once per pattern however many occurrences there are.
        var next = [Int](repeating: -1, count: patterns.count)
        var from = 0
        while from < n {
            var at = n
            for k in patterns.indices {
                if next[k] < from { next[k] = Self.find(patterns[k], anchors[k], in: base, count: n, from: from) }
                at = min(at, next[k])
            }
            guard at < n else { return }
            from = max(examine(at), at + 1)
        }
    }

    /// The first position at or after `from` where one of the patterns starts.
    func first(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = bytes.baseAddress, from < bytes.count else { return nil }
        let at = patterns.indices.map { Self.find(patterns[$0], anchors[$0], in: base, count: bytes.count, from: from) }.min() ?? bytes.count
        return at < bytes.count ? at : nil
    }

    /// The first occurrence of `pattern` at or after `from`, or `count` when there is none.
    /// `memchr` looks for the pattern's least common byte (`J` in `eyJ`), which keeps the calls
    /// few; each hit is then compared whole.
    private static func find(_ pattern: [UInt8], _ anchor: Int, in base: UnsafePointer<UInt8>, count: Int, from: Int) -> Int {
        var at = from + anchor
        let last = count - pattern.count + anchor  // the last place the anchor can be
        while at <= last {
            guard let found = memchr(base + at, Int32(pattern[anchor]), last + 1 - at) else { return count }
            let hit = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            let start = hit - anchor
            var k = 0
            while k < pattern.count && base[start + k] == pattern[k] { k += 1 }
            if k == pattern.count { return start }
            at = hit + 1
        }
        return count
    }

    /// Bytes from most to least common in pasted logs and config; a byte not listed is rarer still.
    private static let commonness: [UInt8] = Array(" etaoinsrhldcu0123456789\n-/:.=\"_,mfpgwybvkTSAECxjqz".utf8)

    private static func anchorOffset(_ pattern: [UInt8]) -> Int {
        var best = 0
        var bestRank = -1
        for (k, b) in pattern.enumerated() {
            let rank = commonness.firstIndex(of: b) ?? commonness.count
            if rank > bestRank { (best, bestRank) = (k, rank) }
        }
        return best
    }
}

/// A set of byte values, as a table indexed by the byte.
struct ByteSet: Sendable {
    private let members: [Bool]

    init(_ bytes: [UInt8]) {
        var members = [Bool](repeating: false, count: 256)
        for b in bytes { members[Int(b)] = true }
        self.members = members
    }

    /// Runs `body` with the table: `table[Int(b)]` says whether `b` is a member, with no bounds
    /// check (there is an entry for every byte) and no call in the loop that reads it.
    @inline(__always) func withTable<R>(_ body: (UnsafeBufferPointer<Bool>) -> R) -> R {
        members.withUnsafeBufferPointer(body)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The byte strings where a detector starts to look, e.g. `eyJ` for a JWT or `://` for a URL.
///
/// They are found 16 bytes at a time: each block is compared with the first two bytes of every
/// pattern at once (SIMD compares, which the compiler turns into a few vector instructions),
/// and only the rare places where a pattern's first two bytes stand are compared whole. A
/// `memchr` for one rare byte per pattern, as this did before, stopped at every `:` of a paste
/// for `://`, at every `g` for `gh`, at every `N` and `O` for a Discord token: in pasted logs
/// and config those are common, and the calls cost more than the search.
public struct DetectorTrigger: Sendable {
    let patterns: [[UInt8]]
    /// Whether an occurrence must also start a word (not follow a token byte, as
    /// `ByteClass.isWordStart` says). For detectors that look at nothing else: the filter runs
    /// in the same vector pass, so an `N` inside a base64 run costs no call.
    let atWordStart: Bool
    /// What a block of 16 places is compared with.
    private let filter: Filter
    /// Whether what the filter lets through is an occurrence: the patterns are one or two bytes.
    private let exact: Bool
    /// The patterns one after the other, pattern `k` ending at `ends[k]`: comparing them reads
    /// no array of arrays (a retain and a release for each).
    private let flat: [UInt8]
    private let ends: [Int]
    /// A pattern's first byte, as a table: most positions a block's filter lets through are
    /// rejected here without comparing any pattern.
    private let firstBytes: ByteSet

    /// The comparisons of one step, in the shapes the triggers have, so that each compiles to a
    /// loop of its own with the bytes compared with held in registers: a loop over a list of
    /// patterns in every block cost more than the compares.
    private enum Filter: Sendable {
        /// One pattern of two or more bytes whose bytes are all common in pastes (`://`).
        case pair(PairFilter)
        /// Two to four one-byte patterns (`M`, `N`, `O`; `b`, `B`).
        case bytes(ByteFilter)
        /// Two to four patterns of two or more bytes (the commands that print a secret).
        case fourPairs(FourPairsFilter)
        /// Five to eight patterns of two or more bytes (the commands, the key prefixes).
        case pairs(PairsFilter)
        /// Anything else.
        case list(ListFilter)
        /// Patterns each with a byte that is rare in pastes (`~` of `Q~`, `J` of `eyJ`, `[`, `<`),
        /// and a single one-byte pattern (`:`), at these offsets: `memchr` for it skips 64 bytes
        /// a step, faster than the compares.
        case anchored([Int])
    }

    public init(_ patterns: StaticString..., atWordStart: Bool = false) {
        self.init(patterns: patterns.map { Array(UnsafeBufferPointer(start: $0.utf8Start, count: $0.utf8CodeUnitCount)) },
                  atWordStart: atWordStart)
    }

    /// Non-empty patterns.
    init(patterns: [[UInt8]], atWordStart: Bool = false) {
        self.patterns = patterns
        self.atWordStart = atWordStart
        self.exact = patterns.allSatisfy { $0.count <= 2 }
        self.flat = patterns.flatMap { $0 }
        var ends: [Int] = []
        for pattern in patterns { ends.append((ends.last ?? 0) + pattern.count) }
        self.ends = ends
        var pairs: [PairFilter] = []
        var singles: [UInt8] = []
        var seen = Set<[UInt8]>()
        for pattern in patterns where seen.insert(Array(pattern.prefix(2))).inserted {
            if pattern.count == 1 {
                singles.append(pattern[0])
            } else {
                pairs.append(PairFilter(first: SIMD16(repeating: pattern[0]), second: SIMD16(repeating: pattern[1])))
            }
        }
        let anchors = patterns.map(Self.anchorOffset)
        // One byte (`:`): a `memchr` call per occurrence costs less than a block's bits.
        if patterns.count == 1 && (patterns[0].count == 1 || !Self.everywhere.contains(patterns[0][anchors[0]]))
            || patterns.count <= 4 && zip(patterns, anchors).allSatisfy({ !Self.commonInPastes.contains($0[$1]) }) {
            filter = .anchored(anchors)
        } else if pairs.count == 1 && singles.isEmpty {
            filter = .pair(pairs[0])
        } else if pairs.isEmpty && singles.count <= 4 {
            // Missing ones repeat the first: the same lanes again.
            let b = (0..<4).map { SIMD16<UInt8>(repeating: singles[$0 < singles.count ? $0 : 0]) }
            filter = .bytes(ByteFilter(a: b[0], b: b[1], c: b[2], d: b[3]))
        } else if singles.isEmpty && pairs.count <= 4 {
            filter = .fourPairs(FourPairsFilter((0..<4).map { pairs[$0 < pairs.count ? $0 : 0] }))
        } else if singles.isEmpty && pairs.count <= 8 {
            // Missing ones repeat the first: the same lanes again.
            filter = .pairs(PairsFilter((0..<8).map { pairs[$0 < pairs.count ? $0 : 0] }))
        } else {
            filter = .list(ListFilter(pairs: pairs, singles: singles.map { SIMD16(repeating: $0) }))
        }
        self.firstBytes = ByteSet(patterns.map { $0[0] })
    }

    /// Calls `examine` with every position where one of the patterns starts, left to right.
    /// `examine` returns where the search goes on; anything up to the position means the next byte.
    @inline(__always)
    func forEach(in bytes: UnsafeBufferPointer<UInt8>, _ examine: (Int) -> Int) {
        guard let base = bytes.baseAddress else { return }
        let n = bytes.count
        if case .anchored(let anchors) = filter {
            // Each pattern's next occurrence is searched for again only once the search has
            // passed it, so the bytes are read once per pattern however many occurrences there are.
            var next = [Int](repeating: -1, count: patterns.count)
            var from = 0
            while from < n {
                var at = n
                for k in patterns.indices {
                    if next[k] < from { next[k] = find(k, anchors[k], in: base, count: n, from: from) }
                    at = min(at, next[k])
                }
                guard at < n else { return }
                from = max(examine(at), at + 1)
            }
            return
        }
        firstBytes.withTable { firsts in
            switch filter {
            case .pair(let f): forEach(base, n, firsts, f, examine)
            case .bytes(let f): forEach(base, n, firsts, f, examine)
            case .list(let f): forEach(base, n, firsts, f, examine)
            case .pairs(let f): forEach(base, n, firsts, f, examine)
            case .fourPairs(let f): forEach(base, n, firsts, f, examine)
            case .anchored: break
            }
        }
    }

    /// `forEach` with the vector search: the places a block's filter lets through are taken
    /// one by one from its bits, so an occurrence every few bytes (`:`) does not compare the
    /// block again for each.
    @inline(__always)
    private func forEach<F: BlockFilter>(_ base: UnsafePointer<UInt8>, _ n: Int, _ firsts: UnsafeBufferPointer<Bool>, _ filter: F,
                                         _ examine: (Int) -> Int) {
        var from = 0
        var block = 0
        var width = 0
        var bits: UInt32 = 0  // the places of `block` at or after `from` the filter let through
        while true {
            if bits == 0 {
                (block, width, bits) = nextBlock(base, n, from, firsts, filter)
                if bits == 0 { return }
            }
            let at = block + bits.trailingZeroBitCount
            bits &= bits &- 1
            if (exact && width == 16) || matches(base, n, at, firsts) {
                from = max(examine(at), at + 1)
                let passed = from - block
                bits = passed >= width ? 0 : bits & ~((1 << UInt32(passed)) &- 1)
            }
            // Nothing left in this block: the search goes on after it.
            if bits == 0 { from = max(from, block + width) }
        }
    }

    /// The first position at or after `from` where one of the patterns starts.
    func first(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = bytes.baseAddress, from < bytes.count else { return nil }
        let n = bytes.count
        let at = firstBytes.withTable { firsts in
            switch filter {
            case .pair(let f): return first(base, n, from, firsts, f)
            case .bytes(let f): return first(base, n, from, firsts, f)
            case .list(let f): return first(base, n, from, firsts, f)
            case .pairs(let f): return first(base, n, from, firsts, f)
            case .fourPairs(let f): return first(base, n, from, firsts, f)
            case .anchored(let anchors): return patterns.indices.map { find($0, anchors[$0], in: base, count: n, from: from) }.min() ?? n
            }
        }
        return at < bytes.count ? at : nil
    }

    private func first<F: BlockFilter>(_ base: UnsafePointer<UInt8>, _ n: Int, _ from: Int, _ firsts: UnsafeBufferPointer<Bool>,
                                       _ filter: F) -> Int {
        var from = from
        while true {
            var (block, width, bits) = nextBlock(base, n, from, firsts, filter)
            if bits == 0 { return n }
            while bits != 0 {
                let at = block + bits.trailingZeroBitCount
                if matches(base, n, at, firsts) { return at }
                bits &= bits &- 1
            }
            from = block + width
        }
    }

    /// The first block of 16 places (1 near the ends) at or after `from` where the filter lets
    /// some through: its start, width, and those places as bits (bit k: `block + k`); no bits
    /// when there is none. A
    /// place let through starts a word when it must, and has a pattern's first two bytes, but
    /// is not yet compared whole.
    @inline(__always)
    private func nextBlock<F: BlockFilter>(_ base: UnsafePointer<UInt8>, _ n: Int, _ from: Int, _ firsts: UnsafeBufferPointer<Bool>,
                                           _ filter: F) -> (Int, Int, UInt32) {
        var i = from
        // The vector pass reads the byte before each block (for word starts) and one after it
        // (a pattern's second byte); the first and last places are looked at one by one.
        if i == 0 && atWordStart {
            if n > 0 && matches(base, n, 0, firsts) { return (0, 1, 1) }
            i = 1
        }
        let raw = UnsafeRawPointer(base)
        // The lanes of the 16 places from `j` where a pattern's first two bytes stand.
        @inline(__always) func candidates(_ j: Int) -> SIMDMask<SIMD16<Int8>> {
            let v0 = raw.loadUnaligned(fromByteOffset: j, as: SIMD16<UInt8>.self)
            let v1 = raw.loadUnaligned(fromByteOffset: j + 1, as: SIMD16<UInt8>.self)
            return filter.lanes(v0, v1)
        }
        // The lanes `m` of the block at `j` as bits, less those that do not start a word when
        // they must (looked at only now: in most blocks no pattern's first bytes stand).
        @inline(__always) func bits(_ m: SIMDMask<SIMD16<Int8>>, _ j: Int) -> UInt32 {
            var m = m
            if atWordStart { m .&= .!Self.tokenBytes(raw.loadUnaligned(fromByteOffset: j - 1, as: SIMD16<UInt8>.self)) }
            return m.bits
        }
        // 64 bytes a step while nothing is there, as `memchr` does.
        while i + 65 <= n {
            let m0 = candidates(i), m1 = candidates(i + 16), m2 = candidates(i + 32), m3 = candidates(i + 48)
            if !(m0 .| m1 .| m2 .| m3).isEmpty {
                if !m0.isEmpty { let b = bits(m0, i); if b != 0 { return (i, 16, b) } }
                if !m1.isEmpty { let b = bits(m1, i + 16); if b != 0 { return (i + 16, 16, b) } }
                if !m2.isEmpty { let b = bits(m2, i + 32); if b != 0 { return (i + 32, 16, b) } }
                if !m3.isEmpty { let b = bits(m3, i + 48); if b != 0 { return (i + 48, 16, b) } }
            }
            i += 64
        }
        while i + 17 <= n {
            let m = candidates(i)
            if !m.isEmpty {
                let b = bits(m, i)
                if b != 0 { return (i, 16, b) }
            }
            i += 16
        }
        while i < n {
            if matches(base, n, i, firsts) { return (i, 1, 1) }
            i += 1
        }
        return (n, 1, 0)
    }

    /// The first occurrence of pattern `k` at or after `from` (at a word start, when it must be),
    /// or `count` when there is none. `memchr` looks for the pattern's least common byte (`J` in
    /// `eyJ`); each hit is then compared whole.
    private func find(_ k: Int, _ anchor: Int, in base: UnsafePointer<UInt8>, count: Int, from: Int) -> Int {
        let pattern = patterns[k]
        var at = from + anchor
        let last = count - pattern.count + anchor  // the last place the anchor can be
        while at <= last {
            guard let found = memchr(base + at, Int32(pattern[anchor]), last + 1 - at) else { return count }
            let hit = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            let start = hit - anchor
            var k = 0
            while k < pattern.count && base[start + k] == pattern[k] { k += 1 }
            if k == pattern.count && !(atWordStart && start > 0 && ByteClass.isTokenByte(base[start - 1])) { return start }
            at = hit + 1
        }
        return count
    }

    /// Bytes from most to least common in pasted logs and config; a byte not listed is rarer still.
    private static let commonness: [UInt8] = Array(" etaoinsrhldcu0123456789\n-/:.=\"_,mfpgwybvkTSAECxjqz".utf8)
    /// Bytes that stand every few dozen bytes in a paste (letters of any case and digits too,
    /// from the hex, base64 and ids pastes are full of): a `memchr` for one returns too often.
    /// Of those, the bytes that stand every few bytes: a one-pattern trigger is searched with
    /// `memchr` for its rarest byte unless that is one of these (`J` of `eyJ` is rare enough,
    /// `:` of `://` is not).
    private static let everywhere = Set(commonness.prefix(33))
    private static let commonInPastes = Set(" \t\n-/:._\",=".utf8).union((0...255).filter(ByteClass.isAlphanumeric))

    private static func anchorOffset(_ pattern: [UInt8]) -> Int {
        var best = 0
        var bestRank = -1
        for (k, b) in pattern.enumerated() {
            let rank = commonness.firstIndex(of: b) ?? commonness.count
            if rank > bestRank { (best, bestRank) = (k, rank) }
        }
        return best
    }

    /// Whether a pattern starts at `at` (and a word, when it must).
    @inline(__always)
    private func matches(_ base: UnsafePointer<UInt8>, _ n: Int, _ at: Int, _ firsts: UnsafeBufferPointer<Bool>) -> Bool {
        guard firsts[Int(base[at])] else { return false }
        if atWordStart && at > 0 && ByteClass.isTokenByte(base[at - 1]) { return false }
        return flat.withUnsafeBufferPointer { flat in
            ends.withUnsafeBufferPointer { ends in
                var start = 0
                for end in ends {
                    if end - start <= n - at {
                        var k = start
                        while k < end && base[at + k - start] == flat[k] { k += 1 }
                        if k == end { return true }
                    }
                    start = end
                }
                return false
            }
        }
    }

    /// The lanes of `v` that hold a token byte (`ByteClass.isTokenByte`: ASCII letters, digits,
    /// `_`, `-`).
    @inline(__always)
    private static func tokenBytes(_ v: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
        // Every type spelled out: inferred, the comparisons took the generic lane-by-lane
        // implementation instead of the vector one (an order of magnitude slower).
        let folded: SIMD16<UInt8> = (v | SIMD16<UInt8>(repeating: 0x20)) &- SIMD16<UInt8>(repeating: UInt8(ascii: "a"))
        let letter: SIMDMask<SIMD16<Int8>> = folded .< SIMD16<UInt8>(repeating: 26)
        let digit: SIMDMask<SIMD16<Int8>> = v &- SIMD16<UInt8>(repeating: UInt8(ascii: "0")) .< SIMD16<UInt8>(repeating: 10)
        let underscore: SIMDMask<SIMD16<Int8>> = v .== SIMD16<UInt8>(repeating: UInt8(ascii: "_"))
        let hyphen: SIMDMask<SIMD16<Int8>> = v .== SIMD16<UInt8>(repeating: UInt8(ascii: "-"))
        return (letter .| digit) .| (underscore .| hyphen)
    }
}

/// The lanes of a block where a trigger's pattern may start, from the block (`v0`) and the
/// block one byte on (`v1`).
private protocol BlockFilter {
    func lanes(_ v0: SIMD16<UInt8>, _ v1: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>>
}

private struct PairFilter: BlockFilter, Sendable {
    var first: SIMD16<UInt8>
    var second: SIMD16<UInt8>
    @inline(__always) func lanes(_ v0: SIMD16<UInt8>, _ v1: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
        (v0 .== first) .& (v1 .== second)
    }
}

private struct ByteFilter: BlockFilter, Sendable {
    var a, b, c, d: SIMD16<UInt8>
    @inline(__always) func lanes(_ v0: SIMD16<UInt8>, _ v1: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
        (v0 .== a) .| (v0 .== b) .| (v0 .== c) .| (v0 .== d)
    }
}

/// Eight pairs, unrolled: a loop over them in each block kept the bytes in memory and cost
/// twice the compares.
private struct PairsFilter: BlockFilter, Sendable {
    var a, b, c, d, e, f, g, h: PairFilter
    init(_ pairs: [PairFilter]) { (a, b, c, d, e, f, g, h) = (pairs[0], pairs[1], pairs[2], pairs[3], pairs[4], pairs[5], pairs[6], pairs[7]) }
    @inline(__always) func lanes(_ v0: SIMD16<UInt8>, _ v1: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
        let m0: SIMDMask<SIMD16<Int8>> = a.lanes(v0, v1) .| b.lanes(v0, v1)
        let m1: SIMDMask<SIMD16<Int8>> = c.lanes(v0, v1) .| d.lanes(v0, v1)
        let m2: SIMDMask<SIMD16<Int8>> = e.lanes(v0, v1) .| f.lanes(v0, v1)
        let m3: SIMDMask<SIMD16<Int8>> = g.lanes(v0, v1) .| h.lanes(v0, v1)
        return (m0 .| m1) .| (m2 .| m3)
    }
}

private struct FourPairsFilter: BlockFilter, Sendable {
    var a, b, c, d: PairFilter
    init(_ pairs: [PairFilter]) { (a, b, c, d) = (pairs[0], pairs[1], pairs[2], pairs[3]) }
    @inline(__always) func lanes(_ v0: SIMD16<UInt8>, _ v1: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
        let m0: SIMDMask<SIMD16<Int8>> = a.lanes(v0, v1) .| b.lanes(v0, v1)
        let m1: SIMDMask<SIMD16<Int8>> = c.lanes(v0, v1) .| d.lanes(v0, v1)
        return m0 .| m1
    }
}

private struct ListFilter: BlockFilter, Sendable {
    var pairs: [PairFilter]
    var singles: [SIMD16<UInt8>]
    @inline(__always) func lanes(_ v0: SIMD16<UInt8>, _ v1: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
        var m = SIMDMask<SIMD16<Int8>>(repeating: false)
        for p in pairs { m .|= p.lanes(v0, v1) }
        for s in singles { m .|= v0 .== s }
        return m
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

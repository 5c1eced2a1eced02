@testable import ClawfixRedaction
import Testing

/// `DetectorTrigger` finds its patterns 16 bytes at a time (64 while nothing is there), takes
/// the places a block lets through from its bits, and looks at the first place and the last
/// few one by one. Each test compares what it visits with a plain reading of every position,
/// with the pattern at every offset of those block edges, at the very start and end, and
/// overlapping other occurrences.
struct DetectorTriggerTests {
    /// Every trigger shape there is: the detectors' own, one-byte sets, a single pair, more
    /// pairs than are unrolled, one-byte and longer patterns mixed, and two-byte patterns only.
    static let triggers: [(String, DetectorTrigger)] = [
        ("known-format", KnownFormatDetector().trigger), ("printed-secret", PrintedSecretDetector().trigger),
        ("command-line", CommandLineCredentialDetector().trigger), ("discord", DiscordTokenDetector().trigger),
        ("header", HeaderDetector().trigger), ("jwt", JSONWebTokenDetector().trigger), ("url", URLSecretDetector().trigger),
        ("telegram", TelegramTokenDetector().trigger), ("xml", XMLElementDetector().trigger),
        ("azure", AzureClientSecretDetector().trigger),
        ("pair", DetectorTrigger("://")), ("pair at word start", DetectorTrigger("sk-", atWordStart: true)),
        ("bytes", DetectorTrigger(":", "=", "@")),
        ("nine pairs", DetectorTrigger("ab", "cd", "ef", "gh", "ij", "kl", "mn", "op", "qr", atWordStart: true)),
        ("mixed", DetectorTrigger("-", "ab", "abc", "b")), ("two bytes", DetectorTrigger("::", ":/")),
        ("rare bytes", DetectorTrigger("~x", "[", "<<", "{")),
    ]

    /// The positions a plain reading visits: every place where a pattern starts (and a word,
    /// when the trigger says so), skipping to what `examine` returns.
    static func reference(_ trigger: DetectorTrigger, _ bytes: [UInt8], _ examine: (Int) -> Int) -> [Int] {
        var visited: [Int] = []
        var from = 0
        while from < bytes.count {
            guard let at = (from..<bytes.count).first(where: { occurs(trigger, bytes, $0) }) else { break }
            visited.append(at)
            from = max(examine(at), at + 1)
        }
        return visited
    }

    static func occurs(_ trigger: DetectorTrigger, _ bytes: [UInt8], _ at: Int) -> Bool {
        if trigger.atWordStart && at > 0 && ByteClass.isTokenByte(bytes[at - 1]) { return false }
        return trigger.patterns.contains { $0.count <= bytes.count - at && Array(bytes[at..<(at + $0.count)]) == $0 }
    }

    static func visited(_ trigger: DetectorTrigger, _ bytes: [UInt8], _ examine: (Int) -> Int) -> [Int] {
        var visited: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            trigger.forEach(in: buffer) { at in
                visited.append(at)
                return examine(at)
            }
        }
        return visited
    }

    /// Where the search goes on after `at`: the next byte, a little further (inside the same
    /// block or the next), or past the block.
    static let skips = [1, 3, 17, 70]

    static func check(_ name: String, _ trigger: DetectorTrigger, _ bytes: [UInt8], _ what: String) {
        for skip in skips {
            let expected = reference(trigger, bytes) { $0 + skip }
            let got = visited(trigger, bytes) { $0 + skip }
            #expect(got == expected, "\(name), skip \(skip), \(what)")
        }
        bytes.withUnsafeBufferPointer { buffer in
            for from in [0, 1, 17, 64, bytes.count - 1] where from >= 0 && from < bytes.count {
                let expected = (from..<bytes.count).first { occurs(trigger, bytes, $0) }
                #expect(trigger.first(in: buffer, from: from) == expected, "\(name), first from \(from), \(what)")
            }
        }
    }

    /// A line of a real paste, with no occurrence of most patterns, as the text around.
    static let line = Array("$ docker compose logs --tail=20 openclaw-gateway | grep -i error\n".utf8)

    @Test(arguments: 0..<triggers.count)
    func everyPatternAtEveryOffset(_ t: Int) {
        let (name, trigger) = Self.triggers[t]
        for pattern in trigger.patterns {
            for length in [0, 1, 15, 16, 17, 18, 63, 64, 65, 81] {
                let around = (0..<length).map { Self.line[$0 % Self.line.count] }
                for offset in 0...length {
                    // In the text as it is, after a space (a word start), and glued to a word.
                    for glue: [UInt8] in [[], [0x20], [UInt8(ascii: "x")]] {
                        var bytes = Array(around[..<offset])
                        bytes += glue + pattern
                        bytes += around[offset...]
                        Self.check(name, trigger, bytes, "\(pattern) at \(offset) of \(length), glue \(glue)")
                    }
                }
            }
        }
    }

    /// Occurrences that overlap: one pattern right after itself, two patterns sharing bytes,
    /// a run of the same byte, at every offset of a block.
    @Test(arguments: 0..<triggers.count)
    func overlappingOccurrences(_ t: Int) {
        let (name, trigger) = Self.triggers[t]
        let patterns = trigger.patterns
        for (a, p) in patterns.enumerated() {
            for q in patterns[a...] {
                for shared in 0...min(p.count, q.count) where shared == 0 || p.suffix(shared) == q.prefix(shared) {
                    let joined = p + q.dropFirst(shared)
                    for offset in [0, 1, 7, 14, 15, 16, 17, 47, 48, 63, 64, 65] {
                        let bytes = Array(repeating: UInt8(0x20), count: offset) + joined + joined + Self.line
                        Self.check(name, trigger, bytes, "\(joined) twice at \(offset)")
                    }
                }
            }
        }
    }

    /// Text made only of the patterns' bytes, spaces and line feeds, so that occurrences,
    /// near-misses and word starts crowd every block; the same generator each run.
    @Test(arguments: 0..<triggers.count)
    func crowdedText(_ t: Int) {
        let (name, trigger) = Self.triggers[t]
        let alphabet = Array(Set(trigger.patterns.joined())) + [0x20, 0x0A, UInt8(ascii: "a")]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for round in 0..<60 {
            let length = (round * 7) % 200
            var bytes: [UInt8] = []
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let r = Int(truncatingIfNeeded: state >> 33)
                // Whole patterns a third of the time, so that long ones occur at all.
                var generator = Generator(state: state)
                if r % 3 == 0, let pattern = trigger.patterns.randomElement(using: &generator) {
                    bytes += pattern
                } else {
                    bytes.append(alphabet[r % alphabet.count])
                }
            }
            Self.check(name, trigger, bytes, "round \(round)")
        }
    }

    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ (state >> 29)
        }
    }
}

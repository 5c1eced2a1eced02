/// Removes every secret from pasted text before anything else sees it.
///
/// Each `SecretDetector` scans the bytes once; overlapping findings are resolved in favour of
/// the more specific detector, every value found is remembered (`memory`), and remembered
/// values are then redacted wherever they appear bare — in this message and in later ones.
public struct Redactor: Sendable {
    /// Secrets already seen in this conversation.
    public var memory: SecretMemory
    /// The words of the bytes being redacted, made when the memory is first searched in them;
    /// `redact(bytes:)` drops it before it returns.
    private var words: WordIndex?

    /// The detectors, most specific first: on the same span the earlier one names the kind.
    public static let detectors: [any SecretDetector] = [
        PrivateKeyBlockDetector(), KnownFormatDetector(), JSONWebTokenDetector(), DiscordTokenDetector(),
        TelegramTokenDetector(), AzureClientSecretDetector(), WebhookURLDetector(), URLSecretDetector(),
        CommandLineCredentialDetector(), PrintedSecretDetector(), XMLElementDetector(), HeaderDetector(), KeyContextDetector(),
        PrefixedTokenDetector(), HighEntropyDetector(),
    ]

    /// All but those that run after them and see their finds as markers (`redact(bytes:)`): the
    /// command lines, and the fallback, which judges prefixed keys in the same pass over the words.
    /// The private keys run first, on their own, and again late when a find falls in a header
    /// they turned down (`adoptKeyBlocks`).
    private static let specificDetectors = detectors.filter {
        !($0 is HighEntropyDetector) && !($0 is PrefixedTokenDetector) && !($0 is CommandLineCredentialDetector)
            && !($0 is PrivateKeyBlockDetector) && !($0 is URLSecretDetector) && !($0 is WebhookURLDetector)
    }

    /// Two sorted lists of disjoint spans that do not overlap each other, as one sorted list.
    private static func merged(_ markers: [Range<Int>], _ chosen: [SecretCandidate]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        spans.reserveCapacity(markers.count + chosen.count)
        var m = 0
        for c in chosen {
            while m < markers.count && markers[m].lowerBound < c.start {
                spans.append(markers[m])
                m += 1
            }
            spans.append(c.start..<c.end)
        }
        spans.append(contentsOf: markers[m...])
        return spans
    }

    public init(memory: SecretMemory = SecretMemory()) {
        self.memory = memory
    }

    /// Redacts cleaned input.
    public mutating func redact(_ input: PastedInput) -> RedactedText {
        var text = input.text
        let original = input.text
        return text.withUTF8 { Self.render(original, $0, redact(bytes: $0)) }
    }

    /// Convenience for text that did not come from raw bytes.
    public mutating func redact(_ text: String) -> RedactedText {
        redact(PastedInput(text))
    }

    /// The secrets in `bytes`, sorted and disjoint.
    private mutating func redact(bytes: UnsafeBufferPointer<UInt8>) -> [SecretCandidate] {
        words = nil
        defer { words = nil }
        var candidates: [SecretCandidate] = []
        let turnedDown = PrivateKeyBlockDetector().scan(bytes, boundaries: [], into: &candidates)
        for detector in Self.specificDetectors { detector.scan(bytes, into: &candidates) }
        var authorities = URLSecretDetector().scan(bytes, boundaries: [], into: &candidates)
        var looks = WebhookLooks(looks: WebhookURLDetector().scan(bytes, boundaries: .init(), into: &candidates))
        // Markers already in the text (a paste of clawfix's own output) are boundaries: no
        // candidate may take part of one, so redacting redacted text changes nothing.
        let markers = RedactionMarker.spans(in: bytes)
        if !markers.isEmpty { candidates.removeAll { markers.overlaps($0.start, $0.end) } }
        var chosen = Self.resolve(candidates)
        // Bare occurrences of every value known so far, then the fallback on what is left —
        // with every secret found so far standing for its marker, so a word cut by one, or next
        // to one, is judged as a second pass over the redacted text would judge it.
        _ = memory.remember(chosen, in: bytes)
        chosen = withBareOccurrences(of: memory.secrets, in: bytes, markers, chosen)
        chosen = adoptKeyBlocks(in: bytes, markers, chosen, turnedDown)
        chosen = adoptURLSecrets(in: bytes, markers, chosen, &authorities)
        chosen = adoptWebhooks(in: bytes, markers, chosen, &looks)
        // Again while a value the command lines found, remembered and found bare, fell inside a
        // command: as a marker it can change how that command reads (a colon, a quote, its name
        // gone). Each further round needs a value first found in the round before, and values are
        // never forgotten, so there are at most as many rounds as distinct values the command
        // lines find (each at least `SecretMemory.minimumLength` bytes of the input) — in a
        // real paste none or one; the finds only grow, so the last reading is the one a second
        // pass makes.
        var commands: [Range<Int>]
        var occurrences: [Range<Int>]
        repeat {
            var commandLines: [SecretCandidate] = []
            commands = CommandLineCredentialDetector().scan(bytes, boundaries: Self.merged(markers, chosen), into: &commandLines)
            (chosen, occurrences) = adopt(commandLines, in: bytes, markers, chosen)
        } while occurrences.contains { commands.overlaps($0.lowerBound, $0.upperBound) }
        var fallback: [SecretCandidate] = []
        HighEntropyDetector().scan(bytes, boundaries: Self.merged(markers, chosen), into: &fallback)
        chosen = adopt(fallback, in: bytes, markers, chosen).chosen
        chosen = adoptKeyBlocks(in: bytes, markers, chosen, turnedDown)
        chosen = adoptURLSecrets(in: bytes, markers, chosen, &authorities)
        return adoptWebhooks(in: bytes, markers, chosen, &looks)
    }

    /// The webhook looks (`WebhookURLDetector.Look`) and the finds they were last read with.
    private struct WebhookLooks {
        var looks: [WebhookURLDetector.Look]
        var readWith: [SecretCandidate] = []
    }

    /// `chosen` with the webhook secrets a second pass would find once every find is a marker:
    /// a find of another detector where a webhook look read (the password of a URL's userinfo
    /// in its host) is a marker there, which the host or the path reads through or stops at.
    /// The looks that hold a find they were not read with are read again with the finds as
    /// markers, while that adds finds (which only grow).
    private mutating func adoptWebhooks(in bytes: UnsafeBufferPointer<UInt8>, _ markers: [Range<Int>],
                                        _ chosen: [SecretCandidate], _ looks: inout WebhookLooks) -> [SecretCandidate] {
        let webhook = WebhookURLDetector().name
        var chosen = chosen
        var fresh = looks.readWith.isEmpty ? chosen : Self.added(chosen, since: looks.readWith)
        while true {
            let which = Self.holdingFinds(looks.looks.map(\.sensitive), fresh, notBy: webhook)
            guard !which.isEmpty else { break }
            let boundaries = WebhookURLDetector.Boundaries(lineOf: looks.looks, which, chosen, in: bytes)
            let cursor = BoundaryCursor(boundaries.spans)
            var found: [SecretCandidate] = []
            for k in which {
                looks.looks[k] = WebhookURLDetector().reread(bytes, at: looks.looks[k].at, boundaries, cursor, into: &found)
            }
            found.sort { $0.start < $1.start }
            let before = chosen
            chosen = adopt(found, in: bytes, markers, chosen).chosen
            fresh = Self.added(chosen, since: before)
        }
        looks.readWith = chosen
        return chosen
    }

    /// The finds of `chosen` (sorted, disjoint) that `earlier` (the same finds as they were
    /// before some were added) lacks.
    private static func added(_ chosen: [SecretCandidate], since earlier: [SecretCandidate]) -> [SecretCandidate] {
        guard chosen.count > earlier.count else { return [] }
        var fresh: [SecretCandidate] = []
        var e = 0
        for c in chosen {
            if e < earlier.count && earlier[e].start == c.start { e += 1 } else { fresh.append(c) }
        }
        return fresh
    }

    /// `chosen` with the URL secrets a second pass would find once every find is a marker: a
    /// find of another detector inside an authority (`authorities`, as the URLs were last read)
    /// ends it there on that pass. Those URLs are read again while one holds such a find; a
    /// reading ends each authority at the first find in it, so a further round needs a find the
    /// round before added (a bare occurrence of a value it found), and the finds only grow.
    private mutating func adoptURLSecrets(in bytes: UnsafeBufferPointer<UInt8>, _ markers: [Range<Int>],
                                          _ chosen: [SecretCandidate], _ authorities: inout [Range<Int>]) -> [SecretCandidate] {
        let url = URLSecretDetector().name
        var chosen = chosen
        while true {
            let which = Self.holdingFinds(authorities, chosen, notBy: url)
            guard !which.isEmpty else { break }
            var found: [SecretCandidate] = []
            URLSecretDetector().reread(bytes, &authorities, which, boundaries: Self.merged(markers, chosen), into: &found)
            found.sort { $0.start < $1.start }
            let before = chosen.count
            chosen = adopt(found, in: bytes, markers, chosen).chosen
            if chosen.count == before { break }
        }
        return chosen
    }

    /// Indices of the spans (sorted, disjoint) that share a byte with one of `chosen` (sorted,
    /// disjoint) not found by `detector`; one walk over both lists.
    private static func holdingFinds(_ spans: [Range<Int>], _ chosen: [SecretCandidate], notBy detector: String) -> [Int] {
        var which: [Int] = []
        var c = 0
        for (k, span) in spans.enumerated() where !span.isEmpty {
            while c < chosen.count && chosen[c].end <= span.lowerBound { c += 1 }
            var d = c
            while d < chosen.count && chosen[d].start < span.upperBound {
                if chosen[d].detector != detector {
                    which.append(k)
                    break
                }
                d += 1
            }
        }
        return which
    }

    /// `chosen` with the private key blocks a second pass would find once every find is a
    /// marker: a header that a find cut short on this pass reads on through its marker. Run when
    /// a find falls in a header that was turned down (`turnedDown`, sorted), once the finds that
    /// can reach into a header are known — after the memory, and after the command lines and
    /// the fallback.
    private mutating func adoptKeyBlocks(in bytes: UnsafeBufferPointer<UInt8>, _ markers: [Range<Int>],
                                         _ chosen: [SecretCandidate], _ turnedDown: [Range<Int>]) -> [SecretCandidate] {
        guard turnedDown.contains(where: { Self.overlaps(chosen, $0) }) else { return chosen }
        var blocks: [SecretCandidate] = []
        PrivateKeyBlockDetector().scan(bytes, boundaries: Self.merged(markers, chosen), into: &blocks)
        return adopt(blocks, in: bytes, markers, chosen).chosen
    }

    /// True when one of `chosen` (sorted, disjoint) shares a byte with `span`.
    private static func overlaps(_ chosen: [SecretCandidate], _ span: Range<Int>) -> Bool {
        // The first find that ends after the span starts, by binary search.
        var lo = 0, hi = chosen.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if chosen[mid].end <= span.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        return lo < chosen.count && chosen[lo].start < span.upperBound
    }

    /// `chosen` with the finds of a detector that ran after it (in text order, outside every
    /// boundary) and the bare occurrences of the values they found, which are remembered; and
    /// those occurrences (sorted): the spans that were not there when the late detector read the text.
    private mutating func adopt(_ late: [SecretCandidate], in bytes: UnsafeBufferPointer<UInt8>, _ markers: [Range<Int>],
                                _ chosen: [SecretCandidate]) -> (chosen: [SecretCandidate], occurrences: [Range<Int>]) {
        let late = markers.isEmpty ? late : late.filter { !markers.overlaps($0.start, $0.end) }
        guard !late.isEmpty else { return (chosen, []) }
        let kept = Self.fillGaps(chosen, with: late)
        let learned = memory.remember(late, in: bytes)
        guard !learned.isEmpty else { return (kept, []) }
        let all = withBareOccurrences(of: learned, in: bytes, markers, kept)
        // `all` is `kept` with spans added in its gaps.
        return (all, Self.added(all, since: kept).map { $0.start..<$0.end })
    }

    /// `chosen` with the bare occurrences of `values` that fall in its gaps and outside markers.
    private mutating func withBareOccurrences(of values: [String: SecretKind], in bytes: UnsafeBufferPointer<UInt8>,
                                              _ markers: [Range<Int>], _ chosen: [SecretCandidate]) -> [SecretCandidate] {
        guard !values.isEmpty else { return chosen }
        if words == nil { words = WordIndex(bytes, outside: chosen) }
        var remembered: [SecretCandidate] = []
        SecretMemory.scan(bytes, for: values, in: words!, outside: chosen, into: &remembered)
        if !markers.isEmpty { remembered.removeAll { markers.overlaps($0.start, $0.end) } }
        return remembered.isEmpty ? chosen : Self.fillGaps(chosen, with: remembered)
    }

    /// Keeps non-overlapping candidates. Specific detectors go first (on the same start, the
    /// earlier detector in `detectors` wins); the context-only fallback and memory only fill gaps.
    static func resolve(_ candidates: [SecretCandidate]) -> [SecretCandidate] {
        guard !candidates.isEmpty else { return [] }
        // Plain integers to sort and merge: moving whole candidates (two strings each) around
        // cost more than finding them. Rank and tier are looked up once per candidate; detectors
        // append in runs, so the previous name usually answers.
        struct Entry {
            var start: Int, end: Int, rank: Int, tier: Int, offset: Int
        }
        let fallback = HighEntropyDetector().name
        var previous: (name: String, rank: Int, tier: Int) = ("", 99, 0)
        var entries: [Entry] = []
        entries.reserveCapacity(candidates.count)
        for (offset, c) in candidates.enumerated() {
            if c.detector != previous.name {
                previous = (c.detector, detectorRank[c.detector] ?? 99, c.detector == "memory" ? 2 : c.detector == fallback ? 1 : 0)
            }
            entries.append(Entry(start: c.start, end: c.end, rank: previous.rank, tier: previous.tier, offset: offset))
        }
        entries.sort { a, b in
            if a.start != b.start { return a.start < b.start }
            if a.rank != b.rank { return a.rank < b.rank }
            return a.offset < b.offset
        }
        var kept: [Entry] = []
        for level in 0...2 {
            kept = fillGaps(kept, with: entries.lazy.filter { $0.tier == level }, span: { $0.start..<$0.end })
        }
        return kept.map { candidates[$0.offset] }
    }

    /// `resolve(kept + extra)` for the common case, in one pass: `kept` is already resolved and
    /// `extra` comes from one detector of a lower tier, in text order (the fallback, the memory).
    static func fillGaps(_ kept: [SecretCandidate], with extra: [SecretCandidate]) -> [SecretCandidate] {
        fillGaps(kept, with: extra, span: { $0.start..<$0.end })
    }

    /// `kept` (sorted, disjoint) with each of `extra`, in order, that fits in a gap — between the
    /// kept spans and the extras taken before it. Empty spans are dropped.
    private static func fillGaps<T>(_ kept: [T], with extra: some Sequence<T>, span: (T) -> Range<Int>) -> [T] {
        var merged: [T] = []
        merged.reserveCapacity(kept.count + extra.underestimatedCount)
        var k = 0
        var lastEnd = 0
        for c in extra where !span(c).isEmpty {
            let s = span(c)
            // Bring over the kept spans that start before this one.
            while k < kept.count && span(kept[k]).lowerBound <= s.lowerBound {
                merged.append(kept[k])
                lastEnd = max(lastEnd, span(kept[k]).upperBound)
                k += 1
            }
            let nextStart = k < kept.count ? span(kept[k]).lowerBound : Int.max
            if s.lowerBound >= lastEnd && s.upperBound <= nextStart {
                merged.append(c)
                lastEnd = s.upperBound
            }
        }
        merged.append(contentsOf: kept[k...])
        return merged
    }

    /// Position of each detector in `detectors` (memory last), for `resolve`.
    private static let detectorRank = Dictionary(uniqueKeysWithValues: (detectors.map(\.name) + ["memory"]).enumerated().map { ($1, $0) })

    /// The text with each chosen span replaced by its marker, and the findings. The spans are
    /// cut out of `text` itself, which is valid UTF-8 already: building the output from bytes
    /// meant copying it twice and validating it again, a fifth of the redactor's time.
    private static func render(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>, _ chosen: [SecretCandidate]) -> RedactedText {
        // A span that starts or ends inside a character cannot be cut from a `String`; the
        // bytes are then decoded as before, the broken character becoming U+FFFD.
        @inline(__always) func isBoundary(_ i: Int) -> Bool { i == bytes.count || bytes[i] & 0xC0 != 0x80 }
        guard chosen.allSatisfy({ isBoundary($0.start) && isBoundary($0.end) }) else { return renderBytes(bytes, chosen) }
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var output = ""
        output.reserveCapacity(bytes.count)
        let findings = markChosen(bytes, chosen) { kept, marker in
            output.append(contentsOf: text[index(kept.lowerBound)..<index(kept.upperBound)])
            if let marker { output.append(marker) }
        }
        return RedactedText(text: output, findings: findings)
    }

    private static func renderBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ chosen: [SecretCandidate]) -> RedactedText {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        let findings = markChosen(bytes, chosen) { kept, marker in
            output.append(contentsOf: bytes[kept])
            if let marker { output.append(contentsOf: marker.utf8) }
        }
        return RedactedText(text: String(decoding: output, as: UTF8.self), findings: findings)
    }

    /// The one walk over the chosen spans both renderings share: each kept stretch of the input,
    /// then the marker that stands for the span after it (nil after the last stretch), with the
    /// findings and their line numbers.
    @inline(__always)
    private static func markChosen(
        _ bytes: UnsafeBufferPointer<UInt8>, _ chosen: [SecretCandidate], emit: (Range<Int>, String?) -> Void
    ) -> [RedactionFinding] {
        var findings: [RedactionFinding] = []
        findings.reserveCapacity(chosen.count)
        var cursor = 0
        var line = 1
        var markers = MarkerCache()
        for c in chosen {
            line += ByteClass.newlines(in: bytes, cursor..<c.start)
            let marker = markers.marker(for: bytes[c.start..<c.end], kind: c.kind)
            emit(cursor..<c.start, marker)
            findings.append(RedactionFinding(kind: c.kind, detector: c.detector, line: line, start: c.start, end: c.end, marker: marker))
            line += ByteClass.newlines(in: bytes, c.start..<c.end)
            cursor = c.end
        }
        emit(cursor..<bytes.count, nil)
        return findings
    }
}

extension WebhookURLDetector.Boundaries {
    /// The boundaries a second reading of some webhook looks (`looks`, at the places `which`)
    /// reads with: the finds of `chosen` (sorted, disjoint) on those looks' lines from each look
    /// on — a host or a path reads on through a marker, but never past its line's end — in text
    /// order, each with whether its marker holds only URL bytes (no ` …` and last four). Markers
    /// already in the text are read as they stand, which is what they stand for.
    init(lineOf looks: [WebhookURLDetector.Look], _ which: [Int], _ chosen: [SecretCandidate], in bytes: UnsafeBufferPointer<UInt8>) {
        self.init()
        var c = 0
        for k in which {
            let start = looks[k].at
            while c < chosen.count && chosen[c].end <= start { c += 1 }
            let lineEnd = Self.lineEnd(from: start, chosen, c, in: bytes)
            var d = c
            while d < chosen.count && chosen[d].start < lineEnd {
                // Two looks on one line take the same finds; each is kept once.
                if spans.last.map({ $0.lowerBound < chosen[d].start }) ?? true {
                    spans.append(chosen[d].start..<chosen[d].end)
                    plain.append(!RedactionMarker.showsLastFour(bytes[chosen[d].start..<chosen[d].end], chosen[d].kind))
                }
                d += 1
            }
        }
    }

    /// The end of the line `start` is on, the finds from `chosen[first]` on passed whole (a find
    /// that holds a line break becomes a one-line marker).
    private static func lineEnd(from start: Int, _ chosen: [SecretCandidate], _ first: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var d = first
        var end = start
        while end < bytes.count && bytes[end] != 0x0A {
            while d < chosen.count && chosen[d].end <= end { d += 1 }
            if d < chosen.count && chosen[d].start <= end { end = chosen[d].end } else { end += 1 }
        }
        return end
    }
}

/// Looks up sorted, disjoint boundaries (markers, and finds that become markers) for a reader
/// that moves mostly forward through the text: each lookup starts from where the last one ended
/// and gallops ahead, so a run of lookups costs what the boundaries passed cost, not a binary
/// search over all of them each time (a dense paste has a find every hundred bytes, and the
/// command-line reading looks up every word it reads). A lookup behind the last falls back to
/// the binary search.
final class BoundaryCursor {
    let boundaries: [Range<Int>]
    /// The index the last lookup returned.
    private var hint = 0

    init(_ boundaries: [Range<Int>]) { self.boundaries = boundaries }

    /// Index of the first boundary that ends after `position` (`count` if none).
    func firstEnding(after position: Int) -> Int {
        let count = boundaries.count
        var k = hint
        if k > 0 && boundaries[k - 1].upperBound > position {
            k = boundaries.firstEnding(after: position)
        } else {
            // Gallop: a few steps, then a binary search over what remains.
            var steps = 0
            while k < count && boundaries[k].upperBound <= position {
                k += 1
                steps += 1
                if steps == 8 {
                    var lo = k, hi = count
                    while lo < hi {
                        let mid = (lo + hi) / 2
                        if boundaries[mid].upperBound <= position { lo = mid + 1 } else { hi = mid }
                    }
                    k = lo
                    break
                }
            }
        }
        hint = k
        return k
    }

    /// True when a boundary shares a byte with `start..<end`.
    func overlaps(_ start: Int, _ end: Int) -> Bool {
        let k = firstEnding(after: start)
        return k < boundaries.count && boundaries[k].lowerBound < end
    }
}

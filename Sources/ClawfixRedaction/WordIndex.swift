/// The words of one paste (runs of `ByteClass.isTokenByte` bytes) and a 16-bit tag of each
/// one's shape, for the memory's search for bare occurrences of remembered values
/// (`SecretMemory.scan`).
///
/// A remembered value that starts with a token byte can only occur where a word starts, and
/// that word is then exactly the value's leading run of token bytes: the same length, the same
/// first, middle and last byte, so the same tag. One redaction searches the memory up to three
/// times (every value known, then the values the command lines and the fallback add), and each
/// search walked every word of the paste, finding each word's end again; the words are now
/// found once, and a search reads their tags.
///
/// Memory: ten bytes per word — bounded by the input.
struct WordIndex {
    /// Where each word starts, in text order.
    let starts: [Int]
    /// Each word's tag (`tag(length:…)`), in the same order.
    let tags: [UInt16]

    /// The words of `bytes` that do not start inside one of `found` (sorted, disjoint). Finds
    /// only grow while a text is redacted, so a word inside one now is inside one at every later
    /// search too, and a value there could not be taken; in a paste that repeats its secrets,
    /// most of the words a search would look at are such.
    init(_ bytes: UnsafeBufferPointer<UInt8>, outside found: [SecretCandidate]) {
        let n = bytes.count
        // Room for a word every eight bytes to begin with, doubled when a paste has more: room
        // for the most words there could be (one every two bytes) was an allocation so large that
        // it went to the kernel, page by page, on every redaction.
        var capacity = n / 8 + 16
        var starts = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        var tags = UnsafeMutablePointer<UInt16>.allocate(capacity: capacity)
        var count = 0
        ByteClass.tokenBytes.withTable { tokenBytes in
            var i = 0
            var next = 0  // the first of `found` not passed yet
            var skipFrom = found.first?.start ?? Int.max
            while i < n {
                if i >= skipFrom {
                    i = max(i, found[next].end)
                    next += 1
                    skipFrom = next < found.count ? found[next].start : Int.max
                    // Landed inside a word: the rest of it is no word start.
                    if i > 0 && i < n && tokenBytes[Int(bytes[i - 1])] {
                        i = WordEnd.from(i, in: bytes, limit: n, plus: false)
                    }
                    continue
                }
                guard tokenBytes[Int(bytes[i])] else {
                    i += 1
                    continue
                }
                // Runs are passed whole, so `i` is a word start here.
                let e = WordEnd.from(i + 1, in: bytes, limit: n, plus: false)
                if count == capacity {
                    capacity *= 2
                    let (moreStarts, moreTags) = (UnsafeMutablePointer<Int>.allocate(capacity: capacity),
                                                  UnsafeMutablePointer<UInt16>.allocate(capacity: capacity))
                    moreStarts.moveInitialize(from: starts, count: count)
                    moreTags.moveInitialize(from: tags, count: count)
                    starts.deallocate()
                    tags.deallocate()
                    (starts, tags) = (moreStarts, moreTags)
                }
                starts[count] = i
                tags[count] = Self.tag(length: e - i, bytes[i], bytes[i + (e - i) / 2], bytes[e - 1])
                count += 1
                i = e
            }
        }
        self.starts = Array(UnsafeBufferPointer(start: starts, count: count))
        self.tags = Array(UnsafeBufferPointer(start: tags, count: count))
        starts.deallocate()
        tags.deallocate()
    }

    /// A word's tag: its length and its first, middle and last byte, mixed into 16 bits.
    @inline(__always)
    static func tag(length: Int, _ first: UInt8, _ middle: UInt8, _ last: UInt8) -> UInt16 {
        let key = UInt64(truncatingIfNeeded: length) | UInt64(first) << 32 | UInt64(middle) << 40 | UInt64(last) << 48
        return UInt16(truncatingIfNeeded: ((key ^ key >> 29) &* 0x9E37_79B9_7F4A_7C15) >> 48)
    }
}

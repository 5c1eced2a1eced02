/// Splits runs of CJK characters into overlapping two-character words, for full-text search.
///
/// FTS5's `unicode61` tokenizer treats a run of Han, Kana or Hangul characters without spaces as
/// one token, so `用docker部署` or a whole Chinese sentence could only match itself. Bigrams are
/// the classic answer for CJK retrieval without a dictionary: the knowledge base and the user's
/// text are both written as space-separated bigrams (a lone character stays a word), so a
/// two-character word of the query matches wherever it appears in a document.
public enum CJKSegmenter {
    /// True for the scalars that form CJK words without spaces: Han ideographs (with extension A
    /// and compatibility ideographs), Hiragana, Katakana, Hangul syllables.
    @inline(__always)
    static func isCJK(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x3040...0x30FF).contains(value) || (0xAC00...0xD7AF).contains(value)
    }

    /// The text with every CJK run replaced by its bigrams, separated by spaces; other text as is.
    /// Text without CJK is returned unchanged (one scan, no copy).
    public static func segment(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isCJK($0.value) }) else { return text }
        var output = String.UnicodeScalarView()
        var run: [Unicode.Scalar] = []
        // A run is set apart by single spaces, none at the start or end of the text.
        var spaceBeforeNext = false
        func flush() {
            guard !run.isEmpty else { return }
            if let last = output.last, last != " " { output.append(" ") }
            if run.count == 1 {
                output.append(run[0])
            } else {
                for index in 0..<(run.count - 1) {
                    if index > 0 { output.append(" ") }
                    output.append(run[index])
                    output.append(run[index + 1])
                }
            }
            spaceBeforeNext = true
            run.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if isCJK(scalar.value) {
                run.append(scalar)
            } else {
                flush()
                if spaceBeforeNext, scalar != " " { output.append(" ") }
                spaceBeforeNext = false
                output.append(scalar)
            }
        }
        flush()
        return String(output)
    }
}

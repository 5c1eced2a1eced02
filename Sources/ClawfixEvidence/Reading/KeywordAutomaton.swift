/// Aho–Corasick over lower-case ASCII words, compiled to a table-driven automaton: one pass over a
/// whole paste tells, for every line, which groups of words occur in it. Bytes that occur in no
/// word share one column, which keeps the table small enough to stay in cache.
struct KeywordAutomaton: Sendable {
    private let byteClass: [UInt8]
    private let classCount: Int
    private let transitions: [UInt16]
    /// Groups (bit mask) whose word ends at each state, including via suffix links.
    private let output: [UInt64]
    /// Indices (in `words`) of the words ending at each state, including via suffix links.
    private let wordsEnding: [[Int32]]
    /// Whether any word ends at each state: tested per byte so the nested `wordsEnding` array is
    /// touched (retained, bounds-checked) only where a word ends, not at every byte of a line.
    private let endsWord: [Bool]
    private let wordLengths: [Int]

    /// `words[i]` are (word, group mask); words must not contain `\n`.
    init(_ words: [(word: [UInt8], mask: UInt64)]) {
        var classes = [UInt8](repeating: 0, count: 256)
        var classCount = 1
        for (word, _) in words {
            for byte in word where classes[Int(byte)] == 0 {
                classes[Int(byte)] = UInt8(classCount)
                classCount += 1
            }
        }
        // The trie.
        var children: [[Int: Int]] = [[:]]
        var output: [UInt64] = [0]
        var ending: [[Int32]] = [[]]
        for (wordIndex, (word, mask)) in words.enumerated() where !word.isEmpty {
            var state = 0
            for byte in word {
                let symbol = Int(classes[Int(byte)])
                if let next = children[state][symbol] {
                    state = next
                } else {
                    children.append([:])
                    output.append(0)
                    ending.append([])
                    children[state][symbol] = children.count - 1
                    state = children.count - 1
                }
            }
            output[state] |= mask
            ending[state].append(Int32(wordIndex))
        }
        precondition(children.count < Int(UInt16.max), "too many keyword states")
        // Breadth-first: suffix links, merged outputs and the full transition table.
        var transitions = [UInt16](repeating: 0, count: children.count * classCount)
        var fail = [Int](repeating: 0, count: children.count)
        var queue: [Int] = []
        for symbol in 0..<classCount {
            if let child = children[0][symbol] {
                transitions[symbol] = UInt16(child)
                queue.append(child)
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            output[state] |= output[fail[state]]
            ending[state] += ending[fail[state]]
            for symbol in 0..<classCount {
                let fallback = Int(transitions[fail[state] * classCount + symbol])
                if let child = children[state][symbol], symbol != 0 {
                    fail[child] = fallback
                    transitions[state * classCount + symbol] = UInt16(child)
                    queue.append(child)
                } else {
                    transitions[state * classCount + symbol] = UInt16(fallback)
                }
            }
        }
        self.byteClass = classes
        self.classCount = classCount
        self.transitions = transitions
        self.output = output
        self.wordsEnding = ending
        self.endsWord = ending.map { !$0.isEmpty }
        self.wordLengths = words.map(\.word.count)
    }

    /// Every word occurring in `text`, once, with the offset where its first occurrence starts;
    /// sorted by word index. For matching a line against a whole catalogue in one pass.
    func matches(in text: LineBytes) -> [(word: Int, start: Int)] {
        var found: [(word: Int, start: Int)] = []
        walk(text) { state, offset in
            for word in wordsEnding[state] where !found.contains(where: { $0.word == Int(word) }) {
                found.append((Int(word), offset + 1 - wordLengths[Int(word)]))
            }
        }
        return found.sorted { $0.word < $1.word }
    }

    /// Every occurrence of every word in `text` as (word, start), in the order they end: a sentence
    /// may say "restart" twice, once as a step and once as what did not help.
    func allMatches(in text: LineBytes) -> [(word: Int, start: Int)] {
        var found: [(word: Int, start: Int)] = []
        walk(text) { state, offset in
            for word in wordsEnding[state] {
                found.append((Int(word), offset + 1 - wordLengths[Int(word)]))
            }
        }
        return found
    }

    /// Runs the automaton over `text`, calling `ended` with the state and offset of each byte
    /// where some word ends. The common case — no word ends here — costs one table lookup.
    @inline(__always)
    private func walk(_ text: LineBytes, _ ended: (Int, Int) -> Void) {
        byteClass.withUnsafeBufferPointer { classes in
            transitions.withUnsafeBufferPointer { table in
                endsWord.withUnsafeBufferPointer { ends in
                    let bytes = text.buffer
                    var state = 0
                    for offset in 0..<bytes.count {
                        state = Int(table[state &* classCount &+ Int(classes[Int(bytes[offset])])])
                        if ends[state] { ended(state, offset) }
                    }
                }
            }
        }
    }

    /// The group mask of each `\n`-terminated line of `text`.
    func scan(_ text: UnsafeBufferPointer<UInt8>) -> [UInt64] {
        var masks: [UInt64] = []
        var state = 0
        var mask: UInt64 = 0
        byteClass.withUnsafeBufferPointer { classes in
            transitions.withUnsafeBufferPointer { table in
                output.withUnsafeBufferPointer { outputs in
                    for byte in text {
                        if byte == 0x0A {
                            masks.append(mask)
                            mask = 0
                            state = 0
                            continue
                        }
                        state = Int(table[state &* classCount &+ Int(classes[Int(byte)])])
                        mask |= outputs[state]
                    }
                }
            }
        }
        return masks
    }
}

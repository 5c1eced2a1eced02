/// The part of a user's message worth searching the knowledge base with.
///
/// A real report is a few words that matter (an error sentence, a reason code, a config key, a
/// port) inside a lot that does not: greetings, a stack trace, a JSON dump, container ids. Every
/// token of an OR query votes in bm25, so the noise would outvote the error. This keeps each
/// distinct token once, drops stop words (English, Spanish; CJK particles are short bigrams the
/// knowledge base does not hold), single letters, hex ids and hashes, long numbers that are not
/// ports or close codes, and the lines of stack traces; CJK runs become bigrams (`CJKSegmenter`).
public struct InformativeQuery: Sendable, Equatable {
    /// Distinct informative tokens, in first-seen order, at most `maximumTokens`.
    public let tokens: [String]

    public static let maximumTokens = 64
    /// Lines longer than this are read only up to it (a minified JSON line is one line).
    static let maximumLineBytes = 600

    public init(_ text: String) {
        var tokens: [String] = []
        var seen: Set<String> = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if tokens.count >= Self.maximumTokens { break }
            let line = rawLine.utf8.count > Self.maximumLineBytes
                ? Substring(String(decoding: rawLine.utf8.prefix(Self.maximumLineBytes), as: UTF8.self)) : rawLine
            if Self.isStackFrame(line) { continue }
            for token in FullTextQuery(CJKSegmenter.segment(String(line))).words {
                guard Self.isInformative(token), seen.insert(token).inserted else { continue }
                tokens.append(token)
                if tokens.count >= Self.maximumTokens { break }
            }
        }
        self.tokens = tokens
    }

    /// `token1 OR token2 …`, each quoted; nil when nothing informative is left.
    public var expression: String? {
        tokens.isEmpty ? nil : tokens.map { "\"" + $0 + "\"" }.joined(separator: " OR ")
    }

    /// `    at Foo (file.js:1:2)`, `at async …`: frames name code, not the problem.
    static func isStackFrame(_ line: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        return trimmed.hasPrefix("at ") && (trimmed.contains(".js:") || trimmed.contains(".ts:") || trimmed.contains("node:"))
    }

    static func isInformative(_ token: String) -> Bool {
        let bytes = token.utf8
        if bytes.count < 2 { return false }
        if stopWords.contains(token) { return false }
        let digits = bytes.filter { $0 >= 0x30 && $0 <= 0x39 }.count
        if digits == bytes.count {
            // Ports and close codes (18789, 1008, 4008) and short numbers speak; ids and times do not.
            return bytes.count >= 3 && bytes.count <= 5
        }
        // Container ids, digests, request ids, hashes: long, hex, mixing letters and digits.
        if bytes.count >= 8, digits > 0, bytes.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }) {
            return false
        }
        if bytes.count > 24, digits * 4 > bytes.count { return false }
        return true
    }

    /// Words that carry no cause: function words and the small talk around a report. Product words
    /// ("openclaw", "gateway") stay out of this list but are common to every document, so bm25 gives
    /// them little weight by itself.
    static let stopWords: Set<String> = [
        // English
        "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been",
        "before", "being", "but", "by", "can", "could", "did", "do", "does", "doing", "don", "done", "dont", "each",
        "even", "ever", "for", "from", "get", "gets", "getting", "got", "had", "has", "have", "having", "he", "her",
        "here", "hi", "hello", "hey", "him", "his", "how", "i", "if", "im", "in", "into", "is", "it", "its", "just",
        "know", "like", "me", "more", "my", "need", "no", "not", "now", "of", "on", "once", "only", "or", "other",
        "our", "out", "please", "pls", "same", "see", "she", "should", "so", "some", "still", "such", "than",
        "thank", "thanks", "thx", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
        "to", "too", "tried", "try", "trying", "up", "us", "use", "used", "using", "very", "was", "way", "we",
        "were", "what", "when", "where", "which", "while", "who", "why", "will", "with", "would", "yes", "yet",
        "you", "your", "help", "anyone", "someone", "issue", "problem", "works", "working", "work", "fixed", "fix",
        "solved", "guys", "ok", "okay", "lol", "plz", "ive", "cant", "doesnt", "didnt", "isnt",
        "wont", "ll", "ve", "re",
        // Spanish
        "el", "la", "los", "las", "un", "una", "unos", "unas", "de", "del", "al", "que", "en", "es", "por", "para",
        "con", "sin", "pero", "como", "mi", "mis", "se", "lo", "le", "les", "ya", "hola", "gracias", "ayuda", "muy",
        "esta", "este", "esto", "eso", "hay", "tengo", "sigue", "todavia",
    ]
}

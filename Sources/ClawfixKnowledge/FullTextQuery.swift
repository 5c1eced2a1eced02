/// Free text turned into FTS5 `MATCH` expressions without asking SQLite.
///
/// GRDB's `FTS5Pattern(matchingAllTokensIn:)` tokenizes through a fresh in-memory database and
/// validates the result through a second one, which cost more than the search itself (half of
/// the bot's time went there). This does the same tokenization by hand: FTS5's `ascii` tokenizer
/// keeps ASCII letters and digits and every non-ASCII byte, splits on other ASCII bytes, and
/// lowercases ASCII. Each token is written as a quoted string, which FTS5 always accepts (a
/// `"` inside is doubled) and which the table's own tokenizer then splits exactly as it would a
/// bare word — so no user text can make the expression malformed.
struct FullTextQuery: Sendable, Equatable {
    /// The tokens in input order (repeats kept: they weigh in bm25 as before).
    let tokens: [String]
    /// The same tokens unquoted.
    let words: [String]

    init(_ text: String) {
        var words: [String] = []
        var tokens: [String] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                current.append(byte | 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...:
                current.append(byte)
            default:
                if !current.isEmpty {
                    tokens.append(Self.quoted(current))
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
        }
        if !current.isEmpty {
            tokens.append(Self.quoted(current))
            words.append(String(decoding: current, as: UTF8.self))
        }
        self.tokens = tokens
        self.words = words
    }

    /// Rows holding every token; nil when the text has none.
    var allTokens: String? { tokens.isEmpty ? nil : tokens.joined(separator: " ") }

    /// Rows holding any token; nil when the text has none.
    var anyToken: String? { tokens.isEmpty ? nil : tokens.joined(separator: " OR ") }

    /// A token as an FTS5 string. Tokens hold no ASCII punctuation, so there is no `"` to double.
    private static func quoted(_ bytes: [UInt8]) -> String {
        "\"" + String(decoding: bytes, as: UTF8.self) + "\""
    }
}

import Foundation
import Testing
@testable import ClawfixKnowledge

/// Free text becomes an FTS5 expression the way the `ascii` tokenizer would split it, with every
/// token quoted so no input can be a malformed MATCH.
struct FullTextQueryTests {
    @Test(arguments: [
        ("disconnected (1008): pairing required", #""disconnected" "1008" "pairing" "required""#),
        (#"(1008) "pairing"#, #""1008" "pairing""#),
        ("AND OR NOT NEAR(a b) x* ^y", #""and" "or" "not" "near" "a" "b" "x" "y""#),
        ("Gateway-Token=abc_def", #""gateway" "token" "abc" "def""#),
        // Non-ASCII bytes belong to tokens, ASCII punctuation ends them.
        ("café…déjà vu", #""café…déjà" "vu""#),
        ("openclaw  openclaw", #""openclaw" "openclaw""#),
        // An ANSI colour code leaves its letters and digits, as the tokenizer would.
        ("\u{1B}[31merror\u{1B}[0m", #""31merror" "0m""#),
    ])
    func tokensAreQuotedAndLowercased(text: String, all: String) {
        let query = FullTextQuery(text)
        #expect(query.allTokens == all)
        #expect(query.anyToken == query.tokens.joined(separator: " OR "))
    }

    @Test func textWithoutTokensGivesNoExpression() {
        for text in ["", "?", " \n\t", "*** --- \"\"\"", "\u{0}\u{1B}[;"] {
            #expect(FullTextQuery(text).allTokens == nil)
            #expect(FullTextQuery(text).anyToken == nil)
        }
    }

    @Test func cachedSearchesAnswerLikeFreshOnesAndTheCacheIsBounded() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "clawfix-query-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appending(path: "k.sqlite").path
        let index = try KnowledgeIndex.open(path: path, knowledgeBase: sampleKnowledgeBase())
        let first = try index.search("pairing required", limit: 5)
        #expect(first.first?.treeID == "pairing-required")
        #expect(index.hitCache.count == 1)
        #expect(try index.search("pairing required", limit: 5) == first)
        #expect(index.hitCache.count == 1)
        // Another open of the same file, with an empty cache, says the same.
        #expect(try KnowledgeIndex.open(path: path, knowledgeBase: sampleKnowledgeBase()).search("pairing required", limit: 5) == first)
        #expect(try index.search("pairing required", limit: 1) == Array(first.prefix(1)))
        #expect(index.hitCache.count == 2)

        let small = SearchCache<HitSearch, [KnowledgeHit]>(capacity: 3, maximumKeyBytes: 8)
        var calls = 0
        for text in ["a", "b", "c", "a", "d", "a"] {
            _ = small.value(for: .init(text: text, limit: 1), text: text) { calls += 1; return [] }
        }
        // a b c are searched, a is cached, d starts the cache over, a is searched again.
        #expect(calls == 5)
        #expect(small.count == 2)
        _ = small.value(for: .init(text: "longer than eight", limit: 1), text: "longer than eight") { calls += 1; return [] }
        #expect(small.count == 2)
    }
}

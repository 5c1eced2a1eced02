@testable import ClawfixRedaction
import Testing

/// `XMLElementDetector` finds the `<` that may close an element with `memchr`: the text runs to
/// it, and the search goes on from it, so an element whose name says nothing (or prose with
/// `<token>` in it) far before a real one must leave that one found, at the very end as well.
struct XMLElementSearchTests {
    static func finds(_ text: String) -> [String] {
        var candidates: [SecretCandidate] = []
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { XMLElementDetector().scan($0, into: &candidates) }
        return candidates.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
    }

    static let log = String(repeating: "2026-02-21T09:14:03Z INFO gateway listening on 127.0.0.1:18789\n", count: 40)

    @Test func elementAfterAFarOpenTag() {
        let text = "set <token> in openclaw.json\n" + Self.log + "<password>mvn-Deploy-2026</password>"
        #expect(Self.finds(text) == ["mvn-Deploy-2026"])
    }

    @Test func elementAtTheVeryEndAndStart() {
        #expect(Self.finds("<apiKey>k9Fq2Lm7Zx4Wp1</apiKey>") == ["k9Fq2Lm7Zx4Wp1"])
        #expect(Self.finds("<apiKey>\n  k9Fq2Lm7Zx4Wp1\n</apiKey>\n" + Self.log) == ["k9Fq2Lm7Zx4Wp1"])
    }

    @Test func noClosingTag() {
        #expect(Self.finds("<password>mvn-Deploy-2026").isEmpty)
        #expect(Self.finds("<password>mvn-Deploy-2026\n" + Self.log).isEmpty)
        #expect(Self.finds("<password>").isEmpty)
        #expect(Self.finds("<password>mvn-Deploy-2026</passwd>").isEmpty)
    }
}

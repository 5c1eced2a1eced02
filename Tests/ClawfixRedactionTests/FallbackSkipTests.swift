import ClawfixRedaction
import Testing

/// The fallback (`HighEntropyDetector`) skips to the next run of word bytes long enough to hold a
/// word it could judge a secret (`LongRun`), looking eight bytes at a time at multiples of eight.
/// So the shortest words it takes are tried at every offset within those eight, at the very end
/// of the text and right after a marker; what must stay, stays.
struct FallbackSkipTests {
    /// 24 characters, a random word the fallback takes on a line about a token.
    static let shortest = "Qm9xT2wK8rLz5VbN3cHj7YpA"
    /// The fewest word bytes it takes: 16, all different, and base64 padding to make 24 (the last
    /// `=` is not counted).
    static let fewest = "Ab3De6Gh9Jk2Mn5P========="
    /// A provider-prefixed key of the shortest length (`PrefixedTokenDetector.minimumLength`).
    static let prefixed = "ab_Zq7Kx9Lm2Np4Rt8Wv3Yb"

    /// Each word, then what it becomes: the shortest random word, and the fewest word bytes (the
    /// marker keeps the last `=`, which the word does not take).
    @Test(arguments: [(shortest, "[high-entropy-secret …7YpA]"), (fewest, "[high-entropy-secret …====]=")])
    func randomWordAtEveryOffset(word: String, becomes marker: String) {
        for pad in 0..<16 {
            for ending in ["\n", ""] {
                let padding = String(repeating: " ", count: pad)
                var redactor = Redactor()
                let redacted = redactor.redact("\(padding)my token is \(word)\(ending)")
                #expect(redacted.text == "\(padding)my token is \(marker)\(ending)", "pad \(pad), ending \(ending.debugDescription)")
                #expect(redacted.findings.map(\.detector) == ["high-entropy"], "pad \(pad)")
                // One word byte fewer is never taken when there are only as many as it takes.
                guard word == Self.fewest else { continue }
                var again = Redactor()
                #expect(again.redact("\(padding)my token is \(word.dropFirst())\(ending)").findings.isEmpty, "pad \(pad)")
            }
        }
    }

    @Test func shortestPrefixedKeyAtEveryOffset() {
        #expect(Self.prefixed.utf8.count == 23)
        for pad in 0..<16 {
            for ending in [" was set\n", ""] {
                var redactor = Redactor()
                let text = "\(String(repeating: "-", count: pad)) \(Self.prefixed)\(ending)"
                let redacted = redactor.redact(text)
                #expect(redacted.findings.map(\.detector) == ["prefixed-token"], "pad \(pad), ending \(ending.debugDescription)")
                #expect(!redacted.text.contains(Self.prefixed), "pad \(pad)")
            }
        }
    }

    /// A marker already in the text ends the run before it: the word after it is judged alone.
    @Test func wordRightAfterAMarker() {
        for pad in 0..<8 {
            var redactor = Redactor()
            let text = "\(String(repeating: " ", count: pad))token [password]\(Self.shortest)\n"
            let redacted = redactor.redact(text)
            #expect(redacted.text == "\(String(repeating: " ", count: pad))token [password][high-entropy-secret …7YpA]\n", "pad \(pad)")
        }
    }

    /// What must stay: one character shorter, long but not random, random without a word about a
    /// secret on its line, a digest.
    @Test func shortOrPlainWordsStay() {
        for pad in 0..<16 {
            let padding = String(repeating: " ", count: pad)
            for text in ["\(padding)my token is \(Self.shortest.dropLast())\n",
                         "\(padding)my token is abcdefghijklmnopqrstuvwxyz_abcdefghijklmnop\n",
                         "\(padding)the build id is \(Self.shortest)\n",
                         "\(padding)token rotated, image sha256:3f9a6c1e8b2d4f7a9c0e1b3d5f7aa1b23f9a6c1e8b2d4f7a9c0e1b3d5f7aa1b2\n"] {
                var redactor = Redactor()
                let redacted = redactor.redact(text)
                #expect(redacted.text == text, "pad \(pad)")
                #expect(redacted.findings.isEmpty, "pad \(pad)")
            }
        }
    }
}

@testable import ClawfixRedaction
import Testing

/// `URLSecretDetector` walks a URL's path, query and each parameter's value 16 bytes at a time
/// up to the next byte it has to look at (`StopBytes`). The token parameter here is put at
/// every offset of those 16 bytes, after a path holding a `:` that starts no URL, and the value
/// is ended by each byte that ends one, by the next URL, and by the end of the input.
struct URLQueryWalkTests {
    static let value = "Zq7Kx9Lm2Np4Tr8"

    static func finds(_ text: String) -> [String] {
        var candidates: [SecretCandidate] = []
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { URLSecretDetector().scan($0, into: &candidates) }
        return candidates.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
    }

    @Test(arguments: [" 200 OK", "&state=1", "#frag", "\" -o out", "' -o out", "> out", ") ok", "\nnext", "", "://gw.example.net"])
    func tokenAtEveryOffset(_ after: String) {
        for length in 0..<40 {
            // `v1:x` holds a `:` the walk must step over; the rest pads the path to `length`.
            let path = "v1:x/" + String(repeating: "p", count: length)
            let text = "curl \"https://gw.example.net/\(path)?access_token=\(Self.value)\(after)"
            #expect(Self.finds(text) == [Self.value], "path of \(path.utf8.count), then \(after.debugDescription)")
        }
    }

    /// The value itself longer than a block, and a second parameter after it, at every offset.
    @Test func longValueThenSecondParameter() {
        for length in 0..<40 {
            let long = String(repeating: "k9F", count: 6) + String(repeating: "q", count: length)
            let text = "https://gw.example.net/cb?code=1&access_token=\(long)&api_key=\(Self.value) https://gw.example.net/x?a=1"
            #expect(Self.finds(text) == [long, Self.value], "value of \(long.utf8.count)")
        }
    }
}

import Foundation
import Testing
@testable import ClawfixFrontEnds

/// The byte-oriented JSON writer: plain runs copied as they are, every control and line-separator
/// character escaped, output that a real JSON parser reads back to the same string.
struct OrderedJSONTests {
    @Test(arguments: [
        ("plain ascii", #""plain ascii""#),
        ("quote \" and backslash \\", #""quote \" and backslash \\""#),
        ("tab\tnewline\ncr\r", #""tab\tnewline\ncr\r""#),
        ("nul\u{0} bell\u{7} esc\u{1B}[31m del\u{7F}", #""nul\u0000 bell\u0007 esc\u001b[31m del\u007f""#),
        ("c1 \u{85} \u{9B}31m", #""c1 \u0085 \u009b31m""#),
        ("js line ends \u{2028}\u{2029}", #""js line ends \u2028\u2029""#),
        // Neighbours of the escaped characters share their lead bytes and stay as they are.
        ("é ¡ \u{A0} — … \u{202F} 🦞", "\"é ¡ \u{A0} — … \u{202F} 🦞\""),
        ("", #""""#),
    ])
    func stringsAreEscapedExactly(input: String, expected: String) throws {
        let written = OrderedJSON.string(input).serialized()
        #expect(written == expected)
        let decoded = try JSONSerialization.jsonObject(with: Data(written.utf8), options: .fragmentsAllowed) as? String
        #expect(decoded == input)
    }

    @Test func objectsKeepKeyOrderCompactAndPretty() {
        let value = OrderedJSON.object([
            ("z", .integer(-3)), ("a", .array([.bool(true), .null, .number(0.25), .number(2)])), ("m", .object([])),
        ])
        #expect(value.serialized() == #"{"z":-3,"a":[true,null,0.25,2],"m":{}}"#)
        #expect(value.serialized(pretty: true) == """
            {
              "z": -3,
              "a": [
                true,
                null,
                0.25,
                2
              ],
              "m": {}
            }
            """)
    }

    @Test func aLongStringWithEscapesEverywhereRoundTrips() throws {
        var text = ""
        for index in 0..<5_000 { text += "line \(index) \"q\" \u{2028} \u{1B} é\n" }
        let written = OrderedJSON.string(text).serialized()
        #expect(!written.contains("\n"))
        #expect(try JSONSerialization.jsonObject(with: Data(written.utf8), options: .fragmentsAllowed) as? String == text)
    }

    /// Every character that needs an escape, at every offset of a plain run, so the eight-byte
    /// scan can never skip one.
    @Test func escapesAreFoundAtEveryOffset() {
        let specials: [(Character, String)] = [
            ("\"", #"\""#), ("\\", #"\\"#), ("\n", #"\n"#), ("\u{0}", #"\u0000"#), ("\u{1F}", #"\u001f"#),
            ("\u{7F}", #"\u007f"#), ("\u{80}", #"\u0080"#), ("\u{2029}", #"\u2029"#),
        ]
        for (special, escaped) in specials {
            for offset in 0..<20 {
                let before = String(repeating: "a", count: offset)
                let after = String(repeating: "b", count: 19 - offset)
                let written = OrderedJSON.string(before + String(special) + after).serialized()
                #expect(written == "\"" + before + escaped + after + "\"", "\(offset)")
            }
        }
    }
}

import ClawfixDiagnosis
import ClawfixKnowledge
import Foundation
import Testing
@testable import ClawfixFrontEnds

/// The session store's encoder says what Foundation's `JSONEncoder` says (up to key order and
/// number spelling) and `JSONDecoder` reads it back to the same value.
struct CompactJSONEncoderTests {
    struct Sample: Codable, Equatable {
        enum Mode: String, Codable { case docker, host }
        struct Inner: Codable, Equatable {
            var values: [Double]
            var flags: Set<Bool>
        }
        var name: String
        var count: Int
        var small: UInt8
        var ratio: Double
        var missing: String?
        var present: Int?
        var mode: Mode
        var nested: [Inner]
        var byName: [String: [Int]]
        var byNumber: [Int: String]
        var blob: Data
        var link: URL
        var when: Date
        var matrix: [[String?]]
    }

    static let sample = Sample(
        name: "quote \" backslash \\ newline \n nul \u{0} U+2028 \u{2028} é 🦞", count: -42, small: 255, ratio: 0.1 + 0.2,
        missing: nil, present: 7, mode: .docker,
        nested: [.init(values: [1, -2.5, 1e-300, 123_456_789.125], flags: [true]), .init(values: [], flags: [])],
        byName: ["a": [1, 2], "": [], "key with \"quote\"": [3]], byNumber: [1: "one", -2: "minus two"],
        blob: Data([0, 1, 2, 250, 255]), link: URL(string: "https://example.com/a?b=c")!,
        when: Date(timeIntervalSinceReferenceDate: 785_000_000.5), matrix: [["x", nil], [], [nil]])

    func object(_ data: Data) throws -> NSObject {
        try #require(try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed) as? NSObject)
    }

    @Test func sameJSONAsFoundationAndDecodesBack() throws {
        let compact = try CompactJSONEncoder().encode(Self.sample)
        let foundation = try JSONEncoder().encode(Self.sample)
        #expect(try object(compact) == object(foundation))
        #expect(try JSONDecoder().decode(Sample.self, from: compact) == Self.sample)
        #expect(!String(decoding: compact, as: UTF8.self).contains("\n"))
    }

    @Test func topLevelScalarsAndEmptyValues() throws {
        #expect(String(decoding: try CompactJSONEncoder().encode("x\ty"), as: UTF8.self) == #""x\ty""#)
        #expect(String(decoding: try CompactJSONEncoder().encode([Int]()), as: UTF8.self) == "[]")
        #expect(String(decoding: try CompactJSONEncoder().encode([String: Int]()), as: UTF8.self) == "{}")
        #expect(String(decoding: try CompactJSONEncoder().encode([1.5, 2]), as: UTF8.self) == "[1.5,2.0]")
    }

    @Test func nonFiniteNumbersThrowLikeJSONEncoder() {
        #expect(throws: EncodingError.self) { try CompactJSONEncoder().encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try CompactJSONEncoder().encode(["x": Double.infinity]) }
    }

    /// A real conversation's state — facts, asked nodes, the last report with its evidence — is
    /// stored with this encoder and resumed with JSONDecoder.
    @Test func aRealConversationStateRoundTrips() throws {
        let stage = DiagnosisStage(engine: DiagnosisEngine(knowledgeBase: try .builtIn(), index: nil))
        let conversation = Conversation(id: "real", engine: stage)
        _ = conversation.respond(to: "disconnected (1008): pairing required")
        _ = conversation.respond(to: "yes it's docker, on a VPS")
        let stored = try #require(conversation.encodedState())
        #expect(try object(stored) == object(try JSONEncoder().encode(conversation.state)))
        let resumed = Conversation(id: "real", engine: conversation.engine, storedState: stored)
        #expect(resumed.state.facts.count > 3)
        #expect(resumed.state == conversation.state)
        // Stored again, it reads back the same (sets may list their members in another order).
        let again = try #require(resumed.encodedState())
        #expect(try JSONDecoder().decode(ConversationState.self, from: again) == conversation.state)
    }
}

import ClawfixDiagnosis
import ClawfixKnowledge
import Foundation
import Testing
@testable import ClawfixFrontEnds

/// `OrderedJSON(encoding:)`, the one mapping from clawfix's types to JSON: it says what Foundation's
/// `JSONEncoder` says (up to key order and number spelling), `JSONDecoder` reads it back to the same
/// value, and a report comes out in its contract's key order.
struct OrderedJSONEncoderTests {
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

    func compact<T: Encodable>(_ value: T) throws -> String {
        try OrderedJSON(encoding: value).serialized()
    }

    @Test func sameJSONAsFoundationAndDecodesBack() throws {
        let written = Data(try compact(Self.sample).utf8)
        let foundation = try JSONEncoder().encode(Self.sample)
        #expect(try object(written) == object(foundation))
        #expect(try JSONDecoder().decode(Sample.self, from: written) == Self.sample)
        #expect(!String(decoding: written, as: UTF8.self).contains("\n"))
    }

    @Test func topLevelScalarsAndEmptyValues() throws {
        #expect(try compact("x\ty") == #""x\ty""#)
        #expect(try compact([Int]()) == "[]")
        #expect(try compact([String: Int]()) == "{}")
        #expect(try compact([1.5, 2]) == "[1.5,2]")
        #expect(try compact(Optional<Int>.none) == "null")
        #expect(try compact([UInt64(7), UInt64(Int.max)]) == "[7,\(Int.max)]")
    }

    @Test func nonFiniteNumbersThrowLikeJSONEncoder() throws {
        #expect(throws: EncodingError.self) { try OrderedJSON(encoding: [Double.nan]) }
        #expect(throws: EncodingError.self) { try OrderedJSON(encoding: ["x": Double.infinity]) }
        // An unsigned number past Int's range would come back as another number: refused, not rounded.
        #expect(throws: EncodingError.self) { try OrderedJSON(encoding: [UInt64.max]) }
        // A report is still shown, with null where the number was.
        #expect(try OrderedJSON(encoding: [1, Double.nan], nonFiniteAsNull: true).serialized() == "[1,null]")
    }

    /// The report's own Codable conformance writes the contract: keys in order, `next` and an
    /// evidence line's `line` present as null, confidences as the bot has always printed them.
    @Test func aReportIsWrittenInContractOrder() throws {
        let report = DiagnosisReport(
            diagnoses: [
                RankedDiagnosis(
                    id: "pairing-not-approved", title: "Device not approved yet", confidence: 0.72,
                    evidence: [EvidenceLine(line: 1, text: "disconnected (1008): pairing required"), EvidenceLine(line: nil, text: "you said: docker")],
                    fix: "Approve it: `openclaw devices approve 7d3b5c1e`"),
                RankedDiagnosis(id: "docker-nat-not-local", title: "Docker NAT", confidence: 1, evidence: [], fix: ""),
            ],
            next: nil, facts: [FactRecord(name: "symptom", value: "pairing-required", line: 1)])
        #expect(
            JSONReportRenderer(pretty: false).render(report)
                == #"{"diagnoses":[{"id":"pairing-not-approved","title":"Device not approved yet","confidence":0.72,"#
                + #""evidence":[{"line":1,"text":"disconnected (1008): pairing required"},{"line":null,"text":"you said: docker"}],"#
                + #""fix":"Approve it: `openclaw devices approve 7d3b5c1e`"},{"id":"docker-nat-not-local","title":"Docker NAT","#
                + #""confidence":1,"evidence":[],"fix":""}],"next":null,"facts":[{"name":"symptom","value":"pairing-required","line":1}],"#
                + #""redactions":[],"advisories":[]}"#)
        let next = NextQuestion(question: "Which version?", commands: ["openclaw --version"], why: "It decides.")
        #expect(JSONReportRenderer.json(next).serialized() == #"{"question":"Which version?","commands":["openclaw --version"],"why":"It decides."}"#)
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
        #expect(!String(decoding: stored, as: UTF8.self).contains("\n"))
        let resumed = Conversation(id: "real", engine: conversation.engine, storedState: stored)
        #expect(resumed.state.facts.count > 3)
        #expect(resumed.state == conversation.state)
        // Stored again, it reads back the same (sets may list their members in another order).
        let again = try #require(resumed.encodedState())
        #expect(try JSONDecoder().decode(ConversationState.self, from: again) == conversation.state)
    }
}

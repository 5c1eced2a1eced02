import ClawfixFrontEnds
import Foundation
import Testing

/// Bytes that are not clean UTF-8 text: NUL bytes, invalid sequences, a lone huge line.
@Suite struct MalformedBytesTests {
    @Test func nulBytesInsideARealErrorStillDiagnose() {
        let conversation = Conversation(id: "nul", engine: Hostile.stage)
        var bytes = Array("gateway closed (1008): pairing\0 required\n".utf8)
        bytes += Array("disconnected (1008): pairing required\n".utf8)
        bytes.insert(0, at: 0)
        let reply = conversation.respond(to: bytes)
        #expect(reply.kind == .diagnosis)
        #expect(reply.report.diagnoses.first != nil)
        #expect(!Hostile.hasTerminalControl(TextRenderer().render(reply)))
    }

    @Test func mostlyNulIsRejectedAsBinaryAndTheNextMessageIsServed() {
        let conversation = Conversation(id: "binary", engine: Hostile.stage)
        let reply = conversation.respond(to: [UInt8](repeating: 0, count: 4096))
        #expect(reply.kind == .rejected)
        #expect(reply.notices.contains { $0.hasPrefix("This looks like binary data (4 KB)") })
        let next = conversation.respond(to: Hostile.normalMessage)
        #expect(next.kind == .diagnosis)
        #expect(next.report.diagnoses.first?.id == "pairing-not-approved")
    }

    @Test func invalidUTF8IsReplacedAndCounted() {
        let conversation = Conversation(id: "utf8", engine: Hostile.stage)
        var bytes = Array("disconnected (1008): pairing required ".utf8)
        bytes += [0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80]  // bad continuation, bytes never valid, a surrogate
        bytes += Array("\n".utf8)
        let reply = conversation.respond(to: bytes)
        #expect(reply.kind == .diagnosis)
        #expect(reply.notices.contains { $0.hasSuffix("invalid UTF-8 sequence(s) were replaced with �.") })
        #expect(reply.report.diagnoses.first?.id == "pairing-not-approved")
    }

    @Test func fiftyMegabyteSingleLineIsCutWithANoticeAndTheNextMessageIsServed() {
        // The cut is the same at any limit; 1 MB keeps the debug suite fast (the 8 MB default costs
        // tens of seconds in debug; release figures are in BENCHMARKS.md).
        let conversation = Conversation(id: "huge", engine: Hostile.stage, limits: InputLimits(maximumMessageBytes: 1 << 20))
        var line = [UInt8](repeating: UInt8(ascii: "a"), count: 50 << 20)
        line.append(0x0A)
        var reply: Reply?
        let seconds = Hostile.seconds { reply = conversation.respond(to: line) }
        #expect(seconds < Hostile.sanitySeconds)
        #expect(reply?.notices.first?.hasPrefix("Your paste was 50 MB; only the first 1 MB were analysed") == true)
        #expect(reply?.report.diagnoses.isEmpty == true)
        let next = conversation.respond(to: Hostile.normalMessage)
        #expect(next.report.diagnoses.first?.id == "pairing-not-approved")
    }
}

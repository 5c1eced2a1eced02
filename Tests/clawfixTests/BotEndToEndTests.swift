import Foundation
import Testing

/// `clawfix bot` over a real pipe: JSON Lines in, one JSON line out per line.
@Suite(.serialized)
struct BotEndToEndTests {
    static func json(_ line: Substring) -> [String: Any]? {
        try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    }

    static func line(_ conversation: String, _ text: String) -> String {
        let object: [String: String] = ["conversation": conversation, "text": text, "author": "user-\(conversation)"]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    @Test func interleavedConversationsKeepTheirOwnFactsAndInvalidLinesDoNotStopTheStream() throws {
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        var input: [UInt8] = []
        input += Array((Self.line("a", "disconnected (1008): pairing required") + "\n").utf8)
        input += Array("this is not json\n".utf8)
        input += Array((Self.line("b", "bash: openclaw: command not found") + "\n").utf8)
        input += Array(#"{"conversation":"a","author":"x"}"#.utf8) + [0x0A]
        input += Array(#"{"conversation":"a","text":"\#u{FF}","author":"x"}"#.utf8).map { $0 } + [0x0A]
        input += [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D, 0x0A]  // {"<invalid UTF-8>"}
        input += Array((Self.line("a", "/facts") + "\n").utf8)
        let result = try binary.run(["bot"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        try #require(lines.count == 7, "\(result.stdout)")
        let first = try #require(Self.json(lines[0]))
        #expect(first["conversation"] as? String == "a")
        #expect(((first["diagnoses"] as? [[String: Any]])?.first?["id"] as? String) == "pairing-not-approved")
        #expect(lines[0].hasPrefix(#"{"conversation":"a","reply":"#))
        #expect(lines[1] == #"{"conversation":null,"error":"not valid JSON; expected {\"conversation\",\"text\"}","line":2}"#)
        let third = try #require(Self.json(lines[2]))
        #expect(third["conversation"] as? String == "b")
        #expect(((third["diagnoses"] as? [[String: Any]])?.first?["id"] as? String) == "cli-not-on-path")
        #expect(lines[3] == #"{"conversation":"a","error":"missing field \"text\"","line":4}"#)
        #expect(Self.json(lines[4])?["conversation"] as? String == "a")
        #expect(lines[5] == #"{"conversation":null,"error":"line is not valid UTF-8","line":6}"#)
        let facts = try #require(Self.json(lines[6]))
        let reply = try #require(facts["reply"] as? String)
        // Conversation a knows its symptom; b's never leaked into it.
        #expect(reply.contains("disconnected (1008): pairing required"))
        #expect(!reply.contains("command not found"))
    }

    @Test func tenMegabyteLineGetsAnErrorAndTheNextLineIsAnswered() throws {
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        var input = Array(#"{"conversation":"big","author":"x","text":""#.utf8)
        input += [UInt8](repeating: UInt8(ascii: "a"), count: 10 << 20)
        input += Array("\"}\n".utf8)
        input += Array((Self.line("small", "disconnected (1008): pairing required") + "\n").utf8)
        let result = try binary.run(["bot"], stdin: input)
        let lines = result.stdout.split(separator: "\n")
        try #require(lines.count == 2, "\(result.stdout.prefix(300))")
        #expect(lines[0] == #"{"conversation":null,"error":"line is 10 MB; the limit is 4 MB","line":1}"#)
        #expect(Self.json(lines[1])?["conversation"] as? String == "small")
    }

    @Test func longReplyIsChunkedWithoutBreakingCodeBlocks() throws {
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        // Many distinct evidence lines make a long reply.
        var paste = ""
        for index in 0..<120 {
            paste += "2026-03-02T10:14:\(String(format: "%02d", index % 60)).412Z [gateway] closed before connect conn=\(index) peer=172.18.0.1:5\(1000 + index)->172.18.0.2:18789 remote=172.18.0.1 fwd=n/a code=1008 reason=pairing required\n"
        }
        let result = try binary.run(["bot"], stdin: Self.line("long", paste) + "\n")
        let object = try #require(Self.json(result.stdout.split(separator: "\n")[0]))
        let chunks = try #require(object["chunks"] as? [String])
        let reply = try #require(object["reply"] as? String)
        #expect(!chunks.isEmpty)
        for chunk in chunks {
            #expect(chunk.utf16.count <= 2000)
            #expect(chunk.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.hasPrefix("```") }.count % 2 == 0)
        }
        if reply.utf16.count <= 2000 { #expect(chunks == [reply]) } else { #expect(chunks.count > 1) }
    }

    @Test func restartedBotResumesTheConversation() throws {
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        _ = try binary.run(["bot"], stdin: Self.line("resume", "disconnected (1008): pairing required") + "\n")
        let second = try binary.run(["bot"], stdin: Self.line("resume", "/facts") + "\n")
        let reply = try #require(Self.json(second.stdout.split(separator: "\n")[0])?["reply"] as? String)
        #expect(reply.contains("line 1: disconnected (1008): pairing required"))
        #expect(FileManager.default.fileExists(atPath: binary.cacheDirectory.appendingPathComponent("clawfix/sessions.sqlite").path))
    }
}

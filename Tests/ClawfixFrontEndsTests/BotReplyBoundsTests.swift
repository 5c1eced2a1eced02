import ClawfixDiagnosis
import ClawfixEvidence
import Foundation
import Testing
@testable import ClawfixFrontEnds

/// What a Discord channel receives from the real engine: bounded whatever the message, routable
/// errors, and no internal names.
struct BotReplyBoundsTests {
    static func stage() throws -> DiagnosisStage {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("bot-bounds-\(UUID().uuidString)")
        return try DiagnosisStage.load(indexPath: cache.appendingPathComponent("index.sqlite").path)
    }

    /// About 1 MB of `docker compose logs`: the gateway refusing a browser again and again, a
    /// minified JSON log line of 300 KB, and a gateway token in the environment dump.
    static let megabyteOfLogs: String = {
        var lines: [String] = ["OPENCLAW_GATEWAY_TOKEN=3f9a2c7d1e8b4a6f9c0d2e4b6a8c0e1f3a5b7c9d1e3f5a7b"]
        var index = 0
        while lines.reduce(0, { $0 + $1.utf8.count + 1 }) < 720_000 {
            let second = String(format: "%02d", index % 60)
            lines.append(
                "openclaw-gateway-1  | 2026-04-13T10:15:\(second).011+00:00 [ws] closed before connect conn=2b7c0a51-5b0e-4c43-9f3e-8f5d3c2a\(String(format: "%04x", index % 65536)) "
                    + "peer=172.18.0.1:\(53000 + index % 1000)->172.18.0.2:18789 remote=172.18.0.1 fwd=n/a origin=http://localhost:18789 "
                    + "host=localhost:18789 ua=Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/135.0.0.0 "
                    + "Safari/537.36 code=1008 reason=pairing required")
            index += 1
        }
        let detail = String(repeating: "\"stateVersion\":{\"presence\":1,\"health\":1},", count: 7_000)
        lines.append(#"{"time":"2026-04-13T10:15:41.015+00:00","level":"warn","subsystem":"gateway/ws","message":"closed before connect code=1008 reason=pairing required","snapshot":{"# + detail + "\"end\":1}}")
        return lines.joined(separator: "\n")
    }()

    @Test func aOneMegabyteMessageGetsABoundedReadableReply() throws {
        let text = Self.megabyteOfLogs
        #expect(text.utf8.count > 1_000_000)
        let bot = BotFrontEnd(engine: try Self.stage(), store: .memoryOnly())
        let line = try JSONSerialization.data(withJSONObject: ["conversation": "big", "text": text])
        let output = bot.handle(bytes: Array(line), line: 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let chunks = try #require(object["chunks"] as? [String])
        let reply = try #require(object["reply"] as? String)
        #expect(!(object["diagnoses"] as? [Any] ?? []).isEmpty, "the pairing refusals are diagnosed")
        #expect(chunks.count <= 5, "\(chunks.count) chunks")
        #expect(chunks.allSatisfy { $0.utf16.count <= 2000 })
        for chunk in chunks {
            #expect(!chunk.contains("```text\n```") && !chunk.contains("```sh\n```"), "an empty code block: \(chunk)")
        }
        // Evidence is cut to a readable length; the 300 KB line does not reach the channel.
        for line in reply.split(separator: "\n") where line.hasPrefix("line ") || line.hasPrefix("you said:") {
            #expect(line.count <= EvidenceText.maximumCharacters + 60, "a line of \(line.count) characters")
        }
        #expect(reply.utf8.count < 10_000)
        #expect(!reply.contains("3f9a2c7d1e8b4a6f9c0d2e4b6a8c0e1f3a5b7c9d1e3f5a7b"))
    }

    @Test func internalFactNamesNeverReachTheChannel() throws {
        let bot = BotFrontEnd(engine: try Self.stage(), store: .memoryOnly())
        var replies: [String] = []
        for text in [
            "CONTAINER ID   IMAGE            COMMAND                  CREATED       STATUS                 PORTS                                         NAMES\n32a411bc4f97   openclaw:local   \"docker-entrypoint.s…\"   2 days ago    Up 2 days (healthy)    0.0.0.0:18789-18790->18789-18790/tcp          openclaw-openclaw-gateway-1",
            "and the Control UI says: disconnected (1008): pairing required",
            "/facts", "/why",
        ] {
            let line = try JSONSerialization.data(withJSONObject: ["conversation": "names", "text": text])
            let object = try #require(try JSONSerialization.jsonObject(with: bot.handle(bytes: Array(line), line: 1).data(using: .utf8)!) as? [String: Any])
            replies.append(object["reply"] as? String ?? "")
        }
        #expect(replies[2].hasPrefix("```text\nWhat clawfix has read so far:"))
        for reply in replies {
            for name in FactVocabulary.known {
                #expect(!reply.contains(name + " =") && !reply.contains(name + "="), "\(name) in: \(reply)")
            }
        }
    }

    @Test func aMissingAuthorIsFineAndErrorsCarryTheirConversation() throws {
        let bot = BotFrontEnd(engine: try Self.stage(), store: .memoryOnly())
        let answered = bot.handle(bytes: Array(#"{"conversation":"c7","text":"disconnected (1008): pairing required"}"#.utf8), line: 1)
        #expect(answered.hasPrefix(#"{"conversation":"c7","reply":"#))
        let error = bot.handle(bytes: Array(#"{"conversation":"c7","text":{"nested":true}}"#.utf8), line: 2)
        #expect(error == #"{"conversation":"c7","error":"field \"text\" must be a string","line":2}"#)
    }
}

/// The chunker never leaves an opening fence alone at the end of a chunk.
struct ChunkerFenceTests {
    @Test func aFenceOpenedAtTheEndOfAChunkMovesToTheNext() {
        // 1,985 characters: room for the opening fence, not for the first line inside it.
        let prose = String(repeating: "word ", count: 397)
        let text = prose + "\n```text\n" + String(repeating: "line 3: disconnected (1008): pairing required\n", count: 3) + "```"
        let chunks = DiscordChunker().chunks(text)
        #expect(chunks.count == 2)
        for chunk in chunks { #expect(!chunk.hasSuffix("```text\n```") && !chunk.hasSuffix("```text")) }
        #expect(chunks[1].hasPrefix("```text\nline 3:"))
    }
}

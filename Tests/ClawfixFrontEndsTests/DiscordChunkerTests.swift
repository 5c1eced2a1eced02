import Testing
@testable import ClawfixFrontEnds

struct DiscordChunkerTests {
    /// Every chunk holds complete fences: an even number of ``` lines.
    private func fenceLines(_ chunk: String) -> [Substring] {
        chunk.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.hasPrefix("```") }
    }

    @Test func shortReplyIsOneChunk() {
        let reply = "**1. `pairing-not-approved`** — A device the gateway has not approved (80%)"
        #expect(DiscordChunker().chunks(reply) == [reply])
    }

    @Test func longCodeBlockIsClosedAndReopenedWithItsLanguage() {
        var lines = ["**Next:** paste this", "```sh"]
        for index in 0..<150 { lines.append("docker compose exec openclaw-gateway node dist/index.js devices list # \(index)") }
        lines.append("```")
        lines.append("_Why:_ tells local from remote.")
        let reply = lines.joined(separator: "\n")
        let chunks = DiscordChunker().chunks(reply)
        #expect(chunks.count == 6)
        for (index, chunk) in chunks.enumerated() {
            #expect(chunk.utf16.count <= 2000)
            #expect(fenceLines(chunk).count % 2 == 0, "chunk \(index) leaves a fence open")
            if index > 0 { #expect(chunk.hasPrefix("```sh\n")) }
            if index < chunks.count - 1 { #expect(chunk.hasSuffix("\n```")) }
        }
        #expect(chunks.first?.hasPrefix("**Next:** paste this\n```sh\n") == true)
        #expect(chunks.last?.hasSuffix("```\n_Why:_ tells local from remote.") == true)
        // Nothing lost: every command line appears exactly once across the chunks.
        let all = chunks.joined(separator: "\n")
        for index in [0, 74, 149] {
            #expect(all.components(separatedBy: "devices list # \(index)\n").count == 2)
        }
    }

    @Test func lineLongerThanAChunkIsCutAndStillFenced() {
        let reply = "```text\n" + String(repeating: "x", count: 5000) + "\n```"
        let chunks = DiscordChunker().chunks(reply)
        #expect(chunks.count == 3)
        for chunk in chunks {
            #expect(chunk.utf16.count <= 2000)
            #expect(chunk.hasPrefix("```text\n"))
            #expect(chunk.hasSuffix("\n```"))
        }
        var total = 0
        for chunk in chunks {
            for line in chunk.split(separator: "\n") where line.first == "x" { total += line.count }
        }
        #expect(total == 5000)
    }

    @Test func multiByteTextCountsUTF16Units() {
        let reply = String(repeating: "🦀 déjà vu\n", count: 400)
        let chunks = DiscordChunker().chunks(reply)
        #expect(chunks.allSatisfy { $0.utf16.count <= 2000 })
        #expect(chunks.joined(separator: "\n") == reply)
    }
}

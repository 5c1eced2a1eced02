import Testing
@testable import ClawfixEvidence

struct SystemRobustnessTests {
    /// Garbage — NULs, lone escapes, mojibake, unbalanced brackets, half a table — gives no facts and no crash.
    @Test func garbageGivesNoFacts() {
        let garbage = "\u{0}\u{1B}\u{1B}[\u{1B}]8;;\nâ—‡ â”‚ [{\"Type\":\n\"Mounts\": [\n  <=  \n@:$\nPS >\nLISTEN\ntcp LISTEN\n[[[{{{\n"
        for extractor in SystemExtractors.all {
            #expect(extractor.extract(from: PasteDocument(redactedText: garbage)).isEmpty, "\(extractor.name)")
        }
    }

    /// Every extractor over a ~1 MB mixed paste; prints the time (the lead's release bench is the measure).
    @Test func megabyteMixedPaste() {
        let sample = """
            alice@vps:~/openclaw$ docker ps --format "table {{.Names}}\\t{{.Ports}}"
            NAMES                                    PORTS
            openclaw-openclaw-gateway-1              127.0.0.1:18789->18789/tcp
            OPENCLAW_GATEWAY_BIND=lan
            /home/node/.openclaw  <=  /root/.openclaw
            LISTEN 0      511        127.0.0.1:18789      0.0.0.0:*    users:(("openclaw-gatewa",pid=8126,fd=19))
            2026-04-13T10:15:31.011+00:00 [gateway] ready (3 plugins: browser, memory-core, telegram; 2.5s)
            Some prose from the user explaining that the dashboard says pairing required again and again.

            """
        var text = ""
        while text.utf8.count < 1_000_000 { text += sample }
        let document = PasteDocument(redactedText: text)
        let clock = ContinuousClock()
        var count = 0
        let elapsed = clock.measure {
            for extractor in SystemExtractors.all { count += extractor.extract(from: document).count }
        }
        print("system extractors over \(text.utf8.count) bytes: \(elapsed), \(count) facts")
        #expect(count > 10_000)
    }
}

struct SystemPasteDocumentTests {
    /// "\r\n" is one Swift Character: a CRLF paste (from `docker compose run`) must still be split
    /// into its lines, each keeping its "\r" (PastedInput converts CRLF before this point).
    @Test func crlfDocumentSplitsIntoLines() {
        let document = PasteDocument(redactedText: "NAMES\r\nopenclaw-gateway\r\n\r\nlast")
        #expect(document.lines == ["NAMES\r", "openclaw-gateway\r", "\r", "last"])
        #expect(document.line(2) == "openclaw-gateway\r")
        #expect(document.line(5) == nil)
    }

    /// Empty lines and a trailing newline keep their numbers, like `split(omittingEmptySubsequences: false)`.
    @Test func lfDocumentKeepsEmptyLines() {
        #expect(PasteDocument(redactedText: "a\n\nb\n").lines == ["a", "", "b", ""])
        #expect(PasteDocument(redactedText: "").lines == [""])
    }

    /// The docker ps table of a CRLF paste is read line by line, with the right line numbers.
    @Test func crlfDockerPsTable() {
        let text = "NAMES                         PORTS\r\nopenclaw-openclaw-gateway-1   127.0.0.1:18789->18789/tcp\r\n"
        let facts = DockerPsExtractor().extract(from: PasteDocument(redactedText: text))
        #expect(facts.contains { $0.line == 2 && $0.value == "openclaw-openclaw-gateway-1" })
    }
}

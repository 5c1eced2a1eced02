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

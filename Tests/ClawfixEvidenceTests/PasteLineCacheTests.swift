import Testing
@testable import ClawfixEvidence

/// The per-document line cache every extractor reads: each line cleaned once, lower-cased, marked
/// with the extractors whose trigger words it holds.
struct PasteLineCacheTests {
    private func line(_ text: String, _ number: Int = 1) -> PasteLine {
        PasteDocument(redactedText: text).cleanLines[number - 1]
    }

    @Test func escapesControlsBOMAndCarriageReturnAreRemoved() {
        let cleaned = line("\u{FEFF}  \u{1B}[1;32mPairing\u{1B}[0m required\u{0}\r")
        #expect(cleaned.text == "Pairing required")
        #expect(cleaned.raw == "  Pairing required")
        #expect(cleaned.indent == 2)
        #expect(String(decoding: Array(cleaned.lower), as: UTF8.self) == "pairing required")
        let hyperlink = line("see \u{1B}]8;;http://127.0.0.1:18789/\u{7}the dashboard\u{1B}]8;;\u{7} now")
        #expect(hyperlink.text == "see the dashboard now")
    }

    @Test func boxDrawingMojibakeIsRepairedAndRealAccentsAreKept() {
        #expect(line("â—‡  Doctor warnings").text == "◇  Doctor warnings")
        #expect(line("â”‚  Gateway target: ws://127.0.0.1:18789  â”‚").text == "│  Gateway target: ws://127.0.0.1:18789  │")
        #expect(line("â”Œâ”€â”€â”¬").text == "┌──┬")
        #expect(line("Tâche planifiée à 10h, â").text == "Tâche planifiée à 10h, â")
    }

    @Test func tabsStayInTheTextAndReadAsSpacesWhenSearching() {
        let table = line("\topenclaw-openclaw-gateway-1\t127.0.0.1:18789->18789/tcp\u{A0}")
        #expect(table.text == "openclaw-openclaw-gateway-1\t127.0.0.1:18789->18789/tcp")
        #expect(table.find(ByteSearch.needle("gateway-1 127.0.0.1")) == 18)
        #expect(table.slice(18..<27) == "gateway-1")
    }

    @Test func offsetsFoundInLowerCaseCutTheOriginalText() {
        let security = line("SECURITY ERROR: Gateway URL \"ws://10.0.0.5:18789\" uses plaintext ws://")
        let offset = security.find(ByteSearch.needle("gateway url"))
        #expect(offset == 16)
        #expect(security.suffix(from: offset ?? 0).hasPrefix("Gateway URL \"ws://10.0.0.5"))
        #expect(security.hasPrefix(ByteSearch.needle("security error")))
        #expect(security.hasSuffixBytes(ByteSearch.needle("ws://")))
    }

    @Test func linesAreMarkedWithTheirTriggers() {
        let document = PasteDocument(redactedText: """
            disconnected (1008): pairing required
            LISTEN 0 511 127.0.0.1:18789 0.0.0.0:*
            what a lovely day
            OPENCLAW_GATEWAY_BIND=lan
            """)
        let triggers = document.cleanLines.map(\.triggers)
        #expect(triggers[0].contains(.errorStrings))
        #expect(!triggers[0].contains(.listeningSockets))
        #expect(triggers[1].contains(.listeningSockets))
        #expect(triggers[2].isEmpty)
        #expect(triggers[3].contains(.environment))
        #expect(!triggers[3].contains(.errorStrings))
    }

    @Test func automatonReportsOverlappingWordsOnce() {
        let automaton = KeywordAutomaton([("he", 1), ("she", 2), ("hers", 4), ("his", 8)].map { (Array($0.0.utf8), UInt64($0.1)) })
        let text = line("ushers say she").lower
        #expect(automaton.matches(in: text).map { "\($0.word)@\($0.start)" } == ["0@2", "1@1", "2@2"])
        var buffer = Array("ushers\nhis\nnothing\n".utf8)
        let masks = buffer.withUnsafeMutableBufferPointer { automaton.scan(UnsafeBufferPointer($0)) }
        #expect(masks == [7, 8, 0])
    }

    @Test func commandBlocksAreComputedOnceWithTheDocument() {
        let document = PasteDocument(redactedText: """
            alice@vps:~/openclaw$ docker compose exec openclaw-gateway ss -ltnp
            LISTEN 0      511        127.0.0.1:18789      0.0.0.0:*
            alice@vps:~/openclaw$ exit
            """)
        #expect(document.blocks == PasteSegmenter.blocks(of: document))
        #expect(document.block(ofLine: 2)?.location == .gatewayContainer)
        #expect(document.block(ofLine: 3)?.commandLine == 3)
        #expect(document.block(ofLine: 9) == nil)
    }
}

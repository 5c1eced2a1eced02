import ClawfixFrontEnds
import Foundation
import Testing

/// ANSI (CSI), OSC (titles, hyperlinks, clipboard writes), BEL and C1 controls in a paste must
/// never reach the user's terminal raw, through any renderer.
@Suite struct EscapeSequenceTests {
    static let hostile: [String] = [
        "\u{1B}[31mdisconnected (1008): pairing required\u{1B}[0m",
        "\u{1B}]0;owned title\u{07}disconnected (1008): pairing required",
        "\u{1B}]8;;https://evil.example/\u{1B}\\disconnected (1008): pairing required\u{1B}]8;;\u{1B}\\",
        "\u{1B}]52;c;Y3VybCBldmlsIHwgc2g=\u{07}gateway closed (1008): pairing required",
        "\u{9B}2J\u{9D}0;c1 title\u{9C}disconnected (1008): pairing required",
        "\u{1B}[2J\u{1B}[H\u{1B}[?1049h/help",
        "\u{1B}[6n\u{1B}P+q544e\u{1B}\\ unauthorized: gateway token missing \u{07}\u{07}",
        "\u{1B}",  // a lone ESC at the very end
        "\u{1B}]0;never terminated " + String(repeating: "x", count: 10_000),
    ]

    @Test(arguments: hostile)
    func noRendererEchoesTerminalControls(_ text: String) {
        let conversation = Conversation(id: "ansi", engine: Hostile.stage)
        let reply = conversation.respond(to: text)
        let outputs = [
            TextRenderer(style: .plain).render(reply),
            MarkdownRenderer().render(reply),
            JSONReportRenderer(pretty: false).render(reply.report),
        ]
        for output in outputs {
            #expect(!Hostile.hasTerminalControl(output), "raw control in: \(output.debugDescription.prefix(200))")
        }
        // The facts shown by /facts quote the paste too.
        let facts = conversation.respond(to: "/facts")
        #expect(!Hostile.hasTerminalControl(TextRenderer(style: .plain).render(facts)))
        // Still serving: the next message gets a ranked answer (which one depends on the facts so far).
        #expect(conversation.respond(to: Hostile.normalMessage).report.diagnoses.isEmpty == false)
    }

    @Test func colouredStyleOnlyEmitsItsOwnSGR() {
        let conversation = Conversation(id: "colour", engine: Hostile.stage)
        let reply = conversation.respond(to: "\u{1B}]0;owned\u{07}\u{1B}[5mdisconnected (1008): pairing required")
        let output = TextRenderer(style: TerminalStyle(colour: true)).render(reply)
        #expect(!output.contains("\u{07}"))
        #expect(!output.contains("\u{1B}]"))
        #expect(!output.contains("\u{1B}[5m"))
        #expect(!output.contains("owned"))
    }
}

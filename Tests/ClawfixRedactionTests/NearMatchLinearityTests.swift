import ClawfixRedaction
import Foundation
import Testing

/// Every detector stays linear: 1 MB of what almost triggers it (or triggers it again and
/// again) is redacted, with exactly the findings it should give. Not a timing test — the
/// figures are in `bench/redaction/run.sh`; the bound only catches a rescan per near-match,
/// which on 1 MB takes minutes instead of a fraction of a second.
struct NearMatchLinearityTests {
    struct Shape: CustomTestStringConvertible, Sendable {
        var name: String
        /// Repeated to 1 MB.
        var unit: String
        var findings: Int
        /// Kind and detector of every finding.
        var found: Set<String> = []
        /// Span of the first finding.
        var first: Range<Int>? = nil
        var testDescription: String { name }
    }

    static let shapes: [Shape] = [
        // High-entropy fallback: one 1 MB word; then a context word and a base64 word per line.
        Shape(name: "base64 run", unit: "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODkw", findings: 0),
        Shape(name: "base64 lines with context", unit: "token QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODkw\n",
              findings: 19607, found: ["high-entropy-secret/high-entropy"], first: 6..<50),
        // Key context: a value that never ends, and keys nested in values.
        Shape(name: "token= without end", unit: "token=", findings: 1, found: ["gateway-token/key-context"], first: 6..<999_996),
        Shape(name: "token= nested", unit: "token=token=token=\"", findings: 52631, found: ["gateway-token/key-context"], first: 6..<18),
        // Private keys: BEGIN lines with no END, and with a body cut short each time.
        Shape(name: "unterminated PEM", unit: "-----BEGIN PRIVATE KEY-----\n", findings: 1, found: ["private-key/private-key"], first: 28..<999_991),
        Shape(name: "PEM cut short", unit: "-----BEGIN PRIVATE KEY-----\n!\n", findings: 0),
        // JWTs and Discord tokens: dotted segments one short.
        Shape(name: "eyJ run", unit: "eyJ", findings: 0),
        Shape(name: "JWT without signature", unit: "eyJhbGciOiJI.eyJzdWIi.", findings: 0),
        Shape(name: "Discord token without HMAC", unit: "MTIzNDU2Nzg5MDEyMzQ1Njc4.Og.", findings: 0),
        // Known formats, Telegram, URLs, headers: the prefix and nothing after it.
        Shape(name: "sk-ant- prefixes", unit: "sk-ant- ", findings: 0),
        Shape(name: "Telegram bot id without token", unit: "1234567890:", findings: 0),
        Shape(name: "URL userinfo without @", unit: "https://user:", findings: 0),
        Shape(name: "Bearer without value", unit: "Bearer ", findings: 0),
        // Markers: the start of one, never closed.
        Shape(name: "unclosed marker", unit: "[gateway-token …", findings: 0),
        // Paste shapes (issue 14): commands, elements and prefixes that start a look and never finish it.
        Shape(name: "curl -u without a password", unit: "curl -u omer ", findings: 0),
        Shape(name: "curl with an unclosed quote", unit: "curl -H \"x ", findings: 0),
        Shape(name: "docker login without -p", unit: "docker login -u omer ", findings: 0),
        Shape(name: "echo of a secret name without output", unit: "echo $OPENCLAW_GATEWAY_TOKEN\n", findings: 0),
        Shape(name: "echo then a prompt", unit: "echo $X_TOKEN\nomer@vps:~$\n", findings: 0),
        Shape(name: "XML element never closed", unit: "<password>hunter2", findings: 0),
        Shape(name: "Azure client secret one short", unit: "abc8Q~Xq3vB7nK2mP9sL4tR8wY1zA6cD0 ", findings: 0),
        Shape(name: "prefix without a random body", unit: "fo1_", findings: 0),
        Shape(name: "prefixed words", unit: "ab_cdefghijklmnopqrstuvwxyz ", findings: 0),
        Shape(name: "Slack webhook host without a path", unit: "hooks.slack.com/", findings: 0),
        Shape(name: "Discord webhooks without an id", unit: "discord.com/api/webhooks/", findings: 0),
        Shape(name: "URL password with # and no @", unit: "https://u:p#", findings: 0),
    ]

    @Test(arguments: shapes)
    func megabyteOfNearMatchesFinishes(shape: Shape) {
        let text = String(repeating: shape.unit, count: 1_000_000 / shape.unit.utf8.count)
        var redactor = Redactor()
        let clock = ContinuousClock()
        var result: RedactedText?
        let elapsed = clock.measure { result = redactor.redact(text) }
        let findings = result!.findings
        #expect(findings.count == shape.findings)
        #expect(Set(findings.map { "\($0.kind.rawValue)/\($0.detector)" }) == shape.found)
        #expect(findings.first.map { $0.start..<$0.end } == shape.first)
        #expect(elapsed < .seconds(60), "\(elapsed)")
    }

    /// The memory search with many values (300, more than it once could hold) over 1 MB of words
    /// that share their first bytes with the values: one pass, not one per value.
    @Test func fullMemoryOverNearMissWords() {
        var redactor = Redactor()
        let env = (0..<300).map { "SERVICE_\($0)_TOKEN=3f9a1c0e8b7d4e21a6c5b2f0\(String(format: "%08x", $0 * 7919))\n" }.joined()
        #expect(redactor.redact(env).findings.count == 300)
        #expect(redactor.memory.secrets.count == 300)
        let text = String(repeating: "3f9a1c0e8b7d4e21a6c5b2f0ffffffff 3f9a1c0e8b7d4e21a6c5b2f0 ", count: 1_000_000 / 58)
        let clock = ContinuousClock()
        var findings = -1
        let elapsed = clock.measure { findings = redactor.redact(text).findings.count }
        #expect(findings == 0)
        #expect(elapsed < .seconds(60), "\(elapsed)")
    }
}

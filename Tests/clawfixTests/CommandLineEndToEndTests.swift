import Foundation
import Testing

/// What a newcomer types first: the version, one diagnosis from the knowledge base, a file of
/// secrets to clean before posting it.
struct CommandLineEndToEndTests {
    @Test(arguments: ["--version", "-V"])
    func versionPrintsOneLine(flag: String) throws {
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        let result = try binary.run([flag])
        #expect(result.status == 0)
        #expect(result.stdout.firstMatch(of: #/^\d+\.\d+\.\d+\n$/#) != nil, "\(result.stdout)")
    }

    @Test func kbShowPrintsADiagnosisAndItsFix() throws {
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        let result = try binary.run(["kb", "show", "pairing-not-approved"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("pairing-not-approved — a new browser, CLI or node is a device the gateway has not approved\n"))
        #expect(result.stdout.contains("\nFix:\n  "))
        #expect(result.stdout.contains("devices approve"))
        let unknown = try binary.run(["kb", "show", "pairing"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no diagnosis pairing; did you mean "))
        #expect(unknown.stderr.contains("pairing-not-approved"))
    }

    @Test func redactSaysWhatItRemovedWithoutTellingToRotateWhatItKept() throws {
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        let secrets = """
            OPENCLAW_GATEWAY_TOKEN=3f9a2c7d1e8b4a6f9c0d2e4b6a8c0e1f3a5b7c9d1e3f5a7b
            ANTHROPIC_API_KEY=sk-ant-api03-Xq3vB7nK2mP9sL4tR8wY1zA6cD0eF5gH-jI2kL7mN3oP9qR4sT8uV1wX6yZ0aB5cD-EfGhAA

            """
        let result = try binary.run(["redact"], stdin: secrets)
        #expect(result.status == 0)
        #expect(!result.stdout.contains("3f9a2c7d1e8b4a6f") && !result.stdout.contains("sk-ant-api03-Xq3"))
        #expect(result.stderr.hasPrefix("clawfix: removed 2 secrets (gateway-token on line 1, anthropic-api-key on line 2)"), "\(result.stderr)")
        #expect(result.stderr.contains("safe to post"))
        #expect(result.stderr.contains("Only if the original was already posted somewhere"))
        #expect(!result.stderr.contains("Treat it as leaked"))
    }
}

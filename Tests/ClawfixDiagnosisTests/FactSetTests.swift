import ClawfixEvidence
import ClawfixKnowledge
import Testing

@testable import ClawfixDiagnosis

struct FactSetTests {
    static let facts = FactSet([
        Fact(.installKind, "Compose", line: 1, text: "$ docker compose ps"),
        Fact(.dockerContainer, "openclaw-openclaw-gateway-1", line: 2),
        Fact(.dockerContainer, "openclaw-openclaw-cli-1", line: 3),
        Fact(.openclawVersion, "2026.2.9", line: 5, text: "2026.2.9"),
        Fact(.gatewayRemoteAddress, "172.18.0.1", line: 7),
    ])

    static let table: [(Condition, Truth)] = [
        (.known("install.kind"), .yes),
        (.known("client.os"), .unknown),
        (.equals("install.kind", "compose"), .yes),  // case-insensitive
        (.equals("install.kind", "docker"), .no),
        (.equals("client.os", "windows"), .unknown),
        (.notEquals("install.kind", "host"), .yes),
        (.notEquals("install.kind", "COMPOSE"), .no),
        (.notEquals("client.os", "windows"), .unknown),
        (.oneOf("docker.container", ["x", "openclaw-openclaw-cli-1"]), .yes),  // some value of a multi-valued name
        (.oneOf("docker.container", ["x", "y"]), .no),
        (.matches("gateway.remote-address", pattern: #"^172\.(1[6-9]|2\d|3[01])\."#), .yes),
        (.matches("gateway.remote-address", pattern: #"^10\."#), .no),
        (.matches("gateway.origin", pattern: "x"), .unknown),
        (.version("openclaw.version", .atLeast, OpenClawVersion("2026.2.21")!), .no),
        (.version("openclaw.version", .less, OpenClawVersion("2026.2.21")!), .yes),
        (.version("openclaw.version", .atMost, OpenClawVersion("2026.2.9")!), .yes),
        (.version("openclaw.version", .greater, OpenClawVersion("2026.2.9")!), .no),
        (.not(.equals("install.kind", "docker")), .yes),
        (.not(.known("client.os")), .unknown),
        (.and(.equals("install.kind", "compose"), .known("client.os")), .unknown),
        (.and(.equals("install.kind", "docker"), .known("client.os")), .no),  // Kleene: false and unknown
        (.or(.equals("install.kind", "docker"), .known("client.os")), .unknown),
        (.or(.equals("install.kind", "compose"), .known("client.os")), .yes),  // true or unknown
    ]

    @Test(arguments: table)
    func threeValuedEvaluation(condition: Condition, expected: Truth) {
        #expect(Self.facts.evaluate(condition) == expected, "\(condition)")
    }

    @Test func witnessesAreTheFactsThatMadeItTrue() {
        var witnesses: [Fact] = []
        let truth = Self.facts.evaluate(
            .and(.equals("install.kind", "compose"), .oneOf("docker.container", ["openclaw-openclaw-cli-1"])),
            witnesses: &witnesses)
        #expect(truth == .yes)
        #expect(witnesses.map(\.line) == [1, 3])
    }

    @Test func versionOfAnUnparseableValueIsUnknown() {
        let facts = FactSet([Fact(.openclawVersion, "latest")])
        #expect(facts.evaluate(.version("openclaw.version", .atLeast, OpenClawVersion("2026.2.21")!)) == .unknown)
    }

    @Test func newerSingleValuedFactsReplaceOlderOnes() {
        var facts = FactSet([Fact(.installKind, "docker", line: 1), Fact(.dockerContainer, "a", line: 2)])
        facts.absorb([Fact(.installKind, "compose", line: 9), Fact(.dockerContainer, "b", line: 10)])
        #expect(facts.facts(named: .installKind).map(\.value) == ["compose"])
        #expect(facts.facts(named: .dockerContainer).map(\.value) == ["a", "b"])
    }

    @Test func answersInWordsOverrideOlderAnswers() {
        var facts = FactSet([
            Fact(.accessPath, "tailscale", origin: .answer), Fact(.accessPath, "lan", line: 4, origin: .paste),
        ])
        facts.absorb([Fact(.accessPath, "ssh-tunnel", origin: .answer)])
        #expect(facts.facts(named: .accessPath).map(\.value) == ["lan", "ssh-tunnel"])
        facts.absorb([Fact(.accessPath, "ssh-tunnel", origin: .answer)])
        #expect(facts.facts.count == 2)
    }
}

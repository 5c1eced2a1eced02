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
        #expect(Self.facts.compiledTruth(condition) == expected, "\(condition)")
        var witnesses: [Fact] = []
        #expect(Self.facts.compiledTruth(condition, witnesses: &witnesses) == expected, "\(condition) with witnesses")
    }

    @Test func witnessesAreTheFactsThatMadeItTrue() {
        var witnesses: [Fact] = []
        let truth = Self.facts.compiledTruth(
            .and(.equals("install.kind", "compose"), .oneOf("docker.container", ["openclaw-openclaw-cli-1"])),
            witnesses: &witnesses)
        #expect(truth == .yes)
        #expect(witnesses.map(\.line) == [1, 3])
    }

    @Test func versionOfAnUnparseableValueIsUnknown() {
        let facts = FactSet([Fact(.openclawVersion, "latest")])
        #expect(facts.compiledTruth(.version("openclaw.version", .atLeast, OpenClawVersion("2026.2.21")!)) == .unknown)
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

    /// A megabyte paste gives tens of thousands of facts, most of them repeats of a few log lines.
    @Test func manyFactsAreDedupedAndReplacedLikeFew() {
        var facts = FactSet()
        var batch: [Fact] = []
        for line in 1...20_000 {
            // Three log lines repeated: the same (name, value, line, text) twice, distinct lines kept.
            batch.append(Fact(.gatewayOrigin, "http://localhost:\(18789 + line % 3)", line: line, text: "origin line \(line)"))
            batch.append(Fact(.gatewayOrigin, "http://localhost:\(18789 + line % 3)", line: line, text: "origin line \(line)"))
            batch.append(Fact(.installKind, line % 2 == 0 ? "compose" : "docker", line: line))
            if line % 1_000 == 0 { batch.append(Fact(.openclawVersion, "2026.2.\(line / 1_000)", line: line)) }
        }
        facts.absorb(batch)
        #expect(facts.facts(named: .gatewayOrigin).count == 20_000)
        #expect(facts.facts(named: .gatewayOrigin).map(\.line) == Array(1...20_000).map { Optional($0) })
        #expect(facts.facts(named: .installKind) == [Fact(.installKind, "compose", line: 20_000)])
        #expect(facts.version == OpenClawVersion("2026.2.20"))
        #expect(facts.facts.count == 20_002)
        // Absorbing the same paste again changes nothing but the single-valued names' positions.
        facts.absorb(batch)
        #expect(facts.facts.count == 20_002)
        #expect(facts.value(.installKind) == "compose")
        // An older fact of a single-valued name, absorbed later, replaces the newer one (order of arrival).
        facts.absorb([Fact(.installKind, "host", origin: .answer)])
        #expect(facts.facts(named: .installKind).map(\.value) == ["host"])
        #expect(facts.facts.last == Fact(.installKind, "host", origin: .answer))
        #expect(facts.facts.count == 20_002)
    }

    @Test func witnessesKeepOneFactPerValueAndAFew() {
        var many: [Fact] = []
        for line in 1...500 { many.append(Fact(.gatewayOrigin, "http://localhost:18789", line: line, text: "l\(line)")) }
        many.append(Fact(.gatewayOrigin, "https://a.example", line: 501))
        many.append(Fact(.gatewayOrigin, "https://b.example", line: 502))
        many.append(Fact(.gatewayOrigin, "https://c.example", line: 503))
        let facts = FactSet(many)
        var witnesses: [Fact] = []
        #expect(facts.compiledTruth(.known("gateway.origin"), witnesses: &witnesses) == .yes)
        #expect(witnesses.map(\.line) == [1, 501, 502])
        witnesses = []
        #expect(facts.compiledTruth(.matches("gateway.origin", pattern: "^https://[bc]"), witnesses: &witnesses) == .yes)
        #expect(witnesses.map(\.line) == [502, 503])
    }
}

extension FactSet {
    /// A condition evaluated the way the engine does: compiled, over a `FactView` of these facts.
    func compiledTruth(_ condition: Condition) -> Truth {
        var names: [String: Int] = [:]
        let compiled = CompiledCondition(condition, names: &names)
        return compiled.truth(FactView(self, names: names))
    }

    func compiledTruth(_ condition: Condition, witnesses: inout [Fact]) -> Truth {
        var names: [String: Int] = [:]
        let compiled = CompiledCondition(condition, names: &names)
        return compiled.evaluate(FactView(self, names: names), witnesses: &witnesses)
    }
}

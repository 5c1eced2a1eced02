import ClawfixEvidence
import ClawfixKnowledge
import Testing

@testable import ClawfixDiagnosis

/// Never give advice the facts rule out: `allowInsecureAuth` stopped bypassing device identity in
/// 2026.2.20/21, and `trustedProxies` cannot fix a Docker NAT.
struct AdviceGuardTests {
    static let insecure = Fact(.symptom, "insecure-context", line: 1, text: "control ui requires HTTPS or localhost (secure context)")
    static let plainHTTP = Fact(.browserSecureContext, "false", line: 2, text: "http://203.0.113.7:18789/")

    func insecureFix(version: String?) -> String? {
        var facts = [Self.insecure, Self.plainHTTP]
        if let version { facts.append(Fact(.openclawVersion, version, line: 5, text: version)) }
        let report = SampleTrees.engine().diagnose(facts: facts, symptomText: "control ui requires HTTPS")
        return report.diagnoses.first { $0.id == "insecure-context" }?.fix
    }

    @Test(arguments: ["2026.2.21", "2026.3.12", "2026.4.12-beta.1"])
    func allowInsecureAuthAdviceIsAbsentFrom2026_2_21(version: String) throws {
        let fix = try #require(insecureFix(version: version))
        #expect(fix == "Open the Control UI through an SSH tunnel at `http://127.0.0.1:18789/`.")
    }

    @Test func allowInsecureAuthAdviceCarriesACaveatOnOlderReleases() throws {
        let fix = try #require(insecureFix(version: "2026.2.9"))
        #expect(fix.contains("Or set `gateway.controlUi.allowInsecureAuth: true` in `~/.openclaw/openclaw.json`."))
        #expect(
            fix.hasSuffix(
                "Note: `allowInsecureAuth` stops bypassing device identity from 2026.2.21 (you run 2026.2.9); "
                    + "after an upgrade, use an SSH tunnel or HTTPS instead."))
    }

    @Test func unknownReleaseKeepsTheAdviceWithACheckYourVersionCaveat() throws {
        let fix = try #require(insecureFix(version: nil))
        #expect(fix.contains("allowInsecureAuth: true"))
        #expect(fix.hasSuffix("only bypass device identity up to 2026.2.20; check `openclaw --version` first."))
    }

    @Test func trustedProxiesAdviceIsDroppedForADockerNATButWarningsStay() {
        let guardrail = AdviceGuard(facts: FactSet([DiagnosisEngineTests.wsLog]))
        let fix = "Approve from inside.\n\nOr add 172.18.0.1 to `gateway.trustedProxies`.\n\n`trustedProxies` does not help here."
        #expect(guardrail.apply(to: fix) == "Approve from inside.\n\n`trustedProxies` does not help here.")
        let lan = AdviceGuard(facts: FactSet([Fact(.gatewayRemoteKind, "lan", line: 3)]))
        #expect(lan.apply(to: fix) == fix)
    }
}

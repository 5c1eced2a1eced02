import ClawfixEvidence
import ClawfixKnowledge

/// Keeps advice the facts rule out out of a fix, whatever a tree's text says.
///
/// - `allowInsecureAuth` / nip.io: the remote bypass stopped working in 2026.2.20 (commit
///   40a29261; the message changed in 2026.2.21). On 2026.2.21 or later that advice is dropped; on an
///   older release it stays with a caveat; with the release unknown it stays with a "check your
///   version" caveat.
/// - `trustedProxies` for a Docker NAT: docker-proxy sends no `X-Forwarded-For`, so trusting the
///   bridge address changes nothing; dropped when the gateway sees a Docker bridge address.
///
/// Only paragraphs that *give* the advice are dropped: a paragraph that says it does not help
/// ("does not", "no longer", …) is the knowledge base's own warning and stays.
public struct AdviceGuard: Sendable {
    static let insecureAuthCutoff = OpenClawVersion(year: 2026, month: 2, day: 21)
    static let negations = [
        "does not", "doesn't", "do not", "don't", "no longer", "not help", "won't", "will not", "removed",
        "ignored", "ignores", "instead of", "never", "inert", "stopped", "not work",
    ]

    public var facts: FactSet

    public init(facts: FactSet) { self.facts = facts }

    public var dockerNAT: Bool {
        facts.facts(named: .gatewayRemoteKind).contains {
            ["docker-bridge", "docker-desktop"].contains($0.value.lowercased())
        }
    }

    /// A fix split into paragraphs, each marked with the advice it gives; prepared once per fix.
    public struct PreparedFix: Sendable, Hashable {
        public var paragraphs: [String]
        var givesInsecureAuth: [Bool]
        var givesTrustedProxies: [Bool]

        public init(_ fix: String) {
            paragraphs = fix.components(separatedBy: "\n\n")
            givesInsecureAuth = paragraphs.map { AdviceGuard.gives($0, ["allowinsecureauth", "nip.io"]) }
            givesTrustedProxies = paragraphs.map { AdviceGuard.gives($0, ["trustedproxies"]) }
        }
    }

    /// The fix without ruled-out advice, plus the caveats that apply. `diagnosisID` is the cause the
    /// fix is for: a Docker NAT diagnosis rules out `trustedProxies` advice even before the logs
    /// show the bridge address.
    public func apply(to fix: String, diagnosisID: String? = nil) -> String {
        apply(to: PreparedFix(fix), diagnosisID: diagnosisID, fill: { $0 })
    }

    /// As `apply(to:)`, over a prepared fix, filling placeholders of the paragraphs kept.
    public func apply(to fix: PreparedFix, diagnosisID: String?, fill: (String) -> String) -> String {
        var keep = Array(repeating: true, count: fix.paragraphs.count)
        var notes: [String] = []
        if fix.givesInsecureAuth.contains(true) {
            if let version = facts.version {
                if !(version < Self.insecureAuthCutoff) {
                    for index in keep.indices where fix.givesInsecureAuth[index] { keep[index] = false }
                } else {
                    notes.append(
                        "Note: `allowInsecureAuth` stops bypassing device identity from 2026.2.21 (you run \(version)); "
                            + "after an upgrade, use an SSH tunnel or HTTPS instead.")
                }
            } else {
                notes.append(
                    "Note: `allowInsecureAuth` (and plain-HTTP nip.io addresses) only bypass device identity up to "
                        + "2026.2.20; check `openclaw --version` first.")
            }
        }
        if fix.givesTrustedProxies.contains(true) && (dockerNAT || diagnosisID == "docker-nat-not-local") {
            for index in keep.indices where fix.givesTrustedProxies[index] { keep[index] = false }
        }
        var text = fix.paragraphs.indices.filter { keep[$0] }.map { fill(fix.paragraphs[$0]) }.joined(separator: "\n\n")
        for note in notes { text += (text.isEmpty ? "" : "\n\n") + note }
        return text
    }

    /// Whether a fix mentions any advice this guard may drop (checked once per fix at engine init,
    /// so fixes that never mention it skip the guard).
    public static func mayApply(to fix: String) -> Bool {
        let lower = fix.lowercased()
        return ["allowinsecureauth", "nip.io", "trustedproxies"].contains { Self.has(lower, $0) }
    }

    static func gives(_ paragraph: String, _ keywords: [String]) -> Bool {
        let lower = paragraph.lowercased()
        guard keywords.contains(where: { has(lower, $0) }) else { return false }
        return !negations.contains { has(lower, $0) }
    }

    /// Substring test over UTF-8 bytes (Foundation's `contains` is slow on Linux and every fix is
    /// checked when the engine starts).
    static func has(_ text: String, _ needle: String) -> Bool {
        let haystack = Array(text.utf8)
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return true }
        guard haystack.count >= pattern.count else { return false }
        let first = pattern[0]
        var index = 0
        while index <= haystack.count - pattern.count {
            if haystack[index] == first, haystack[index..<(index + pattern.count)].elementsEqual(pattern) { return true }
            index += 1
        }
        return false
    }
}

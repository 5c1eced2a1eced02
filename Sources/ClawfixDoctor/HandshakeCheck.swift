import ClawfixProbe
import Foundation

/// The gateway's own answer, as one more piece of evidence: clawfix's WebSocket probe against the
/// published port, with the token the gateway's environment holds, shown in the evidence the way
/// `clawfix probe URL --token-env OPENCLAW_GATEWAY_TOKEN` prints it.
///
/// No device identity is presented, so the gateway records no pairing request: the probe reads,
/// like every other command doctor runs.
enum HandshakeCheck {
    /// The gateway token from raw outputs: `OPENCLAW_GATEWAY_TOKEN=…` (`docker inspect` `Config.Env`,
    /// a systemd `Environment=` line) or `OPENCLAW_GATEWAY_TOKEN: …` (`docker compose config`).
    /// It goes to the probe only; the evidence shows `--token-env`, never the value.
    static func token(in outputs: [String]) -> String? {
        for output in outputs {
            for line in output.split(whereSeparator: \.isNewline) {
                guard let range = line.range(of: "OPENCLAW_GATEWAY_TOKEN") else { continue }
                var rest = line[range.upperBound...]
                guard let separator = rest.first, separator == "=" || separator == ":" else { continue }
                rest = rest.dropFirst()
                let value = rest.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"',"))
                // Empty, an unexpanded `${…}` or a marker is no token to try.
                guard !value.isEmpty, !value.contains("${"), !value.contains("["), !value.contains(" ") else { continue }
                return value
            }
        }
        return nil
    }

    /// The command line the evidence shows for the probe.
    static func command(url: String, withToken: Bool) -> String {
        "clawfix probe \(url)" + (withToken ? " --token-env OPENCLAW_GATEWAY_TOKEN" : "")
    }

    /// Runs the probe and returns what `clawfix probe` would print: its steps (`ProbeReport.stepLines`,
    /// the same lines) and the verdict.
    static func run(url: String, token: String?, timeout: Double) -> String {
        guard let target = ProbeTarget(url: url) else { return "not a gateway URL: \(url)\n" }
        let options = ProbeOptions(credential: token.map { .token($0) } ?? .none, timeout: timeout)
        let probe = GatewayProbe(target: target, options: options)
        // Doctor is synchronous; the probe runs on NIO's threads while this one waits.
        let box = ReportBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.set(await probe.run())
            done.signal()
        }
        done.wait()
        guard let report = box.get() else { return "" }
        // The verdict as the outcome and the gateway's own words, not clawfix's advice: the evidence is
        // read for facts, and advice naming Docker or a proxy would read as the user's setup.
        let verdict = "Verdict: \(report.outcome.rawValue) — \(report.summary) (\(report.elapsedMs) ms)"
        return (report.stepLines + ["", verdict]).joined(separator: "\n") + "\n"
    }
}

private final class ReportBox: @unchecked Sendable {
    private let lock = NSLock()
    private var report: ProbeReport?

    func set(_ report: ProbeReport) { lock.withLock { self.report = report } }
    func get() -> ProbeReport? { lock.withLock { report } }
}

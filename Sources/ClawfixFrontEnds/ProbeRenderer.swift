import ClawfixDiagnosis
import ClawfixProbe

/// Renders a `ProbeReport`: text (the ordered steps, the verdict, the approve command) and JSON
/// (`{"outcome","close","http","requestId","diagnoses","elapsedMs","steps", …}`, diagnoses in the
/// same shape as `clawfix paste --format json`).
public struct ProbeRenderer: Sendable {
    /// Title and fix for a diagnosis id (the knowledge-base catalogue); nil ⇒ id as title, empty fix.
    public var lookup: (@Sendable (String) -> (title: String, fix: String)?)?
    /// `install.kind` when known (`compose`, `docker`, `host`), for the approve command.
    public var install: String?
    public var container: String

    public init(lookup: (@Sendable (String) -> (title: String, fix: String)?)? = nil, install: String? = nil,
                container: String = "openclaw-gateway") {
        self.lookup = lookup
        self.install = install
        self.container = container
    }

    /// The ranked diagnoses: the probe's first id gets most of the confidence.
    public func diagnoses(_ report: ProbeReport) -> [RankedDiagnosis] {
        let ids = report.diagnosisIDs
        return ids.enumerated().map { index, id in
            let confidence = ids.count == 1 ? 0.9 : index == 0 ? 0.6 : 0.3 / Double(ids.count - 1)
            let entry = lookup?(id)
            var fix = entry?.fix ?? ""
            if id == "pairing-not-approved" || id == "scope-upgrade-pending", let requestId = report.requestId {
                let command = approveCommand(requestId: requestId, install: install, container: container)
                fix = fix.isEmpty ? "`\(command)`" : fix + "\n\n`\(command)`"
            }
            return RankedDiagnosis(id: id, title: entry?.title ?? id, confidence: confidence,
                                   evidence: [EvidenceLine(line: nil, text: report.summary)], fix: fix)
        }
    }

    public func renderJSON(_ report: ProbeReport, pretty: Bool = true) -> String {
        let json = OrderedJSON.object([
            ("url", .string(report.url)),
            ("outcome", .string(report.outcome.rawValue)),
            ("close", report.close.map { .object([("code", .integer($0.code)), ("reason", .string($0.reason))]) } ?? .null),
            ("http", report.http.map { .object([("status", .integer($0.status)), ("body", .string($0.body))]) } ?? .null),
            ("error", report.error.map {
                .object([("code", .string($0.code)), ("message", .string($0.message)), ("details", .string($0.details))])
            } ?? .null),
            ("requestId", report.requestId.map(OrderedJSON.string) ?? .null),
            ("approveCommand", report.requestId.map { .string(approveCommand(requestId: $0, install: install, container: container)) } ?? .null),
            ("diagnoses", .array(diagnoses(report).map(OrderedJSON.init))),
            ("serverVersion", report.serverVersion.map(OrderedJSON.string) ?? .null),
            ("protocol", report.serverProtocol.map(OrderedJSON.integer) ?? .null),
            ("elapsedMs", .integer(report.elapsedMs)),
            ("steps", .array(report.steps.map {
                .object([("name", .string($0.name)), ("status", .string($0.status)), ("detail", .string($0.detail)),
                         ("elapsedMs", .integer($0.elapsedMs))])
            })),
        ])
        return json.serialized(pretty: pretty)
    }

    public func renderText(_ report: ProbeReport) -> String {
        var lines = ["Probe of \(report.url)"]
        for step in report.steps {
            let mark = step.status == "ok" ? "ok  " : step.status == "timeout" ? "wait" : "FAIL"
            lines.append("  [\(mark)] \(step.name.padding(toLength: 9, withPad: " ", startingAt: 0)) \(step.detail)  (\(step.elapsedMs) ms)")
        }
        lines.append("")
        lines.append("Verdict: \(report.outcome.rawValue) — \(report.summary) (\(report.elapsedMs) ms)")
        if let requestId = report.requestId {
            lines.append("Approve this device where the gateway runs:")
            lines.append("  \(approveCommand(requestId: requestId, install: install, container: container))")
            lines.append("then run the probe again (pending requests expire after 5 minutes).")
        }
        for diagnosis in diagnoses(report) {
            lines.append("Likely cause: \(diagnosis.title)" + (diagnosis.fix.isEmpty ? "" : "\n  \(diagnosis.fix)"))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

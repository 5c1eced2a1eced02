import ClawfixDiagnosis
import ClawfixProbe

/// Renders `clawfix probe`: the probe's own steps and verdict (`ProbeVerdict`), where the credential
/// came from, and the diagnosis the engine made of the probe's facts (`Conversation.absorb(probe:)`,
/// the same path as chat's `/probe`).
///
/// JSON: `{"url","outcome","verdict":{"headline","nextStep","gatewayIsUp"},"credential":{"sent","source"},
/// "close","http","error","requestId","approveCommand","deviceId","diagnoses","next","serverVersion","protocol",
/// "elapsedMs","steps"}`, `diagnoses` and `next` in the same shape as `clawfix paste --format json`.
public struct ProbeRenderer: Sendable {
    public var style: TerminalStyle
    /// `install.kind` when known (`compose`, `docker`, `host`), for the approve command.
    public var install: String?
    public var container: String
    public var width: Int?

    public init(style: TerminalStyle = .plain, install: String? = nil, container: String = "openclaw-gateway", width: Int? = nil) {
        self.style = style
        self.install = install
        self.container = container
        self.width = width
    }

    /// The command that removes clawfix's own device from the gateway once the check is done.
    public static func removeDeviceCommand(deviceId: String) -> String {
        "openclaw devices remove \(deviceId)"
    }

    public func renderJSON(_ report: ProbeReport, diagnosis: DiagnosisReport, pretty: Bool = true) -> String {
        let verdict = ProbeVerdict(report)
        let json = OrderedJSON.object([
            ("url", .string(report.url)),
            ("outcome", .string(report.outcome.rawValue)),
            ("verdict", .object([
                ("headline", .string(verdict.headline)), ("nextStep", .string(verdict.nextStep)),
                ("gatewayIsUp", .bool(verdict.gatewayIsUp)),
            ])),
            ("credential", .object([
                ("sent", .string(report.credentialSent)), ("source", report.credentialSource.map(OrderedJSON.string) ?? .null),
            ])),
            ("close", report.close.map { .object([("code", .integer($0.code)), ("reason", .string($0.reason))]) } ?? .null),
            ("http", report.http.map { .object([("status", .integer($0.status)), ("body", .string($0.body))]) } ?? .null),
            ("error", report.error.map {
                .object([("code", .string($0.code)), ("message", .string($0.message)), ("details", .string($0.details))])
            } ?? .null),
            ("requestId", report.requestId.map(OrderedJSON.string) ?? .null),
            ("approveCommand", report.requestId.map { .string(approveCommand(requestId: $0, install: install, container: container)) } ?? .null),
            ("deviceId", report.deviceId.map(OrderedJSON.string) ?? .null),
            ("diagnoses", JSONReportRenderer.json(diagnosis.diagnoses)),
            ("next", JSONReportRenderer.json(diagnosis.next)),
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

    public func renderText(_ report: ProbeReport, reply: Reply) -> String {
        let verdict = ProbeVerdict(report)
        let text = TextRenderer(style: style, width: width)
        var lines = report.stepLines.map(TerminalSafe.clean)
        lines.append("Credential: " + (report.credentialSource.map { report.credentialSent == "none" ? $0 : "\(report.credentialSent) from \($0)" }
            ?? report.credentialSent))
        lines.append("")
        lines += text.wrapped(style.bold("Verdict: ") + TerminalSafe.clean(verdict.headline) + " (\(report.outcome.rawValue), \(report.elapsedMs) ms)", indent: "  ")
        lines += text.wrapped(style.cyan("Next step: ") + TerminalSafe.clean(verdict.nextStep), indent: "  ")
        if let requestId = report.requestId {
            lines.append("  \(approveCommand(requestId: requestId, install: install, container: container))")
        }
        if let deviceId = report.deviceId {
            lines += text.wrapped(
                "This probe presented clawfix's own device key (not your browser's or CLI's). Once you are done, remove it "
                    + "from the gateway:", indent: "")
            lines.append("  " + Self.removeDeviceCommand(deviceId: deviceId))
        }
        let diagnosis = text.renderReport(reply.report, fixesShownBefore: reply.fixesShownBefore)
        if report.outcome != .ok, !reply.report.diagnoses.isEmpty || reply.report.next != nil {
            lines.append("")
            lines += diagnosis
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

import ClawfixDiagnosis

/// Renders `DiagnosisReport` exactly as its contract says: keys in contract order (never sorted,
/// never hash-ordered), `next` always present (`null` when nothing is left to ask). The report's
/// own `Codable` conformance is the mapping, the same one the session store writes.
public struct JSONReportRenderer: Sendable {
    public var pretty: Bool

    public init(pretty: Bool = true) { self.pretty = pretty }

    public func render(_ report: DiagnosisReport) -> String {
        Self.json(report).serialized(pretty: pretty)
    }

    /// A report, or a part of one (`diagnoses`, `next`) that another document embeds (the bot's
    /// lines, `clawfix probe --format json`, `clawfix doctor --format json`). Never fails: a number
    /// that is not finite is written as `null`.
    public static func json<Part: Encodable>(_ part: Part) -> OrderedJSON {
        (try? OrderedJSON(encoding: part, nonFiniteAsNull: true)) ?? .null
    }
}

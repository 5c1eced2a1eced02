import ClawfixDiagnosis

/// Renders `DiagnosisReport` exactly as its contract says: keys in contract order (never sorted,
/// never hash-ordered), `next` always present (`null` when nothing is left to ask).
public struct JSONReportRenderer: Sendable {
    public var pretty: Bool

    public init(pretty: Bool = true) { self.pretty = pretty }

    public func render(_ report: DiagnosisReport) -> String {
        OrderedJSON(report).serialized(pretty: pretty)
    }
}

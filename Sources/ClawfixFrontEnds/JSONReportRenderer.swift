import ClawfixDiagnosis
import Foundation

/// Renders `DiagnosisReport` exactly as its contract says: keys in contract order (never sorted),
/// `next` always present.
public struct JSONReportRenderer: Sendable {
    public var pretty: Bool

    public init(pretty: Bool = true) { self.pretty = pretty }

    public func render(_ report: DiagnosisReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .withoutEscapingSlashes] : [.withoutEscapingSlashes]
        // Encoding plain strings, numbers and optionals cannot fail; an empty object keeps output valid regardless.
        guard let data = try? encoder.encode(report) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

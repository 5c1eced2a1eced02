import ClawfixDiagnosis
import ClawfixRedaction

/// What `clawfix redact` prints: the redacted text, or the findings as JSON, and a one-line
/// summary for stderr of what was removed.
public enum RedactReport {
    /// `{"findings":[{"kind","detector","line","start","end","marker"}],"text":"…"}` in that order.
    public static func json(_ result: RedactedText) -> String {
        let findings = result.findings.map { f in
            "{\"kind\":\(quoted(f.kind.rawValue)),\"detector\":\(quoted(f.detector)),\"line\":\(f.line),"
                + "\"start\":\(f.start),\"end\":\(f.end),\"marker\":\(quoted(f.marker))}"
        }
        return "{\"findings\":[\(findings.joined(separator: ","))],\"text\":\(quoted(result.text))}"
    }

    /// One line: which secrets were removed, by kind and line. Redacting before posting is what
    /// keeps them from leaking, so there is nothing to rotate — unless the original text was
    /// already posted somewhere, which is what the advice says instead of "rotate".
    public static func summary(_ result: RedactedText) -> String {
        guard !result.findings.isEmpty else { return "clawfix: no secrets found." }
        let count = result.findings.count
        let records = result.findings.map { RedactionRecord(kind: $0.kind.rawValue, line: $0.line) }
        var listed = records.prefix(RedactionSummary.listed).map { "\($0.kind) on line \($0.line)" }.joined(separator: ", ")
        if records.count > RedactionSummary.listed { listed += " and \(records.count - RedactionSummary.listed) more" }
        return "clawfix: removed \(count) secret\(count == 1 ? "" : "s") (\(listed)); the text above is safe to post. "
            + "Only if the original was already posted somewhere unredacted should those secrets be rotated."
    }

    /// A JSON string literal; every control character is escaped, so nothing raw reaches a terminal.
    static func quoted(_ s: String) -> String { OrderedJSON.quoted(s) }
}

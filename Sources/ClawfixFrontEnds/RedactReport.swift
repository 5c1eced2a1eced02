import ClawfixRedaction

/// What `clawfix redact` prints: the redacted text, or the findings as JSON, and a one-line
/// summary with rotate advice for stderr.
public enum RedactReport {
    /// `{"findings":[{"kind","detector","line","start","end","marker"}],"text":"…"}` in that order.
    public static func json(_ result: RedactedText) -> String {
        let findings = result.findings.map { f in
            "{\"kind\":\(quoted(f.kind.rawValue)),\"detector\":\(quoted(f.detector)),\"line\":\(f.line),"
                + "\"start\":\(f.start),\"end\":\(f.end),\"marker\":\(quoted(f.marker))}"
        }
        return "{\"findings\":[\(findings.joined(separator: ","))],\"text\":\(quoted(result.text))}"
    }

    /// One line: how many secrets of which kinds were removed, then what to rotate.
    public static func summary(_ result: RedactedText) -> String {
        guard !result.findings.isEmpty else { return "clawfix: no secrets found." }
        let kinds = result.exposedKinds
        let count = result.findings.count
        return "clawfix: removed \(count) secret\(count == 1 ? "" : "s") (\(kinds.map(\.rawValue).joined(separator: ", "))). "
            + SecretExposure.advice(for: kinds)
    }

    /// A JSON string literal; every control character is escaped, so nothing raw reaches a terminal.
    static func quoted(_ s: String) -> String { OrderedJSON.quoted(s) }
}

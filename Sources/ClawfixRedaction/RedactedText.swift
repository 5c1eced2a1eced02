/// Text with every secret replaced by a marker, and what was replaced.
///
/// The only way to get one is through a `Redactor`, so a stage that takes `RedactedText`
/// cannot be handed a raw paste by mistake.
public struct RedactedText: Sendable {
    /// The redacted text: each secret became `[kind …last4]` (or `[kind]` for short values).
    public let text: String
    /// One finding per removed secret, in text order.
    public let findings: [RedactionFinding]

    init(text: String, findings: [RedactionFinding]) {
        self.text = text
        self.findings = findings
    }

    /// The kinds of secret that were exposed, without repetition, in a stable order.
    public var exposedKinds: [SecretKind] {
        Array(Set(findings.map(\.kind))).sorted()
    }
}

/// One secret removed from a paste.
public struct RedactionFinding: Hashable, Sendable, Codable {
    /// What kind of secret it was.
    public var kind: SecretKind
    /// Which detector found it (for `clawfix redact --format json` and the benchmark).
    public var detector: String
    /// 1-based line of the input where the secret started.
    public var line: Int
    /// Byte offsets of the secret in the cleaned input (`PastedInput.text`'s UTF-8), half-open.
    public var start: Int
    public var end: Int
    /// The marker that replaced it.
    public var marker: String

    public init(kind: SecretKind, detector: String, line: Int, start: Int, end: Int, marker: String) {
        self.kind = kind
        self.detector = detector
        self.line = line
        self.start = start
        self.end = end
        self.marker = marker
    }
}

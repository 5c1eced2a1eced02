/// One rule that finds one family of secrets, in the style of a swift-format rule: each
/// detector lives in its own file with the message it shows beside it.
///
/// Detectors scan the UTF-8 bytes of the cleaned input once, left to right, and must stay
/// linear: every byte is looked at a bounded number of times, whatever the input.
public protocol SecretDetector: Sendable {
    /// Stable name, shown in `clawfix redact --format json` and used by the benchmark.
    var name: String { get }
    /// What the user is told when this detector fires.
    var message: String { get }
    /// Appends one candidate per secret found. Spans are byte offsets into `bytes`.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, into candidates: inout [SecretCandidate])
}

/// A span a detector believes is a secret, before overlaps between detectors are resolved.
public struct SecretCandidate: Hashable, Sendable {
    public var start: Int
    public var end: Int
    public var kind: SecretKind
    public var detector: String

    public init(start: Int, end: Int, kind: SecretKind, detector: String) {
        self.start = start
        self.end = end
        self.kind = kind
        self.detector = detector
    }
}

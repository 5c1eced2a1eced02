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

/// A detector that only looks where its trigger occurs; the search between occurrences is
/// shared (`DetectorTrigger`), so a detector file holds just what makes its secret a secret.
public protocol TriggeredDetector: SecretDetector {
    var trigger: DetectorTrigger { get }
    /// Looks at the trigger occurrence at `i`, appends the secret found there, if any, and
    /// returns where the search for the next occurrence starts (a found secret is not searched
    /// again; anything up to `i` means `i + 1`).
    func examine(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, into candidates: inout [SecretCandidate]) -> Int
}

extension TriggeredDetector {
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, into candidates: inout [SecretCandidate]) {
        trigger.forEach(in: bytes) { examine(bytes, at: $0, into: &candidates) }
    }
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

/// What became of one command doctor ran: how it ended and how long it took. Its output lives
/// only in the redacted evidence document.
public struct CommandRecord: Sendable, Hashable {
    public var command: PlannedCommand
    /// Exit status; nil when it could not start.
    public var status: Int32?
    public var timedOut: Bool
    /// Its output passed the size limit and was cut.
    public var truncated: Bool
    public var seconds: Double
    /// Whether its output is part of the evidence (discovery that found nothing is left out, so
    /// "unit not found" is not read as a symptom).
    public var inEvidence: Bool

    public init(command: PlannedCommand, status: Int32?, timedOut: Bool, truncated: Bool, seconds: Double, inEvidence: Bool) {
        self.command = command
        self.status = status
        self.timedOut = timedOut
        self.truncated = truncated
        self.seconds = seconds
        self.inEvidence = inEvidence
    }
}

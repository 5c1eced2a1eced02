/// What `Doctor.collect` returns: the install it found, the redacted evidence, and how each command went.
public struct DoctorEvidence: Sendable {
    public var install: GatewayInstall
    public var document: EvidenceDocument
    public var records: [CommandRecord]
    public var notes: [DoctorNote]
    public var skipped: [SkippedCommand]
    /// False when the host could not be reached at all (ssh failed): there is no evidence.
    public var reachable: Bool
    /// Wall time of the whole collection.
    public var seconds: Double
}

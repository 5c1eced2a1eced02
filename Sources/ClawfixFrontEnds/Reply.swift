import ClawfixDiagnosis

/// What a conversation answers to one message: the report as it stands after this message, and
/// any notices about the message itself (truncated, binary, a command's output such as `/why`).
///
/// Every front end renders a `Reply`; none of them builds its own wording from the engine.
public struct Reply: Sendable, Hashable {
    /// What kind of answer this is, so renderers can decide what to show.
    public enum Kind: String, Sendable, Hashable {
        /// The message was analysed; `report` is the diagnosis after it.
        case diagnosis
        /// A slash command answered with `lines`; `report` is the unchanged current report.
        case command
        /// The message could not be analysed (empty, binary); `notices` say why.
        case rejected
    }

    public var kind: Kind
    public var report: DiagnosisReport
    /// Things said about the input before the report (truncation, binary, invalid UTF-8 repaired).
    public var notices: [String]
    /// Output of a slash command (`/facts`, `/help`), one entry per line.
    public var lines: [String]
    /// `/why`: the scores behind the ranking, worded by each renderer for its readers.
    public var explanation: [CandidateScore]
    /// Diagnoses whose fix this conversation has already shown in full: a renderer refers to it
    /// instead of posting it again (the report itself keeps every fix, for JSON readers).
    public var fixesShownBefore: Set<String>

    public init(
        kind: Kind, report: DiagnosisReport, notices: [String] = [], lines: [String] = [],
        explanation: [CandidateScore] = [], fixesShownBefore: Set<String> = []
    ) {
        self.kind = kind
        self.report = report
        self.notices = notices
        self.lines = lines
        self.explanation = explanation
        self.fixesShownBefore = fixesShownBefore
    }
}

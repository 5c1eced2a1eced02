/// One row of `KnowledgeBase/messages.md`: a text OpenClaw (or a tool around it) prints, the
/// symptom it means, who prints it and what else it tells.
public struct OpenClawMessage: Sendable, Hashable {
    /// How the text is found in a line.
    public enum Match: String, Sendable, CaseIterable {
        /// Anywhere in a line.
        case substring
        /// As a whole word (`AUTH_TOKEN_MISSING`, a bare `token_missing`).
        case word
        /// A word starting with the text (`trusted_proxy_missing_header_<name>`).
        case prefix
        /// Anywhere, but only when no other row matched the same line: a generic opener such as
        /// `Invalid config` or a hint that several messages share.
        case fallback
        /// The text is a close code, read where a client prints one (`disconnected (1000)`).
        case closeCode = "close-code"
        /// The text is a whole close reason (`disconnected (1008): unauthorized`).
        case closeReason = "close-reason"
    }

    /// The text as written in the table (placeholders left out).
    public let text: String
    /// Lower-case bytes of `text`, what lines are searched for.
    let needle: [UInt8]
    /// The `symptom` fact value, or nil for rows that only carry a code or reason.
    public let symptom: String?
    /// The `printed by` column: `gateway`, `control-ui`, `cli`, `gateway-log`, `doctor`, `shell`.
    public let printedBy: String
    /// The gateway's authReason this message stands for (`reason=`).
    public let authReason: String?
    /// Why pairing is required, when the text says (`pairing=`).
    public let pairingReason: String?
    /// The close code of a `close-code` row (`close=`).
    public let closeCode: Int?
    /// What ssh reported (`ssh=`).
    public let sshError: String?
    /// The gateway exits after printing it (`start=refused`): the message is its start failure.
    public let refusesStart: Bool
    /// What else the message tells about the setup, as facts without a line (`gateway.auth-mode=none`
    /// in the code or reason column): a startup line that names the auth mode or the bind scope.
    public let facts: [Fact]
    /// The releases that print it, as written (`from 2026.2.19`), or nil for any.
    public let releases: String?
    public let match: Match
    /// The line of the row in its file, for lint messages.
    public let line: Int

    public init(
        text: String, symptom: String?, printedBy: String, authReason: String? = nil, pairingReason: String? = nil,
        closeCode: Int? = nil, sshError: String? = nil, refusesStart: Bool = false, facts: [Fact] = [], releases: String? = nil,
        match: Match = .substring, line: Int = 0
    ) {
        self.text = text
        self.needle = ByteSearch.needle(text)
        self.symptom = symptom
        self.printedBy = printedBy
        self.authReason = authReason
        self.pairingReason = pairingReason
        self.closeCode = closeCode
        self.sshError = sshError
        self.refusesStart = refusesStart
        self.facts = facts
        self.releases = releases
        self.match = match
        self.line = line
    }

    /// The `error.reporter` fact this row gives: a client that alone prints this exact text.
    /// `openclaw doctor` is a CLI command; a close reason or a tool error names no reporter.
    public var reporter: String? {
        switch printedBy {
        case "control-ui", "cli", "gateway-log": return printedBy
        case "doctor": return "cli"
        default: return nil
        }
    }
}

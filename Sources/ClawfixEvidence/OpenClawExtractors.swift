/// Extractors for OpenClaw's own output: error strings, gateway logs, CLI output, openclaw.json,
/// shell and network errors.
enum OpenClawExtractors {
    static let all: [any FactExtractor] = [
        ErrorStringExtractor(),
        GatewayLogExtractor(),
        OpenClawCLIExtractor(),
        ShellErrorExtractor(),
        BrowserURLExtractor(),
        OpenClawConfigExtractor(),
    ]
    /// Fact names these extractors produce beyond the core vocabulary in `FactName`.
    static let factNames: Set<String> = [
        FactName.pairingAutoApproved, .requestedScopes, .approvedScopes, .approvedRequest, .configMissingPath,
        .missingCommand, .sshError,
    ].reduce(into: []) { $0.insert($1.rawValue) }
}

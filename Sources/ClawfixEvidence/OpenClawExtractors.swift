/// Extractors for OpenClaw's own output: error strings, gateway logs, CLI output, openclaw.json,
/// shell and network errors.
enum OpenClawExtractors {
    static let all: [any FactExtractor] = [
        ErrorStringExtractor(),
        GatewayLogExtractor(),
    ]
    /// Fact names these extractors produce beyond the core vocabulary in `FactName`.
    static let factNames: Set<String> = []
}

/// Extractors for OpenClaw's own output: error strings, gateway logs, CLI output, openclaw.json,
/// shell and network errors.
enum OpenClawExtractors {
    static let all: [any FactExtractor] = make(messages: .builtIn)

    /// The same extractors reading `messages` (the built-in table plus `--kb` rows).
    static func make(messages: MessageTable) -> [any FactExtractor] {
        [
            ErrorStringExtractor(messages: messages),
            GatewayLogExtractor(),
            OpenClawCLIExtractor(),
            ShellErrorExtractor(messages: messages),
            BrowserURLExtractor(),
            OpenClawConfigExtractor(),
        ]
    }
}

/// Which extractors a line may interest: each extractor names words (lower-case) without which
/// none of its line rules can match, and one automaton pass over the paste marks every line with
/// the extractors whose words it holds. An extractor then parses only its marked lines — a
/// prefilter, so a marked line can still give nothing.
struct LineTriggers: OptionSet, Sendable {
    let rawValue: UInt64

    static let errorStrings = LineTriggers(rawValue: 1 << 0)
    static let gatewayLog = LineTriggers(rawValue: 1 << 1)
    static let openClawCLI = LineTriggers(rawValue: 1 << 2)
    static let shellErrors = LineTriggers(rawValue: 1 << 3)
    static let browserURL = LineTriggers(rawValue: 1 << 4)
    static let containerTableHeader = LineTriggers(rawValue: 1 << 5)
    static let containerJSON = LineTriggers(rawValue: 1 << 6)
    static let composeServices = LineTriggers(rawValue: 1 << 7)
    static let dockerInspect = LineTriggers(rawValue: 1 << 8)
    static let listeningSockets = LineTriggers(rawValue: 1 << 9)
    static let environment = LineTriggers(rawValue: 1 << 10)
    /// A phrase saying an error is gone (`ErrorStringExtractor.negations`).
    static let negation = LineTriggers(rawValue: 1 << 11)
    /// An error-looking word for `UnrecognizedLines`.
    static let unrecognized = LineTriggers(rawValue: 1 << 12)

    /// Every extractor's words, compiled once per process.
    static let automaton: KeywordAutomaton = {
        let groups: [(LineTriggers, [String])] = [
            (.errorStrings, ErrorStringExtractor.triggerWords),
            (.gatewayLog, GatewayLogExtractor.triggerWords),
            (.openClawCLI, OpenClawCLIExtractor.triggerWords),
            (.shellErrors, ShellErrorExtractor.triggerWords),
            (.browserURL, BrowserURLExtractor.triggerWords),
            (.containerTableHeader, ContainerTable.triggerWords),
            (.containerJSON, ["\"names\":", "\"service\":"]),
            (.composeServices, ["services:"]),
            (.dockerInspect, DockerInspectExtractor.triggerWords),
            (.listeningSockets, ListeningSocketsExtractor.triggerWords),
            (.environment, EnvironmentExtractor.triggerWords),
            (.negation, ErrorStringExtractor.negations.map { String(decoding: $0, as: UTF8.self) }),
            (.unrecognized, UnrecognizedLines.triggerWords),
        ]
        var words: [(word: [UInt8], mask: UInt64)] = []
        for (group, list) in groups {
            for word in list { words.append((ByteSearch.needle(word), group.rawValue)) }
        }
        return KeywordAutomaton(words)
    }()

    /// The triggers of every line in `storage`.
    static func scan(_ storage: LineBuffer) -> [LineTriggers] {
        automaton.scan(UnsafeBufferPointer(start: storage.lower.baseAddress, count: storage.count)).map(LineTriggers.init(rawValue:))
    }
}

/// Everything the prose reader looks for on one line, found in a single automaton pass: the
/// phrases of `ProsePhrase.table`, the setting names of `ConfigKeyPaths.settings` and the OpenClaw
/// messages (`KnowledgeBase/messages.md`) the line may quote. Four tables, one walk over the bytes:
/// a megabyte of prose is read once, not four times.
struct ProseLineScan {
    /// Every occurrence of a phrase as (index in `ProsePhrase.table`, start), in the order they end.
    private(set) var phrases: [(word: Int, start: Int)] = []
    /// Every occurrence of a setting name as (index in `ConfigKeyPaths.settings`, start).
    private(set) var settings: [(word: Int, start: Int)] = []
    /// Byte ranges of the OpenClaw messages the line quotes (the first occurrence of each): "Gateway
    /// failed to start: tailscale serve/funnel requires gateway bind=loopback" names Tailscale and a
    /// bind, but the program said it, not the user.
    private(set) var quoted: [Range<Int>] = []

    init(_ lower: LineBytes) {
        var quotedWords: [Int] = []
        for (word, start) in Self.automaton.allMatches(in: lower) {
            if word < Self.settingsStart {
                phrases.append((word, start))
            } else if word < Self.messagesStart {
                settings.append((word - Self.settingsStart, start))
            } else if !quotedWords.contains(word) {
                quotedWords.append(word)
                quoted.append(start..<(start + Self.messageLengths[word - Self.messagesStart]))
            }
        }
    }

    private static let settingsStart = ProsePhrase.table.count
    private static let messagesStart = settingsStart + ConfigKeyPaths.settings.count
    private static let messageNeedles: [[UInt8]] = {
        let table = MessageTable.builtIn
        return (table.errorRows + table.shellRows).map { table.rows[$0].needle }
    }()
    private static let messageLengths = messageNeedles.map(\.count)
    private static let automaton = KeywordAutomaton(
        (ProsePhrase.table.map(\.needle) + ConfigKeyPaths.settings.map(\.needle) + messageNeedles).map { ($0, 1) })
}

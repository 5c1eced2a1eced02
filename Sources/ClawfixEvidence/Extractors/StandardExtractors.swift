/// The built-in extractors, in the order they run. Each family keeps its own list so the
/// extractors of different input kinds can evolve independently.
enum StandardExtractors {
    static let all: [any FactExtractor] = SystemExtractors.all + OpenClawExtractors.all

    /// The built-in extractors reading `messages` instead of the compiled-in table.
    static func make(messages: MessageTable) -> [any FactExtractor] {
        SystemExtractors.all + OpenClawExtractors.make(messages: messages)
    }
}

import ClawfixDiagnosis
import Foundation

/// One line of the bot's JSON Lines input: `{"conversation","text","author"}`.
public struct BotRequest: Sendable, Hashable, Decodable {
    public var conversation: String
    public var text: String
    public var author: String

    public init(conversation: String, text: String, author: String) {
        self.conversation = conversation
        self.text = text
        self.author = author
    }
}

/// One line of the bot's output: `{"conversation","reply","chunks","diagnoses","next"}`, where
/// `reply` is the whole Discord-Markdown answer, `chunks` the same text cut into messages Discord
/// accepts, and `diagnoses`/`next` are as in `DiagnosisReport`.
public struct BotResponse: Sendable, Hashable {
    public var conversation: String
    public var reply: String
    public var chunks: [String]
    public var diagnoses: [RankedDiagnosis]
    public var next: NextQuestion?

    /// One compact JSON line, keys in contract order.
    public var jsonLine: String {
        OrderedJSON.object([
            ("conversation", .string(conversation)),
            ("reply", .string(reply)),
            ("chunks", .array(chunks.map(OrderedJSON.string))),
            ("diagnoses", .array(diagnoses.map(OrderedJSON.init))),
            ("next", next.map(OrderedJSON.init) ?? .null),
        ]).serialized()
    }
}

/// The bot's answer to a line it could not take: `{"error":"…","line":N}` (1-based input line).
public struct BotError: Sendable, Hashable {
    public var error: String
    public var line: Int

    public var jsonLine: String {
        OrderedJSON.object([("error", .string(error)), ("line", .integer(line))]).serialized()
    }
}

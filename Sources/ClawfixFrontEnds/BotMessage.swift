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
public struct BotResponse: Sendable, Hashable, Encodable {
    public var conversation: String
    public var reply: String
    public var chunks: [String]
    public var diagnoses: [RankedDiagnosis]
    public var next: NextQuestion?

    private enum CodingKeys: String, CodingKey { case conversation, reply, chunks, diagnoses, next }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(conversation, forKey: .conversation)
        try container.encode(reply, forKey: .reply)
        try container.encode(chunks, forKey: .chunks)
        try container.encode(diagnoses, forKey: .diagnoses)
        try container.encode(next, forKey: .next)
    }
}

/// The bot's answer to a line it could not take: `{"error":"…","line":N}` (1-based input line).
public struct BotError: Sendable, Hashable, Encodable {
    public var error: String
    public var line: Int

    private enum CodingKeys: String, CodingKey { case error, line }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(error, forKey: .error)
        try container.encode(line, forKey: .line)
    }
}

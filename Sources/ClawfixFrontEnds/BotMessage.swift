import ClawfixDiagnosis
import Foundation

/// One line of the bot's JSON Lines input: `{"conversation","text","author"}`; `author` is
/// optional (a bridge may not know it, and nothing in the answer depends on it).
public struct BotRequest: Sendable, Hashable, Decodable {
    public var conversation: String
    public var text: String
    public var author: String?

    public init(conversation: String, text: String, author: String? = nil) {
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
    /// Every candidate's ranking features, only when the engine records them (`bot --ranking-features`,
    /// which `scripts/fit-ranking.py` uses to replay the transcripts); not part of the contract.
    public var ranking: [RankingFeatures]? = nil

    /// One compact JSON line, keys in contract order.
    ///
    /// Written straight into bytes, the same as `OrderedJSON` would, without building the tree for
    /// the two big strings (`diagnoses` and `next` are the report's own JSON, `JSONReportRenderer.json`); the usual single chunk is the reply itself, so its escaped bytes are
    /// copied instead of escaped twice.
    public var jsonLine: String {
        var out: [UInt8] = []
        out.reserveCapacity(2 * reply.utf8.count + 1_024)
        out += #"{"conversation":"#.utf8
        OrderedJSON.writeString(conversation, into: &out)
        out += #","reply":"#.utf8
        let replyStart = out.count
        OrderedJSON.writeString(reply, into: &out)
        let escapedReply = Array(out[replyStart...])
        out += #","chunks":["#.utf8
        for (index, chunk) in chunks.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            if chunk == reply {
                out.append(contentsOf: escapedReply)
            } else {
                OrderedJSON.writeString(chunk, into: &out)
            }
        }
        out += #"],"diagnoses":"#.utf8
        JSONReportRenderer.json(diagnoses).write(into: &out)
        out += #","next":"#.utf8
        JSONReportRenderer.json(next).write(into: &out)
        if let ranking {
            out += #","ranking":"#.utf8
            JSONReportRenderer.json(ranking).write(into: &out)
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }
}

/// The bot's answer to a line it could not take: `{"conversation","error","line"}` (1-based input
/// line), shaped like a reply so a bridge routes it the same way: `conversation` is the line's own
/// when it had one (null when the line held none that could be read).
public struct BotError: Sendable, Hashable {
    public var conversation: String?
    public var error: String
    public var line: Int

    public init(conversation: String? = nil, error: String, line: Int) {
        self.conversation = conversation
        self.error = error
        self.line = line
    }

    public var jsonLine: String {
        OrderedJSON.object([
            ("conversation", conversation.map(OrderedJSON.string) ?? .null), ("error", .string(error)), ("line", .integer(line)),
        ]).serialized()
    }
}

/// The `conversation` of a line that is otherwise unusable (a missing `text`, a number for a
/// string), so its error can still be routed.
struct BotLineConversation: Decodable {
    var conversation: String?

    static func of(_ bytes: [UInt8], decoder: JSONDecoder) -> String? {
        (try? decoder.decode(BotLineConversation.self, from: Data(bytes)))?.conversation
    }
}

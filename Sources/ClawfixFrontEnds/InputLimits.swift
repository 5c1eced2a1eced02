/// How much of a message clawfix analyses.
///
/// A paste bigger than `maximumMessageBytes` is cut at the last line break before the limit and
/// the reply says so: the redactor and extractors are linear, but a 50 MB log would still make
/// every renderer and the session store carry megabytes of text nobody reads. 8 MB holds any
/// realistic `docker compose logs` excerpt; the head is kept so line numbers stay true.
public struct InputLimits: Sendable, Hashable {
    /// Bytes of one message that are analysed.
    public var maximumMessageBytes: Int
    /// Longest line the bot reads from its JSON Lines input; longer lines get an error object.
    public var maximumBotLineBytes: Int

    public init(maximumMessageBytes: Int = 8 << 20, maximumBotLineBytes: Int = 4 << 20) {
        self.maximumMessageBytes = maximumMessageBytes
        self.maximumBotLineBytes = maximumBotLineBytes
    }

    public static let standard = InputLimits()

    /// The bytes to analyse and, when cut, how many bytes were dropped.
    public func clip(_ bytes: [UInt8]) -> (kept: ArraySlice<UInt8>, droppedBytes: Int) {
        guard bytes.count > maximumMessageBytes else { return (bytes[...], 0) }
        var end = maximumMessageBytes
        // Cut at a line break so no line (and no secret on it) is split in half.
        if let newline = bytes[..<end].lastIndex(of: 0x0A) { end = newline + 1 }
        return (bytes[..<end], bytes.count - end)
    }

    /// "8 MB" for messages.
    public var maximumMessageDescription: String { Self.describe(maximumMessageBytes) }

    static func describe(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MB" : bytes >= 1 << 10 ? "\(bytes >> 10) KB" : "\(bytes) bytes"
    }
}

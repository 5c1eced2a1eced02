/// One thing clawfix knows about the user's setup, with the pasted line it came from.
///
/// Facts are the only input the diagnosis engine reasons over: extractors turn pasted command
/// output into facts, the conversation turns words ("it's docker") into facts, and the live probe
/// turns a handshake into facts. Values are strings so the knowledge base (Markdown, not code) can
/// test them; a fact name may carry several values (one fact per published port, for example).
public struct Fact: Hashable, Sendable, Codable {
    /// What the fact is about, e.g. `docker.gateway-container`.
    public var name: FactName
    /// The value, already redacted: a secret is never a fact value, only `set`.
    public var value: String
    /// 1-based line number in the paste the fact came from; `nil` for facts that came from an
    /// answer in words or from the probe.
    public var line: Int?
    /// The (redacted, control-character-free) text of that line, shown as evidence.
    public var text: String?
    /// Where the fact came from.
    public var origin: FactOrigin

    public init(_ name: FactName, _ value: String, line: Int? = nil, text: String? = nil, origin: FactOrigin = .paste) {
        self.name = name
        self.value = value
        self.line = line
        self.text = text
        self.origin = origin
    }
}

/// Where a fact came from; shown by `/why` and used to prefer pasted evidence over hearsay.
public struct FactOrigin: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Extracted from pasted command output or logs.
    public static let paste = FactOrigin(rawValue: "paste")
    /// Said in words by the user ("yes it's docker").
    public static let answer = FactOrigin(rawValue: "answer")
    /// Observed by clawfix's own WebSocket probe.
    public static let probe = FactOrigin(rawValue: "probe")

    public var description: String { rawValue }
}

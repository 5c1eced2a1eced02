import ClawfixEvidence
import Foundation

/// `clawfix bot`: Discord-bot style over JSON Lines. Each input line `{"conversation","text","author"}`
/// gets exactly one output line: `{"conversation","reply","chunks","diagnoses","next"}`, or
/// `{"conversation","error","line"}` for a line it cannot take (not JSON, a missing field, too long,
/// invalid UTF-8) — after which the stream keeps flowing.
///
/// Conversations interleave freely; each has its own `Conversation`. At most
/// `maximumConversationsInMemory` stay in memory (least recently used are evicted: their state is
/// staged in the session store and reloaded when they speak again). A conversation's state is
/// encoded when it is saved, not per message: `save()` stages every conversation that changed and
/// writes them in one transaction — every `flushInterval` messages, at most `flushDelay` seconds
/// after a change, whenever the input goes idle, and at the end (EOF or a stop request). A state
/// is encoded once per save however often its conversation spoke since, so under load the time
/// bound, not the message count, decides how much a crash (not a stop) could cost.
public final class BotFrontEnd<Engine: ConversationEngine> {
    public let engine: Engine
    public let store: SessionStore
    public let evidence: EvidenceReader
    public let limits: InputLimits
    public let maximumConversationsInMemory: Int
    public let flushInterval: Int
    /// Longest a change waits in memory while messages keep arriving without a pause.
    public let flushDelay: Double
    private var conversations: [String: (conversation: Conversation<Engine>, lastUse: Int)] = [:]
    /// Conversations answered since they were last staged.
    private var changed: Set<String> = []
    private var clock = 0
    private var sinceFlush = 0
    private var lastFlush = BotFrontEnd.now()
    private let renderer = MarkdownRenderer(showsFacts: false)
    private let chunker = DiscordChunker()
    private let decoder = JSONDecoder()

    public init(
        engine: Engine, store: SessionStore, evidence: EvidenceReader = .standard, limits: InputLimits = .standard,
        maximumConversationsInMemory: Int = 2_000, flushInterval: Int = 2_000, flushDelay: Double = 1
    ) {
        self.engine = engine
        self.store = store
        self.evidence = evidence
        self.limits = limits
        self.maximumConversationsInMemory = max(1, maximumConversationsInMemory)
        self.flushInterval = max(1, flushInterval)
        self.flushDelay = flushDelay
    }

    /// How many conversations are in memory now.
    public var conversationsInMemory: Int { conversations.count }

    /// Reads JSON Lines from `input` until its end, or until `stop` becomes readable (see
    /// `StopSignal`: then it stops after the line it is answering), writing one line per input
    /// line to `output`; every answered conversation is saved before it returns.
    public func run(input: Int32, stop: Int32 = -1, output: (String) -> Void) {
        let reader = LineReader(fileDescriptor: input, maximumLineBytes: limits.maximumBotLineBytes)
        reader.stopFileDescriptor = stop
        var number = 0
        while true {
            if !reader.hasBufferedLine && !reader.waitForInput(milliseconds: 0) {
                // Idle: nothing more to read right now, so this is the moment to write.
                save()
            }
            // Asked to stop: what was answered is saved below; lines not answered yet are left.
            guard !reader.stopRequested, let item = reader.next() else { break }
            number += 1
            output(handle(item, line: number))
        }
        save()
    }

    /// Stages every conversation changed since the last save and writes them to the store.
    public func save() {
        for id in changed {
            if let conversation = conversations[id]?.conversation { stage(conversation) }
        }
        changed.removeAll(keepingCapacity: true)
        sinceFlush = 0
        lastFlush = Self.now()
        store.flush()
    }

    private func stage(_ conversation: Conversation<Engine>) {
        guard let state = conversation.encodedState() else { return }
        store.stage(conversation: conversation.id, state: state, lines: conversation.takeTranscriptLines())
    }

    /// The output line (without line break) for one input line.
    public func handle(_ item: LineReader.Item, line number: Int) -> String {
        switch item {
        case .tooLong(let count):
            return errorLine(
                "line is \(InputLimits.describe(count)); the limit is \(InputLimits.describe(limits.maximumBotLineBytes))",
                line: number)
        case .line(let bytes):
            return handle(bytes: bytes, line: number)
        }
    }

    public func handle(bytes: [UInt8], line number: Int) -> String {
        var bytes = bytes
        if bytes.last == 0x0D { bytes.removeLast() }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            return errorLine("line is not valid UTF-8", line: number)
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            return errorLine("empty line; expected {\"conversation\",\"text\"}", line: number)
        }
        let request: BotRequest
        do {
            request = try decoder.decode(BotRequest.self, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, _) {
            return errorLine("missing field \"\(key.stringValue)\"", line: number, bytes: bytes)
        } catch let DecodingError.typeMismatch(_, context) {
            let field = context.codingPath.first?.stringValue
            return errorLine(
                field.map { "field \"\($0)\" must be a string" } ?? "expected a JSON object", line: number, bytes: bytes)
        } catch let DecodingError.valueNotFound(_, context) {
            let field = context.codingPath.first?.stringValue ?? "?"
            return errorLine("field \"\(field)\" must be a string, not null", line: number, bytes: bytes)
        } catch {
            return errorLine("not valid JSON; expected {\"conversation\",\"text\"}", line: number)
        }
        return respond(to: request)
    }

    /// Said whenever a reply asks for a command's output: one run of doctor answers most of them.
    static var doctorHint: String {
        "_Tip:_ on the gateway host, `clawfix doctor --bundle evidence.md` runs these checks itself "
            + "(read-only, secrets redacted) and answers most questions at once; paste the bundle here."
    }

    /// Answers one message of one conversation.
    public func respond(to request: BotRequest) -> String {
        let conversation = self.conversation(request.conversation)
        let reply = conversation.respond(to: Array(request.text.utf8))
        if conversation.hasUnsavedChanges { changed.insert(conversation.id) }
        sinceFlush += 1
        if sinceFlush >= flushInterval || Self.now() - lastFlush >= flushDelay { save() }
        var markdown = renderer.render(reply)
        if reply.kind == .diagnosis, let next = reply.report.next, !next.commands.isEmpty {
            markdown += "\n\n" + Self.doctorHint
        }
        let response = BotResponse(
            conversation: request.conversation, reply: markdown, chunks: chunker.chunks(markdown),
            diagnoses: reply.report.diagnoses, next: reply.report.next, ranking: reply.report.rankingFeatures)
        return response.jsonLine
    }

    private func conversation(_ id: String) -> Conversation<Engine> {
        clock += 1
        if let entry = conversations[id] {
            conversations[id]?.lastUse = clock
            return entry.conversation
        }
        let conversation: Conversation<Engine>
        if let stored = store.load(conversation: id) {
            conversation = Conversation(
                id: id, engine: engine, evidence: evidence, limits: limits, storedState: stored.state)
        } else {
            conversation = Conversation(id: id, engine: engine, evidence: evidence, limits: limits)
        }
        conversation.listsFactNames = false
        conversations[id] = (conversation, clock)
        if conversations.count > maximumConversationsInMemory { evict() }
        return conversation
    }

    /// Drops the least recently used tenth, so eviction costs one sort per many new conversations.
    private func evict() {
        let excess = conversations.count - maximumConversationsInMemory + maximumConversationsInMemory / 10
        let oldest = conversations.sorted { $0.value.lastUse < $1.value.lastUse }.prefix(excess)
        for (id, entry) in oldest {
            if changed.remove(id) != nil { stage(entry.conversation) }
            conversations[id] = nil
            store.forget(conversation: id)
        }
    }

    /// Monotonic seconds.
    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// `bytes`: the line, when it is JSON that may still name its conversation.
    private func errorLine(_ message: String, line: Int, bytes: [UInt8]? = nil) -> String {
        BotError(conversation: bytes.flatMap { BotLineConversation.of($0, decoder: decoder) }, error: message, line: line).jsonLine
    }
}

import ClawfixDiagnosis
import ClawfixEvidence
import ClawfixProbe
import ClawfixRedaction
import Foundation

/// One conversation's pipeline, shared by chat, paste and bot: message bytes → `PastedInput` →
/// redaction (with this conversation's `SecretMemory`) → facts from the paste and from the words →
/// the accumulated state → a ranked report → a `Reply`.
///
/// Slash commands: `/reset`, `/why`, `/facts`, `/help`. Empty, binary and oversized input get a
/// clear notice instead of an analysis (oversized input is cut to `InputLimits.maximumMessageBytes`).
public final class Conversation<Engine: ConversationEngine> {
    public let id: String
    public let engine: Engine
    public let evidence: EvidenceReader
    public let limits: InputLimits
    public private(set) var state: Engine.State
    /// Secrets seen so far, so a later bare repeat is redacted too. Memory only: never stored.
    private var redactor = Redactor()
    private var unsavedLines: [SessionStore.TranscriptLine] = []
    /// The live probe behind `/probe`; nil where probing makes no sense (paste, bot).
    public var probe: ConversationProbe?
    /// This machine runs the gateway: when a command would be asked, offer `clawfix doctor`,
    /// which runs them all itself. Set by chat from `GatewayHostCheck`.
    public var offersDoctor = false
    /// Whether `/facts` names facts by their internal names (`install.method = docker`); the bot
    /// lists the lines they came from instead, since its readers never see those names elsewhere.
    public var listsFactNames = true
    /// The fix shown in full for each diagnosis in this conversation (memory only: a resumed
    /// conversation shows each once more). A fix tailored anew (a request id learnt since) is new.
    private var fixesShown: [String: String] = [:]
    /// The offer to probe is made once per conversation.
    private var offeredProbe = false
    /// Longest redacted message kept in the stored transcript; the state holds what matters.
    static var transcriptTextLimit: Int { 64 * 1024 }

    public init(
        id: String, engine: Engine, evidence: EvidenceReader = .standard, limits: InputLimits = .standard,
        state: Engine.State? = nil
    ) {
        self.id = id
        self.engine = engine
        self.evidence = evidence
        self.limits = limits
        self.state = state ?? engine.newState()
    }

    /// Resumes a stored conversation; a state that no longer decodes starts afresh.
    public convenience init(
        id: String, engine: Engine, evidence: EvidenceReader = .standard, limits: InputLimits = .standard,
        storedState: Data
    ) {
        let decoded = try? JSONDecoder().decode(Engine.State.self, from: storedState)
        self.init(id: id, engine: engine, evidence: evidence, limits: limits, state: decoded)
    }

    /// The state as JSON for the session store (redacted by construction), read back by
    /// `init(storedState:)` with `JSONDecoder`.
    public func encodedState() -> Data? {
        guard let json = try? OrderedJSON(encoding: state) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4_096)
        json.write(into: &bytes)
        return Data(bytes)
    }

    /// True when the state or transcript changed since `takeTranscriptLines()`: every change of
    /// the state (a diagnosis, `/reset`, `/probe`) writes a transcript line, while `/why`,
    /// `/facts`, `/help` and rejected input change nothing and need no save.
    public var hasUnsavedChanges: Bool { !unsavedLines.isEmpty }

    /// Transcript lines (redacted) produced since the last call.
    public func takeTranscriptLines() -> [SessionStore.TranscriptLine] {
        defer { unsavedLines.removeAll() }
        return unsavedLines
    }

    public func respond(to text: String) -> Reply {
        respond(to: Array(text.utf8))
    }

    public func respond(to bytes: [UInt8]) -> Reply {
        var notices: [String] = []
        let (kept, dropped) = limits.clip(bytes)
        if dropped > 0 {
            notices.append(
                "Your paste was \(InputLimits.describe(bytes.count)); only the first "
                    + "\(limits.maximumMessageDescription) were analysed (cut at a line break).")
        }
        let input = PastedInput(bytes: kept)
        if input.looksBinary {
            notices.append(
                "This looks like binary data (\(InputLimits.describe(input.byteCount))), not text. "
                    + "Paste the error message or the command's output instead.")
            return rejected(notices)
        }
        if input.text.allSatisfy({ $0.isWhitespace }) {
            notices.append("Empty message. Paste an error message or command output, or ask a question; /help lists commands.")
            return rejected(notices)
        }
        if input.invalidUTF8Count > 0 {
            notices.append("\(input.invalidUTF8Count) invalid UTF-8 sequence(s) were replaced with �.")
        }
        if let command = SlashCommand(input.text) {
            return run(command, notices: notices)
        }
        let redacted = redactor.redact(input)
        var facts = evidence.read(redacted)
        facts += engine.interpret(words: redacted.text, in: state)
        let previous = engine.lastReport(of: state)
        engine.absorb(message: redacted.text, facts: facts, into: &state)
        var report = engine.diagnose(&state)
        report.redactions = redacted.findings.map { RedactionRecord(kind: $0.kind.rawValue, line: $0.line) }
        if let advisory = SecretAdvisory.advisory(for: redacted.exposedKinds),
            !report.advisories.contains(where: { $0.id == SecretAdvisory.id })
        {
            report.advisories.insert(advisory, at: 0)
        }
        record(user: redacted.text, report: report)
        var lines: [String] = []
        if facts.isEmpty { lines = Self.readingOfFactlessMessage(report, previous: previous) }
        let known = engine.facts(of: state)
        if probe != nil, !offeredProbe, report.next != nil, ConversationProbe.shouldOffer(facts: known) {
            offeredProbe = true
            lines.append(
                "Probe \(ConversationProbe.defaultURL(facts: known)) from here? Type /probe (or /probe URL) "
                    + "and clawfix will speak the gateway's handshake and add what it answers.")
        }
        if offersDoctor, let next = report.next, !next.commands.isEmpty {
            lines.append(
                "This machine runs the gateway: `clawfix doctor` runs the commands clawfix would ask for "
                    + "(read-only, secrets redacted) and answers in one go.")
        }
        return Reply(
            kind: .diagnosis, report: report, notices: notices, lines: lines, fixesShownBefore: noteFixShown(report))
    }

    /// The diagnoses of `report` whose very fix was already shown; records the one this reply shows
    /// (the top diagnosis's).
    private func noteFixShown(_ report: DiagnosisReport) -> Set<String> {
        let before = Set(report.diagnoses.filter { fixesShown[$0.id] == $0.fix }.map(\.id))
        if let top = report.diagnoses.first, !top.fix.isEmpty { fixesShown[top.id] = top.fix }
        return before
    }

    /// A message that added no fact. The engine already answers it (the opening question for a
    /// greeting, `solved` for thanks, the open question again otherwise); what the front end adds
    /// is that an answer it could not read is said to be so, rather than let pass as understood.
    static func readingOfFactlessMessage(_ report: DiagnosisReport, previous: DiagnosisReport?) -> [String] {
        guard report.solved == nil, previous?.diagnoses.isEmpty == false, let previous else { return [] }
        let unchanged = report.diagnoses.map(\.id) == previous.diagnoses.map(\.id)
        return report.diagnoses.isEmpty || unchanged ? ["I could not read that as an answer, so nothing changed."] : []
    }

    /// One probe report, from `clawfix probe` or `/probe`: its facts join the conversation's and
    /// the ranking is redone, so both front ends give the same diagnoses for the same answer. The
    /// reply's lines are the verdict, its next step and where the credential came from.
    public func absorb(probe result: ProbeReport) -> Reply {
        let verdict = ProbeVerdict(result)
        engine.absorb(message: "", facts: result.facts(), into: &state)
        let report = engine.diagnose(&state)
        unsavedLines.append(.init(role: "command", text: "/probe \(result.url): \(result.summary)"))
        var lines = ["Probe \(result.url): \(verdict.headline)", "Next step: \(verdict.nextStep)"]
        if let source = result.credentialSource { lines.append("Credential: \(source)") }
        return Reply(kind: .diagnosis, report: report, lines: lines, fixesShownBefore: noteFixShown(report))
    }

    /// What `/probe` answers when Ctrl-C stopped it.
    static var probeInterrupted: String { "Probe interrupted; nothing was added." }

    /// `/probe [URL] [--token T] [--device]`: one live handshake; its verdict joins the facts and
    /// the ranking is redone.
    private func runProbe(_ argument: String?, notices: [String]) -> Reply {
        let current = engine.lastReport(of: state) ?? DiagnosisReport()
        guard let probe else {
            return Reply(
                kind: .command, report: current, notices: notices,
                lines: ["The live probe is only available in clawfix chat; run clawfix probe [URL] instead."])
        }
        let request: ConversationProbe.Request
        switch ConversationProbe.parse(arguments: argument, facts: engine.facts(of: state)) {
        case .success(let parsed): request = parsed
        case .failure(let error): return Reply(kind: .command, report: current, notices: notices, lines: [error.message])
        }
        let target = request.target
        guard target.isLoopback || target.secure else {
            return Reply(
                kind: .command, report: current, notices: notices,
                lines: [
                    "\(target.url) is plaintext to another host; run clawfix probe \(target.url) --insecure "
                        + "if you accept that, or probe through an SSH tunnel (ws://127.0.0.1:18789)."
                ])
        }
        guard let result = probe.run(request) else {
            return Reply(kind: .command, report: current, notices: notices, lines: [Self.probeInterrupted])
        }
        // The user's client got an answer from a gateway, and from here nothing answers: the probe
        // ran on another machine than the gateway, which says where it is not, not that it is down.
        let nothingHere: Set<ProbeOutcome> = [.refused, .unreachable, .timeout, .dnsFailed]
        if nothingHere.contains(result.outcome), ConversationProbe.gatewayAnsweredElsewhere(facts: engine.facts(of: state)) {
            let verdict = ProbeVerdict(result)
            return Reply(
                kind: .command, report: current, notices: notices,
                lines: [
                    "Probe \(result.url): \(verdict.headline)",
                    "Yet your client did get an answer from a gateway, so it runs somewhere else than this machine's "
                        + "\(target.host):\(target.port). Where does it run: in Docker, on a server, on another computer? Probe "
                        + "that address (/probe ws://HOST:PORT), or tell me and I will say how to reach it.",
                ])
        }
        var reply = absorb(probe: result)
        reply.notices = notices
        return reply
    }

    private func rejected(_ notices: [String]) -> Reply {
        Reply(kind: .rejected, report: engine.lastReport(of: state) ?? DiagnosisReport(), notices: notices)
    }

    private func run(_ command: SlashCommand, notices: [String]) -> Reply {
        let current = engine.lastReport(of: state) ?? DiagnosisReport()
        var lines: [String]
        switch command {
        case .reset:
            engine.reset(&state)
            redactor = Redactor()
            fixesShown = [:]
            offeredProbe = false
            lines = ["Starting over: every fact and question of this conversation is forgotten."]
            unsavedLines.append(.init(role: "command", text: "/reset"))
            return Reply(kind: .command, report: DiagnosisReport(), notices: notices, lines: lines)
        case .why:
            let explanation = engine.explain(state)
            if !explanation.isEmpty { return Reply(kind: .command, report: current, notices: notices, explanation: explanation) }
            lines = ["Nothing to explain yet: no diagnosis so far."]
        case .facts:
            let facts = engine.facts(of: state)
            if facts.isEmpty {
                lines = ["No facts yet."]
            } else if listsFactNames {
                // Chat: each fact in words, with its name after it for those who want it.
                lines = facts.map(FactSentence.line(for:))
            } else {
                // The bot: what was read, by the line it was read from, each line once (no internal
                // fact name reaches Discord); a fact said in words reads as its sentence.
                var seen: Set<String> = []
                lines = facts.compactMap { fact in
                    let place = fact.line.map { "line \($0)" } ?? (fact.origin == .probe ? "probe" : "you said")
                    let text = fact.text ?? FactSentence.sentence(for: fact) ?? fact.value
                    let entry = "\(place): \(text)"
                    return seen.insert(entry).inserted ? entry : nil
                }
                lines.insert("What clawfix has read so far:", at: 0)
            }
        case .probe(let url):
            return runProbe(url, notices: notices)
        case .help:
            lines = SlashCommand.helpLines
        case .unknown(let name):
            lines = ["Unknown command /\(name). " + SlashCommand.helpLines[0]]
        }
        return Reply(kind: .command, report: current, notices: notices, lines: lines)
    }

    private func record(user text: String, report: DiagnosisReport) {
        var stored = text
        if stored.utf8.count > Self.transcriptTextLimit {
            stored = String(decoding: stored.utf8.prefix(Self.transcriptTextLimit), as: UTF8.self) + "\n[… cut]"
        }
        unsavedLines.append(.init(role: "user", text: stored))
        var summary = report.diagnoses.prefix(3).map { "\($0.id) \(Int(($0.confidence * 100).rounded()))%" }
            .joined(separator: ", ")
        if summary.isEmpty { summary = "no diagnosis" }
        if let next = report.next { summary += "; next: " + next.question }
        unsavedLines.append(.init(role: "clawfix", text: summary))
    }
}

/// A message that is a command rather than a paste: one line starting with `/` and a word.
enum SlashCommand: Equatable {
    case reset, why, facts, help
    case probe(String?)
    case unknown(String)

    static let helpLines = [
        "Commands: /why (the evidence behind the ranking), /facts (what clawfix knows), /reset (start over), /help.",
        "In chat, /probe [URL] [--token T] [--device] checks the gateway's handshake live (default ws://127.0.0.1:18789).",
        "Paste an error message or a command's output (several lines at once are one message),",
        "or answer in words: \"yes it's docker\", \"a VPS\", \"I'm on Windows\".",
    ]

    init?(_ text: String) {
        // Most messages are pastes: one byte tells, before trimming the whole text with Foundation.
        // (A non-ASCII first byte may be Unicode white space before a `/`, so it takes the long way.)
        let first = text.utf8.first { !(0x09...0x0D).contains($0) && $0 != 0x20 }
        guard let first, first == UInt8(ascii: "/") || first >= 0x80 else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("/"), !trimmed.contains("\n") else { return nil }
        let word = trimmed.dropFirst().prefix { !$0.isWhitespace }
        // `/usr/local/bin/openclaw: not found` is a paste, not a command.
        guard !word.isEmpty, word.allSatisfy({ $0.isLetter }) else { return nil }
        switch word.lowercased() {
        case "reset": self = .reset
        case "why": self = .why
        case "facts": self = .facts
        case "help", "h": self = .help
        case "probe":
            let rest = trimmed.dropFirst(1 + word.count).trimmingCharacters(in: .whitespaces)
            self = .probe(rest.isEmpty ? nil : rest)
        default: self = .unknown(String(word))
        }
    }
}

import ClawfixEvidence
import ClawfixKnowledge
import ClawfixRedaction
import Foundation

/// `clawfix doctor`: collects the evidence a support thread would ask for, one round trip at a
/// time, in one go — read-only, on this machine or over SSH — and hands it over redacted.
///
/// Three stages, each a batch of independent commands run side by side under a time limit: which
/// tools the host has; how the gateway runs (container, service, process); then the reads for
/// that install, taken from the knowledge base's command nodes.
public struct Doctor: Sendable {
    public struct Options: Sendable {
        public var transport: CommandTransport
        /// Seconds each command may take before it is stopped with everything it started.
        public var timeout: Double
        /// Run the commands that need root with `sudo -n` (never prompting).
        public var allowSudo: Bool
        /// Commands run at once.
        public var width: Int
        /// The environment commands run in (PATH decides which `docker`, `openclaw`, `ssh` run).
        public var environment: [String: String]
        /// Speak the gateway's handshake on the published port (local runs only: over SSH the
        /// gateway's loopback is the server's).
        public var probe: Bool

        public init(
            transport: CommandTransport = .local, timeout: Double = 10, allowSudo: Bool = false, width: Int = 4,
            environment: [String: String] = ProcessInfo.processInfo.environment, probe: Bool = true
        ) {
            self.transport = transport
            self.timeout = timeout
            self.allowSudo = allowSudo
            self.width = width
            self.environment = environment
            self.probe = probe
        }
    }

    public var options: Options
    public var knowledgeBase: KnowledgeBase

    public init(options: Options, knowledgeBase: KnowledgeBase) {
        self.options = options
        self.knowledgeBase = knowledgeBase
    }

    /// Runs the three stages and returns the redacted evidence.
    public func collect(progress: DoctorProgress = DoctorProgress(write: nil), now: Date = Date()) -> DoctorEvidence {
        let started = DispatchTime.now().uptimeNanoseconds
        var environment = options.environment
        // Colour codes would be cleaned anyway; without them the outputs are what a pipe shows.
        environment["NO_COLOR"] = "1"
        let batch = CommandBatch(
            transport: options.transport, environment: environment, timeout: options.timeout, width: options.width,
            progress: progress)
        let (user, host) = options.transport.promptIdentity(localUser: Self.localUser(environment), localHost: Self.localHost())
        var redactor = Redactor()
        var records: [CommandRecord] = []
        var notes: [DoctorNote] = []
        var sections: [EvidenceDocument.Section] = []

        /// Runs a stage; each output is redacted at once (what later steps read) and kept raw for
        /// the final document, which is redacted as a whole.
        func run(_ commands: [PlannedCommand]) -> [(command: PlannedCommand, result: TimedProcess.Result, redacted: String)] {
            progress.adding(commands.count)
            let results = batch.run(commands)
            return zip(commands, results).map { command, result in
                let redacted = redactor.redact(PastedInput(bytes: result.output)).text
                if let note = DoctorNote.note(
                    for: command, result: result, output: redacted, transport: options.transport, user: user, timeout: options.timeout)
                {
                    Self.add(note, to: &notes)
                }
                return (command, result, redacted)
            }
        }
        func record(_ run: (command: PlannedCommand, result: TimedProcess.Result, redacted: String), inEvidence: Bool) {
            records.append(
                CommandRecord(
                    command: run.command, status: run.result.status, timedOut: run.result.timedOut, truncated: run.result.truncated,
                    seconds: run.result.seconds, inEvidence: inEvidence))
            if inEvidence { sections.append(.init(command: run.command, output: run.result.output)) }
        }

        // Stage 1: tools. Over SSH this is also the login check: if it fails, nothing else can run.
        let toolsRun = run([InstallDiscovery.toolsCommand])[0]
        record(toolsRun, inEvidence: false)
        // Read raw: it is tool paths and a home directory, nothing secret, and a random-looking
        // directory name could be taken for a token and redacted away.
        let toolsOutput = String(decoding: toolsRun.result.output, as: UTF8.self)
        let tools = InstallDiscovery.presentTools(in: toolsOutput)
        var install = GatewayInstall(kind: .none)
        var skipped: [SkippedCommand] = []
        let reachable = toolsRun.result.launchFailure == nil && !toolsRun.result.timedOut
            && !(options.transport.kind != .local && toolsRun.result.status == 255)

        if reachable {
            // Stage 2: discovery.
            var discovery = run(InstallDiscovery.commands(tools: tools, sudoDocker: false))
            var sudoDocker = false
            if options.allowSudo, let index = discovery.firstIndex(where: { $0.command.command.hasPrefix("docker ps") }),
                discovery[index].redacted.lowercased().contains("permission denied while trying to connect to the docker")
            {
                // The socket is root's and --sudo was given: the Docker commands run with `sudo -n`.
                let retried = run([InstallDiscovery.dockerListing(sudo: true)])[0]
                record(discovery[index], inEvidence: false)
                discovery[index] = retried
                sudoDocker = retried.result.status == 0
                if sudoDocker { notes.removeAll { $0.message.contains("may not use the Docker socket") } }
            }
            // The extractors read the knowledge base's message table, `--kb` rows included.
            let reader = EvidenceReader(messages: knowledgeBase.messages)
            install = InstallDiscovery.install(
                from: discovery.map { ($0.command, $0.redacted, String(decoding: $0.result.output, as: UTF8.self), $0.result.status) },
                evidence: reader)
            var discoveryFacts: [Fact] = []
            for found in discovery {
                let text = found.command.command
                let isListing = text.contains("docker ps") || text.contains("podman ps")
                // A listing that failed is evidence (a socket without permission); one that
                // worked is read again as `docker ps -a`, a table people can read.
                let listingFailed = isListing && found.result.status != 0 && found.result.launchFailure == nil && !found.result.timedOut
                let foundUnit = text.hasPrefix("systemctl ") && found.redacted.contains("Loaded: loaded")
                let foundOther = (text.hasPrefix("launchctl ") || text.hasPrefix("ps ")) && !found.redacted.allSatisfy(\.isWhitespace)
                record(found, inEvidence: listingFailed || foundUnit || foundOther)
                if isListing {
                    discoveryFacts += reader.read(PasteDocument(redactedText: "$ \(text)\n\(found.redacted)"))
                }
            }

            // Stage 3: the evidence for this install.
            let plan = EvidencePlan(
                install: install, knowledgeBase: knowledgeBase, facts: discoveryFacts, tools: tools, sudoDocker: sudoDocker,
                allowSudo: options.allowSudo)
            skipped = plan.skipped
            // A command that never started has no output to show; its note says why.
            let evidenceRuns = run(plan.commands)
            for found in evidenceRuns { record(found, inEvidence: found.result.launchFailure == nil) }

            let token = HandshakeCheck.token(in: evidenceRuns.map { String(decoding: $0.result.output, as: UTF8.self) })
            if options.probe, case .ssh(let target) = options.transport.kind {
                let port = plan.probeURL.split(separator: ":").last.map(String.init) ?? "18789"
                skipped.append(
                    SkippedCommand(
                        command: HandshakeCheck.command(url: plan.probeURL, withToken: true), source: "doctor",
                        reason: "over SSH the gateway's loopback is the server's: `ssh -N -L \(port):127.0.0.1:\(port) \(target)`, then run it here"))
            } else if options.probe, token == nil {
                // Without the gateway's token the handshake can only say "token missing", which
                // would read as the user's problem when it is only doctor's.
                skipped.append(
                    SkippedCommand(
                        command: HandshakeCheck.command(url: plan.probeURL, withToken: true), source: "doctor",
                        reason: "no gateway token in the gateway's environment to probe with"))
            } else if options.probe, let token {
                redactor.memory.remember(token, as: .gatewayToken)
                let command = PlannedCommand(HandshakeCheck.command(url: plan.probeURL, withToken: true), source: "doctor")
                progress.adding(1)
                progress.started(command.command)
                let probeStart = DispatchTime.now().uptimeNanoseconds
                let text = HandshakeCheck.run(url: plan.probeURL, token: token, timeout: min(options.timeout, 10))
                progress.finished(command.command)
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - probeStart) / 1e9
                record((command, TimedProcess.Result(output: Array(text.utf8), status: 0, seconds: seconds), ""), inEvidence: true)
            }
        }
        progress.finish()

        var header = [
            "# clawfix doctor: evidence from \(user)@\(host)",
            "",
            "Collected \(Self.timestamp(now)) by `clawfix doctor` (read-only). Secrets are redacted.",
        ]
        if reachable { header.append("Found: \(install.summary).") }
        let missing = InstallDiscovery.tools.filter { !tools.contains($0) }
        if reachable && !missing.isEmpty { header.append("Not installed on this host: \(missing.joined(separator: ", ")).") }
        let document = EvidenceDocument(
            sections: sections, header: header, notes: notes, user: user, host: host,
            home: InstallDiscovery.home(in: toolsOutput), memory: redactor.memory)
        return DoctorEvidence(
            install: install, document: document, records: records, notes: notes, skipped: skipped, reachable: reachable,
            seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
    }

    /// A note said once: the same failure of several commands (every Docker command on a socket it
    /// may not read) is one note naming the first.
    static func add(_ note: DoctorNote, to notes: inout [DoctorNote]) {
        if let index = notes.firstIndex(where: { $0.message == note.message }) {
            notes[index].alsoAffected += 1
        } else {
            notes.append(note)
        }
    }

    /// What `--dry-run` prints: the discovery commands, then for each kind of install the commands
    /// doctor would run there (with the knowledge base's default names; a real run uses the ones
    /// discovery finds), and the ones it would skip.
    public func dryRun() -> [(title: String, commands: [PlannedCommand], skipped: [SkippedCommand])] {
        var sections: [(String, [PlannedCommand], [SkippedCommand])] = []
        let discovery = [InstallDiscovery.toolsCommand] + InstallDiscovery.commands(tools: Set(InstallDiscovery.tools), sudoDocker: false)
        sections.append(("Discovery (always)", discovery, []))
        var compose = GatewayInstall(kind: .compose)
        compose.composeDirectory = nil
        let kinds: [(String, GatewayInstall)] = [
            ("If the gateway is a docker compose container (run in the project's directory)", compose),
            ("If it is a plain Docker container", GatewayInstall(kind: .docker)),
            ("If it is a systemd user service", GatewayInstall(kind: .systemdUser)),
            ("If it is a LaunchAgent, a plain process, or nothing was found", GatewayInstall(kind: .process)),
        ]
        for (title, install) in kinds {
            let plan = EvidencePlan(install: install, knowledgeBase: knowledgeBase, facts: [], tools: nil, allowSudo: options.allowSudo)
            sections.append((title, plan.commands, plan.skipped))
        }
        return sections
    }

    static func localUser(_ environment: [String: String]) -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return environment["USER"] ?? "user"
    }

    static func localHost() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.split(separator: ".").first.map(String.init) ?? name
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}

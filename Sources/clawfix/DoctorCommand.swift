import ArgumentParser
import ClawfixDoctor
import ClawfixFrontEnds
import Foundation

/// `clawfix doctor [--ssh USER@HOST] [--format text|markdown|json] [--bundle FILE] [--dry-run]`:
/// runs the knowledge base's read-only commands on the gateway host and reports like `paste`.
///
/// Exit 0 when the evidence was collected (with or without a diagnosis), 1 when the host could not
/// be reached or the bundle could not be written.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Collect the evidence on the gateway host (read-only, redacted) and diagnose it.",
        discussion: """
            Finds how the gateway runs (Docker or compose container, Podman, systemd service, \
            LaunchAgent, plain process) and runs the read-only commands the knowledge base names for \
            that install. Changes nothing: no approve, restart, set or edit; sudo only with --sudo.
            Examples:
              clawfix doctor
              clawfix doctor --ssh alice@vps --bundle evidence.md
              clawfix doctor --dry-run
            """)

    @OptionGroup var knowledge: KnowledgeOptions

    @Option(name: .customLong("ssh"), help: ArgumentHelp("Run the commands on this host over ssh (key login, no prompts).", valueName: "user@host"))
    var sshTarget: String?

    @Option(help: "Output format: text, markdown or json.")
    var format: PasteCommand.Format = .text

    @Option(help: ArgumentHelp("Also write the redacted evidence to this Markdown file (clawfix paste reads it back).", valueName: "file"))
    var bundle: String?

    @Flag(help: "Print the commands doctor would run, and run none.")
    var dryRun = false

    @Flag(help: "Run the commands that need root (a Docker socket that is root's) with sudo -n.")
    var sudo = false

    @Option(help: "Seconds each command may take before it is stopped.")
    var timeout: Double = 10

    @Flag(name: .customLong("no-probe"), help: "Do not speak the gateway's WebSocket handshake on the published port.")
    var noProbe = false

    func validate() throws {
        if !(timeout >= 0.5 && timeout <= 300) { throw ValidationError("--timeout must be between 0.5 and 300 seconds") }
        if let sshTarget, sshTarget.isEmpty || sshTarget.hasPrefix("-") || sshTarget.contains(where: { $0.isWhitespace }) {
            throw ValidationError("--ssh wants a destination such as alice@vps")
        }
    }

    func run() throws {
        let transport = sshTarget.map { CommandTransport(.ssh($0), connectTimeout: Int(min(10, max(1, timeout)))) } ?? .local
        let options = Doctor.Options(
            transport: transport, timeout: timeout, allowSudo: sudo, width: sshTarget == nil ? 4 : 3, probe: !noProbe)
        let doctor = Doctor(options: options, knowledgeBase: try knowledge.loadKnowledgeBase())
        let output = StandardOutput()
        if dryRun {
            output.write(Self.dryRunText(doctor.dryRun(), transport: transport))
            return
        }
        let evidence = doctor.collect(progress: .standardError())
        var bundleWritten: String?
        if let bundle {
            do {
                try Data(evidence.document.text.utf8).write(to: URL(fileURLWithPath: bundle))
                bundleWritten = bundle
            } catch {
                FileHandle.standardError.write(Data("clawfix: cannot write \(bundle): \(error.localizedDescription)\n".utf8))
                throw ExitCode(1)
            }
        }
        let stage = try knowledge.loadStage()
        var reply = Conversation(id: "doctor", engine: stage, evidence: stage.evidence).respond(to: evidence.document.text)
        reply.report = evidence.document.annotating(reply.report)
        let summary = DoctorSummary(evidence: evidence, bundlePath: bundleWritten)
        switch format {
        case .json:
            output.write(Self.json(summary: summary, reply: reply).serialized(pretty: true) + "\n")
        case .markdown:
            // Facts are the JSON's business: from thirty commands they are a page of their own.
            output.write(summary.markdown() + MarkdownRenderer(showsFacts: false).render(reply) + "\n")
        case .text:
            let style = TerminalStyle.detect(fileDescriptor: 1, environment: ProcessInfo.processInfo.environment)
            output.write(summary.lines().joined(separator: "\n") + "\n\n" + TextRenderer(style: style, showsFacts: false).render(reply))
        }
        if !evidence.reachable { throw ExitCode(1) }
    }

    /// Paste's report object with a `doctor` key added: `{"install","commands":[{"command","source",
    /// "status","seconds","timedOut","sudo"}],"skipped":[{"command","source","reason"}],"notes":[…],"bundle"}`.
    static func json(summary: DoctorSummary, reply: Reply) -> OrderedJSON {
        let evidence = summary.evidence
        let commands: [OrderedJSON] = evidence.records.map { record in
            .object([
                ("command", .string(record.command.command)),
                ("source", .string(record.command.source)),
                ("status", record.status.map { .integer(Int($0)) } ?? .null),
                ("seconds", .number((record.seconds * 1000).rounded() / 1000)),
                ("timedOut", .bool(record.timedOut)),
                ("sudo", record.command.sudoReason.map(OrderedJSON.string) ?? .null),
            ])
        }
        let doctor: OrderedJSON = .object([
            ("install", .object([
                ("kind", .string(evidence.install.kind.rawValue)),
                ("container", evidence.install.container.map(OrderedJSON.string) ?? .null),
                ("service", (evidence.install.composeService ?? evidence.install.serviceName).map(OrderedJSON.string) ?? .null),
                ("summary", .string(evidence.install.summary)),
            ])),
            ("commands", .array(commands)),
            ("skipped", .array(evidence.skipped.map { .object([("command", .string($0.command)), ("source", .string($0.source)), ("reason", .string($0.reason))]) })),
            ("notes", .array(evidence.notes.map { .string($0.text) })),
            ("bundle", summary.bundlePath.map(OrderedJSON.string) ?? .null),
        ])
        guard case .object(var pairs) = JSONReportRenderer.json(reply.report) else { return doctor }
        pairs.append(("doctor", doctor))
        return .object(pairs)
    }

    static func dryRunText(_ sections: [(title: String, commands: [PlannedCommand], skipped: [SkippedCommand])], transport: CommandTransport) -> String {
        var out = "clawfix doctor --dry-run: nothing is run. Names are the defaults; a real run uses the ones it finds.\n"
        if case .ssh(let target) = transport.kind {
            out += "Each command runs as: \(CommandTransport.sshOptions(connectTimeout: transport.connectTimeout).joined(separator: " ")) -- \(DoctorSummary.printable(target)) \"bash -lc '…'\"\n"
        }
        for section in sections {
            out += "\n\(section.title):\n"
            for command in section.commands { out += "  \(command.command)\n" }
            for skipped in section.skipped { out += "  skip: \(skipped.command)  (\(skipped.reason))\n" }
        }
        if case .local = transport.kind {
            out += "\nLast, unless --no-probe (in-process, without a device identity, so no pairing request is made):\n"
            out += "  clawfix probe ws://127.0.0.1:18789 --token-env OPENCLAW_GATEWAY_TOKEN  (the published port; the token from the gateway's environment)\n"
        }
        return out
    }
}

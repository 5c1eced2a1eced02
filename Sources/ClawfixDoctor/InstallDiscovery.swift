import ClawfixEvidence
import ClawfixRedaction
import Foundation

/// Finds how the gateway runs: the commands that look, and the reading of what they printed.
///
/// Which container is the gateway is decided by the same extractors `clawfix paste` uses (image,
/// name, compose service label), so doctor and a pasted `docker ps` never disagree.
public enum InstallDiscovery {
    /// The programs doctor's commands use; `command -v` finds which of them the host has.
    public static let tools = ["docker", "podman", "openclaw", "ss", "netstat", "lsof", "curl", "systemctl", "journalctl", "launchctl"]

    /// Prints the login's home directory, then the path of each tool the host has, one per line
    /// (`command -v` takes one name in dash, and a missing one is not a failure here).
    public static let toolsCommand = PlannedCommand(
        (["printf 'HOME=%s\\n' \"$HOME\""] + tools.map { "command -v \($0)" } + ["true"]).joined(separator: "; "),
        source: "discovery")

    /// The home directory `toolsCommand` printed.
    public static func home(in output: String) -> String? {
        output.split(whereSeparator: \.isNewline).first { $0.hasPrefix("HOME=/") }.map { String($0.dropFirst(5)) }
    }

    public static let unit = "openclaw-gateway.service"

    /// The programs present, from `toolsCommand`'s output.
    public static func presentTools(in output: String) -> Set<String> {
        var found: Set<String> = []
        for line in output.split(whereSeparator: \.isNewline) where line.hasPrefix("/") {
            if let name = line.split(separator: "/").last, tools.contains(String(name)) { found.insert(String(name)) }
        }
        return found
    }

    /// The commands that find the install, for the tools the host has.
    public static func commands(tools: Set<String>, sudoDocker: Bool) -> [PlannedCommand] {
        var commands: [PlannedCommand] = []
        if tools.contains("docker") {
            commands.append(dockerListing(sudo: sudoDocker))
        } else if tools.contains("podman") {
            commands.append(PlannedCommand(#"podman ps -a --format "table {{.Names}}\t{{.Image}}\t{{.Status}}\t{{.Ports}}""#, source: "discovery"))
        }
        if tools.contains("systemctl") {
            commands.append(PlannedCommand("systemctl --user status \(unit) --no-pager --lines=0", source: "discovery"))
            commands.append(PlannedCommand("systemctl status \(unit) --no-pager --lines=0", source: "discovery"))
        }
        if tools.contains("launchctl") {
            commands.append(PlannedCommand("launchctl list | grep -i openclaw", source: "discovery"))
        }
        // The gateway names itself `openclaw-gateway` (`comm` keeps 15 characters) or runs as
        // `openclaw gateway` / `node dist/index.js gateway`. The brackets keep grep (and the
        // shells running this and the other discovery commands) from matching their own lines.
        commands.append(
            PlannedCommand(
                #"ps -eo pid=,comm=,args= | grep -E '^ *[0-9]+ [o]penclaw-gatewa|[o]penclaw(\.mjs)? gateway( |$)|[d]ist/index\.js gateway( |$)'"#,
                source: "discovery"))
        return commands
    }

    /// `docker ps -a` as JSON lines: names, images, states, ports and compose labels in one call.
    public static func dockerListing(sudo: Bool) -> PlannedCommand {
        PlannedCommand(
            (sudo ? "sudo -n " : "") + "docker ps -a --format '{{json .}}'", source: "discovery",
            sudoReason: sudo ? "the Docker socket is root's" : nil)
    }

    /// One discovery command's result: its output redacted (what facts are read from) and raw
    /// (where the compose labels are read: the project directory doctor must `cd` to is no secret,
    /// but a random-looking path could be redacted into a marker).
    public typealias Output = (command: PlannedCommand, output: String, raw: String, status: Int32?)

    /// Decides the install from discovery's outputs, in order.
    public static func install(from outputs: [Output], evidence: EvidenceReader = .standard) -> GatewayInstall {
        if let container = containerInstall(outputs, evidence: evidence) { return container }
        for (command, output, _, status) in outputs where command.command.hasPrefix("systemctl ") {
            // `Loaded: loaded` is the unit file; `could not be found` (status 4) is no unit.
            guard status != 4, output.contains("Loaded: loaded") else { continue }
            var install = GatewayInstall(kind: command.command.contains("--user") ? .systemdUser : .systemdSystem)
            install.serviceName = unit
            return install
        }
        if let launch = outputs.first(where: { $0.command.command.hasPrefix("launchctl ") }),
            let line = launch.output.split(whereSeparator: \.isNewline).first(where: { $0.lowercased().contains("openclaw") })
        {
            var install = GatewayInstall(kind: .launchAgent)
            install.serviceName = line.split(whereSeparator: { $0 == "\t" || $0 == " " }).last.map(String.init)
            return install
        }
        if let processes = outputs.first(where: { $0.command.command.hasPrefix("ps ") }),
            let line = processes.output.split(whereSeparator: \.isNewline).first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        {
            var install = GatewayInstall(kind: .process)
            install.process = String(line.trimmingCharacters(in: .whitespaces).prefix(120))
            return install
        }
        return GatewayInstall(kind: .none)
    }

    /// The gateway container of a `docker ps -a` / `podman ps -a` listing, when there is one.
    static func containerInstall(_ outputs: [Output], evidence: EvidenceReader) -> GatewayInstall? {
        guard let listing = outputs.first(where: { $0.command.command.contains("docker ps") || $0.command.command.contains("podman ps") })
        else { return nil }
        let podman = listing.command.command.contains("podman ")
        let document = PasteDocument(redactedText: "$ \(listing.command.command)\n\(listing.output)")
        let facts = evidence.read(document)
        guard let name = facts.last(where: { $0.name == .gatewayContainer && $0.value != "none" })?.value else { return nil }
        var install = GatewayInstall(kind: podman ? .podman : .docker)
        install.container = name
        install.image = facts.last { $0.name == .gatewayImage }?.value
        for line in listing.raw.split(whereSeparator: \.isNewline) where line.hasPrefix("{") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
            let labels = Self.labels(object["Labels"] as? String ?? "")
            // `docker ps -a` lists the newest first: the first stopped CLI container is the last run.
            if install.exitedCLIContainer == nil, object["State"] as? String == "exited",
                let cli = object["Names"] as? String, labels["com.docker.compose.service"]?.hasSuffix("cli") == true || cli.contains("-cli-run-")
            {
                install.exitedCLIContainer = cli
            }
            guard object["Names"] as? String == name else { continue }
            install.image = install.image ?? object["Image"] as? String
            if let project = labels["com.docker.compose.project"], let directory = labels["com.docker.compose.project.working_dir"] {
                install.kind = .compose
                install.composeProject = project
                install.composeService = labels["com.docker.compose.service"]
                install.composeDirectory = directory
            }
        }
        return install
    }

    /// `a=1,b=2` → `["a": "1", "b": "2"]` (Docker joins labels with commas).
    static func labels(_ text: String) -> [String: String] {
        var labels: [String: String] = [:]
        for pair in text.split(separator: ",") {
            guard let equals = pair.firstIndex(of: "=") else { continue }
            labels[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        return labels
    }
}

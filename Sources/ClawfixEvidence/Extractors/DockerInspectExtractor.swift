import Foundation

/// Reads `docker inspect`: the full JSON array (4-space indented, walked line by line with the
/// key path, so a truncated paste — or one that starts at `"State": {` — still yields what it
/// shows), one-line `--format '{{json .State}}'` / `{{json .NetworkSettings.Ports}}` /
/// `{{json .Mounts}}` / `{{json .Config.Labels}}` output, and the template
/// `{{range .Mounts}}{{println .Destination " <= " .Source}}{{end}}`, whose `println` puts double
/// spaces around `<=`. Facts: mounts, `Config.Env`, the network mode, and for the gateway
/// container its state (`State.Status`, `ExitCode`, `Health`), `RestartCount`, image, compose
/// labels and published ports (`NetworkSettings.Ports`).
public struct DockerInspectExtractor: FactExtractor {
    public var name: String { "docker-inspect" }
    public init() {}

    static let triggerWords = [
        " <= ", "\"id\": \"", "[{\"type\":", "\"state\": {", "\"mounts\": [", "\"config\": {", "\"networksettings\": {",
        "\"hostconfig\": {", "{\"status\":\"", "\"hostport\":\"", "\"com.docker.compose.",
    ]

    public func extract(from document: PasteDocument) -> [Fact] {
        var facts: [Fact] = []
        var walk: InspectWalk?
        let lines = document.cleanLines
        for index in lines.indices {
            // Only a walk needs every line; otherwise a line is looked at (and copied) when marked.
            guard walk != nil || lines[index].triggers.contains(.dockerInspect) else { continue }
            let line = lines[index]
            if var current = walk {
                if current.consume(line, into: &facts) {
                    walk = current
                    continue
                }
                facts += current.finish()
                walk = nil
            }
            guard line.triggers.contains(.dockerInspect) else { continue }
            let text = line.text
            if text.containsBytes(" <= "), let arrow = text.byteRange(of: "  <=  ") ?? text.byteRange(of: " <= ") {
                let destination = text[..<arrow.lowerBound].trimmingBlanks()
                let source = text[arrow.upperBound...].trimmingBlanks()
                if destination.hasPrefix("/"), !destination.containsBytes(" "), EnvironmentVariable.isPath(source) || source.hasPrefix("/") {
                    facts += Self.mountFacts(source: source, destination: destination, line: line)
                }
                continue
            }
            if text.hasPrefix("[{\"") || text.hasPrefix("{\"") {
                facts += oneLine(line, document: document)
                continue
            }
            if InspectWalk.starts(text) {
                var started = InspectWalk(target: Self.target(of: line, in: document))
                if started.consume(line, into: &facts) { walk = started }
            }
        }
        if let walk { facts += walk.finish() }
        return facts
    }

    /// The container a `docker inspect NAME` command line names, for output that does not say.
    static func target(of line: PasteLine, in document: PasteDocument) -> (String, PasteLine)? {
        guard let block = document.block(ofLine: line.number), let number = block.commandLine, let command = block.effectiveCommand
        else { return nil }
        var words = ShellWords.split(command)
        guard let docker = words.firstIndex(where: { $0 == "docker" || $0 == "podman" }) else { return nil }
        words.removeFirst(docker + 1)
        if words.first == "container" { words.removeFirst() }
        guard words.first == "inspect" else { return nil }
        var index = 1
        var name: String?
        while index < words.count {
            let word = words[index]
            if word == "--format" || word == "-f" || word == "--type" {
                index += 2
                continue
            }
            if !word.hasPrefix("-"), name == nil { name = word }
            index += 1
        }
        guard let name, ContainerTable.isContainerName(name) else { return nil }
        return (name, document.cleanLines[number - 1])
    }

    /// One line of JSON printed by `--format '{{json …}}'`.
    private func oneLine(_ line: PasteLine, document: PasteDocument) -> [Fact] {
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(line.text.utf8)) else {
            // A truncated `{{json .Mounts}}` line still gives the mounts it shows.
            return line.text.hasPrefix("[{\"Type\":") ? truncatedMounts(line) : []
        }
        if let mounts = parsed as? [[String: Any]] {
            var facts: [Fact] = []
            for mount in mounts {
                guard let source = mount["Source"] as? String, let destination = mount["Destination"] as? String else { continue }
                facts += Self.mountFacts(source: source, destination: destination, line: line)
            }
            return facts
        }
        guard let object = parsed as? [String: Any] else { return [] }
        var container = InspectedContainer()
        container.commandTarget = Self.target(of: line, in: document)
        if let status = object["Status"] as? String, object["Running"] != nil || object["ExitCode"] != nil {
            container.status = (status, line)
            if let code = object["ExitCode"] as? Int { container.exitCode = (String(code), line) }
            if let health = (object["Health"] as? [String: Any])?["Status"] as? String { container.health = (health, line) }
        }
        let ports = (object["Ports"] as? [String: Any]) ?? object
        var sawPorts = false
        for (key, value) in ports where key.hasSuffix("/tcp") || key.hasSuffix("/udp") {
            sawPorts = true
            for binding in value as? [[String: Any]] ?? [] {
                container.bind(
                    containerPort: key, hostIP: binding["HostIp"] as? String ?? "", hostPort: binding["HostPort"] as? String ?? "",
                    line: line)
            }
        }
        if sawPorts || object["Ports"] != nil { container.portsSeen = (true, line) }
        if let service = object["com.docker.compose.service"] as? String {
            container.service = (service, line)
            container.project = object["com.docker.compose.project"] as? String
        }
        guard !container.isEmpty else { return [] }
        return [line.fact(.dockerSeen, "true")] + container.facts()
    }

    /// `[{"Type":"bind","Source":"/root/.openclaw","Destination":"/home/node/.openclaw",…` cut short.
    private func truncatedMounts(_ line: PasteLine) -> [Fact] {
        var facts: [Fact] = []
        for object in line.text.split(separator: "}") {
            guard let source = Self.field("Source", in: object), let destination = Self.field("Destination", in: object) else { continue }
            facts += Self.mountFacts(source: source, destination: destination, line: line)
        }
        return facts
    }

    static func field(_ key: String, in object: Substring) -> String? {
        guard let start = object.byteRange(of: "\"\(key)\":\"") else { return nil }
        let rest = object[start.upperBound...]
        guard let end = rest.utf8.firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return String(rest[..<end])
    }

    static func mountFacts(source: String, destination: String, line: PasteLine) -> [Fact] {
        var facts = [line.fact(.dockerSeen, "true"), line.fact(.dockerMount, "\(destination) <= \(source)")]
        if destination == "/home/node/.openclaw" { facts += EnvironmentVariable.configMountFacts(source: source, line: line) }
        return facts
    }
}

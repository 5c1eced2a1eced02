/// Reads `docker inspect`: the full JSON array (4-space indented, read line by line so a
/// truncated paste still yields its mounts and env), one-line `{{json .Mounts}}` output, and the
/// template `{{range .Mounts}}{{println .Destination " <= " .Source}}{{end}}`, whose `println`
/// puts double spaces around `<=`.
public struct DockerInspectExtractor: FactExtractor {
    public var name: String { "docker-inspect" }
    public init() {}

    static let triggerWords = [" <= ", "\"id\": \"", "[{\"type\":"]

    public func extract(from document: PasteDocument) -> [Fact] {
        var facts: [Fact] = []
        var inInspect = false
        var inMounts = false
        var inEnv = false
        var mountSource: (String, PasteLine)?
        var mountDestination: String?
        for line in document.cleanLines {
            guard line.bytes.contains(UInt8(ascii: "\"")) || line.bytes.contains(UInt8(ascii: "<")) || line.bytes.contains(UInt8(ascii: "]"))
            else { continue }
            let text = line.text
            if text.containsBytes(" <= "), let arrow = text.firstRange(of: "  <=  ") ?? text.firstRange(of: " <= ") {
                let destination = text[..<arrow.lowerBound].trimmingBlanks()
                let source = text[arrow.upperBound...].trimmingBlanks()
                if destination.hasPrefix("/"), !destination.contains(" "), EnvironmentVariable.isPath(source) || source.hasPrefix("/") {
                    facts += DockerInspectExtractor.mountFacts(source: source, destination: destination, line: line)
                }
                continue
            }
            if text.hasPrefix("\"Id\": \"") { inInspect = true; facts.append(line.fact(.dockerSeen, "true")) }
            if text.hasPrefix("[{\"Type\":") { facts += oneLineMounts(line) }
            guard inInspect else { continue }
            if text.hasPrefix("\"Mounts\": [") { inMounts = !text.hasSuffix("],"); continue }
            if text.hasPrefix("\"Env\": [") { inEnv = !text.hasSuffix("],"); continue }
            if inMounts {
                if text.hasPrefix("]") { inMounts = false; continue }
                if let (key, value) = DockerInspectExtractor.jsonPair(text) {
                    if key == "Source" { mountSource = (value, line) }
                    if key == "Destination" { mountDestination = value }
                }
                if let (source, sourceLine) = mountSource, let destination = mountDestination {
                    facts += DockerInspectExtractor.mountFacts(source: source, destination: destination, line: sourceLine)
                    mountSource = nil
                    mountDestination = nil
                }
                continue
            }
            if inEnv {
                if text.hasPrefix("]") { inEnv = false; continue }
                let item = text.hasSuffix(",") ? String(text.dropLast()) : text
                guard item.hasPrefix("\""), item.hasSuffix("\""), item.count >= 2 else { continue }
                let body = item.dropFirst().dropLast()
                if let equals = body.firstIndex(of: "=") {
                    facts += EnvironmentVariable.facts(name: String(body[..<equals]), raw: String(body[body.index(after: equals)...]), line: line)
                }
                continue
            }
            if let (key, value) = DockerInspectExtractor.jsonPair(text) {
                switch key {
                case "NetworkMode": facts.append(line.fact(.dockerNetworkMode, value))
                case "Name" where value.hasPrefix("/"): facts.append(line.fact(.dockerContainer, String(value.dropFirst())))
                default: break
                }
            }
        }
        return facts
    }

    /// `"Key": "value",` → (Key, value); nil for any other line.
    static func jsonPair(_ text: String) -> (String, String)? {
        guard text.hasPrefix("\""), let keyEnd = text.dropFirst().firstIndex(of: "\"") else { return nil }
        let key = String(text[text.index(after: text.startIndex)..<keyEnd])
        var rest = text[text.index(after: keyEnd)...]
        guard rest.hasPrefix(": \"") else { return nil }
        rest = rest.dropFirst(3)
        guard let close = rest.lastIndex(of: "\"") else { return nil }
        return (key, String(rest[..<close]))
    }

    /// `[{"Type":"bind","Source":"/root/.openclaw","Destination":"/home/node/.openclaw",…}]` on one line.
    private func oneLineMounts(_ line: PasteLine) -> [Fact] {
        var facts: [Fact] = []
        for object in line.text.split(separator: "}") {
            guard let source = DockerInspectExtractor.field("Source", in: object),
                let destination = DockerInspectExtractor.field("Destination", in: object)
            else { continue }
            facts += DockerInspectExtractor.mountFacts(source: source, destination: destination, line: line)
        }
        return facts
    }

    static func field(_ key: String, in object: Substring) -> String? {
        guard let start = object.firstRange(of: "\"\(key)\":\"") else { return nil }
        let rest = object[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    static func mountFacts(source: String, destination: String, line: PasteLine) -> [Fact] {
        var facts = [line.fact(.dockerSeen, "true"), line.fact(.dockerMount, "\(destination) <= \(source)")]
        if destination == "/home/node/.openclaw" { facts += EnvironmentVariable.configMountFacts(source: source, line: line) }
        return facts
    }
}

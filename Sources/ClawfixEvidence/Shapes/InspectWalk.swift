/// Walks the pretty-printed JSON of `docker inspect` one line at a time, keeping the path of keys
/// that leads to each value (`State.Status`, `NetworkSettings.Ports["18789/tcp"][0].HostPort`), so
/// a value is read by where it sits — `Name` of the container, not of a volume mount — and a
/// truncated paste still gives everything above the cut. Docker prints one key per line with a
/// 4-space indent; anything that is not such a line ends the walk.
struct InspectWalk {
    /// Keys from the container object down; `#` for an element of an array.
    private var path: [String] = []
    private var container = InspectedContainer()
    /// Between `},` and the next `{` of a multi-container array.
    private var betweenContainers = false
    private var mountSource: (String, PasteLine)?
    private var mountDestination: String?
    private var hostIP: String?
    private var hostPort: (String, PasteLine)?
    private let target: (String, PasteLine)?

    init(target: (String, PasteLine)?) {
        self.target = target
        container.commandTarget = target
    }

    /// Whether a walk starts at this line: the first key of the container, or a section a user
    /// pasted on its own.
    static func starts(_ text: String) -> Bool {
        text.hasPrefix("\"Id\": \"")
            || ["\"State\": {", "\"Mounts\": [", "\"Config\": {", "\"NetworkSettings\": {", "\"HostConfig\": {"].contains(text)
    }

    /// Reads one line; false when the line is not part of the JSON (the walk is over and the
    /// line was not used).
    mutating func consume(_ line: PasteLine, into facts: inout [Fact]) -> Bool {
        let text = line.text
        guard let first = text.utf8.first else { return false }
        switch first {
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            if path.isEmpty {
                if betweenContainers { return false }
                facts += finishContainer()
                betweenContainers = true
                return true
            }
            closeElement(line)
            path.removeLast()
            return true
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard text.utf8.count <= 2 else { return false }
            if path.isEmpty && betweenContainers {
                betweenContainers = false
                container = InspectedContainer()
                container.commandTarget = target
            } else {
                path.append("#")
            }
            return true
        case UInt8(ascii: "\""):
            guard let (key, rawValue) = Self.split(text) else { return false }
            if let key {
                if rawValue == "{" || rawValue == "[" {
                    path.append(key)
                    if path == ["NetworkSettings", "Ports"] { container.portsSeen = (true, line) }
                } else {
                    value(key, rawValue, line, &facts)
                }
            } else {
                item(rawValue, line, &facts)
            }
            return true
        default:
            // Numbers, booleans and null as array elements.
            let literal = text.hasSuffix(",") ? String(text.dropLast()) : text
            return literal == "null" || literal == "true" || literal == "false" || Int(literal) != nil
        }
    }

    /// The facts still owed when the walk ends (the paste was cut inside the object).
    func finish() -> [Fact] {
        betweenContainers ? [] : finishContainer()
    }

    private func finishContainer() -> [Fact] {
        container.isEmpty ? [] : container.facts()
    }

    private mutating func closeElement(_ line: PasteLine) {
        if path.count == 2, path[0] == "Mounts" {
            mountSource = nil
            mountDestination = nil
        }
        if path.count == 4, path[0] == "NetworkSettings", path[1] == "Ports", let (port, portLine) = hostPort {
            container.bind(containerPort: path[2], hostIP: hostIP ?? "", hostPort: port, line: portLine)
            hostIP = nil
            hostPort = nil
        }
    }

    private mutating func value(_ key: String, _ raw: String, _ line: PasteLine, _ facts: inout [Fact]) {
        let value = Self.unquote(raw)
        if key == "NetworkMode" { facts.append(line.fact(.dockerNetworkMode, value)) }
        switch path {
        case []:
            switch key {
            case "Id": facts.append(line.fact(.dockerSeen, "true"))
            case "Name" where value.hasPrefix("/"):
                let name = String(value.dropFirst())
                container.name = (name, line)
                facts.append(line.fact(.dockerContainer, name))
            case "RestartCount": if Int(value) != nil { container.restartCount = (value, line) }
            case "Path": container.command = value
            default: break
            }
        case ["State"]:
            if key == "Status" { container.status = (value, line) }
            if key == "ExitCode", Int(value) != nil { container.exitCode = (value, line) }
        case ["State", "Health"]:
            if key == "Status" { container.health = (value, line) }
        case ["Config"]:
            if key == "Image" { container.image = (value, line) }
        case ["Config", "Labels"]:
            if key == "com.docker.compose.service" { container.service = (value, line) }
            if key == "com.docker.compose.project" { container.project = value }
        case ["Mounts", "#"]:
            if key == "Source" { mountSource = (value, line) }
            if key == "Destination" { mountDestination = value }
            if let (source, sourceLine) = mountSource, let destination = mountDestination {
                facts += DockerInspectExtractor.mountFacts(source: source, destination: destination, line: sourceLine)
                mountSource = nil
                mountDestination = nil
            }
        case ["NetworkSettings"]:
            if key == "Ports" { container.portsSeen = (true, line) }
        default:
            if path.count == 4, path[0] == "NetworkSettings", path[1] == "Ports" {
                if key == "HostIp" { hostIP = value }
                if key == "HostPort" { hostPort = (value, line) }
            }
        }
    }

    private mutating func item(_ raw: String, _ line: PasteLine, _ facts: inout [Fact]) {
        guard path == ["Config", "Env"], raw.hasPrefix("\""), raw.hasSuffix("\""), raw.utf8.count >= 2 else { return }
        let body = Self.unquote(raw)
        if let equals = body.utf8.firstIndex(of: UInt8(ascii: "=")) {
            facts += EnvironmentVariable.facts(
                name: String(body[..<equals]), raw: String(body[body.index(after: equals)...]), line: line)
        }
    }

    /// `"Key": value,` → (Key, `value`); `"item",` → (nil, `"item"`); nil when the quoted key is
    /// not closed on the line.
    static func split(_ text: String) -> (String?, String)? {
        let bytes = Array(text.utf8)
        var index = 1
        var escaped = false
        while index < bytes.count {
            if escaped {
                escaped = false
            } else if bytes[index] == UInt8(ascii: "\\") {
                escaped = true
            } else if bytes[index] == UInt8(ascii: "\"") {
                break
            }
            index += 1
        }
        guard index < bytes.count else { return nil }
        var rest = index + 1
        while rest < bytes.count, bytes[rest] == 0x20 { rest += 1 }
        var end = bytes.count
        if end > rest, bytes[end - 1] == UInt8(ascii: ",") { end -= 1 }
        guard rest < bytes.count, bytes[rest] == UInt8(ascii: ":") else {
            return (nil, String(decoding: bytes[0..<end], as: UTF8.self))
        }
        let key = unquote(String(decoding: bytes[0...index], as: UTF8.self))
        var valueStart = rest + 1
        while valueStart < end, bytes[valueStart] == 0x20 { valueStart += 1 }
        return (key, String(decoding: bytes[valueStart..<max(valueStart, end)], as: UTF8.self))
    }

    /// A JSON string without its quotes and escapes (`\"`, `\\`, `\/`, `\u003e`); other values as they are.
    static func unquote(_ raw: String) -> String {
        guard raw.utf8.count >= 2, raw.hasPrefix("\""), raw.hasSuffix("\"") else { return raw }
        let body = raw.dropFirst().dropLast()
        guard body.utf8.contains(UInt8(ascii: "\\")) else { return String(body) }
        var result = String.UnicodeScalarView()
        var scalars = body.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\", let escaped = scalars.next() else {
                result.append(scalar)
                continue
            }
            switch escaped {
            case "n": result.append("\n")
            case "t": result.append("\t")
            case "u":
                var hex = ""
                for _ in 0..<4 { if let digit = scalars.next() { hex.unicodeScalars.append(digit) } }
                if let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) { result.append(decoded) }
            default: result.append(escaped)
            }
        }
        return String(result)
    }
}

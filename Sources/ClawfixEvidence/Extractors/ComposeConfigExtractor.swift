/// Reads `docker compose config --services` (one service per line) and `docker compose config`
/// (the normalised YAML, or a pasted `docker-compose.yml`): services, the gateway's `--bind`,
/// published ports (long and short syntax), volumes, `env_file`, `environment`, `network_mode`.
/// Indentation-driven, one pass, tolerant of a truncated paste.
public struct ComposeConfigExtractor: FactExtractor {
    public var name: String { "compose-config" }
    public init() {}

    public func extract(from document: PasteDocument) -> [Fact] {
        let lines = document.cleanLines
        var facts = servicesListFacts(document)
        var index = 0
        while index < lines.count {
            if lines[index].triggers.contains(.composeServices), lines[index].text == "services:" {
                facts += parseServices(lines, from: index, end: &index)
            } else {
                index += 1
            }
        }
        return facts
    }

    /// `config --services` output: only trusted after that command.
    private func servicesListFacts(_ document: PasteDocument) -> [Fact] {
        let lines = document.cleanLines
        var facts: [Fact] = []
        for block in document.blocks {
            guard let command = block.effectiveCommand, command.containsBytes("config"), command.containsBytes("--services"),
                command.containsBytes("compose")
            else { continue }
            for number in block.outputLines {
                let line = lines[number - 1]
                guard !line.text.isEmpty, !line.text.contains(" "), ContainerTable.isContainerName(line.text) else { continue }
                facts.append(line.fact(.composeService, line.text))
                if line.text.contains("openclaw") { facts.append(line.fact(.installKind, "compose")) }
            }
        }
        return facts
    }

    private static func indent(_ line: PasteLine) -> Int { line.indent }

    /// A `key: value` line (value possibly empty); the key without quotes.
    static func keyValue(_ text: String) -> (key: String, value: String)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        var key = text[..<colon]
        if key.count >= 2, key.first == "\"" || key.first == "'" { key = key.dropFirst().dropLast() }
        guard !key.isEmpty, !key.contains(" ") else { return nil }
        let after = text[text.index(after: colon)...]
        guard after.isEmpty || after.first == " " else { return nil }
        return (String(key), unquote(after.trimmingBlanks()))
    }

    static func unquote(_ text: String) -> String {
        if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
            return String(text.dropFirst().dropLast())
        }
        return text
    }

    private struct Service {
        var name: String
        var line: PasteLine
        var facts: [Fact] = []
        var commandWords: [(String, PasteLine)] = []
        var envFile = false
        var tokenInEnvironment = false
        var networkMode: String?
        var item: [String: (String, PasteLine)] = [:]
        var itemLine: PasteLine?

        var isGateway: Bool { name.contains("gateway") && !name.contains("cli") }
        var isCLI: Bool { name.contains("cli") }
    }

    private func parseServices(_ lines: [PasteLine], from start: Int, end: inout Int) -> [Fact] {
        let servicesLine = lines[start]
        let baseIndent = ComposeConfigExtractor.indent(servicesLine)
        var facts: [Fact] = []
        var serviceIndent: Int?
        var service: Service?
        var sectionIndent = 0
        var section = ""
        var index = start + 1
        func finish(_ service: Service?) {
            guard var service else { return }
            flushItem(&service, section: section)
            facts += service.facts
            let words = service.commandWords
            if service.isGateway, let bind = words.firstIndex(where: { $0.0 == "--bind" || $0.0.hasPrefix("--bind=") }) {
                if words[bind].0.hasPrefix("--bind=") {
                    facts.append(words[bind].1.fact(.composeBind, String(words[bind].0.dropFirst(7))))
                } else if bind + 1 < words.count {
                    facts.append(words[bind + 1].1.fact(.composeBind, words[bind + 1].0))
                }
            }
            if service.isGateway {
                let source = service.envFile ? "env-file" : (service.tokenInEnvironment ? "environment" : "none")
                facts.append(service.line.fact(.composeTokenSource, source))
            }
            if service.isCLI { facts.append(service.line.fact(.cliNetworkMode, service.networkMode ?? "default")) }
        }
        while index < lines.count {
            let line = lines[index]
            if line.text.isEmpty || line.text.hasPrefix("#") {
                index += 1
                continue
            }
            let indent = ComposeConfigExtractor.indent(line)
            if indent <= baseIndent { break }
            if serviceIndent == nil { serviceIndent = indent }
            if indent == serviceIndent {
                finish(service)
                guard let (key, value) = ComposeConfigExtractor.keyValue(line.text), value.isEmpty,
                    ContainerTable.isContainerName(key)
                else { service = nil; index += 1; continue }
                var next = Service(name: key, line: line)
                next.facts.append(line.fact(.composeService, key))
                next.facts.append(line.fact(.dockerSeen, "true"))
                if key.contains("openclaw") { next.facts.append(line.fact(.installKind, "compose")) }
                service = next
                section = ""
            } else if var current = service {
                if section.isEmpty || indent <= sectionIndent {
                    flushItem(&current, section: section)
                    sectionIndent = indent
                    if let (key, value) = ComposeConfigExtractor.keyValue(line.text) {
                        section = key
                        sectionValue(&current, key: key, value: value, line: line)
                    } else {
                        section = ""
                    }
                } else {
                    sectionLine(&current, section: section, line: line)
                }
                service = current
            }
            index += 1
        }
        finish(service)
        end = index
        return facts
    }

    /// A service key with an inline value (`network_mode: service:openclaw-gateway`, `command: node … --bind lan`).
    private func sectionValue(_ service: inout Service, key: String, value: String, line: PasteLine) {
        switch key {
        case "network_mode":
            if !value.isEmpty { service.networkMode = value }
            if service.isGateway, !value.isEmpty { service.facts.append(line.fact(.dockerNetworkMode, value)) }
        case "env_file":
            service.envFile = true
        case "command":
            var inline = value
            if inline.hasPrefix("[") { inline = String(inline.dropFirst().dropLast()).replacingCommas() }
            for word in ShellWords.split(inline) { service.commandWords.append((word, line)) }
        default:
            break
        }
    }

    private func sectionLine(_ service: inout Service, section: String, line: PasteLine) {
        let text = line.text
        let isItem = text.hasPrefix("- ") || text == "-"
        let body = isItem ? String(text.dropFirst(1)).trimmingBlanks() : text
        switch section {
        case "command", "entrypoint":
            if section == "command", isItem { service.commandWords.append((ComposeConfigExtractor.unquote(body), line)) }
        case "env_file":
            service.envFile = true
        case "environment":
            let pair: (String, String)?
            if isItem, let equals = body.firstIndex(of: "=") {
                pair = (String(body[..<equals]), String(body[body.index(after: equals)...]))
            } else if !isItem, let (key, value) = ComposeConfigExtractor.keyValue(body) {
                pair = (key, value)
            } else {
                pair = nil
            }
            if let (key, value) = pair, EnvironmentVariable.isName(Substring(key)) {
                if key == "OPENCLAW_GATEWAY_TOKEN", EnvironmentVariable.value(of: key, raw: value) == "set" {
                    service.tokenInEnvironment = true
                }
                service.facts += EnvironmentVariable.facts(name: key, raw: value, line: line)
            }
        case "ports", "volumes":
            if isItem {
                flushItem(&service, section: section)
                if let (key, value) = ComposeConfigExtractor.keyValue(body), !body.hasPrefix("\"") {
                    service.item[key] = (value, line)
                    service.itemLine = line
                } else {
                    shortSyntax(&service, section: section, value: ComposeConfigExtractor.unquote(body), line: line)
                }
            } else if service.itemLine != nil, let (key, value) = ComposeConfigExtractor.keyValue(body) {
                service.item[key] = (value, line)
            }
        default:
            break
        }
    }

    /// Short syntax: `- "127.0.0.1:18789:18789"`, `- 18789:18789`, `- /root/.openclaw:/home/node/.openclaw`.
    private func shortSyntax(_ service: inout Service, section: String, value: String, line: PasteLine) {
        if section == "ports" {
            let spec = value.split(separator: "/").first.map(String.init) ?? value
            var parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2, let container = parts.popLast() else { return }
            let published = parts.popLast() ?? ""
            let hostIP = parts.joined(separator: ":")
            publish(&service, hostIP: hostIP, published: published, target: container, line: line)
        } else {
            let parts = value.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2 else { return }
            // A Windows source keeps its drive colon: `C:\Users\a\.openclaw:/home/node/.openclaw`.
            let windows = parts[0].count == 1 && parts.count >= 3
            let source = windows ? parts[0] + ":" + parts[1] : parts[0]
            let target = windows ? parts[2] : parts[1]
            mount(&service, source: source, target: target, line: line)
        }
    }

    private func flushItem(_ service: inout Service, section: String) {
        defer {
            service.item = [:]
            service.itemLine = nil
        }
        guard let itemLine = service.itemLine else { return }
        if section == "ports", let target = service.item["target"] {
            publish(
                &service, hostIP: service.item["host_ip"]?.0 ?? "", published: service.item["published"]?.0 ?? "", target: target.0,
                line: service.item["published"]?.1 ?? itemLine)
        } else if section == "volumes", let source = service.item["source"], let target = service.item["target"] {
            mount(&service, source: source.0, target: target.0, line: source.1)
        }
    }

    private func publish(_ service: inout Service, hostIP: String, published: String, target: String, line: PasteLine) {
        guard service.isGateway, let targets = PortMapping.range(Substring(target)), let hosts = PortMapping.range(Substring(published)),
            hosts.count == targets.count
        else { return }
        for (host, container) in zip(hosts, targets) where container == 18789 {
            let mapping = PortMapping(hostAddress: hostIP.isEmpty ? "0.0.0.0" : hostIP, hostPort: host, containerPort: container, proto: "tcp")
            service.facts += mapping.gatewayFacts(line)
        }
    }

    private func mount(_ service: inout Service, source: String, target: String, line: PasteLine) {
        service.facts.append(line.fact(.dockerMount, "\(target) <= \(source)"))
        if target == "/home/node/.openclaw" || target == "/home/node/.openclaw/" {
            if EnvironmentVariable.isPath(source) {
                service.facts += EnvironmentVariable.configMountFacts(source: source, line: line)
            }
        }
    }
}

extension String {
    /// `"node", "dist/index.js"` → `"node" "dist/index.js"` for an inline YAML list.
    fileprivate func replacingCommas() -> String { String(map { $0 == "," ? " " : $0 }) }
}

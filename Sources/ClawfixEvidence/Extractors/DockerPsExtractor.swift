import Foundation

/// Reads `docker ps` / `docker ps -a` in every shape users paste: the default table, `--format
/// "table {{.Names}}\t{{.Ports}}"` (any column set), the header-less `--format '{{.Names}}\t{{.Ports}}'`
/// with literal TABs, and `--format json` lines (where `>` arrives as `\u003e`).
public struct DockerPsExtractor: FactExtractor {
    public var name: String { "docker-ps" }
    public init() {}

    public func extract(from document: PasteDocument) -> [Fact] {
        let lines = document.cleanLines
        var facts: [Fact] = []
        for table in ContainerTable.find(in: lines, kind: .dockerPs) {
            facts += ContainerRow.listingFacts(table.rows, header: table.header)
        }
        facts += headerlessRows(document)
        for line in document.lines(with: .containerJSON) where line.text.hasPrefix("{\"") && line.text.containsBytes("\"Names\":") {
            if let row = DockerPsExtractor.jsonRow(line) { facts += row.facts() }
        }
        return facts
    }

    /// `docker ps --format '{{.Names}}\t{{.Ports}}'` (no `table`, so no header): rows are only
    /// recognisable from the command line that produced them.
    private func headerlessRows(_ document: PasteDocument) -> [Fact] {
        let lines = document.cleanLines
        var facts: [Fact] = []
        for block in document.blocks {
            guard let command = block.effectiveCommand, command.hasPrefix("docker ps") || command.hasPrefix("docker container ls"),
                command.containsBytes("--format"), !command.containsBytes("table"), !command.containsBytes("json"),
                let formatStart = command.firstRange(of: "{{")
            else { continue }
            var fields: [String] = []
            var rest = command[formatStart.lowerBound...]
            while let open = rest.firstRange(of: "{{."), let close = rest[open.upperBound...].firstRange(of: "}}") {
                fields.append(String(rest[open.upperBound..<close.lowerBound]).trimmingBlanks())
                rest = rest[close.upperBound...]
            }
            guard fields.contains("Names") else { continue }
            for number in block.outputLines {
                let line = lines[number - 1]
                let cells = line.raw.tableCells().map(\.text)
                guard !cells.isEmpty else { continue }
                var values: [String: String] = [:]
                for (field, cell) in zip(fields, cells) { values[field] = cell }
                guard let name = values["Names"], ContainerTable.isContainerName(name) else { continue }
                var row = ContainerRow(line: line, name: name)
                row.image = values["Image"]
                row.status = values["Status"]
                row.command = values["Command"]
                if fields.contains("Ports") {
                    let ports = values["Ports"] ?? ""
                    guard ports.isEmpty || PortMapping.looksLikePorts(ports) else { continue }
                    row.ports = ports
                }
                facts += row.facts()
            }
        }
        return facts
    }

    /// One `docker ps --format json` line; nil when it does not parse (a truncated paste).
    static func jsonRow(_ line: PasteLine) -> ContainerRow? {
        guard let data = line.text.data(using: .utf8),
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            let name = object["Names"] as? String, ContainerTable.isContainerName(name)
        else { return nil }
        var row = ContainerRow(line: line, name: name)
        row.image = object["Image"] as? String
        row.command = object["Command"] as? String
        row.status = object["Status"] as? String
        row.ports = object["Ports"] as? String
        if let labels = object["Labels"] as? String {
            for label in labels.split(separator: ",") where label.hasPrefix("com.docker.compose.service=") {
                row.service = String(label.dropFirst("com.docker.compose.service=".count))
                row.fromCompose = true
            }
        }
        return row
    }
}

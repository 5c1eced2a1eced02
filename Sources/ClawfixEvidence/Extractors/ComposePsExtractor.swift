import Foundation

/// Reads `docker compose ps`: the table (`NAME IMAGE COMMAND SERVICE CREATED STATUS PORTS`, and
/// the pre-2.14.1 `NAME COMMAND SERVICE STATUS PORTS` with `running (healthy)`), and `--format json`
/// as JSON Lines (compose ≥ 2.21.0) or one array (before).
public struct ComposePsExtractor: FactExtractor {
    public var name: String { "compose-ps" }
    public init() {}

    public func extract(from document: PasteDocument) -> [Fact] {
        var facts: [Fact] = []
        for table in ContainerTable.find(in: document.cleanLines, kind: .composePs) {
            facts += ContainerRow.listingFacts(table.rows, header: table.header)
            if !table.rows.isEmpty { facts.append(table.header.fact(.installKind, "compose")) }
        }
        for line in document.lines(with: .containerJSON) where (line.text.hasPrefix("{\"") || line.text.hasPrefix("[{\"")) && line.text.containsBytes("\"Service\":") {
            guard let data = line.text.data(using: .utf8), let parsed = try? JSONSerialization.jsonObject(with: data) else { continue }
            let objects = (parsed as? [[String: Any]]) ?? ((parsed as? [String: Any]).map { [$0] } ?? [])
            for object in objects {
                guard let row = ComposePsExtractor.jsonRow(object, line: line) else { continue }
                facts += row.facts()
            }
        }
        return facts
    }

    static func jsonRow(_ object: [String: Any], line: PasteLine) -> ContainerRow? {
        guard let name = object["Name"] as? String, ContainerTable.isContainerName(name) else { return nil }
        var row = ContainerRow(line: line, name: name)
        row.fromCompose = true
        row.service = object["Service"] as? String
        row.image = object["Image"] as? String
        if let state = object["State"] as? String {
            var status = state
            if let code = object["ExitCode"] as? Int, state == "exited" || state == "restarting" { status += " (\(code))" }
            if let health = object["Health"] as? String, !health.isEmpty {
                status += health == "starting" ? " (health: starting)" : " (\(health))"
            }
            row.status = status
        }
        if let publishers = object["Publishers"] as? [[String: Any]] {
            row.ports = publishers.compactMap { publisher -> String? in
                guard let target = publisher["TargetPort"] as? Int, let published = publisher["PublishedPort"] as? Int, published > 0
                else { return nil }
                let url = (publisher["URL"] as? String) ?? "0.0.0.0"
                let host = url.containsBytes(":") ? "[\(url)]" : url
                return "\(host):\(published)->\(target)/\((publisher["Protocol"] as? String) ?? "tcp")"
            }.joined(separator: ", ")
        }
        return row
    }
}

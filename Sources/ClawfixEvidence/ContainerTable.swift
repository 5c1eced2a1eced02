/// A Go-tabwriter container listing found in a paste: `docker ps` (default or `--format "table …"`)
/// or `docker compose ps`. Columns are padded with spaces and a column may be empty, so a row is
/// split on TAB or 2+ spaces and each cell is given to the header column it starts under.
struct ContainerTable: Sendable {
    enum Kind: Sendable { case dockerPs, composePs }

    var kind: Kind
    var header: PasteLine
    var rows: [ContainerRow]

    /// Every header holds a NAME(S) column.
    static let triggerWords = ["name"]

    static let dockerWords: Set<String> = [
        "CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES", "STATE", "SIZE", "NETWORKS",
        "MOUNTS", "LABELS", "RUNNING FOR", "CREATED AT", "LOCAL VOLUMES", "PLATFORM", "ID",
    ]
    static let composeWords: Set<String> = dockerWords.union(["NAME", "SERVICE", "PROJECT", "PUBLISHERS", "EXIT CODE", "HEALTH"])

    /// Header columns, or nil when the line is not a listing header of `kind`. A header consists
    /// only of column titles, so prose that mentions `NAMES` never qualifies.
    static func headerColumns(_ line: PasteLine, kind: Kind) -> [(offset: Int, title: String)]? {
        guard line.text.utf8.count < 400 || line.text.count < 400, line.text.containsBytes("NAME") else { return nil }
        let cells = line.raw.tableCells()
        guard cells.count >= 2 else { return nil }
        let titles = Set(cells.map(\.text))
        switch kind {
        case .dockerPs:
            guard titles.isSubset(of: dockerWords), titles.contains("NAMES") else { return nil }
        case .composePs:
            guard titles.isSubset(of: composeWords), titles.contains("NAME"), !titles.contains("NAMES"),
                titles.contains("SERVICE") || titles.contains("IMAGE") || titles.contains("STATUS")
            else { return nil }
        }
        return cells.map { ($0.offset, $0.text) }
    }

    /// Every listing of `kind` in the paste, in order; one pass over the lines.
    static func find(in lines: [PasteLine], kind: Kind) -> [ContainerTable] {
        var tables: [ContainerTable] = []
        var index = 0
        while index < lines.count {
            guard lines[index].triggers.contains(.containerTableHeader), let columns = headerColumns(lines[index], kind: kind) else {
                index += 1
                continue
            }
            var table = ContainerTable(kind: kind, header: lines[index], rows: [])
            var misses = 0
            index += 1
            while index < lines.count, misses < 3 {
                let line = lines[index]
                if line.text.isEmpty || line.text.hasPrefix("```")
                    || (line.triggers.contains(.containerTableHeader) && headerColumns(line, kind: kind) != nil)
                    || ShellPrompt.parse(line.text) != nil
                {
                    break
                }
                if let row = row(line, columns: columns, kind: kind) {
                    table.rows.append(row)
                    misses = 0
                } else {
                    misses += 1
                }
                index += 1
            }
            tables.append(table)
        }
        return tables
    }

    static func row(_ line: PasteLine, columns: [(offset: Int, title: String)], kind: Kind) -> ContainerRow? {
        let cells = line.raw.tableCells()
        guard !cells.isEmpty else { return nil }
        var values: [String: String] = [:]
        let aligned = cells.allSatisfy { cell in columns.contains { $0.offset == cell.offset } }
        if !aligned && cells.count == columns.count {
            // Spaces collapsed by a chat client: only the order of the cells is left.
            for (cell, column) in zip(cells, columns) { values[column.title] = cell.text }
        } else {
            for cell in cells {
                guard let column = columns.last(where: { $0.offset <= cell.offset + 1 }) else { return nil }
                if let existing = values[column.title] {
                    values[column.title] = existing + "  " + cell.text
                } else {
                    values[column.title] = cell.text
                }
            }
        }
        if let id = values["CONTAINER ID"], !(id.count == 12 || id.count == 64) || !id.allSatisfy(\.isHexDigit) {
            return nil
        }
        guard let name = values[kind == .dockerPs ? "NAMES" : "NAME"], isContainerName(name) else { return nil }
        var row = ContainerRow(line: line, name: name)
        row.image = values["IMAGE"]
        row.command = values["COMMAND"]
        row.status = values["STATUS"] ?? values["STATE"]
        row.service = values["SERVICE"]
        row.fromCompose = kind == .composePs
        if let ports = values["PORTS"] {
            guard ports.isEmpty || PortMapping.looksLikePorts(ports) else { return nil }
            row.ports = ports
        } else if columns.contains(where: { $0.title == "PORTS" }) {
            row.ports = ""
        }
        return row
    }

    /// Docker names: `[a-zA-Z0-9][a-zA-Z0-9_.-]*`; `docker ps` may list several, comma-separated.
    static func isContainerName(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, isAlphanumeric(first), bytes.count <= 255 else { return false }
        return bytes.allSatisfy {
            isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
                || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "/")
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }
}

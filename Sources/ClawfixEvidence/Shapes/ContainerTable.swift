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

    /// Compose v1 (`docker-compose ps`): `Name   Command   State   Ports` with centred titles and
    /// a dashed line under them.
    static let composeV1Words: Set<String> = ["Name", "Command", "State", "Ports"]

    /// Where each column a row needs sits in a header.
    struct Layout: Sendable {
        var columns: [(offset: Int, title: String)]
        /// Compose v1: the titles are centred, so cells are read by their order and content.
        var isComposeV1 = false
        var id: Int?
        var name: Int?
        var image: Int?
        var command: Int?
        var status: Int?
        var state: Int?
        var service: Int?
        var ports: Int?

        init(_ columns: [(offset: Int, title: String)], kind: Kind, isComposeV1: Bool = false) {
            self.columns = columns
            self.isComposeV1 = isComposeV1
            func column(_ title: String) -> Int? { columns.firstIndex { $0.title == title } }
            id = column("CONTAINER ID")
            name = column(kind == .dockerPs ? "NAMES" : "NAME")
            image = column("IMAGE")
            command = column("COMMAND")
            status = column("STATUS")
            state = column("STATE")
            service = column("SERVICE")
            ports = column("PORTS")
        }
    }

    /// The header's layout, or nil when the line is not a listing header of `kind`. A header
    /// consists only of column titles, so prose that mentions `NAMES` never qualifies.
    static func headerLayout(_ line: PasteLine, kind: Kind) -> Layout? {
        // Titles are case-sensitive: `NAMES` (docker), `NAME` (compose v2) or `Name` (compose v1).
        guard line.bytes.count < 400,
            kind == .dockerPs
                ? ByteSearch.find(namesTitle, in: line.bytes) != nil
                : ByteSearch.find(namesTitle, in: line.bytes) == nil
                    && (ByteSearch.find(nameTitle, in: line.bytes) != nil || ByteSearch.find(nameV1Title, in: line.bytes) != nil)
        else { return nil }
        let cells = line.raw.tableCells()
        guard cells.count >= 2 else { return nil }
        let titles = Set(cells.map(\.text))
        switch kind {
        case .dockerPs:
            guard titles.isSubset(of: dockerWords), titles.contains("NAMES") else { return nil }
        case .composePs:
            if titles.isSubset(of: composeV1Words), titles.contains("Name"), titles.contains("State") {
                return Layout(cells.map { ($0.offset, $0.text.uppercased()) }, kind: kind, isComposeV1: true)
            }
            guard titles.isSubset(of: composeWords), titles.contains("NAME"), !titles.contains("NAMES"),
                titles.contains("SERVICE") || titles.contains("IMAGE") || titles.contains("STATUS")
            else { return nil }
        }
        return Layout(cells.map { ($0.offset, $0.text) }, kind: kind)
    }

    private static let namesTitle = Array("NAMES".utf8)
    private static let nameTitle = Array("NAME".utf8)
    private static let nameV1Title = Array("Name".utf8)

    /// Every listing of `kind` in the paste, in order; one pass over the lines.
    static func find(in lines: [PasteLine], kind: Kind) -> [ContainerTable] {
        var tables: [ContainerTable] = []
        var index = 0
        while index < lines.count {
            guard lines[index].triggers.contains(.containerTableHeader), let layout = headerLayout(lines[index], kind: kind) else {
                index += 1
                continue
            }
            var table = ContainerTable(kind: kind, header: lines[index], rows: [])
            var misses = 0
            index += 1
            while index < lines.count, misses < 3 {
                let line = lines[index]
                if line.text.isEmpty || line.text.hasPrefix("```")
                    || (line.triggers.contains(.containerTableHeader) && headerLayout(line, kind: kind) != nil)
                    || ShellPrompt.parse(line.text) != nil
                {
                    break
                }
                if layout.isComposeV1, line.bytes.allSatisfy({ $0 == UInt8(ascii: "-") }) {
                    index += 1
                    continue
                }
                if let row = row(line, layout: layout, kind: kind) {
                    table.rows.append(row)
                    misses = 0
                    index += 1
                } else if index + 1 < lines.count, let row = wrappedRow(line, lines[index + 1], layout: layout, kind: kind) {
                    table.rows.append(row)
                    misses = 0
                    index += 2
                } else {
                    misses += 1
                    index += 1
                }
            }
            tables.append(table)
        }
        return tables
    }

    /// The cells of `line` given to the header's columns (nil where a column is empty), or nil
    /// when a cell lies before every column.
    static func assign(_ cells: [(offset: Int, text: String)], layout: Layout) -> [String?]? {
        let columns = layout.columns
        var values = [String?](repeating: nil, count: columns.count)
        let aligned = cells.allSatisfy { cell in columns.contains { $0.offset == cell.offset } }
        if !aligned && cells.count == columns.count {
            // Spaces collapsed by a chat client: only the order of the cells is left.
            for (index, cell) in cells.enumerated() { values[index] = cell.text }
            return values
        }
        for cell in cells {
            guard let column = columns.lastIndex(where: { $0.offset <= cell.offset + 1 }) else { return nil }
            values[column] = values[column].map { $0 + "  " + cell.text } ?? cell.text
        }
        return values
    }

    static func row(_ line: PasteLine, layout: Layout, kind: Kind) -> ContainerRow? {
        let cells = line.raw.tableCells()
        guard !cells.isEmpty else { return nil }
        if layout.isComposeV1 { return composeV1Row(line, cells: cells.map(\.text)) }
        guard let values = assign(cells, layout: layout) else { return nil }
        return row(line, values: values, layout: layout, kind: kind)
    }

    /// A row built from its column values; nil when it is not a container row (an ID that is not
    /// 12 or 64 hex digits, no valid name, a PORTS value that is not ports).
    static func row(_ line: PasteLine, values: [String?], layout: Layout, kind: Kind) -> ContainerRow? {
        func value(_ column: Int?) -> String? { column.flatMap { values[$0] } }
        if let id = value(layout.id), !(id.utf8.count == 12 || id.utf8.count == 64) || !id.allSatisfy(\.isHexDigit) {
            return nil
        }
        guard let name = value(layout.name), isContainerName(name) else { return nil }
        var row = ContainerRow(line: line, name: name)
        row.image = value(layout.image)
        row.command = value(layout.command)
        row.status = value(layout.status) ?? value(layout.state)
        row.service = value(layout.service)
        row.fromCompose = kind == .composePs
        if let ports = value(layout.ports) {
            guard ports.isEmpty || PortMapping.looksLikePorts(ports) else { return nil }
            row.ports = ports
        } else if layout.ports != nil {
            row.ports = ""
        }
        return row
    }

    /// A row a chat client wrapped onto a second line: the first line fills the columns up to
    /// some point and leaves the last ones (at least NAMES) empty; the continuation holds only
    /// the missing trailing values, and a PORTS list cut after a comma continues with it.
    static func wrappedRow(_ line: PasteLine, _ next: PasteLine, layout: Layout, kind: Kind) -> ContainerRow? {
        guard !layout.isComposeV1, let nameColumn = layout.name, !next.isEmpty, ShellPrompt.parse(next.text) == nil else { return nil }
        let cells = line.raw.tableCells()
        guard !cells.isEmpty, var values = assign(cells, layout: layout), values[nameColumn] == nil,
            let lastFilled = values.lastIndex(where: { $0 != nil })
        else { return nil }
        var continuation = next.raw.tableCells().map(\.text)
        guard !continuation.isEmpty, continuation.count <= values.count - lastFilled else { return nil }
        // The continuation must not be a row of its own (a 12-hex container ID first).
        if let first = continuation.first, first.utf8.count == 12, first.allSatisfy(\.isHexDigit) { return nil }
        if lastFilled == layout.ports, let cut = values[lastFilled], cut.hasSuffix(","), PortMapping.looksLikePorts(continuation[0]) {
            values[lastFilled] = cut + " " + continuation.removeFirst()
        }
        // The remaining values fill the last columns, ending with the name.
        guard continuation.count <= values.count - lastFilled - 1, continuation.count >= 1 else { return nil }
        let firstColumn = values.count - continuation.count
        guard firstColumn > lastFilled else { return nil }
        for (offset, value) in continuation.enumerated() { values[firstColumn + offset] = value }
        return row(line, values: values, layout: layout, kind: kind)
    }

    /// `openclaw_openclaw-gateway_1   docker-entrypoint.sh node ...   Up   0.0.0.0:18789->18789/tcp`:
    /// the name first, the ports last when they look like ports, the state (`Up`, `Exit 1`,
    /// `Restarting`, `Paused`) just before them.
    static func composeV1Row(_ line: PasteLine, cells: [String]) -> ContainerRow? {
        guard cells.count >= 2, isContainerName(cells[0]) else { return nil }
        var rest = cells.dropFirst()
        var ports = ""
        if let last = rest.last, PortMapping.looksLikePorts(last) {
            ports = last
            rest = rest.dropLast()
        }
        guard let state = rest.last else { return nil }
        let lower = state.lowercased()
        guard ["up", "exit ", "restarting", "paused"].contains(where: { lower.hasPrefix($0) }) else { return nil }
        var row = ContainerRow(line: line, name: cells[0])
        if rest.count >= 2 { row.command = rest.dropLast().joined(separator: "  ") }
        row.status = state
        row.ports = ports
        row.fromCompose = true
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

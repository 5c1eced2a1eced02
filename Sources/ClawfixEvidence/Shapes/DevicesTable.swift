/// The box tables of `openclaw devices list` (`Pending (N)` / `Paired (N)`), rebuilt from their
/// rendered lines: a row whose first cell is blank continues the row above (long IDs are cut at
/// any character, other text after ` `, `/`, `-`, `_` or `.`). Unicode (`┌─┬│`) and ASCII
/// (`+-|`) borders both occur; a truncated table still gives the rows seen so far.
struct DevicesTable {
    private var header: [String]?
    private var rows: [(cells: [String], line: PasteLine)] = []

    /// Takes the line if it belongs to a devices table or its heading; returns false otherwise.
    mutating func consume(_ text: String, _ line: PasteLine, _ facts: inout [Fact]) -> Bool {
        // Headings start with `P`, borders and rows with `|`, `+`, a box character (E2 …) or its mojibake (`â`).
        let lead = line.firstByte
        guard lead == UInt8(ascii: "P") || lead == UInt8(ascii: "|") || lead == UInt8(ascii: "+") || lead == 0xE2 || lead == 0xC3 else {
            finish(&facts)
            return false
        }
        for (heading, name) in [("Pending (", FactName.pendingRequestCount), ("Paired (", FactName.pairedDeviceCount)]
        where text.hasPrefix(heading) && text.hasSuffix(")") {
            let number = text.dropFirst(heading.count).dropLast()
            guard !number.isEmpty, number.allSatisfy(\.isNumber) else { continue }
            finish(&facts)
            facts.append(line.fact(name, String(number)))
            return true
        }
        guard let first = text.first else { return false }
        if "┌├└╭╰+".contains(first) || text.hasPrefix("â”") {
            return header != nil || text.contains("─") || text.hasPrefix("+-")
        }
        guard first == "│" || first == "|" else {
            finish(&facts)
            return false
        }
        var cells = text.split(omittingEmptySubsequences: false) { $0 == "│" || $0 == "|" }.map { String($0).trimmingBlanks() }
        if cells.first == "" { cells.removeFirst() }
        if cells.last == "" { cells.removeLast() }
        guard let header else {
            guard cells.contains("Device") else { return false }
            self.header = cells
            return true
        }
        // A UUID wrapped at 80 columns continues in the first column itself (`5f3c2a1e-8b9d-` / `4e7f-a6c5-`).
        let continues = cells.first?.isEmpty == true || rows.last?.cells.first?.hasSuffix("-") == true
        if continues, var last = rows.popLast() {
            for (index, piece) in cells.enumerated() where index < last.cells.count && !piece.isEmpty {
                let previous = last.cells[index]
                let glue = ["Request", "Device"].contains(header[safe: index] ?? "") || previous.isEmpty
                    || piece.hasPrefix(".") || piece.hasPrefix("-") || previous.hasSuffix("/") || previous.hasSuffix("-") || previous.hasSuffix("_") || previous.hasSuffix(".")
                last.cells[index] = previous + (glue ? "" : " ") + piece
            }
            rows.append(last)
        } else {
            rows.append((cells, line))
        }
        return true
    }

    /// Emits the facts of the table read so far and forgets it.
    mutating func finish(_ facts: inout [Fact]) {
        guard let header else { return }
        let pending = header.contains("Request")
        for (cells, line) in rows {
            for (index, name) in header.enumerated() where index < cells.count {
                let cell = cells[index]
                switch name {
                case "Request":
                    if let id = OpenClawCLIExtractor.requestId(cell), id.count == cell.count {
                        facts.append(line.fact(.pairingRequestId, id))
                    }
                case "Scopes" where !cell.isEmpty:
                    let scopes = cell.split(separator: ",").map { String($0).trimmingBlanks() }.joined(separator: ",")
                    facts.append(line.fact(pending ? .requestedScopes : .approvedScopes, scopes))
                case "IP" where !cell.isEmpty:
                    facts.append(line.fact(.gatewayRemoteAddress, cell))
                    if let kind = NetworkAddressKind.classify(cell) { facts.append(line.fact(.gatewayRemoteKind, kind)) }
                default:
                    break
                }
            }
        }
        self.header = nil
        rows = []
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

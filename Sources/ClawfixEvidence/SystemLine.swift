/// One pasted line as the system extractors read it: carriage returns, ANSI/OSC escapes and
/// other control characters removed, but tabs kept, because `docker ps --format '{{.Names}}\t…'`
/// separates its columns with a literal TAB and nothing else.
struct SystemLine: Sendable {
    /// 1-based line number in the paste.
    let number: Int
    /// The cleaned line, untrimmed, tabs kept: column offsets of tabwriter tables count from here.
    let raw: String
    /// `raw` without surrounding blanks; shown as evidence.
    let text: String

    init(number: Int, line: Substring) {
        self.number = number
        var scalars = String.UnicodeScalarView()
        var iterator = line.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            switch scalar.value {
            case 0x1B:
                // CSI `ESC [ … final`, OSC `ESC ] … BEL|ESC \`, or the single byte after ESC.
                guard let kind = iterator.next() else { break }
                if kind == "[" {
                    while let next = iterator.next(), !(next.value >= 0x40 && next.value <= 0x7E) {}
                } else if kind == "]" {
                    var previous: UInt32 = 0
                    while let next = iterator.next() {
                        if next.value == 0x07 || (previous == 0x1B && next == "\\") { break }
                        previous = next.value
                    }
                }
            case 0x09:
                scalars.append(scalar)
            case 0x00..<0x20, 0x7F, 0xFEFF:
                continue
            default:
                scalars.append(scalar)
            }
        }
        raw = String(scalars)
        text = raw.trimmingBlanks()
    }

    /// A fact from this line.
    func fact(_ name: FactName, _ value: String) -> Fact {
        Fact(name, value, line: number, text: text)
    }

    /// Every line of a paste, cleaned.
    static func lines(of document: PasteDocument) -> [SystemLine] {
        var result: [SystemLine] = []
        result.reserveCapacity(document.lines.count)
        for (index, line) in document.lines.enumerated() {
            result.append(SystemLine(number: index + 1, line: line))
        }
        return result
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs (Foundation-free, so it is cheap per line).
    func trimmingBlanks() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" && $0 != "\u{A0}" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" && $0 != "\u{A0}" })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// Cells separated by a TAB or by two or more spaces, each with the offset (in Unicode scalars,
    /// the unit Go's tabwriter pads in) where it starts.
    func tableCells() -> [(offset: Int, text: String)] {
        var cells: [(Int, String)] = []
        var current = String.UnicodeScalarView()
        var start = 0
        var spaces = 0
        var offset = 0
        for scalar in unicodeScalars {
            if scalar == "\t" {
                if !current.isEmpty { cells.append((start, String(current))); current = .init() }
                spaces = 0
            } else if scalar == " " {
                spaces += 1
            } else {
                if spaces >= 2, !current.isEmpty {
                    cells.append((start, String(current)))
                    current = .init()
                }
                if current.isEmpty {
                    start = offset
                } else if spaces == 1 {
                    current.append(" ")
                }
                spaces = 0
                current.append(scalar)
            }
            offset += 1
        }
        if !current.isEmpty { cells.append((start, String(current))) }
        return cells
    }
}

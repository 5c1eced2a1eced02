import ClawfixDiagnosis

/// A JSON value whose objects keep their keys in the order given.
///
/// Foundation's `JSONEncoder` on Linux writes keys in hash order, but the report's keys are a
/// contract read by people and diffed by scripts, so clawfix writes its JSON itself, in contract order.
public indirect enum OrderedJSON: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int)
    case string(String)
    case array([OrderedJSON])
    case object([(String, OrderedJSON)])

    public static func == (lhs: OrderedJSON, rhs: OrderedJSON) -> Bool { lhs.serialized() == rhs.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// Compact JSON, or indented by two spaces per level when `pretty`.
    public func serialized(pretty: Bool = false) -> String {
        var out = ""
        write(into: &out, pretty: pretty, depth: 0)
        return out
    }

    private func write(into out: inout String, pretty: Bool, depth: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .integer(let value): out += String(value)
        case .number(let value):
            if value.isFinite {
                out += value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
            } else {
                out += "null"
            }
        case .string(let value): Self.writeString(value, into: &out)
        case .array(let values):
            if values.isEmpty { out += "[]"; return }
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += "," }
                if pretty { Self.newline(&out, depth + 1) }
                value.write(into: &out, pretty: pretty, depth: depth + 1)
            }
            if pretty { Self.newline(&out, depth) }
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += "," }
                if pretty { Self.newline(&out, depth + 1) }
                Self.writeString(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(into: &out, pretty: pretty, depth: depth + 1)
            }
            if pretty { Self.newline(&out, depth) }
            out += "}"
        }
    }

    private static func newline(_ out: inout String, _ depth: Int) {
        out += "\n"
        out += String(repeating: "  ", count: depth)
    }

    private static let hex: [Character] = Array("0123456789abcdef")

    /// `value` as a JSON string literal with every control character escaped.
    static func quoted(_ value: String) -> String {
        var out = ""
        writeString(value, into: &out)
        return out
    }

    private static func writeString(_ value: String, into out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029
                {
                    out += "\\u"
                    for shift in stride(from: 12, through: 0, by: -4) {
                        out.append(hex[Int((scalar.value >> UInt32(shift)) & 0xF)])
                    }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

extension OrderedJSON {
    static func optional(_ value: Int?) -> OrderedJSON { value.map(OrderedJSON.integer) ?? .null }

    /// The report exactly as the contract in `DiagnosisReport` lists its keys.
    public init(_ report: DiagnosisReport) {
        self = .object([
            ("diagnoses", .array(report.diagnoses.map(OrderedJSON.init))),
            ("next", report.next.map(OrderedJSON.init) ?? .null),
            ("facts", .array(report.facts.map { .object([("name", .string($0.name)), ("value", .string($0.value)), ("line", .optional($0.line))]) })),
            ("redactions", .array(report.redactions.map { .object([("kind", .string($0.kind)), ("line", .integer($0.line))]) })),
            ("advisories", .array(report.advisories.map { .object([("id", .string($0.id)), ("message", .string($0.message))]) })),
        ])
    }

    public init(_ diagnosis: RankedDiagnosis) {
        self = .object([
            ("id", .string(diagnosis.id)),
            ("title", .string(diagnosis.title)),
            ("confidence", .number(diagnosis.confidence)),
            ("evidence", .array(diagnosis.evidence.map { .object([("line", .optional($0.line)), ("text", .string($0.text))]) })),
            ("fix", .string(diagnosis.fix)),
        ])
    }

    public init(_ next: NextQuestion) {
        self = .object([
            ("question", .string(next.question)),
            ("commands", .array(next.commands.map(OrderedJSON.string))),
            ("why", .string(next.why)),
        ])
    }
}

/// A JSON value whose objects keep their keys in the order given: every JSON clawfix writes (reports,
/// bot lines, probe and doctor output, stored conversation states) is one of these. Values with a
/// `Codable` conformance become one through it (`init(encoding:)`); envelopes are written by hand.
///
/// Foundation's `JSONEncoder` on Linux writes keys in hash order, but the report's keys are a
/// contract read by people and diffed by scripts, so clawfix writes its JSON itself, in contract order.
public enum OrderedJSON: Sendable, Hashable {
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
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(into: &out, pretty: pretty, depth: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the JSON as UTF-8 bytes: the writer works on bytes so a string is copied in runs,
    /// not appended scalar by scalar (which was most of the bot's output cost).
    func write(into out: inout [UInt8], pretty: Bool = false, depth: Int = 0) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .integer(let value): out += String(value).utf8
        case .number(let value):
            if value.isFinite {
                out += (value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)").utf8
            } else {
                out += "null".utf8
            }
        case .string(let value): Self.writeString(value, into: &out)
        case .array(let values):
            if values.isEmpty { out += "[]".utf8; return }
            out.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { Self.newline(&out, depth + 1) }
                value.write(into: &out, pretty: pretty, depth: depth + 1)
            }
            if pretty { Self.newline(&out, depth) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out += "{}".utf8; return }
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { Self.newline(&out, depth + 1) }
                Self.writeString(key, into: &out)
                out += (pretty ? ": " : ":").utf8
                value.write(into: &out, pretty: pretty, depth: depth + 1)
            }
            if pretty { Self.newline(&out, depth) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ out: inout [UInt8], _ depth: Int) {
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    /// `value` as a JSON string literal with every control character escaped.
    static func quoted(_ value: String) -> String {
        var out: [UInt8] = []
        writeString(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Bytes that end a plain run: `"`, `\\`, C0 controls, DEL, and the lead bytes of the
    /// multi-byte characters that may need escaping (0xC2: C1 controls; 0xE2: U+2028/U+2029).
    @inline(__always)
    private static func endsRun(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xC2 || byte == 0xE2
    }

    /// False only when none of eight bytes can end a run: all ASCII (no high bit), none below
    /// 0x20, none `"`, `\\` or DEL. (Bit tricks for "has a byte less than / equal to"; a true
    /// answer may be a false alarm, a false one never is.)
    @inline(__always)
    private static func mayEndRun(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let below0x20 = (word &- ones &* 0x20) & ~word & highs
        return (word & highs) | below0x20 | hasZero(word ^ (ones &* 0x22)) | hasZero(word ^ (ones &* 0x5C))
            | hasZero(word ^ (ones &* 0x7F)) != 0
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// Writes `value` quoted, escaping controls (C0, DEL, C1) and U+2028/U+2029, which some
    /// JavaScript readers take as line ends. Everything else is copied in bulk.
    static func writeString(_ value: String, into out: inout [UInt8]) {
        var value = value
        out.append(UInt8(ascii: "\""))
        value.withUTF8 { bytes in
            let count = bytes.count
            var runStart = 0
            var i = 0
            while i < count {
                // Eight plain ASCII bytes at a time: most of a reply needs no escape at all.
                if i + 8 <= count, !Self.mayEndRun(UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                    i += 8
                    continue
                }
                let byte = bytes[i]
                guard endsRun(byte) else {
                    i += 1
                    continue
                }
                // The scalar to escape and how many bytes it spans; a lead byte of anything
                // else is plain text and stays in the run.
                var scalar: UInt32 = 0
                var width = 1
                switch byte {
                case 0xC2:
                    if i + 1 < count, (0x80...0x9F).contains(bytes[i + 1]) {
                        scalar = UInt32(bytes[i + 1])
                        width = 2
                    } else {
                        i += 1
                        continue
                    }
                case 0xE2:
                    if i + 2 < count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                        scalar = 0x2000 | UInt32(bytes[i + 2] & 0x3F)  // E2 80 A8 → U+2028
                        width = 3
                    } else {
                        i += 1
                        continue
                    }
                default:
                    scalar = UInt32(byte)
                }
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                switch scalar {
                case 0x22: out += #"\""#.utf8
                case 0x5C: out += #"\\"#.utf8
                case 0x0A: out += #"\n"#.utf8
                case 0x0D: out += #"\r"#.utf8
                case 0x09: out += #"\t"#.utf8
                default:
                    out += #"\u"#.utf8
                    for shift in stride(from: 12, through: 0, by: -4) {
                        out.append(hex[Int((scalar >> UInt32(shift)) & 0xF)])
                    }
                }
                i += width
                runStart = i
            }
            if runStart < count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count])) }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// Raw bytes a user pasted, made safe to analyse and to echo: decoded as UTF-8 (invalid bytes
/// become U+FFFD and are counted), ANSI/OSC escape sequences removed, CRLF and lone CR turned into
/// LF, and every other control character except tab dropped.
///
/// This runs before redaction so an escape sequence cannot split a secret into pieces a detector
/// would miss, and so nothing downstream can ever print a raw terminal control sequence.
public struct PastedInput: Sendable {
    /// The cleaned text.
    public let text: String
    /// How many invalid UTF-8 sequences were replaced.
    public let invalidUTF8Count: Int
    /// How many escape sequences were removed.
    public let escapeSequenceCount: Int
    /// How many NUL and other control bytes were dropped.
    public let controlCharacterCount: Int
    /// Size of the raw input in bytes.
    public let byteCount: Int

    /// True when the input looks like a binary file rather than pasted text: many NUL bytes or
    /// mostly invalid UTF-8. Callers say so instead of analysing noise.
    public var looksBinary: Bool {
        guard byteCount > 0 else { return false }
        return controlCharacterCount * 10 > byteCount || invalidUTF8Count * 4 > byteCount
    }

    public init(bytes: some Collection<UInt8>) {
        // One dispatch to contiguous bytes, then plain loops: iterating a generic collection
        // from another module costs a protocol call per byte.
        if let done = bytes.withContiguousStorageIfAvailable({ Self(contiguous: $0) }) {
            self = done
        } else {
            self = Array(bytes).withUnsafeBufferPointer { Self(contiguous: $0) }
        }
    }

    private init(contiguous bytes: UnsafeBufferPointer<UInt8>) {
        var cleaned: [UInt8] = []
        cleaned.reserveCapacity(bytes.count)
        var escapes = 0
        var controls = 0
        var state = EscapeState.text
        var previousWasCR = false
        for byte in bytes {
            switch state {
            case .text:
                // Printable ASCII is nearly all of a paste: keep it without further checks.
                if byte >= 0x20 && byte < 0x7F {
                    cleaned.append(byte)
                    previousWasCR = false
                    continue
                }
                if byte == 0x1B {
                    state = .escape
                    escapes += 1
                    previousWasCR = false
                    continue
                }
                if byte == 0x0D {
                    cleaned.append(0x0A)
                    previousWasCR = true
                    continue
                }
                if byte == 0x0A {
                    if !previousWasCR { cleaned.append(0x0A) }
                    previousWasCR = false
                    continue
                }
                previousWasCR = false
                if byte == 0x09 || byte >= 0x20 && byte != 0x7F {
                    cleaned.append(byte)
                } else if byte == 0x9B {
                    // A lone 0x9B is never valid UTF-8; keep it for the decoder to count.
                    cleaned.append(byte)
                } else {
                    controls += 1
                }
            case .escape:
                switch byte {
                case UInt8(ascii: "["): state = .csi
                case UInt8(ascii: "]"): state = .osc
                case UInt8(ascii: "P"), UInt8(ascii: "X"), UInt8(ascii: "^"), UInt8(ascii: "_"): state = .osc
                case 0x20...0x2F: state = .escapeIntermediate
                default: state = .text  // two-byte escape such as ESC 7, ESC =
                }
            case .escapeIntermediate:
                if byte >= 0x30 { state = .text }
            case .csi:
                // Parameters and intermediates are 0x20–0x3F; the final byte ends it.
                if byte >= 0x40 && byte <= 0x7E || byte < 0x20 && byte != 0x1B { state = .text }
                if byte == 0x1B { state = .escape }
            case .osc:
                // Ends with BEL or ST (ESC \). A newline also ends it, so a cut-off sequence
                // cannot swallow the rest of the paste.
                if byte == 0x07 || byte == 0x0A {
                    state = .text
                    if byte == 0x0A { cleaned.append(0x0A) }
                } else if byte == 0x1B {
                    state = .oscEscape
                }
            case .oscEscape:
                state = byte == UInt8(ascii: "\\") ? .text : .osc
            }
        }
        let (valid, invalid, c1Controls) = Self.repairUTF8(cleaned)
        self.text = String(decoding: valid, as: UTF8.self)
        self.invalidUTF8Count = invalid
        self.escapeSequenceCount = escapes
        self.controlCharacterCount = controls + c1Controls
        self.byteCount = bytes.count
    }

    /// Valid UTF-8 for `bytes`: each invalid sequence becomes U+FFFD and C1 controls
    /// (U+0080–U+009F, terminal controls too) are dropped. ASCII is copied as it is; only the
    /// non-ASCII stretches go through the scalar decoder. An ASCII byte never belongs to an
    /// invalid sequence, so decoding each stretch on its own counts errors exactly as one decoder
    /// over everything would.
    private static func repairUTF8(_ bytes: [UInt8]) -> (bytes: [UInt8], invalid: Int, controls: Int) {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var invalid = 0
        var controls = 0
        let n = bytes.count
        var i = 0
        while i < n {
            if bytes[i] < 0x80 {
                output.append(bytes[i])
                i += 1
                continue
            }
            var end = i
            while end < n && bytes[end] >= 0x80 { end += 1 }
            var iterator = bytes[i..<end].makeIterator()
            var decoder = UTF8()
            decoding: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar):
                    if scalar.value >= 0x80 && scalar.value <= 0x9F {
                        controls += 1
                    } else {
                        UTF8.encode(scalar) { output.append($0) }
                    }
                case .error:
                    invalid += 1
                    output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                case .emptyInput:
                    break decoding
                }
            }
            i = end
        }
        return (output, invalid, controls)
    }

    public init(_ string: String) {
        self.init(bytes: Array(string.utf8))
    }

    private enum EscapeState {
        case text, escape, escapeIntermediate, csi, osc, oscEscape
    }
}

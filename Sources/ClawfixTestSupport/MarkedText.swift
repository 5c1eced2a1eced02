/// Text with expected secret spans marked inline, in the spirit of swift-format's
/// `MarkedText`: `OPENCLAW_GATEWAY_TOKEN=⟦gateway-token:3f9a…⟧` means "this value is a
/// `gateway-token` secret". `⟦` and `⟧` (U+27E6, U+27E7) never occur in real pastes.
public struct MarkedText: Sendable {
    /// One expected secret: its kind and its span as UTF-8 byte offsets in `text`.
    public struct Span: Hashable, Sendable, CustomStringConvertible {
        public var kind: String
        public var start: Int
        public var end: Int
        public var line: Int
        public var value: String
        public var description: String { "\(kind)@\(line):\(start)..<\(end) \(value)" }
    }

    /// The text with the marks removed.
    public let text: String
    /// The marked spans, in text order.
    public let spans: [Span]

    public init(_ marked: String) {
        var out: [UInt8] = []
        var spans: [Span] = []
        var line = 1
        var open: (kind: String, start: Int, line: Int)?
        var kindBuffer: [UInt8]?
        for scalar in marked.unicodeScalars {
            if scalar == "⟦" {
                precondition(open == nil && kindBuffer == nil, "nested ⟦ in marked text")
                kindBuffer = []
                continue
            }
            if var buffer = kindBuffer {
                if scalar == ":" {
                    open = (String(decoding: buffer, as: UTF8.self), out.count, line)
                    kindBuffer = nil
                } else {
                    buffer.append(contentsOf: String(scalar).utf8)
                    kindBuffer = buffer
                }
                continue
            }
            if scalar == "⟧", let o = open {
                spans.append(Span(kind: o.kind, start: o.start, end: out.count, line: o.line,
                                  value: String(decoding: out[o.start...], as: UTF8.self)))
                open = nil
                continue
            }
            if scalar == "\n" { line += 1 }
            out.append(contentsOf: String(scalar).utf8)
        }
        precondition(open == nil && kindBuffer == nil, "unterminated ⟦ in marked text")
        self.text = String(decoding: out, as: UTF8.self)
        self.spans = spans
    }
}

import NIOCore

/// One WebSocket frame (RFC 6455 §5.2), encoded and parsed by hand so the probe sees exactly what
/// the server sent — including frames a library would silently drop. Shared with the test emulator.
public struct WebSocketFrame: Sendable, Equatable {
    public var fin: Bool
    public var opcode: UInt8
    public var payload: [UInt8]

    public init(fin: Bool = true, opcode: UInt8, payload: [UInt8]) {
        self.fin = fin
        self.opcode = opcode
        self.payload = payload
    }

    public static let continuation: UInt8 = 0x0, text: UInt8 = 0x1, binary: UInt8 = 0x2
    public static let close: UInt8 = 0x8, ping: UInt8 = 0x9, pong: UInt8 = 0xA

    /// A text frame.
    public static func text(_ string: String) -> WebSocketFrame { .init(opcode: text, payload: Array(string.utf8)) }

    /// A close frame with a code and a reason.
    public static func close(code: UInt16, reason: String) -> WebSocketFrame {
        .init(opcode: close, payload: [UInt8(code >> 8), UInt8(code & 0xFF)] + Array(reason.utf8))
    }

    /// Appends the frame's bytes; clients must mask (`mask` non-nil), servers must not.
    public func write(into buffer: inout ByteBuffer, mask: [UInt8]?) {
        buffer.writeInteger(UInt8((fin ? 0x80 : 0) | opcode))
        let maskBit: UInt8 = mask == nil ? 0 : 0x80
        if payload.count < 126 {
            buffer.writeInteger(maskBit | UInt8(payload.count))
        } else if payload.count <= 0xFFFF {
            buffer.writeInteger(maskBit | 126)
            buffer.writeInteger(UInt16(payload.count))
        } else {
            buffer.writeInteger(maskBit | 127)
            buffer.writeInteger(UInt64(payload.count))
        }
        if let mask {
            buffer.writeBytes(mask)
            var masked = payload
            for index in masked.indices { masked[index] ^= mask[index & 3] }
            buffer.writeBytes(masked)
        } else {
            buffer.writeBytes(payload)
        }
    }

    /// Why bytes could not be read as a frame.
    public enum ParseError: Error, Equatable, Sendable {
        /// Reserved bits or an unknown opcode: not WebSocket.
        case malformed(String)
        /// The announced payload exceeds the limit; nothing more is read.
        case tooLarge(UInt64)
    }

    /// Reads one frame from the front of `buffer`, consuming it; nil when more bytes are needed.
    /// Checks the announced length before buffering the payload, so a huge frame costs nothing.
    public static func parse(_ buffer: inout ByteBuffer, maxPayload: Int) throws(ParseError) -> WebSocketFrame? {
        guard let first = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self),
              let second = buffer.getInteger(at: buffer.readerIndex + 1, as: UInt8.self) else { return nil }
        if first & 0x70 != 0 { throw .malformed(String(format2: first)) }
        let opcode = first & 0x0F
        guard [0, 1, 2, 8, 9, 10].contains(opcode) else { throw .malformed(String(format2: first)) }
        var offset = 2
        var length = UInt64(second & 0x7F)
        if length == 126 {
            guard let extended = buffer.getInteger(at: buffer.readerIndex + 2, as: UInt16.self) else { return nil }
            length = UInt64(extended)
            offset = 4
        } else if length == 127 {
            guard let extended = buffer.getInteger(at: buffer.readerIndex + 2, as: UInt64.self) else { return nil }
            length = extended
            offset = 10
        }
        if length > UInt64(maxPayload) { throw .tooLarge(length) }
        var mask: [UInt8]?
        if second & 0x80 != 0 {
            guard let key = buffer.getBytes(at: buffer.readerIndex + offset, length: 4) else { return nil }
            mask = key
            offset += 4
        }
        guard var payload = buffer.getBytes(at: buffer.readerIndex + offset, length: Int(length)) else { return nil }
        if let mask { for index in payload.indices { payload[index] ^= mask[index & 3] } }
        buffer.moveReaderIndex(forwardBy: offset + Int(length))
        return WebSocketFrame(fin: first & 0x80 != 0, opcode: opcode, payload: payload)
    }
}

extension String {
    /// `0xNN` for a byte, without Foundation's `String(format:)`.
    init(format2 byte: UInt8) {
        let digits = Array("0123456789abcdef")
        self = "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
    }
}

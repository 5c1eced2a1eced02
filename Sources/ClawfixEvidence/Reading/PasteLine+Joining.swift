extension PasteLine {
    /// This line and its continuation lines as one line, numbered as this one: a record the terminal
    /// wrapped reads as the one record it is. Each continuation contributes its text after any
    /// `docker compose logs` prefix, joined by a space. Built in its own small buffer: the document's
    /// buffer is never written after it is built.
    func joined(with continuation: [PasteLine]) -> PasteLine {
        var bytes = Array(self.bytes.buffer)
        for next in continuation {
            let start = GatewayLogLine(next).messageStart
            bytes.append(0x20)
            bytes.append(contentsOf: next.bytes.buffer[start...])
        }
        let storage = LineBuffer(capacity: bytes.count + 1)
        for (offset, byte) in bytes.enumerated() {
            storage.bytes[offset] = byte
            storage.lower[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : (byte == 0x09 ? 0x20 : byte)
        }
        storage.bytes[bytes.count] = 0x0A
        storage.lower[bytes.count] = 0x0A
        storage.count = bytes.count + 1
        return PasteLine(
            number: number, text: String(decoding: bytes, as: UTF8.self), triggers: triggers, storage: storage, rawStart: 0,
            start: 0, end: bytes.count, rawEnd: bytes.count)
    }
}

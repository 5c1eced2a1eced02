/// The prefixes in front of a gateway log message: `docker compose logs`' `name  | `, the
/// daemon's `-t` timestamp, OpenClaw's own timestamp (`2026-04-13T10:15:31.011+00:00`,
/// `2026-02-10T08:15:31.011Z` in February builds, `10:15:31` in pretty mode) and the subsystem
/// tag (`[ws]`, `[gateway]`, `[browser/server]`).
struct GatewayLogLine {
    /// Offset of the message after the prefixes.
    var messageStart = 0
    /// The tag without brackets (`ws`), if any.
    var tag: String?
    /// The compose service/container name of the prefix, if any.
    var container: String?

    /// Whether the line is recognisably gateway log output.
    var isGatewayLog: Bool {
        if tag != nil { return true }
        if let container { return container.contains("gateway") || container.contains("openclaw") }
        return false
    }

    init(_ line: PasteLine) {
        let bytes = line.bytes
        var position = 0
        if let afterPrefix = GatewayLogLine.composePrefixEnd(bytes) {
            container = String(decoding: bytes[0..<afterPrefix.nameEnd], as: UTF8.self)
            position = afterPrefix.end
        }
        for _ in 0..<2 {
            guard let end = GatewayLogLine.timestampEnd(bytes, from: position) else { break }
            position = end
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "[") {
            var end = position + 1
            while end < bytes.count, end - position < 40,
                ByteSearch.isWordByte(bytes[end]) || bytes[end] == UInt8(ascii: "/") || bytes[end] == UInt8(ascii: "-")
            {
                end += 1
            }
            if end < bytes.count, bytes[end] == UInt8(ascii: "]"), end > position + 1 {
                tag = String(decoding: bytes[(position + 1)..<end], as: UTF8.self)
                position = end + 1
                while position < bytes.count, bytes[position] == 0x20 { position += 1 }
            }
        }
        messageStart = position
    }

    /// `openclaw-gateway-1  | ` (compose v2) or `openclaw-gateway_1  | ` (v1).
    private static func composePrefixEnd(_ bytes: LineBytes) -> (nameEnd: Int, end: Int)? {
        var index = 0
        while index < bytes.count, index < 80,
            ByteSearch.isWordByte(bytes[index]) || bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: ".")
        {
            index += 1
        }
        let nameEnd = index
        guard nameEnd > 0 else { return nil }
        var spaces = 0
        while index < bytes.count, bytes[index] == 0x20 { index += 1; spaces += 1 }
        guard spaces >= 1, index < bytes.count, bytes[index] == UInt8(ascii: "|") else { return nil }
        index += 1
        if index < bytes.count, bytes[index] == 0x20 { index += 1 }
        return (nameEnd, index)
    }

    /// End (after the following space) of an ISO-8601 or `HH:MM:SS` timestamp at `from`.
    private static func timestampEnd(_ bytes: LineBytes, from: Int) -> Int? {
        func digit(_ offset: Int) -> Bool {
            from + offset < bytes.count && bytes[from + offset] >= 0x30 && bytes[from + offset] <= 0x39
        }
        func byte(_ offset: Int, _ ascii: Unicode.Scalar) -> Bool {
            from + offset < bytes.count && bytes[from + offset] == UInt8(ascii: ascii)
        }
        let iso = digit(0) && digit(1) && digit(2) && digit(3) && byte(4, "-") && digit(5) && digit(6) && byte(7, "-")
        let clock = digit(0) && digit(1) && byte(2, ":") && digit(3) && digit(4) && byte(5, ":")
        guard iso || clock else { return nil }
        var end = from
        while end < bytes.count, bytes[end] != 0x20 { end += 1 }
        while end < bytes.count, bytes[end] == 0x20 { end += 1 }
        return end
    }
}

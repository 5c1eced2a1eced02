/// Splits a Markdown reply into Discord messages of at most `limit` characters without breaking a
/// code block: when a chunk ends inside a ``` fence, the fence is closed at its end and reopened
/// (with the same language tag) at the start of the next chunk.
///
/// Lengths are counted in UTF-16 code units, which is never less than what Discord counts, so a
/// chunk that fits here fits there.
public struct DiscordChunker: Sendable {
    public var limit: Int

    public init(limit: Int = 2000) {
        precondition(limit >= 64, "a chunk must hold a fence and some text")
        self.limit = limit
    }

    private static let closingFence = "```"

    public func chunks(_ text: String) -> [String] {
        // UTF-16 never counts more units than UTF-8 has bytes, and the byte count is free.
        if text.utf8.count <= limit || text.utf16.count <= limit { return [text] }
        var chunks: [String] = []
        var lines: [Substring] = []
        var length = 0
        var openFence: Substring?
        // Room is always kept for "\n```" so a chunk can be closed wherever it ends.
        let budget = limit - 1 - Self.closingFence.utf16.count

        func flush() {
            guard !lines.isEmpty else { return }
            // A fence opened on the chunk's last line would close at once, an empty code block:
            // it opens the next chunk instead (the reopening below).
            if let fence = openFence, lines.count > 1, lines.last == fence {
                lines.removeLast()
                chunks.append(lines.joined(separator: "\n"))
                lines = [fence]
                length = fence.utf16.count
                return
            }
            var chunk = lines.joined(separator: "\n")
            if openFence != nil { chunk += "\n" + Self.closingFence }
            chunks.append(chunk)
            lines = []
            length = 0
            if let fence = openFence {
                lines.append(fence)
                length = fence.utf16.count
            }
        }

        for line in Self.lines(of: text) {
            let isFence = line.drop { $0 == " " }.hasPrefix("```")
            let reopenCost = (openFence?.utf16.count ?? 0) + 1
            for piece in Self.pieces(of: line, maximum: max(16, budget - reopenCost - 1)) {
                let addition = (lines.isEmpty ? 0 : 1) + piece.utf16.count
                let onlyReopenedFence = lines.count == 1 && openFence != nil && lines[0] == openFence!
                if length + addition > budget && !lines.isEmpty && !onlyReopenedFence {
                    flush()
                }
                length += (lines.isEmpty ? 0 : 1) + piece.utf16.count
                lines.append(piece)
            }
            if isFence { openFence = openFence == nil ? line : nil }
        }
        if !lines.isEmpty {
            var chunk = lines.joined(separator: "\n")
            // An unterminated fence in the reply itself is closed so the last chunk renders too.
            if openFence != nil { chunk += "\n" + Self.closingFence }
            chunks.append(chunk)
        }
        return chunks
    }

    /// The text split at each `\n` that is a `Character` of its own (a `\r\n` pair is one character
    /// and does not split), as `split(separator: "\n")` does, but scanning bytes.
    private static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let bytes = text.utf8
        var start = bytes.startIndex
        var previous: UInt8 = 0
        var index = start
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n"), previous != UInt8(ascii: "\r") {
                lines.append(text[start..<index])
                start = bytes.index(after: index)
            }
            previous = byte
            index = bytes.index(after: index)
        }
        lines.append(text[start...])
        return lines
    }

    /// A line longer than a chunk is cut at character boundaries.
    private static func pieces(of line: Substring, maximum: Int) -> [Substring] {
        guard line.utf16.count > maximum else { return [line] }
        var pieces: [Substring] = []
        var start = line.startIndex
        var count = 0
        var index = line.startIndex
        while index < line.endIndex {
            let next = line.index(after: index)
            let width = line.utf16.distance(from: index, to: next)
            if count + width > maximum {
                pieces.append(line[start..<index])
                start = index
                count = 0
            }
            count += width
            index = next
        }
        pieces.append(line[start..<line.endIndex])
        return pieces
    }
}

/// The three dot-separated base64url segments shared by JWTs and Discord bot tokens.
struct DottedToken {
    var start: Int
    var firstEnd: Int
    var secondEnd: Int
    var end: Int

    /// Parses `seg.seg.seg` at `start`; `nil` if there are not three non-empty segments.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> DottedToken? {
        let n = bytes.count
        let firstEnd = ByteClass.tokenEnd(bytes, from: start)
        guard firstEnd > start, firstEnd < n, bytes[firstEnd] == UInt8(ascii: ".") else { return nil }
        let secondEnd = ByteClass.tokenEnd(bytes, from: firstEnd + 1)
        guard secondEnd > firstEnd + 1, secondEnd < n, bytes[secondEnd] == UInt8(ascii: ".") else { return nil }
        let end = ByteClass.tokenEnd(bytes, from: secondEnd + 1)
        guard end > secondEnd + 1 else { return nil }
        return DottedToken(start: start, firstEnd: firstEnd, secondEnd: secondEnd, end: end)
    }

    var firstLength: Int { firstEnd - start }
    var secondLength: Int { secondEnd - firstEnd - 1 }
    var thirdLength: Int { end - secondEnd - 1 }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte classes shared by the detectors. Plain functions over `UInt8` so the scans stay cheap.
enum ByteClass {
    @inline(__always) static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isHex(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66) || (b >= 0x41 && b <= 0x46)
    }
    /// Characters of a token in URL-safe base64 and most API key alphabets.
    @inline(__always) static func isTokenByte(_ b: UInt8) -> Bool {
        isAlphanumeric(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
    }
    /// `isTokenByte` as a table, for the loops that run over every byte.
    static let tokenBytes = ByteSet((0...255).filter(isTokenByte))
    /// Characters of standard base64, including padding.
    @inline(__always) static func isBase64Byte(_ b: UInt8) -> Bool {
        isAlphanumeric(b) || b == UInt8(ascii: "+") || b == UInt8(ascii: "/") || b == UInt8(ascii: "=")
    }
    /// Characters that may appear in a config key or environment variable name.
    @inline(__always) static func isKeyByte(_ b: UInt8) -> Bool {
        isAlphanumeric(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// True when `bytes[at...]` starts with `prefix` (ASCII, exact case).
    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard at >= 0, at + count <= bytes.count else { return false }
        let p = prefix.utf8Start
        for k in 0..<count where bytes[at + k] != p[k] { return false }
        return true
    }

    /// Same, ignoring ASCII case; `prefix` must be lowercase.
    static func hasPrefixIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, at: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard at >= 0, at + count <= bytes.count else { return false }
        let p = prefix.utf8Start
        for k in 0..<count where lower(bytes[at + k]) != p[k] { return false }
        return true
    }

    /// End of the run of `isTokenByte` starting at `start`.
    static func tokenEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while i < bytes.count && isTokenByte(bytes[i]) { i += 1 }
        return i
    }

    /// True when position `i` is not preceded by a token character (a word start).
    @inline(__always) static func isWordStart(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        i == 0 || !isTokenByte(bytes[i - 1])
    }

    /// How many line feeds `bytes[range]` holds (`memchr` from one to the next).
    static func newlines(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        guard let base = bytes.baseAddress, !range.isEmpty else { return 0 }
        var count = 0
        var at = range.lowerBound
        while at < range.upperBound, let found = memchr(base + at, 0x0A, range.upperBound - at) {
            count += 1
            at = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
        }
        return count
    }
}

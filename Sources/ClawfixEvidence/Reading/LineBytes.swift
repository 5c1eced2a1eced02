#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The cleaned bytes of a whole paste, allocated once and never mutated: every `PasteLine` of a
/// document is a window into it, so reading a line never copies or allocates.
final class LineBuffer: @unchecked Sendable {
    /// Cleaned lines (tabs kept), each followed by a `\n`.
    let bytes: UnsafeMutableBufferPointer<UInt8>
    /// `bytes` with ASCII letters lower-cased and TAB read as a space, for case-insensitive search;
    /// same offsets as `bytes`.
    let lower: UnsafeMutableBufferPointer<UInt8>
    /// Bytes written so far (the buffers are allocated for the raw size, cleaning only shrinks).
    var count = 0

    init(capacity: Int) {
        bytes = .allocate(capacity: max(1, capacity))
        lower = .allocate(capacity: max(1, capacity))
    }

    deinit {
        bytes.deallocate()
        lower.deallocate()
    }
}

/// A read-only window of a `LineBuffer`, indexed from 0. It keeps its buffer alive, so it is safe
/// to hold for as long as needed (it is never written after the document is built).
struct LineBytes: RandomAccessCollection, @unchecked Sendable {
    let owner: LineBuffer
    let base: UnsafePointer<UInt8>
    let count: Int

    var startIndex: Int { 0 }
    var endIndex: Int { count }
    func index(after i: Int) -> Int { i + 1 }
    func index(before i: Int) -> Int { i - 1 }

    subscript(position: Int) -> UInt8 {
        precondition(position >= 0 && position < count, "LineBytes index out of range")
        return base[position]
    }

    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// The bytes of `range` (clamped) decoded as UTF-8.
    func string(_ range: Range<Int>) -> String {
        let lower = Swift.max(0, Swift.min(count, range.lowerBound))
        let upper = Swift.max(lower, Swift.min(count, range.upperBound))
        return String(decoding: UnsafeBufferPointer(start: base + lower, count: upper - lower), as: UTF8.self)
    }

    func hasPrefix(_ needle: [UInt8]) -> Bool {
        needle.isEmpty || (count >= needle.count && needle.withUnsafeBufferPointer { memcmp(base, $0.baseAddress!, needle.count) == 0 })
    }

    func hasSuffix(_ needle: [UInt8]) -> Bool {
        needle.isEmpty
            || (count >= needle.count && needle.withUnsafeBufferPointer { memcmp(base + count - needle.count, $0.baseAddress!, needle.count) == 0 })
    }
}

/// Builds the marker that replaces a secret: the kind and, for keys long enough that it gives
/// nothing away, the last four characters, as providers show them, so the user can tell which
/// key leaked. A password never shows any of its characters: it is short, chosen by a person
/// and often reused, so four of them are a real part of it.
///
/// The last four are shown only when they are printable ASCII (provider keys are):
/// a marker must be read back as exactly what was written, and four bytes then `]` are, whatever
/// follows in the text — counted as characters, a combining mark after the `]` joined it to the
/// fourth, and the marker was not recognised on a second pass.
public enum RedactionMarker {
    public static func marker(for value: Substring, kind: SecretKind) -> String {
        var value = String(value)
        return value.withUTF8 { marker(for: $0[...], kind: kind) }
    }

    /// The same for a value's UTF-8 bytes.
    static func marker(for value: UnsafeBufferPointer<UInt8>.SubSequence, kind: SecretKind) -> String {
        build(kind, lastFour: showsLastFour(value, kind) ? value.suffix(4) : nil)
    }

    /// Whether the marker for `value` shows its last four; without them it is the same string for
    /// every value of a kind, which `MarkerCache` makes once.
    static func showsLastFour(_ value: UnsafeBufferPointer<UInt8>.SubSequence, _ kind: SecretKind) -> Bool {
        guard kind.showsLastFour, value.count >= 16, value.suffix(4).allSatisfy(isSuffixByte) else { return false }
        return isASCII(value) || String(decoding: value, as: UTF8.self).count >= 16
    }

    /// Whether every byte is below 0x80, eight at a time (this runs for every secret found).
    private static func isASCII(_ value: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
        let raw = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: value))
        var k = 0
        var high: UInt64 = 0
        while k + 8 <= raw.count {
            high |= raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
            k += 8
        }
        while k < raw.count {
            high |= UInt64(raw[k])
            k += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// `[kind]`, or `[kind …last4]`.
    static func build(_ kind: SecretKind, lastFour: UnsafeBufferPointer<UInt8>.SubSequence?) -> String {
        let showsLastFour = lastFour != nil
        // Written byte by byte: one marker per secret, and string interpolation cost as much as
        // finding the secret.
        var name = kind.rawValue
        return name.withUTF8 { name in
            let count = 1 + name.count + (showsLastFour ? 8 : 0) + 1  // `[`, name, ` …` (4 bytes) and four, `]`
            return String(unsafeUninitializedCapacity: count) { output in
                var k = 0
                func put(_ b: UInt8) {
                    output[k] = b
                    k += 1
                }
                put(UInt8(ascii: "["))
                for b in name { put(b) }
                if showsLastFour {
                    put(0x20)  // ` …`
                    put(0xE2)
                    put(0x80)
                    put(0xA6)
                    for b in lastFour! { put(b) }
                }
                put(UInt8(ascii: "]"))
                return k
            }
        }
    }

    /// Printable ASCII: a marker stays on one line, like the words around it.
    @inline(__always) private static func isSuffixByte(_ b: UInt8) -> Bool { b >= 0x20 && b < 0x7F }

    /// Byte ranges of the markers already in `bytes`, in text order.
    ///
    /// A marker is opaque to every detector: nothing inside it is a secret, and its words
    /// ("gateway-token", "high-entropy-secret") are not context that makes a neighbour one.
    /// Without this, redacting redacted text finds new secrets next to the markers.
    static func spans(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        DetectorTrigger("[").forEach(in: bytes) { i in
            guard let end = markerEnd(bytes, from: i) else { return i + 1 }
            spans.append(i..<end)
            return end
        }
        return spans
    }

    /// The end of the marker starting with `[` at `start`, when one does.
    static func markerEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var k = start + 1
        while k < bytes.count && (ByteClass.isAlphanumeric(bytes[k]) || bytes[k] == UInt8(ascii: "-")) && k - start < 32 { k += 1 }
        let name = bytes[(start + 1)..<k]
        guard k < bytes.count, kindNames.contains(where: { $0.elementsEqual(name) }) else { return nil }
        if bytes[k] == UInt8(ascii: "]") { return k + 1 }
        // ` …`, the value's last four characters (ASCII, any of them, even `]`), then `]`.
        guard ByteClass.hasPrefix(bytes, at: k, " …") else { return nil }
        let suffixStart = k + " …".utf8.count
        guard suffixStart + 4 < bytes.count, bytes[suffixStart..<(suffixStart + 4)].allSatisfy(isSuffixByte),
            bytes[suffixStart + 4] == UInt8(ascii: "]") else { return nil }
        return suffixStart + 5
    }

    private static let kindNames: [[UInt8]] = SecretKind.markerKinds.map { Array($0.rawValue.utf8) }
}

extension [Range<Int>] {
    /// True when the sorted, disjoint `self` has a range that shares a byte with `start..<end`.
    func overlaps(_ start: Int, _ end: Int) -> Bool {
        let k = firstEnding(after: start)
        return k < count && self[k].lowerBound < end
    }

    /// Index of the first range that ends after `position` (`count` if none), by binary search.
    func firstEnding(after position: Int) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid].upperBound <= position { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// Builds the marker that replaces a secret: the kind and, for keys long enough that it gives
/// nothing away, the last four characters, as providers show them, so the user can tell which
/// key leaked. A password never shows any of its characters: it is short, chosen by a person
/// and often reused, so four of them are a real part of it.
public enum RedactionMarker {
    public static func marker(for value: Substring, kind: SecretKind) -> String {
        value.count >= 16 && kind.showsLastFour ? "[\(kind.rawValue) …\(value.suffix(4))]" : "[\(kind.rawValue)]"
    }

    /// The same for a value's UTF-8 bytes. For ASCII (nearly every secret) a character is a byte,
    /// so no string is built to count characters; anything else goes through `marker(for:kind:)`.
    static func marker(for value: UnsafeBufferPointer<UInt8>.SubSequence, kind: SecretKind) -> String {
        // CR is the one ASCII byte that joins its neighbour (CR LF) into one character.
        guard value.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
            return marker(for: String(decoding: value, as: UTF8.self)[...], kind: kind)
        }
        guard value.count >= 16, kind.showsLastFour else { return "[\(kind.rawValue)]" }
        return "[\(kind.rawValue) …\(String(decoding: value.suffix(4), as: UTF8.self))]"
    }

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
        // ` …` then the value's last four characters (any characters, even `]`), then `]`.
        guard ByteClass.hasPrefix(bytes, at: k, " …") else { return nil }
        let suffixStart = k + " …".utf8.count
        let window = bytes[suffixStart..<min(bytes.count, suffixStart + 64)]
        let tail = String(decoding: window, as: UTF8.self)
        guard tail.count > 4 else { return nil }
        let afterSuffix = tail.index(tail.startIndex, offsetBy: 4)
        guard tail[afterSuffix] == "]" else { return nil }
        let suffixBytes = tail[..<afterSuffix].utf8.count
        // Invalid UTF-8 decodes to U+FFFD and would miscount; the cleaned input has none.
        guard Array(tail[..<afterSuffix].utf8) == Array(window.prefix(suffixBytes)) else { return nil }
        return suffixStart + suffixBytes + 1
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

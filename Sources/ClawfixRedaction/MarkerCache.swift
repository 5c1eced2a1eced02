/// The markers made while writing one redacted text, each made once: `[password]` and the
/// others without a value's last four once per kind, the others once per kind and last four. A
/// dense paste has a secret every hundred bytes, mostly the same few again, and building each
/// marker anew was a third of the output walk. Kinds outside `SecretKind.markerKinds` are built
/// each time.
struct MarkerCache {
    private var plain = [String?](repeating: nil, count: SecretKind.markerKinds.count)
    private var withLastFour: [UInt64: String] = [:]

    /// The marker for `value` (`RedactionMarker.marker(for:kind:)`).
    mutating func marker(for value: UnsafeBufferPointer<UInt8>.SubSequence, kind: SecretKind) -> String {
        guard let number = kind.number else { return RedactionMarker.marker(for: value, kind: kind) }
        guard RedactionMarker.showsLastFour(value, kind) else {
            if let made = plain[number] { return made }
            let marker = RedactionMarker.build(kind, lastFour: nil)
            plain[number] = marker
            return marker
        }
        let four = UnsafeRawPointer(value.base.baseAddress! + value.endIndex - 4).loadUnaligned(as: UInt32.self)
        let key = UInt64(number) << 32 | UInt64(four)
        if let made = withLastFour[key] { return made }
        let marker = RedactionMarker.build(kind, lastFour: value.suffix(4))
        withLastFour[key] = marker
        return marker
    }
}

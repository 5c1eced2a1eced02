/// Builds the marker that replaces a secret: the kind and, for values long enough that it gives
/// nothing away, the last four characters, so the user can tell which token leaked.
public enum RedactionMarker {
    public static func marker(for value: Substring, kind: SecretKind) -> String {
        value.count >= 16 ? "[\(kind.rawValue) …\(value.suffix(4))]" : "[\(kind.rawValue)]"
    }
}

import ClawfixDiagnosis
import ClawfixRedaction

/// The `secret-exposed` advisory: which kinds of secret a message held, that they were redacted,
/// and that they must be treated as leaked and rotated — with how, for the gateway token.
enum SecretAdvisory {
    static let id = "secret-exposed"

    static func advisory(for kinds: [SecretKind]) -> Advisory? {
        guard !kinds.isEmpty else { return nil }
        let names = kinds.map(\.rawValue).joined(separator: ", ")
        let message =
            "Your message contained a secret (\(names)). clawfix replaced it before analysis and stored "
            + "only the redacted text, but anything pasted into a chat should be treated as leaked. "
            + SecretExposure.advice(for: kinds)
        return Advisory(id: id, message: message)
    }
}

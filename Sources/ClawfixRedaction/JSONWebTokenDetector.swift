/// JSON Web Tokens: `eyJ….eyJ….sig` — a JSON header and payload in base64url and a signature.
public struct JSONWebTokenDetector: TriggeredDetector {
    public let name = "jwt"
    public let message = "a JSON Web Token (a signed credential)"
    public let trigger = DetectorTrigger("eyJ", atWordStart: true)

    public func examine(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, into candidates: inout [SecretCandidate]) -> Int {
        guard i + 3 < bytes.count, ByteClass.isWordStart(bytes, i) else { return i + 1 }
        guard let t = DottedToken.parse(bytes, at: i), t.firstLength >= 10, t.secondLength >= 10, t.thirdLength >= 16 else {
            return ByteClass.tokenEnd(bytes, from: i)
        }
        candidates.append(SecretCandidate(start: t.start, end: t.end, kind: .jsonWebToken, detector: name))
        return t.end
    }
}

/// JSON Web Tokens: `eyJ….eyJ….sig` — a JSON header and payload in base64url and a signature.
public struct JSONWebTokenDetector: SecretDetector {
    public let name = "jwt"
    public let message = "a JSON Web Token (a signed credential)"

    public init() {}

    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, into candidates: inout [SecretCandidate]) {
        let n = bytes.count
        var i = 0
        while i + 3 < n {
            guard bytes[i] == UInt8(ascii: "e"), bytes[i + 1] == UInt8(ascii: "y"), bytes[i + 2] == UInt8(ascii: "J"),
                ByteClass.isWordStart(bytes, i)
            else {
                i += 1
                continue
            }
            if let t = DottedToken.parse(bytes, at: i), t.firstLength >= 10, t.secondLength >= 10, t.thirdLength >= 16 {
                candidates.append(SecretCandidate(start: t.start, end: t.end, kind: .jsonWebToken, detector: name))
                i = t.end
            } else {
                i = ByteClass.tokenEnd(bytes, from: i)
            }
        }
    }
}

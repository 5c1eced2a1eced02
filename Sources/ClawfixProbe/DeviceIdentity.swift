import Crypto
import Foundation

/// The probe's Ed25519 device identity (§4 of the gateway reference): id = lowercase hex SHA-256 of
/// the raw public key, public key on the wire as base64url without padding.
public struct DeviceIdentity: Sendable {
    public let privateKey: Curve25519.Signing.PrivateKey

    public init(privateKey: Curve25519.Signing.PrivateKey = .init()) { self.privateKey = privateKey }

    /// 64 lowercase hex characters.
    public var deviceId: String { Self.deviceId(publicKey: Array(privateKey.publicKey.rawRepresentation)) }
    /// The raw 32-byte key, base64url without padding.
    public var publicKeyBase64URL: String { Base64URL.encode(Array(privateKey.publicKey.rawRepresentation)) }

    /// The device id for a raw public key.
    public static func deviceId(publicKey: [UInt8]) -> String {
        SHA256.hash(data: publicKey).map { byte in
            let digits = Array("0123456789abcdef")
            return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
        }.joined()
    }

    /// The signature (base64url) over the UTF-8 bytes of `payload`.
    public func sign(_ payload: String) throws -> String {
        Base64URL.encode(Array(try privateKey.signature(for: Data(payload.utf8))))
    }
}

/// The signed payload strings of §4 (`v2` is accepted by every era; `v3` adds platform/family).
public enum DeviceAuthPayload {
    public static func v2(
        deviceId: String, clientId: String, clientMode: String, role: String, scopes: [String],
        signedAtMs: Int64, token: String?, nonce: String
    ) -> String {
        ["v2", deviceId, clientId, clientMode, role, scopes.joined(separator: ","), String(signedAtMs), token ?? "", nonce]
            .joined(separator: "|")
    }

    public static func v3(
        deviceId: String, clientId: String, clientMode: String, role: String, scopes: [String],
        signedAtMs: Int64, token: String?, nonce: String, platform: String?, deviceFamily: String?
    ) -> String {
        [
            "v3", deviceId, clientId, clientMode, role, scopes.joined(separator: ","), String(signedAtMs), token ?? "", nonce,
            normalise(platform), normalise(deviceFamily),
        ].joined(separator: "|")
    }

    /// Trimmed, ASCII A–Z lower-cased only (non-ASCII untouched), as the gateway does.
    public static func normalise(_ value: String?) -> String {
        let trimmed = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return String(String.UnicodeScalarView(trimmed.unicodeScalars.map { scalar in
            (65...90).contains(scalar.value) ? Unicode.Scalar(scalar.value + 32)! : scalar
        }))
    }
}

/// base64url without padding, and a lenient decoder (accepts padding and plain base64).
public enum Base64URL {
    public static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    public static func decode(_ text: String) -> [UInt8]? {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            .replacingOccurrences(of: "=", with: "")
        while standard.count % 4 != 0 { standard += "=" }
        return Data(base64Encoded: standard).map(Array.init)
    }
}

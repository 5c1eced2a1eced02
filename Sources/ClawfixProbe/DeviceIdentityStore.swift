import ClawfixEvidence
import Crypto
import Foundation

/// Keeps the probe's device identity in the user's config directory
/// (`$XDG_CONFIG_HOME/clawfix/device-identity.json`, else `~/.config/clawfix/…`), mode 0600.
///
/// Keeping the key means one pairing approval lasts: a fresh key would be a new device each time.
public struct DeviceIdentityStore: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// The default location for an environment (`ClawfixPaths`' XDG rules).
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        ClawfixPaths.configDirectory(environment: environment).appending(path: "device-identity.json").path
    }

    private struct Stored: Codable {
        var version: Int
        var deviceId: String
        var publicKey: String
        var privateKey: String
        var createdAtMs: Int64
    }

    public enum StoreError: Error, CustomStringConvertible {
        case unreadable(String)
        public var description: String {
            switch self { case .unreadable(let why): "device identity file is unusable: \(why)" }
        }
    }

    /// The stored identity, created (0600, directory 0700) when absent.
    public func loadOrCreate() throws -> DeviceIdentity {
        let manager = FileManager.default
        if let data = manager.contents(atPath: path) {
            guard let stored = try? JSONDecoder().decode(Stored.self, from: data),
                  let raw = Data(base64Encoded: stored.privateKey),
                  let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
            else { throw StoreError.unreadable(path) }
            return DeviceIdentity(privateKey: key)
        }
        let identity = DeviceIdentity()
        let directory = (path as NSString).deletingLastPathComponent
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let stored = Stored(
            version: 1, deviceId: identity.deviceId, publicKey: identity.publicKeyBase64URL,
            privateKey: identity.privateKey.rawRepresentation.base64EncodedString(),
            createdAtMs: Int64(Date().timeIntervalSince1970 * 1000))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard manager.createFile(atPath: path, contents: try encoder.encode(stored), attributes: [.posixPermissions: 0o600])
        else { throw StoreError.unreadable("cannot create \(path)") }
        // createFile's attributes go through the umask on some platforms; set them explicitly.
        try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        return identity
    }
}

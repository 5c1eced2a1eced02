import ClawfixProbe
import Crypto
import Foundation
import Testing

@Suite struct DeviceIdentityTests {
    @Test func v2VectorFromTheGateway() {
        #expect(DeviceAuthPayload.v2(
            deviceId: "dev-1", clientId: "openclaw-macos", clientMode: "ui", role: "operator",
            scopes: ["operator.admin", "operator.read"], signedAtMs: 1_700_000_000_000, token: nil, nonce: "nonce-abc")
            == "v2|dev-1|openclaw-macos|ui|operator|operator.admin,operator.read|1700000000000||nonce-abc")
    }

    @Test func v3Vectors() {
        #expect(DeviceAuthPayload.v3(
            deviceId: "dev-1", clientId: "openclaw-macos", clientMode: "ui", role: "operator",
            scopes: ["operator.admin", "operator.read"], signedAtMs: 1_700_000_000_000, token: "tok-123", nonce: "nonce-abc",
            platform: "  IOS  ", deviceFamily: "  iPhone  ")
            == "v3|dev-1|openclaw-macos|ui|operator|operator.admin,operator.read|1700000000000|tok-123|nonce-abc|ios|iphone")
        #expect(DeviceAuthPayload.v3(
            deviceId: "dev-2", clientId: "openclaw-ios", clientMode: "ui", role: "operator", scopes: ["operator.read"],
            signedAtMs: 1_700_000_000_001, token: nil, nonce: "nonce-def", platform: nil, deviceFamily: nil)
            == "v3|dev-2|openclaw-ios|ui|operator|operator.read|1700000000001||nonce-def||")
    }

    @Test func idIsHexSHA256OfRawKeyAndSignatureVerifies() throws {
        let identity = DeviceIdentity()
        let raw = Array(identity.privateKey.publicKey.rawRepresentation)
        #expect(identity.deviceId == SHA256.hash(data: raw).map { String(format: "%02x", $0) }.joined())
        #expect(identity.deviceId.count == 64)
        #expect(!identity.publicKeyBase64URL.contains("=") && Base64URL.decode(identity.publicKeyBase64URL) == raw)
        let signature = Base64URL.decode(try identity.sign("v2|x")) ?? []
        #expect(identity.privateKey.publicKey.isValidSignature(signature, for: Data("v2|x".utf8)))
    }

    @Test func storeCreates0600FileAndReloadsTheSameKey() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("clawfix-id-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = DeviceIdentityStore.defaultPath(environment: ["XDG_CONFIG_HOME": directory])
        #expect(path == directory + "/clawfix/device-identity.json")
        let first = try DeviceIdentityStore(path: path).loadOrCreate()
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try DeviceIdentityStore(path: path).loadOrCreate().deviceId == first.deviceId)
        #expect(DeviceIdentityStore.defaultPath(environment: ["HOME": "/home/u"]) == "/home/u/.config/clawfix/device-identity.json")
    }

    @Test func approveCommandByInstall() {
        #expect(approveCommand(requestId: "r1", install: "compose") == "docker compose exec openclaw-gateway node dist/index.js devices approve r1")
        #expect(approveCommand(requestId: "r1", install: "docker", container: "oc") == "docker exec -it oc node dist/index.js devices approve r1")
        #expect(approveCommand(requestId: "r1", install: nil) == "openclaw devices approve r1")
    }

    @Test func targetParsing() {
        #expect(ProbeTarget(url: "http://example.com")?.url == "ws://example.com:80/")
        #expect(ProbeTarget(url: "https://gw.example.ts.net/x")?.url == "wss://gw.example.ts.net:443/x")
        #expect(ProbeTarget(url: "ws://[::1]:18789")?.isLoopback == true)
        #expect(ProbeTarget(url: "ws://127.0.0.1:18789")?.isLoopback == true)
        #expect(ProbeTarget(url: "ws://192.168.1.5:18789")?.isLoopback == false)
        #expect(ProbeTarget(url: "ws://host:99999") == nil)
        #expect(ProbeTarget(url: "ftp://host") == nil)
    }
}

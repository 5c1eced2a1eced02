import ClawfixTestSupport
import Foundation
import Testing

/// `clawfix probe` as a user runs it, against the loopback gateway emulator.
@Suite struct ProbeEndToEndTests {
    static let token = "e2e-probe-token-91c4d7"

    @Test func pairingRequiredReportsTheRequestAndNeverTheToken() async throws {
        let gateway = try await GatewayEmulator.start(GatewayEmulatorProfile(era: .april, auth: .token(Self.token)))
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        let result = try binary.run(
            ["probe", gateway.url, "--token-env", "GW_TOKEN", "--device", "--timeout", "2", "--format", "json"],
            environment: ["GW_TOKEN": Self.token, "XDG_CONFIG_HOME": binary.home.appendingPathComponent("config").path])
        try await gateway.stop()
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["outcome"] as? String == "pairing-required")
        #expect(object["requestId"] as? String == "7d3b5c1e-2f4a-4b6c-9d8e-0a1b2c3d4e5f")
        let close = try #require(object["close"] as? [String: Any])
        #expect(close["code"] as? Int == 1008)
        #expect(close["reason"] as? String == "pairing required")
        let diagnoses = try #require(object["diagnoses"] as? [[String: Any]])
        #expect(diagnoses.first?["id"] as? String == "pairing-not-approved")
        #expect(diagnoses.first?["title"] as? String == "a new browser, CLI or node is a device the gateway has not approved")
        #expect(result.stderr.contains("pending pairing request"), "the --device warning")
        #expect(!result.stdout.contains(Self.token) && !result.stderr.contains(Self.token))
        // The identity file is private to the user.
        let identity = binary.home.appendingPathComponent("config/clawfix")
        let files = try FileManager.default.contentsOfDirectory(atPath: identity.path)
        let file = identity.appendingPathComponent(try #require(files.first)).path
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func refusedPortIsAVerdictInText() throws {
        // A port that was just free: bind, read it, close.
        let socket = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                _ = bind(socket, $0, length)
                _ = getsockname(socket, $0, &length)
            }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))
        close(socket)
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        let result = try binary.run(["probe", "http://127.0.0.1:\(port)", "--timeout", "2"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("refused"), "\(result.stdout)")
        #expect(result.stdout.contains("\nVerdict: Nothing listens at 127.0.0.1:\(port): the connection was refused."), "\(result.stdout)")
        #expect(result.stdout.contains("\n1. gateway-not-running — nothing listens at the URL"), "\(result.stdout)")
        #expect(result.stdout.contains("\n   probe: refused (connection refused at 127.0.0.1:\(port))"), "\(result.stdout)")
        #expect(!result.stdout.contains("\u{1B}"))
    }
}

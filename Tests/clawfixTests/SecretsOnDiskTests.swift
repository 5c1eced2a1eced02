import Foundation
import Testing

/// Nothing clawfix writes may hold a raw secret: a conversation full of them, then every byte of
/// every file in its cache directory (session store, WAL, index, logs) is searched.
struct SecretsOnDiskTests {
    static let gatewayToken = "9f3c1a7e5b2d4f60a8c1e3b5d7f90a2c4e6b8d0f1a3c5e7b"
    static let anthropicKey = "sk-ant-api03-Zx8vQ2mN5pL7kJ4hG1fD9sA3wE6rT0yU2iO5pL8kJ1hG4fD7sA0wE3rT6yU9iO2pL5kJ8hG1fD4sA7w-Qq9AAA"
    static let discordToken = "MTI3NDU2Nzg5MDEyMzQ1Njc4OQ.GxYzAb.c9Vb3Nm6Qw1Er4Ty7Ui0Op2As5Df8Gh1Jk4L"

    @Test func noRawSecretReachesTheDisk() throws {
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        let messages = [
            "my .env:\nOPENCLAW_GATEWAY_TOKEN=\(Self.gatewayToken)\nANTHROPIC_API_KEY=\(Self.anthropicKey)",
            "disconnected (1008): unauthorized: gateway token mismatch (open the dashboard URL and paste the token in Control UI settings)",
            "discord bot token is \(Self.discordToken) and the url was http://192.168.1.20:18789/#token=\(Self.gatewayToken)",
            "again: \(Self.gatewayToken)",
        ]
        var input = ""
        for message in messages { input += BotEndToEndTests.line("secrets", message) + "\n" }
        let result = try binary.run(["bot"], stdin: input)
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 4)
        for secret in [Self.gatewayToken, Self.anthropicKey, Self.discordToken] {
            #expect(!result.stdout.contains(secret), "raw secret in the bot's reply")
        }
        #expect(result.stdout.contains("secret-exposed"))
        let files = FileManager.default.enumerator(at: binary.cacheDirectory, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath } ?? []
        #expect(files.contains { $0.lastPathComponent == "sessions.sqlite" })
        for file in files {
            let bytes = try Data(contentsOf: file)
            for secret in [Self.gatewayToken, Self.anthropicKey, Self.discordToken] {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(file.lastPathComponent) holds a raw secret")
                // Also the last 12 characters: a marker may keep 4, never more.
                #expect(bytes.range(of: Data(secret.suffix(12).utf8)) == nil, "\(file.lastPathComponent) holds part of a secret")
            }
        }
    }
}

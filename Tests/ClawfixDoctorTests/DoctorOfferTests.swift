import ClawfixDoctor
import ClawfixFrontEnds
import Foundation
import Testing

/// Chat offers doctor on the gateway host; the bot tells everyone it exists.
@Suite(.serialized)
struct DoctorOfferTests {
    /// A message whose answer asks for a command's output.
    static let paste = """
        alice@vps:~/openclaw$ docker compose ps
        NAME                          IMAGE            COMMAND                  SERVICE            CREATED       STATUS                 PORTS
        openclaw-openclaw-gateway-1   openclaw:local   "docker-entrypoint.s…"   openclaw-gateway   2 hours ago   Up 2 hours (healthy)   127.0.0.1:18789-18790->18789-18790/tcp
        and the Control UI says: disconnected (1008): pairing required
        """

    @Test func chatOnTheGatewayHostOffersDoctorWhenItWouldAskForACommand() throws {
        let stage = DoctorScenarioTests.stage
        let offered = Conversation(id: "a", engine: stage)
        offered.offersDoctor = true
        let reply = offered.respond(to: Self.paste)
        try #require(reply.report.next?.commands.isEmpty == false, "the paste must leave a command to ask for")
        #expect(reply.lines.contains { $0.contains("`clawfix doctor`") })
        let elsewhere = Conversation(id: "b", engine: stage).respond(to: Self.paste)
        #expect(!elsewhere.lines.contains { $0.contains("clawfix doctor") })
    }

    @Test func botRepliesThatAskForACommandMentionDoctorBundle() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("doctor-bot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = SessionStore(path: directory.appendingPathComponent("sessions.sqlite").path)
        let bot = BotFrontEnd(engine: DoctorScenarioTests.stage, store: store)
        let line = bot.respond(to: BotRequest(conversation: "c", text: Self.paste, author: "u"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let reply = try #require(object["reply"] as? String)
        #expect(reply.contains("`clawfix doctor --bundle evidence.md`"))
        let help = bot.respond(to: BotRequest(conversation: "c", text: "/help", author: "u"))
        #expect(!help.contains("clawfix doctor --bundle"))
    }

    @Test func gatewayHostCheckReadsProcessNamesAndDockerListeners() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("doctor-proc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("812"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("net"), withIntermediateDirectories: true)
        try "sshd\n".write(to: root.appendingPathComponent("812/comm"), atomically: true, encoding: .utf8)
        let tcp = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:4965 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 237338 1 0000000000000000 100 0 0 10 0

            """
        try tcp.write(to: root.appendingPathComponent("net/tcp"), atomically: true, encoding: .utf8)
        let socket = root.appendingPathComponent("docker.sock").path
        // A listener on 18789 without Docker is an SSH tunnel as likely as a gateway.
        #expect(!GatewayHostCheck.looksLikeGatewayHost(procRoot: root.path, dockerSocket: socket))
        _ = FileManager.default.createFile(atPath: socket, contents: nil)
        #expect(GatewayHostCheck.looksLikeGatewayHost(procRoot: root.path, dockerSocket: socket))
        try FileManager.default.removeItem(atPath: socket)
        try "openclaw-gatewa\n".write(to: root.appendingPathComponent("812/comm"), atomically: true, encoding: .utf8)
        #expect(GatewayHostCheck.looksLikeGatewayHost(procRoot: root.path, dockerSocket: socket))
    }
}

import NIOCore
import NIOPosix

/// A faithful OpenClaw gateway on 127.0.0.1 (port 0, never another address) for tests and the
/// benchmark. It speaks raw HTTP and WebSocket frames so it can misbehave exactly like a real one.
///
/// ```swift
/// let gateway = try await GatewayEmulator.start(.ok(.april))
/// defer { Task { try? await gateway.stop() } }
/// let report = await GatewayProbe(target: ProbeTarget(url: gateway.url)!, options: …).run()
/// ```
public final class GatewayEmulator: Sendable {
    public let profile: GatewayEmulatorProfile
    /// The bound port on 127.0.0.1.
    public let port: Int
    private let channel: any Channel

    private init(profile: GatewayEmulatorProfile, port: Int, channel: any Channel) {
        self.profile = profile
        self.port = port
        self.channel = channel
    }

    /// `ws://127.0.0.1:<port>`.
    public var url: String { "ws://127.0.0.1:\(port)" }

    public static func start(_ profile: GatewayEmulatorProfile) async throws -> GatewayEmulator {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(GatewayEmulatorConnection(profile: profile))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return GatewayEmulator(profile: profile, port: channel.localAddress?.port ?? 0, channel: channel)
    }

    public func stop() async throws {
        try await channel.close().get()
    }
}

import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// One live probe of a gateway: DNS, TCP, TLS, the WebSocket upgrade, `connect.challenge`, one
/// `connect`, `health`, then `GET /healthz`, every phase inside `options.timeout`.
///
/// ```swift
/// let report = await GatewayProbe(target: ProbeTarget(url: "ws://127.0.0.1:18789")!,
///                                 options: ProbeOptions(credential: .token(token))).run()
/// ```
public struct GatewayProbe: Sendable {
    public var target: ProbeTarget
    public var options: ProbeOptions
    private let group: any EventLoopGroup

    public init(target: ProbeTarget, options: ProbeOptions, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.target = target
        self.options = options
        self.group = group
    }

    /// Never throws: every failure is a verdict in the report.
    public func run() async -> ProbeReport {
        let start = NIODeadline.now()
        let deadline = start + .nanoseconds(Int64(max(0.05, options.timeout) * 1_000_000_000))
        func elapsed() -> Int { Int((NIODeadline.now() - start).nanoseconds / 1_000_000) }
        var seen = ProbeObservations()

        // DNS. `localhost` goes to 127.0.0.1: the gateway binds IPv4 loopback by default and a
        // resolver answering ::1 first would report a misleading "refused".
        let address: SocketAddress
        do {
            let host = target.host.lowercased() == "localhost" ? "127.0.0.1" : target.host
            address = try SocketAddress.makeAddressResolvingHost(host, port: target.port)
            seen.steps.append(.init(name: "dns", status: "ok", detail: "\(target.host) → \(address.ipAddress ?? "?")", elapsedMs: elapsed()))
        } catch {
            seen.steps.append(.init(name: "dns", status: "failed", detail: "\(target.host) does not resolve", elapsedMs: elapsed()))
            seen.terminal = .dnsFailed
            return report(seen, elapsed: elapsed())
        }

        seen = await connect(to: address, mode: .websocket, start: start, deadline: deadline, seen: seen)
        // The same origin's liveness probe tells "gateway up, handshake refused" from "something else".
        if options.checkHealthz, seen.steps.contains(where: { $0.name == "http" }), NIODeadline.now() < deadline {
            var health = await connect(to: address, mode: .get(path: "/healthz"), start: start, deadline: deadline, seen: ProbeObservations())
            health.steps.removeAll { $0.name == "tcp" || $0.name == "tls" }
            seen.steps += health.steps
        }
        return report(seen, elapsed: elapsed())
    }

    private func connect(
        to address: SocketAddress, mode: ProbeConnectionHandler.Mode, start: NIODeadline, deadline: NIODeadline,
        seen: ProbeObservations
    ) async -> ProbeObservations {
        var seen = seen
        let loop = group.next()
        let promise = loop.makePromise(of: ProbeObservations.self)
        let sslContext: NIOSSLContext?
        if target.secure {
            do {
                sslContext = try NIOSSLContext(configuration: .makeClientConfiguration())
            } catch {
                seen.steps.append(.init(name: "tls", status: "failed", detail: "TLS setup failed: \(error)", elapsedMs: 0))
                seen.terminal = .tlsFailed
                return seen
            }
        } else {
            sslContext = nil
        }
        let configuration = ProbeConnectionHandler.Configuration(
            target: target, options: options, mode: mode, start: start, deadline: deadline)
        let hostname = target.host
        let remaining = deadline - NIODeadline.now()
        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(remaining > .zero ? remaining : .milliseconds(1))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let sslContext {
                        let isAddress = (try? SocketAddress(ipAddress: hostname, port: 0)) != nil
                        try channel.pipeline.syncOperations.addHandler(
                            try NIOSSLClientHandler(context: sslContext, serverHostname: isAddress ? nil : hostname))
                    }
                    try channel.pipeline.syncOperations.addHandler(
                        ProbeConnectionHandler(configuration: configuration, promise: promise))
                }
            }
        let elapsedNow = { Int((NIODeadline.now() - start).nanoseconds / 1_000_000) }
        do {
            _ = try await bootstrap.connect(to: address).get()
            seen.steps.append(.init(name: "tcp", status: "ok", detail: "connected to \(address.ipAddress ?? "?"):\(target.port)", elapsedMs: elapsedNow()))
        } catch {
            let text = "\(error)"
            let refused = (error as? IOError)?.errnoCode == ECONNREFUSED || text.contains("refused") || text.contains("ECONNREFUSED")
            let timedOut = (error as? ChannelError) == .connectTimeout(remaining) || text.lowercased().contains("timeout")
            seen.steps.append(.init(
                name: "tcp", status: refused ? "failed" : (timedOut ? "timeout" : "failed"),
                detail: refused ? "connection refused at \(address.ipAddress ?? "?"):\(target.port)"
                    : timedOut ? "no TCP answer within \(options.timeout) s" : "connect failed: \(text)",
                elapsedMs: elapsedNow()))
            seen.terminal = refused ? .refused : (timedOut ? .timeout : .refused)
            promise.fail(ChannelError.ioOnClosedChannel)
            return seen
        }
        guard let observed = try? await promise.futureResult.get() else { return seen }
        var merged = observed
        merged.steps = seen.steps + observed.steps
        return merged
    }

    private func report(_ seen: ProbeObservations, elapsed: Int) -> ProbeReport {
        let outcome = ProbeClassifier.outcome(seen)
        return ProbeReport(
            url: target.url, outcome: outcome, steps: seen.steps, close: seen.close, http: seen.http, error: seen.error,
            requestId: ProbeClassifier.requestId(seen), diagnosisIDs: ProbeClassifier.diagnoses(outcome, seen),
            elapsedMs: elapsed, serverVersion: seen.serverVersion, serverProtocol: seen.serverProtocol,
            clockSkewMs: seen.clockSkewMs, deviceId: options.device?.deviceId)
    }
}

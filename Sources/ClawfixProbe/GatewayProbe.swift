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
    ///
    /// The whole probe — resolution, both connections, every deadline and every timestamp — runs as
    /// one chain of futures on an event loop; the caller only awaits the finished report. A caller on
    /// a saturated cooperative pool may resume late, but the verdict and its timings are the loop's.
    public func run() async -> ProbeReport {
        (try? await runOnEventLoop().get()) ?? report(ProbeObservations(), elapsed: 0)
    }

    /// The probe as a future on one of the group's event loops.
    public func runOnEventLoop() -> EventLoopFuture<ProbeReport> {
        let loop = group.next()
        let start = NIODeadline.now()
        let deadline = start + .nanoseconds(Int64(max(0.05, options.timeout) * 1_000_000_000))
        let elapsed: @Sendable () -> Int = { Int((NIODeadline.now() - start).nanoseconds / 1_000_000) }
        let options = options
        let probe = self
        return resolve(on: loop, deadline: deadline).flatMap { resolved -> EventLoopFuture<ProbeObservations> in
            var seen = ProbeObservations()
            guard case .success(let address) = resolved else {
                let timedOut = (try? resolved.get()) == nil && NIODeadline.now() >= deadline
                seen.steps.append(.init(
                    name: "dns", status: timedOut ? "timeout" : "failed",
                    detail: timedOut ? "\(probe.target.host) did not resolve within \(options.timeout) s"
                        : "\(probe.target.host) does not resolve",
                    elapsedMs: elapsed()))
                seen.terminal = timedOut ? .timeout : .dnsFailed
                return loop.makeSucceededFuture(seen)
            }
            seen.steps.append(.init(
                name: "dns", status: "ok", detail: "\(probe.target.host) → \(address.ipAddress ?? "?")", elapsedMs: elapsed()))
            return probe.connect(on: loop, to: address, mode: .websocket, start: start, deadline: deadline, seen: seen)
                .flatMap { seen in
                    // The same origin's liveness probe tells "gateway up, handshake refused" from "something else".
                    guard options.checkHealthz, seen.steps.contains(where: { $0.name == "http" }), NIODeadline.now() < deadline else {
                        return loop.makeSucceededFuture(seen)
                    }
                    return probe.connect(
                        on: loop, to: address, mode: .get(path: "/healthz"), start: start, deadline: deadline, seen: ProbeObservations()
                    ).map { health in
                        var merged = seen
                        merged.steps += health.steps.filter { $0.name != "tcp" && $0.name != "tls" }
                        return merged
                    }
                }
        }.map { seen in probe.report(seen, elapsed: elapsed()) }
    }

    /// The host's address. `localhost` goes to 127.0.0.1: the gateway binds IPv4 loopback by default
    /// and a resolver answering ::1 first would report a misleading "refused". An IP literal needs no
    /// resolver; a name is resolved on a pool thread (getaddrinfo blocks) and raced against the deadline.
    private func resolve(on loop: any EventLoop, deadline: NIODeadline) -> EventLoopFuture<Result<SocketAddress, any Error>> {
        let host = target.host.lowercased() == "localhost" ? "127.0.0.1" : target.host
        let port = target.port
        if let literal = try? SocketAddress(ipAddress: host, port: port) {
            return loop.makeSucceededFuture(.success(literal))
        }
        let promise = loop.makePromise(of: Result<SocketAddress, any Error>.self)
        let timer = loop.scheduleTask(deadline: deadline) {
            promise.succeed(.failure(ChannelError.connectTimeout(.zero)))
        }
        Thread.detachNewThread {
            let result = Result { try SocketAddress.makeAddressResolvingHost(host, port: port) }
            loop.execute {
                timer.cancel()
                promise.completeWith(.success(result))
            }
        }
        return promise.futureResult
    }

    private func connect(
        on loop: any EventLoop, to address: SocketAddress, mode: ProbeConnectionHandler.Mode, start: NIODeadline,
        deadline: NIODeadline, seen: ProbeObservations
    ) -> EventLoopFuture<ProbeObservations> {
        var seen = seen
        let promise = loop.makePromise(of: ProbeObservations.self)
        let sslContext: NIOSSLContext?
        if target.secure {
            do {
                sslContext = try NIOSSLContext(configuration: .makeClientConfiguration())
            } catch {
                seen.steps.append(.init(name: "tls", status: "failed", detail: "TLS setup failed: \(error)", elapsedMs: 0))
                seen.terminal = .tlsFailed
                return loop.makeSucceededFuture(seen)
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
        let elapsedNow: @Sendable () -> Int = { Int((NIODeadline.now() - start).nanoseconds / 1_000_000) }
        let timeout = options.timeout
        let port = target.port
        let base = seen
        return bootstrap.connect(to: address).hop(to: loop).flatMap { _ in
            var connected = base
            connected.steps.append(.init(name: "tcp", status: "ok", detail: "connected to \(address.ipAddress ?? "?"):\(port)", elapsedMs: elapsedNow()))
            let tcpOnly = connected
            return promise.futureResult.map { observed in
                var merged = observed
                merged.steps = tcpOnly.steps + observed.steps
                return merged
            }.recover { _ in tcpOnly }
        }.flatMapError { error in
            // Only the TCP connect fails here: the handler's outcome is recovered above.
            var seen = base
            let failure = ProbeConnectFailure(error: error, address: "\(address.ipAddress ?? "?"):\(port)", timeout: timeout)
            seen.steps.append(.init(
                name: "tcp", status: failure.outcome == .timeout ? "timeout" : "failed", detail: failure.detail,
                elapsedMs: elapsedNow()))
            seen.terminal = failure.outcome
            promise.fail(ChannelError.ioOnClosedChannel)
            return loop.makeSucceededFuture(seen)
        }
    }

    private func report(_ seen: ProbeObservations, elapsed: Int) -> ProbeReport {
        ProbeReport(
            url: target.url, outcome: ProbeClassifier.outcome(seen), steps: seen.steps, close: seen.close, http: seen.http,
            error: seen.error, requestId: ProbeClassifier.requestId(seen), elapsedMs: elapsed,
            serverVersion: seen.serverVersion, serverProtocol: seen.serverProtocol, clockSkewMs: seen.clockSkewMs,
            deviceId: options.device?.deviceId, credentialSent: options.credentialKind,
            credentialSource: options.credentialSource)
    }
}

import Crypto
import Foundation
import NIOCore
import NIOSSL

/// Drives one connection on its event loop: the HTTP upgrade (or a plain GET), the WebSocket frames
/// of the handshake, `health`, and every timeout. It parses HTTP and frames itself so that a refused
/// upgrade's status and body, a close reason, trickled bytes and garbage are all visible.
final class ProbeConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    enum Mode: Sendable { case websocket, get(path: String) }

    struct Configuration: Sendable {
        var target: ProbeTarget
        var options: ProbeOptions
        var mode: Mode
        var start: NIODeadline
        var deadline: NIODeadline
    }

    private enum Phase {
        case httpHead, httpBody(status: Int, contentLength: Int?, chunked: Bool), challenge, response, health, closing, done
    }

    private let configuration: Configuration
    private let promise: EventLoopPromise<ProbeObservations>
    private var observations = ProbeObservations()
    private var phase = Phase.httpHead
    private var buffer = ByteBuffer()
    private var body: [UInt8] = []
    private var fragments: [UInt8] = []
    private var fragmentOpcode: UInt8 = 0
    private var timer: Scheduled<Void>?
    private var websocketKey = ""
    private var connectId = ""
    private var healthId = ""
    private static let maxHeadBytes = 16 * 1024

    init(configuration: Configuration, promise: EventLoopPromise<ProbeObservations>) {
        self.configuration = configuration
        self.promise = promise
    }

    private var elapsed: Int { Int((NIODeadline.now() - configuration.start).nanoseconds / 1_000_000) }

    private func step(_ name: String, _ status: String, _ detail: String) {
        observations.steps.append(.init(name: name, status: status, detail: detail, elapsedMs: elapsed))
    }

    // MARK: Lifecycle

    func handlerAdded(context: ChannelHandlerContext) {
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(deadline: configuration.deadline) {
            let (handler, context) = loopBound.value
            handler.deadlinePassed(context: context)
        }
    }

    func channelActive(context: ChannelHandlerContext) {
        var request = ""
        switch configuration.mode {
        case .websocket:
            websocketKey = Data((0..<16).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
            request = "GET \(configuration.target.path) HTTP/1.1\r\nHost: \(configuration.target.hostHeader)\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: \(websocketKey)\r\n"
                + "Sec-WebSocket-Version: 13\r\nUser-Agent: clawfix-probe\r\n"
            if let origin = configuration.options.origin { request += "Origin: \(origin)\r\n" }
        case .get(let path):
            request = "GET \(path) HTTP/1.1\r\nHost: \(configuration.target.hostHeader)\r\nUser-Agent: clawfix-probe\r\n"
                + "Accept: */*\r\nConnection: close\r\n"
        }
        request += "\r\n"
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: request)), promise: nil)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        // TLSUserEvent lives in NIOTLS, which this target does not import: match its description.
        if String(describing: event).hasPrefix("handshakeCompleted") {
            step("tls", "ok", "TLS handshake completed")
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if error is NIOSSLError || String(reflecting: error).contains("BoringSSL") {
            step("tls", "failed", "TLS failed: \(error)")
            finish(context: context, terminal: .tlsFailed)
        } else {
            step("tcp", "failed", "connection error: \(ProbeConnectFailure.describe(error))")
            finish(context: context, terminal: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        switch phase {
        case .done: return
        case .httpHead:
            if buffer.readableBytes == 0 {
                step("http", "failed", "connection closed with no HTTP answer (empty reply)")
                finish(context: context, terminal: .closed)
            } else {
                step("http", "failed", "connection closed inside the HTTP head")
                finish(context: context, terminal: .garbage)
            }
        case .httpBody(let status, _, let chunked):
            completeHTTP(context: context, status: status, chunked: chunked)
        case .closing:
            if observations.close == nil { step("close", "failed", "TCP closed without a close frame (1006)") }
            finish(context: context, terminal: nil)
        default:
            step("close", "failed", "TCP closed without a close frame (1006)")
            finish(context: context, terminal: observations.sawChallenge || !isWebSocket ? .closed : .noChallenge)
        }
    }

    private var isWebSocket: Bool { if case .websocket = configuration.mode { true } else { false } }

    private func deadlinePassed(context: ChannelHandlerContext) {
        let seconds = String(format: "%.1f", configuration.options.timeout)
        switch phase {
        case .done: return
        case .httpHead:
            step("http", "timeout", buffer.readableBytes == 0
                ? "no HTTP answer within \(seconds) s"
                : "HTTP head incomplete after \(seconds) s (\(buffer.readableBytes) bytes trickled)")
            finish(context: context, terminal: .timeout)
        case .httpBody(let status, _, let chunked):
            completeHTTP(context: context, status: status, chunked: chunked)
        case .challenge:
            step("challenge", "timeout", "no connect.challenge within \(seconds) s")
            finish(context: context, terminal: .noChallenge)
        case .response:
            step("connect", "timeout", "no answer to connect within \(seconds) s")
            finish(context: context, terminal: .handshakeTimeout)
        case .health:
            step("health", "timeout", "no answer to health within \(seconds) s")
            finish(context: context, terminal: nil)
        case .closing:
            step("close", "timeout", "no close frame within \(seconds) s after the error")
            finish(context: context, terminal: nil)
        }
    }

    private func finish(context: ChannelHandlerContext, terminal: ProbeOutcome?) {
        if case .done = phase { return }
        phase = .done
        timer?.cancel()
        if let terminal, observations.terminal == nil { observations.terminal = terminal }
        promise.succeed(observations)
        context.close(promise: nil)
    }

    // MARK: Reading

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = unwrapInboundIn(data)
        buffer.writeBuffer(&incoming)
        process(context: context)
    }

    private func process(context: ChannelHandlerContext) {
        while true {
            switch phase {
            case .done:
                return
            case .closing where buffer.readableBytes == 0:
                return
            case .httpHead:
                guard readHead(context: context) else { return }
            case .httpBody(let status, let length, let chunked):
                let take = min(buffer.readableBytes, max(0, 4096 - body.count))
                body += buffer.readBytes(length: take) ?? []
                buffer.clear()
                if let length, body.count >= min(length, 512) {
                    completeHTTP(context: context, status: status, chunked: chunked)
                } else if body.count >= 4096 || (chunked && body.suffix(5) == Array("0\r\n\r\n".utf8)) {
                    completeHTTP(context: context, status: status, chunked: chunked)
                }
                return
            default:
                guard readFrame(context: context) else { return }
            }
        }
    }

    /// Returns true when the head was consumed and processing should go on.
    private func readHead(context: ChannelHandlerContext) -> Bool {
        let bytes = buffer.readableBytesView
        if let first = bytes.first, !Array("HTTP/".utf8).starts(with: bytes.prefix(5)) {
            _ = first
            step("http", "failed", "the server answered with bytes that are not HTTP (\(preview(Array(bytes.prefix(16)))))")
            finish(context: context, terminal: .garbage)
            return false
        }
        guard let end = bytes.firstRange(of: Array("\r\n\r\n".utf8)) else {
            if bytes.count > Self.maxHeadBytes {
                step("http", "failed", "HTTP head longer than \(Self.maxHeadBytes) bytes")
                finish(context: context, terminal: .garbage)
            }
            return false
        }
        let headLength = end.upperBound - bytes.startIndex
        let head = String(decoding: buffer.readBytes(length: headLength) ?? [], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ", maxSplits: 2)
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            step("http", "failed", "unreadable status line: \(lines[0].prefix(80))")
            finish(context: context, terminal: .garbage)
            return false
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        if isWebSocket && status == 101 {
            let expected = Data(Insecure.SHA1.hash(data: Data((websocketKey + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").utf8)))
                .base64EncodedString()
            guard headers["sec-websocket-accept"] == expected else {
                step("http", "failed", "101 without a valid Sec-WebSocket-Accept: not a WebSocket server")
                finish(context: context, terminal: .notAGateway)
                return false
            }
            step("http", "ok", "HTTP 101 Switching Protocols")
            phase = .challenge
            return true
        }
        let length = headers["content-length"].flatMap { Int($0) }
        let chunked = headers["transfer-encoding"]?.lowercased().contains("chunked") ?? false
        phase = .httpBody(status: status, contentLength: length, chunked: chunked)
        if length == 0 { completeHTTP(context: context, status: status, chunked: false); return false }
        return true
    }

    private func completeHTTP(context: ChannelHandlerContext, status: Int, chunked: Bool) {
        var content = chunked ? Self.dechunk(body) : body
        content = Array(content.prefix(512))
        let text = String(decoding: content, as: UTF8.self)
        observations.http = .init(status: status, body: text)
        let lowered = text.lowercased()
        let oneLine = lowered.contains("<html") || lowered.contains("<!doctype")
            ? ProbeVerdict.whatAnswered(status: status, body: text)
            : text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        switch configuration.mode {
        case .websocket:
            step("http", "failed", "HTTP \(status) instead of 101" + (oneLine.isEmpty ? "" : ": \(oneLine.prefix(120))"))
            finish(context: context, terminal: (200..<300).contains(status) ? .notAGateway : .httpRejected)
        case .get(let path):
            step("healthz", (200..<300).contains(status) ? "ok" : "failed", "GET \(path): HTTP \(status) \(oneLine.prefix(120))")
            finish(context: context, terminal: nil)
        }
    }

    private static func dechunk(_ raw: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < raw.count {
            guard let lineEnd = (index..<raw.count - 1).first(where: { raw[$0] == 13 && raw[$0 + 1] == 10 }),
                  let size = Int(String(decoding: raw[index..<lineEnd], as: UTF8.self).split(separator: ";").first ?? "", radix: 16),
                  size > 0 else { break }
            let start = lineEnd + 2
            output += raw[start..<min(raw.count, start + size)]
            index = start + size + 2
        }
        return output
    }

    /// Returns true when a frame was consumed.
    private func readFrame(context: ChannelHandlerContext) -> Bool {
        let frame: WebSocketFrame?
        do {
            frame = try WebSocketFrame.parse(&buffer, maxPayload: configuration.options.maxFrameBytes)
        } catch {
            switch error {
            case .tooLarge(let length):
                step(stageName, "failed", "frame of \(length) bytes refused (limit \(configuration.options.maxFrameBytes))")
                finish(context: context, terminal: .frameTooLarge)
            case .malformed(let byte):
                step(stageName, "failed", "bytes that are not a WebSocket frame (first byte \(byte))")
                finish(context: context, terminal: .garbage)
            }
            return false
        }
        guard let frame else { return false }
        switch frame.opcode {
        case WebSocketFrame.close:
            let code = frame.payload.count >= 2 ? Int(frame.payload[0]) << 8 | Int(frame.payload[1]) : 1005
            let reason = String(decoding: frame.payload.dropFirst(2), as: UTF8.self)
            observations.close = .init(code: code, reason: reason)
            step("close", "ok", "close \(code)" + (reason.isEmpty ? " (empty reason)" : " \(reason)"))
            var reply = ByteBuffer()
            WebSocketFrame.close(code: UInt16(code == 1005 ? 1000 : 1000), reason: "").write(into: &reply, mask: Self.mask())
            context.writeAndFlush(wrapOutboundOut(reply), promise: nil)
            finish(context: context, terminal: nil)
            return false
        case WebSocketFrame.ping:
            var reply = ByteBuffer()
            WebSocketFrame(opcode: WebSocketFrame.pong, payload: frame.payload).write(into: &reply, mask: Self.mask())
            context.writeAndFlush(wrapOutboundOut(reply), promise: nil)
            return true
        case WebSocketFrame.pong:
            return true
        case WebSocketFrame.continuation:
            fragments += frame.payload
        default:
            fragmentOpcode = frame.opcode
            fragments = frame.payload
        }
        if fragments.count > configuration.options.maxFrameBytes {
            step(stageName, "failed", "message over \(configuration.options.maxFrameBytes) bytes refused")
            finish(context: context, terminal: .frameTooLarge)
            return false
        }
        guard frame.fin else { return true }
        let message = fragments
        fragments = []
        guard fragmentOpcode == WebSocketFrame.text,
              let object = try? JSONSerialization.jsonObject(with: Data(message)) as? [String: Any] else {
            step(stageName, "failed", "a frame that is not a JSON object: \(preview(Array(message.prefix(24))))")
            // A server that sends something unreadable usually closes next, and its close code is
            // the most telling thing it says: wait a moment for it rather than hang up first.
            observations.terminal = .garbage
            phase = .closing
            timer?.cancel()
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            let grace = min(configuration.deadline, NIODeadline.now() + .milliseconds(500))
            timer = context.eventLoop.scheduleTask(deadline: grace) {
                let (handler, context) = loopBound.value
                handler.finish(context: context, terminal: nil)
            }
            return true
        }
        handle(message: object, context: context)
        return true
    }

    private var stageName: String {
        switch phase {
        case .challenge: "challenge"
        case .health: "health"
        default: "connect"
        }
    }

    // MARK: Protocol

    private func handle(message: [String: Any], context: ChannelHandlerContext) {
        let type = message["type"] as? String
        switch phase {
        case .challenge:
            guard type == "event" else {
                step("challenge", "failed", "first frame is a \(type ?? "non-envelope") frame, not connect.challenge")
                finish(context: context, terminal: .notAGateway)
                return
            }
            guard message["event"] as? String == "connect.challenge" else { return }
            let payload = message["payload"] as? [String: Any] ?? [:]
            guard let nonce = payload["nonce"] as? String, !nonce.isEmpty, let ts = (payload["ts"] as? NSNumber)?.int64Value else {
                step("challenge", "failed", "connect.challenge without nonce or ts")
                finish(context: context, terminal: .notAGateway)
                return
            }
            observations.sawChallenge = true
            let skew = ts - Int64(Date().timeIntervalSince1970 * 1000)
            observations.clockSkewMs = skew
            step("challenge", "ok", "connect.challenge received (clock skew \(skew) ms)")
            sendConnect(context: context, nonce: nonce, ts: ts)
        case .response:
            guard type == "res", message["id"] as? String == connectId else { return }
            if message["ok"] as? Bool == true {
                let payload = message["payload"] as? [String: Any] ?? [:]
                observations.helloOK = true
                observations.serverProtocol = (payload["protocol"] as? NSNumber)?.intValue
                observations.serverVersion = (payload["server"] as? [String: Any])?["version"] as? String
                step("connect", "ok", "hello-ok, protocol \(observations.serverProtocol.map(String.init) ?? "?"), server \(observations.serverVersion ?? "?")")
                healthId = "clawfix-health-" + UUID().uuidString.prefix(8).lowercased()
                send(context: context, json: ["type": "req", "id": healthId, "method": "health"])
                phase = .health
            } else {
                let error = message["error"] as? [String: Any] ?? [:]
                let details = error["details"] as? [String: Any]
                let detailsJSON = details.flatMap { try? JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]) }
                    .map { String(decoding: $0, as: UTF8.self) } ?? ""
                observations.error = .init(
                    code: error["code"] as? String ?? "", message: error["message"] as? String ?? "",
                    details: detailsJSON, detailsCode: details?["code"] as? String, authReason: details?["authReason"] as? String)
                observations.resBeforeClose = true
                step("connect", "failed", "res \(observations.error!.code): \(observations.error!.message)" + (detailsJSON.isEmpty ? "" : " \(detailsJSON)"))
                phase = .closing
            }
        case .health:
            guard type == "res", message["id"] as? String == healthId else { return }
            if message["ok"] as? Bool == true {
                step("health", "ok", "health answered")
            } else {
                let error = message["error"] as? [String: Any] ?? [:]
                step("health", "failed", "health: \(error["message"] as? String ?? "error")")
            }
            var reply = ByteBuffer()
            WebSocketFrame.close(code: 1000, reason: "").write(into: &reply, mask: Self.mask())
            context.writeAndFlush(wrapOutboundOut(reply), promise: nil)
            finish(context: context, terminal: nil)
        default:
            return
        }
    }

    private func sendConnect(context: ChannelHandlerContext, nonce: String, ts: Int64) {
        let options = configuration.options
        connectId = "clawfix-" + UUID().uuidString.lowercased()
        let scopes = ["operator.read"]
        #if os(macOS)
        let platform = "darwin"
        #elseif os(Windows)
        let platform = "win32"
        #else
        let platform = "linux"
        #endif
        var params: [String: Any] = [
            "minProtocol": options.minProtocol, "maxProtocol": options.maxProtocol,
            "client": ["id": options.client.id, "version": "clawfix", "platform": platform, "mode": options.client.mode],
            "caps": [String](), "role": "operator", "scopes": scopes,
        ]
        if let token = options.token { params["auth"] = ["token": token] }
        if let password = options.password { params["auth"] = ["password": password] }
        if let device = options.device {
            let payload = DeviceAuthPayload.v2(
                deviceId: device.deviceId, clientId: options.client.id, clientMode: options.client.mode, role: "operator",
                scopes: scopes, signedAtMs: ts, token: options.token, nonce: nonce)
            params["device"] = [
                "id": device.deviceId, "publicKey": device.publicKeyBase64URL,
                "signature": (try? device.sign(payload)) ?? "", "signedAt": ts, "nonce": nonce,
            ]
        }
        send(context: context, json: ["type": "req", "id": connectId, "method": "connect", "params": params])
        phase = .response
    }

    private func send(context: ChannelHandlerContext, json: [String: Any]) {
        let data = (try? JSONSerialization.data(withJSONObject: json)) ?? Data()
        var out = ByteBuffer()
        WebSocketFrame(opcode: WebSocketFrame.text, payload: Array(data)).write(into: &out, mask: Self.mask())
        context.writeAndFlush(wrapOutboundOut(out), promise: nil)
    }

    private static func mask() -> [UInt8] { (0..<4).map { _ in UInt8.random(in: 0...255) } }

    private func preview(_ bytes: [UInt8]) -> String {
        bytes.map { (32...126).contains($0) ? String(UnicodeScalar($0)) : String(format2: $0) }.joined()
    }
}

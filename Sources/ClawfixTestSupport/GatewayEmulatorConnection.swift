import Crypto
import Foundation
import NIOCore
import ClawfixProbe

/// One socket of the emulated gateway: the upgrade, the challenge, the `connect` decision in the
/// real processing order (§3.3), then `health`.
final class GatewayEmulatorConnection: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let profile: GatewayEmulatorProfile
    private var buffer = ByteBuffer()
    private var upgraded = false
    private var connected = false
    private var sawFirstMessage = false
    private var nonce = UUID().uuidString.lowercased()
    private var origin: String?
    private var hostHeader = ""
    private var timer: Scheduled<Void>?
    private var closed = false

    init(profile: GatewayEmulatorProfile) { self.profile = profile }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = unwrapInboundIn(data)
        buffer.writeBuffer(&incoming)
        if !upgraded {
            readRequest(context: context)
        }
        while upgraded && !closed {
            let maxPayload = connected ? 25 << 20 : (profile.era == .february ? 512 << 10 : 64 << 10)
            do {
                guard let frame = try WebSocketFrame.parse(&buffer, maxPayload: maxPayload) else { return }
                handle(frame: frame, context: context)
            } catch {
                // The `ws` library itself refuses oversize frames: 1009, empty reason (§16.1).
                if case .tooLarge = error { close(context: context, code: 1009, reason: "") } else { close(context: context, code: 1002, reason: "") }
                return
            }
        }
    }

    private func readRequest(context: ChannelHandlerContext) {
        let bytes = buffer.readableBytesView
        guard let end = bytes.firstRange(of: Array("\r\n\r\n".utf8)) else { return }
        let head = String(decoding: buffer.readBytes(length: end.upperBound - bytes.startIndex) ?? [], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let path = lines[0].split(separator: " ").dropFirst().first.map(String.init) ?? "/"
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        origin = headers["origin"]
        hostHeader = headers["host"] ?? ""
        if case .http(let status, let reason, let body) = profile.upgrade {
            respond(context: context, status: status, reason: reason, body: body)
            return
        }
        guard headers["upgrade"]?.lowercased() == "websocket", let key = headers["sec-websocket-key"] else {
            if path == "/healthz" || path == "/health", profile.era != .february {
                respond(context: context, status: 200, reason: "OK", body: #"{"ok":true,"status":"live"}"#, type: "application/json")
            } else {
                respond(context: context, status: 404, reason: "Not Found", body: "Not Found")
            }
            return
        }
        let accept = Data(Insecure.SHA1.hash(data: Data((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").utf8))).base64EncodedString()
        let response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: \(accept)\r\n\r\n"
        if case .trickle(let interval) = profile.misbehaviour {
            trickle(Array(response.utf8), interval: interval, context: context)
            return
        }
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: response)), promise: nil)
        upgraded = true
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(in: .nanoseconds(Int64(profile.handshakeTimeout * 1e9))) {
            let (handler, context) = loopBound.value
            if !handler.connected { handler.close(context: context, code: 1000, reason: "") }
        }
        switch profile.misbehaviour {
        case .noChallenge:
            return
        case .hugeFrame(let size):
            sendFrame(WebSocketFrame(opcode: WebSocketFrame.text, payload: Array(repeating: UInt8(ascii: "x"), count: size)), context: context)
        case .garbageFrame:
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: [0xFF, 0xFE, 0x00, 0x13, 0x37])), promise: nil)
        case .notJSONThenClose(let code, let reason):
            sendFrame(.text("welcome to the echo server"), context: context)
            close(context: context, code: code, reason: reason)
        default:
            let ts = Int64(Date().timeIntervalSince1970 * 1000)
            send(["type": "event", "event": "connect.challenge", "payload": ["nonce": nonce, "ts": ts]], context: context)
        }
    }

    private func trickle(_ bytes: [UInt8], interval: Double, context: ChannelHandlerContext) {
        guard let first = bytes.first, !closed, context.channel.isActive else { return }
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: [first])), promise: nil)
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let rest = Array(bytes.dropFirst())
        context.eventLoop.scheduleTask(in: .nanoseconds(Int64(interval * 1e9))) {
            let (handler, context) = loopBound.value
            handler.trickle(rest, interval: interval, context: context)
        }
    }

    private func respond(context: ChannelHandlerContext, status: Int, reason: String, body: String, type: String = "text/plain; charset=utf-8") {
        let text = "HTTP/1.1 \(status) \(reason)\r\nContent-Type: \(type)\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text))).whenComplete { [channel = context.channel] _ in channel.close(promise: nil) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        closed = true
        timer?.cancel()
    }

    // MARK: Frames

    private func handle(frame: WebSocketFrame, context: ChannelHandlerContext) {
        switch frame.opcode {
        case WebSocketFrame.close:
            close(context: context, code: 1000, reason: "")
            return
        case WebSocketFrame.ping:
            sendFrame(WebSocketFrame(opcode: WebSocketFrame.pong, payload: frame.payload), context: context)
            return
        case WebSocketFrame.text, WebSocketFrame.binary:
            break
        default:
            return
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(frame.payload)) as? [String: Any] else {
            if !connected { close(context: context, code: 1000, reason: "") }
            return
        }
        if connected {
            handleAfterHello(object, context: context)
            return
        }
        if sawFirstMessage { return }
        sawFirstMessage = true
        switch profile.misbehaviour {
        case .ignoreConnect: return
        case .dropAfterConnect:
            closed = true
            context.close(promise: nil)
            return
        default: break
        }
        guard object["type"] as? String == "req", let id = object["id"] as? String, !id.isEmpty,
              let method = object["method"] as? String, !method.isEmpty else {
            close(context: context, code: 1008, reason: "invalid request frame")
            return
        }
        guard method == "connect" else {
            reject(id: id, code: "INVALID_REQUEST", message: "invalid handshake: first request must be connect", details: nil, close: 1008, context: context)
            return
        }
        evaluateConnect(id: id, params: object["params"] as? [String: Any] ?? [:], context: context)
    }

    private func handleAfterHello(_ object: [String: Any], context: ChannelHandlerContext) {
        guard object["type"] as? String == "req", let id = object["id"] as? String, let method = object["method"] as? String else { return }
        if method == "health" {
            send(["type": "res", "id": id, "ok": true, "payload": ["ok": true, "ts": Int64(Date().timeIntervalSince1970 * 1000)]], context: context)
        } else if method == "connect" {
            send(["type": "res", "id": id, "ok": false, "error": ["code": "INVALID_REQUEST", "message": "connect is only valid as the first request"]], context: context)
        } else {
            send(["type": "res", "id": id, "ok": false, "error": ["code": "INVALID_REQUEST", "message": "missing scope: operator.read"]], context: context)
        }
    }

    // MARK: The connect decision (§3.3 order)

    private func evaluateConnect(id: String, params: [String: Any], context: ChannelHandlerContext) {
        let era = profile.era
        let client = params["client"] as? [String: Any] ?? [:]
        let clientId = client["id"] as? String ?? ""
        let mode = client["mode"] as? String ?? ""
        let auth = params["auth"] as? [String: Any] ?? [:]
        let validIds = ["webchat-ui", "openclaw-control-ui", "webchat", "cli", "gateway-client", "openclaw-macos", "openclaw-ios",
                        "openclaw-android", "node-host", "test", "fingerprint", "openclaw-probe"]
        if !validIds.contains(clientId) {
            reject(id: id, code: "INVALID_REQUEST", message: "invalid connect params: at /client/id: must be equal to constant", details: nil, close: 1008, context: context)
            return
        }
        if era == .february, let extra = auth.keys.sorted().first(where: { $0 != "token" && $0 != "password" }) {
            reject(id: id, code: "INVALID_REQUEST", message: "invalid connect params: at /auth: unexpected property '\(extra)'", details: nil, close: 1008, context: context)
            return
        }
        // v4: the startup check runs before negotiation (§16.5).
        if era == .v4 && profile.startupPending {
            sendOrdered(#"{"type":"res","id":"\#(id)","ok":false,"error":{"code":"UNAVAILABLE","message":"gateway starting; retry shortly","retryable":true,"retryAfterMs":500,"details":{"reason":"startup-sidecars"}}}"#, context: context)
            close(context: context, code: 1013, reason: "gateway starting")
            return
        }
        let minimum = (params["minProtocol"] as? NSNumber)?.intValue ?? 0
        let maximum = (params["maxProtocol"] as? NSNumber)?.intValue ?? 0
        let expected = profile.protocolVersion
        let accepted = (minimum <= expected && expected <= maximum) || (era == .v4 && mode == "probe" && maximum >= 3 && minimum <= 4)
        if !accepted {
            let details: [String: Any] = era == .v4
                ? ["code": "PROTOCOL_MISMATCH", "clientMinProtocol": minimum, "clientMaxProtocol": maximum, "expectedProtocol": 4, "minimumProbeProtocol": 3]
                : ["expectedProtocol": 3]
            reject(id: id, code: "INVALID_REQUEST", message: "protocol mismatch", details: details, close: 1002, context: context)
            return
        }
        let role = params["role"] as? String ?? "operator"
        guard role == "operator" || role == "node" else {
            reject(id: id, code: "INVALID_REQUEST", message: "invalid role", details: nil, close: 1008, context: context)
            return
        }
        let isControlUI = clientId == "openclaw-control-ui" || clientId == "webchat-ui" || clientId == "webchat" || mode == "webchat"
        if (origin != nil && era != .february) || isControlUI, let reason = originFailure() {
            reject(id: id, code: "INVALID_REQUEST",
                   message: "origin not allowed (open the Control UI from the gateway host or allow it in gateway.controlUi.allowedOrigins)",
                   details: era == .february ? nil : ["code": "CONTROL_UI_ORIGIN_NOT_ALLOWED", "reason": reason], close: 1008, context: context)
            return
        }
        let token = auth["token"] as? String
        let password = auth["password"] as? String
        let device = params["device"] as? [String: Any]
        let scopes = params["scopes"] as? [String] ?? []
        guard let device else {
            if isControlUI {
                let message = era == .february ? "control ui requires HTTPS or localhost (secure context)"
                    : "control ui requires device identity (use HTTPS or localhost secure context)"
                reject(id: id, code: "INVALID_REQUEST", message: message,
                       details: era == .february ? nil : ["code": "CONTROL_UI_DEVICE_IDENTITY_REQUIRED"], close: 1008, context: context)
                return
            }
            if token != nil || password != nil {
                if let failure = authFailure(token: token, password: password, mode: mode) {
                    reject(id: id, code: "INVALID_REQUEST", message: failure.message, details: failure.details, close: 1008, context: context)
                } else {
                    helloOK(id: id, deviceToken: nil, scopes: era == .february ? scopes : [], context: context)
                }
                return
            }
            if case .none = profile.auth, era == .february {
                helloOK(id: id, deviceToken: nil, scopes: scopes, context: context)
                return
            }
            // §16.2: neither a token nor a device ⇒ device identity required, every era.
            reject(id: id, code: "NOT_PAIRED", message: "device identity required",
                   details: era == .february ? nil : ["code": "DEVICE_IDENTITY_REQUIRED"], close: 1008, context: context)
            return
        }
        if let failure = deviceFailure(device, clientId: clientId, mode: mode, role: role, scopes: scopes,
                                       token: token ?? (auth["deviceToken"] as? String) ?? (auth["bootstrapToken"] as? String),
                                       platform: client["platform"] as? String, family: client["deviceFamily"] as? String) {
            reject(id: id, code: "INVALID_REQUEST", message: failure.0,
                   details: era == .february ? nil : ["code": failure.1, "reason": failure.2], close: 1008, context: context)
            return
        }
        if let failure = authFailure(token: token, password: password, mode: mode) {
            reject(id: id, code: "INVALID_REQUEST", message: failure.message, details: failure.details, close: 1008, context: context)
            return
        }
        let deviceId = device["id"] as? String ?? ""
        if profile.pairedDevices.contains(deviceId) || profile.socketIsLocal {
            helloOK(id: id, deviceToken: "emulator-device-token-" + deviceId.prefix(8), scopes: scopes, context: context)
            return
        }
        let requestId = profile.requestId
        switch era {
        case .february:
            reject(id: id, code: "NOT_PAIRED", message: "pairing required", details: ["requestId": requestId], close: 1008, context: context)
        case .april:
            reject(id: id, code: "NOT_PAIRED", message: "pairing required",
                   details: ["code": "PAIRING_REQUIRED", "requestId": requestId, "reason": "not-paired"], close: 1008, context: context)
        case .v4:
            let requirement = "device is not approved yet"
            reject(id: id, code: "NOT_PAIRED", message: "pairing required: \(requirement)",
                   details: ["code": "PAIRING_REQUIRED", "reason": "not-paired", "requestId": requestId,
                             "remediationHint": "Approve this device from the pending pairing requests.", "deviceId": deviceId,
                             "requestedRole": role, "requestedScopes": scopes],
                   close: 1008, reason: truncate("pairing required: \(requirement) (requestId: \(requestId))"), context: context)
        }
    }

    /// §8 rules: allow-listed, or (April/v4) a local socket with a loopback Origin host, or
    /// (February) Origin host == Host header.
    private func originFailure() -> String? {
        guard let origin, origin != "null", let url = URL(string: origin), let host = url.host else { return "origin missing or invalid" }
        if profile.allowedOrigins.contains("*") || profile.allowedOrigins.map({ $0.lowercased() }).contains(origin.lowercased()) { return nil }
        let loopback = host == "localhost" || host == "127.0.0.1" || host == "::1" || host == "[::1]"
        if profile.socketIsLocal && loopback { return nil }
        if profile.era == .february {
            let hostOnly = hostHeader.split(separator: ":").first.map(String.init) ?? hostHeader
            if hostOnly.lowercased() == host.lowercased() { return nil }
        }
        return "origin not allowed"
    }

    private func authFailure(token: String?, password: String?, mode: String) -> (message: String, details: [String: Any]?)? {
        let hint = mode == "cli" ? "set gateway.remote.token to match gateway.auth.token"
            : mode == "webchat" || mode == "ui" ? "open the dashboard URL and paste the token in Control UI settings" : "provide gateway auth token"
        let passwordHint = mode == "cli" ? "set gateway.remote.password to match gateway.auth.password"
            : mode == "webchat" || mode == "ui" ? "enter the password in Control UI settings" : "provide gateway auth password"
        func failure(_ reason: String, _ code: String, _ message: String, _ step: String) -> (String, [String: Any]?) {
            (message, profile.era == .february ? nil
                : ["code": code, "authReason": reason, "canRetryWithDeviceToken": false, "recommendedNextStep": step])
        }
        if profile.lockedOut, !(token ?? "").isEmpty || !(password ?? "").isEmpty {
            return failure("rate_limited", "AUTH_RATE_LIMITED", "unauthorized: too many failed authentication attempts (retry later)",
                           "retry_later")
        }
        switch profile.auth {
        case .none:
            return nil
        case .token(let expected):
            guard let token, !token.isEmpty else {
                return failure("token_missing", "AUTH_TOKEN_MISSING", "unauthorized: gateway token missing (\(hint))", "update_auth_configuration")
            }
            return token == expected ? nil
                : failure("token_mismatch", "AUTH_TOKEN_MISMATCH", "unauthorized: gateway token mismatch (\(hint))", "update_auth_credentials")
        case .password(let expected):
            guard let password, !password.isEmpty else {
                return failure("password_missing", "AUTH_PASSWORD_MISSING", "unauthorized: gateway password missing (\(passwordHint))", "update_auth_configuration")
            }
            return password == expected ? nil
                : failure("password_mismatch", "AUTH_PASSWORD_MISMATCH", "unauthorized: gateway password mismatch (\(passwordHint))", "update_auth_credentials")
        }
    }

    /// §3.3 row 9, in the gateway's order; returns (message, details.code, details.reason).
    private func deviceFailure(
        _ device: [String: Any], clientId: String, mode: String, role: String, scopes: [String], token: String?,
        platform: String?, family: String?
    ) -> (String, String, String)? {
        let deviceId = device["id"] as? String ?? ""
        let publicKeyText = device["publicKey"] as? String ?? ""
        guard let raw = Base64URL.decode(publicKeyText), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
            return ("device public key invalid", "DEVICE_AUTH_PUBLIC_KEY_INVALID", "device-public-key")
        }
        if DeviceIdentity.deviceId(publicKey: raw) != deviceId {
            return ("device identity mismatch", "DEVICE_AUTH_DEVICE_ID_MISMATCH", "device-id-mismatch")
        }
        let signedAt = (device["signedAt"] as? NSNumber)?.int64Value ?? 0
        let skewLimit: Int64 = profile.era == .february ? 600_000 : 120_000
        if abs(Int64(Date().timeIntervalSince1970 * 1000) - signedAt) > skewLimit {
            return ("device signature expired", "DEVICE_AUTH_SIGNATURE_EXPIRED", "device-signature-stale")
        }
        let sentNonce = (device["nonce"] as? String ?? "").trimmingCharacters(in: .whitespaces)
        if sentNonce.isEmpty { return ("device nonce required", "DEVICE_AUTH_NONCE_REQUIRED", "device-nonce-missing") }
        if sentNonce != nonce { return ("device nonce mismatch", "DEVICE_AUTH_NONCE_MISMATCH", "device-nonce-mismatch") }
        let signature = Base64URL.decode(device["signature"] as? String ?? "") ?? []
        var payloads = [DeviceAuthPayload.v2(deviceId: deviceId, clientId: clientId, clientMode: mode, role: role, scopes: scopes,
                                             signedAtMs: signedAt, token: token, nonce: sentNonce)]
        if profile.era != .february {
            payloads.insert(DeviceAuthPayload.v3(deviceId: deviceId, clientId: clientId, clientMode: mode, role: role, scopes: scopes,
                                                 signedAtMs: signedAt, token: token, nonce: sentNonce, platform: platform, deviceFamily: family), at: 0)
        }
        if !payloads.contains(where: { key.isValidSignature(signature, for: Data($0.utf8)) }) {
            return ("device signature invalid", "DEVICE_AUTH_SIGNATURE_INVALID", "device-signature")
        }
        return nil
    }

    // MARK: Answers

    private func helloOK(id: String, deviceToken: String?, scopes: [String], context: ChannelHandlerContext) {
        connected = true
        timer?.cancel()
        var server: [String: Any] = ["version": profile.serverVersion, "connId": UUID().uuidString.lowercased()]
        if profile.era == .february { server["commit"] = "0000000"; server["host"] = "emulator" }
        var payload: [String: Any] = [
            "type": "hello-ok", "protocol": profile.protocolVersion, "server": server,
            "features": ["methods": ["health", "status"], "events": ["tick", "presence"]],
            "snapshot": ["presence": [Any](), "health": [String: Any](), "stateVersion": ["presence": 1, "health": 1], "uptimeMs": 1234],
            "policy": ["maxPayload": profile.era == .february ? 524_288 : 26_214_400,
                       "maxBufferedBytes": profile.era == .february ? 1_572_864 : 52_428_800, "tickIntervalMs": 30000],
        ]
        if profile.era == .v4 {
            var auth: [String: Any] = ["role": "operator", "scopes": scopes]
            if let deviceToken { auth["deviceToken"] = deviceToken }
            payload["auth"] = auth
        } else if let deviceToken {
            payload["auth"] = ["deviceToken": deviceToken, "role": "operator", "scopes": scopes, "issuedAtMs": 1_776_000_000_000]
        }
        send(["type": "res", "id": id, "ok": true, "payload": payload], context: context)
    }

    private func reject(
        id: String, code: String, message: String, details: [String: Any]?, close closeCode: UInt16, reason: String? = nil,
        context: ChannelHandlerContext
    ) {
        var error: [String: Any] = ["code": code, "message": message]
        if let details { error["details"] = details }
        send(["type": "res", "id": id, "ok": false, "error": error], context: context)
        close(context: context, code: closeCode, reason: reason ?? truncate(message))
    }

    /// `truncateCloseReason`: 120 UTF-8 bytes.
    private func truncate(_ text: String) -> String {
        var bytes = Array(text.utf8.prefix(120))
        while String(validating: bytes, as: UTF8.self) == nil { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func close(context: ChannelHandlerContext, code: UInt16, reason: String) {
        guard !closed else { return }
        closed = true
        timer?.cancel()
        var out = ByteBuffer()
        WebSocketFrame.close(code: code, reason: reason).write(into: &out, mask: nil)
        context.writeAndFlush(wrapOutboundOut(out)).whenComplete { [channel = context.channel] _ in channel.close(promise: nil) }
    }

    private func send(_ object: [String: Any], context: ChannelHandlerContext) {
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
        sendFrame(WebSocketFrame(opcode: WebSocketFrame.text, payload: Array(data)), context: context)
    }

    /// For frames whose key order matters (§16.5).
    private func sendOrdered(_ json: String, context: ChannelHandlerContext) {
        sendFrame(.text(json), context: context)
    }

    private func sendFrame(_ frame: WebSocketFrame, context: ChannelHandlerContext) {
        var out = ByteBuffer()
        frame.write(into: &out, mask: nil)
        context.writeAndFlush(wrapOutboundOut(out), promise: nil)
    }
}

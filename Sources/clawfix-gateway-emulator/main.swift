import ClawfixTestSupport
import Foundation

// The gateway emulator as a process, for tests that drive the real `clawfix` binary from a shell
// (scripts/tmux-chat-test.sh): it listens on 127.0.0.1 (a free port), prints its URL on the first
// line of standard output, and serves until it is killed.
//
// Usage: clawfix-gateway-emulator [PROFILE] [--token TOKEN]
// PROFILE: ok (default), pairing (a remote client, so a device must be approved), starting (HTTP 503
// while the gateway starts), locked-out (auth rate limiter), browser-control (401 on every path), silent (upgrades, then
// never sends its challenge).

var arguments = Array(CommandLine.arguments.dropFirst())
var token = "emulator-token"
if let index = arguments.firstIndex(of: "--token"), index + 1 < arguments.count {
    token = arguments[index + 1]
    arguments.removeSubrange(index...index + 1)
}
let profile: GatewayEmulatorProfile
switch arguments.first ?? "ok" {
case "ok": profile = GatewayEmulatorProfile(era: .april, auth: .token(token))
case "pairing": profile = GatewayEmulatorProfile(era: .april, auth: .token(token), socketIsLocal: false)
case "starting": profile = .gatewayStarting503()
case "locked-out": profile = GatewayEmulatorProfile(era: .april, auth: .token(token), lockedOut: true)
case "browser-control": profile = .browserControlService()
case "silent": profile = GatewayEmulatorProfile(era: .april, auth: .token(token), misbehaviour: .noChallenge)
case let other:
    FileHandle.standardError.write(Data("clawfix-gateway-emulator: unknown profile \(other)\n".utf8))
    exit(64)
}
let gateway = try await GatewayEmulator.start(profile)
// Written straight to the descriptor: a parent reading the URL must not wait for a buffer to fill.
FileHandle.standardOutput.write(Data((gateway.url + "\n").utf8))
// Serve until a signal ends the process; NIO's threads do the work.
while true { try await Task.sleep(for: .seconds(3600)) }

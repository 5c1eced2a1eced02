import ClawfixEvidence
import Foundation

/// Facts in words: what chat and the bot show a person says "you use docker compose", not
/// `install.kind = compose`. One table from fact name (and value) to a sentence; a fact without an
/// entry keeps its name and value. The name and value still follow the sentence, so an expert (and a
/// bug report) sees exactly what clawfix knows.
enum FactSentence {
    /// The sentence for `fact`, or nil when the table has none.
    static func sentence(for fact: Fact) -> String? {
        let value = fact.value
        if let values = byValue[fact.name.rawValue], let sentence = values[value.lowercased()] { return sentence }
        if let template = byName[fact.name.rawValue] {
            // A symptom id reads as the words it stands for ("pairing-required" → "pairing required").
            let shown = fact.name == .symptom ? value.replacingOccurrences(of: "-", with: " ") : value
            return template.replacingOccurrences(of: "{}", with: shown)
        }
        let name = fact.name.rawValue
        if name.hasPrefix("config."), name != "config.path", name != "config.edited", !name.hasPrefix("config.misplaced"),
            !name.hasPrefix("config.syntax"), !name.hasPrefix("config.missing")
        {
            return "your openclaw.json sets \(name.dropFirst(7)) to \(value)"
        }
        if name.hasPrefix("env.") { return "the environment sets \(name.dropFirst(4))" + (value == "set" ? "" : " to \(value)") }
        return nil
    }

    /// One `/facts` line: the sentence, then `name = value` and where it came from.
    static func line(for fact: Fact) -> String {
        let place = fact.line.map { "line \($0)" } ?? fact.origin.rawValue
        let raw = "\(fact.name.rawValue) = \(fact.value)  (\(place))"
        guard let sentence = sentence(for: fact) else { return raw }
        return "\(sentence) — \(raw)"
    }

    static let byValue: [String: [String: String]] = [
        "install.kind": [
            "compose": "you use docker compose", "docker": "the gateway runs in Docker (docker run)",
            "host": "the gateway is installed directly on the machine, not in Docker",
        ],
        "gateway.location": [
            "remote": "the gateway runs on another machine (a server, VPS or NAS)",
            "same-machine": "the gateway runs on the same machine as your browser",
        ],
        "client.os": ["windows": "your computer runs Windows", "macos": "your computer is a Mac", "linux": "your computer runs Linux"],
        "access.path": [
            "ssh-tunnel": "you reach the gateway through an SSH tunnel", "tailscale": "you reach the gateway over Tailscale",
            "reverse-proxy": "you reach the gateway through a reverse proxy", "lan": "you open it from another device on your network",
            "direct": "you open the gateway's address directly",
        ],
        "fix.tried": [
            "restart": "restarting did not help", "approve": "approving the device did not help",
            "allow-insecure-auth": "setting allowInsecureAuth did not help",
            "disable-device-auth": "setting dangerouslyDisableDeviceAuth did not help",
            "allowed-origins": "changing allowedOrigins did not help", "trusted-proxies": "changing trustedProxies did not help",
            "reinstall": "reinstalling did not help", "redeploy": "redeploying did not help",
            "new-token": "a new or re-entered token did not help", "clear-browser": "clearing the browser's cache did not help",
            "doctor": "openclaw doctor did not help", "update": "updating did not help",
            "reset-device-identity": "resetting the device identity did not help", "ssh-tunnel": "an SSH tunnel did not help",
            "gateway-install": "reinstalling the gateway service did not help",
        ],
        "openclaw.updated": ["true": "the problem began after an update"],
        "openclaw.latest": ["true": "you run the latest release"],
        "browser.secure-context": [
            "true": "the page is a secure context (HTTPS or localhost)",
            "false": "the page is not a secure context (plain HTTP on a non-local address)",
        ],
        "docker.seen": ["true": "the paste shows Docker output"],
    ]

    static let byName: [String: String] = [
        "install.platform": "your setup uses {}",
        "openclaw.version": "you run OpenClaw {}",
        "openclaw.last-working-version": "OpenClaw {} was the last release that worked",
        "openclaw.build": "your build is {}",
        "browser.url": "your browser opens {}",
        "browser.working-url": "{} works",
        "browser.host-kind": "the browser's address is {}",
        "browser.port": "the browser uses port {}",
        "symptom": "you see the error \u{201C}{}\u{201D}",
        "unrecognized": "clawfix does not know this line: \u{201C}{}\u{201D}",
        "close.code": "the connection closes with code {}",
        "close.reason": "the close reason is \u{201C}{}\u{201D}",
        "auth.reason": "the gateway's auth reason is {}",
        "gateway.bind": "the gateway binds to {}",
        "gateway.port": "the gateway port is {}",
        "gateway.remote-address": "the gateway sees your client at {}",
        "gateway.auth-mode": "the gateway's auth mode is {}",
        "docker.gateway-container": "the gateway container is {}",
        "docker.gateway-state": "the gateway container is {}",
        "docker.gateway-published": "Docker publishes the gateway as {}",
        "error.reporter": "the error comes from {}",
        "command.location": "a command ran on {}",
        "command.ran": "you ran {}",
        "config.path": "the config file is {}",
        "config.misplaced-key": "{} sits where the gateway does not read it",
        "config.syntax-error": "the pasted config does not parse ({})",
        "gateway.start-failure": "the gateway failed to start: {}",
        "tunnel.forward": "your SSH tunnel forwards {}",
        "shell.user": "your shell user is {}",
        "curl.result": "curl got {}",
        "cli.target": "the CLI connects to {}",
    ]
}

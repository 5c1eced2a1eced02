import Foundation

/// Finds the gateway token the way `gh` and `docker` find theirs, and says where it came from
/// (never the value): an explicit `--token`, the token of a pasted dashboard link, then where the
/// OpenClaw CLI itself looks (§9.1 of the reference) — `OPENCLAW_GATEWAY_TOKEN` in the
/// environment, `./.env`, `./openclaw.json`, `$OPENCLAW_STATE_DIR/.env`, and the config file the
/// CLI reads (`$OPENCLAW_CONFIG_PATH`, else `~/.openclaw/openclaw.json`: `gateway.auth.token`, or
/// `gateway.remote.token` for a CLI in remote mode).
///
/// The dashboard link comes before the environment: it is part of what the user typed for this
/// probe, while an exported variable may belong to another gateway.
public struct ProbeCredentials: Sendable {
    /// The credential found and a phrase naming its source (`OPENCLAW_GATEWAY_TOKEN in ./.env`).
    public struct Found: Sendable {
        public var credential: ProbeOptions.Credential
        public var source: String
        public init(credential: ProbeOptions.Credential, source: String) {
            self.credential = credential
            self.source = source
        }
    }

    public var environment: [String: String]
    public var currentDirectory: String
    public var home: String

    public init(environment: [String: String], currentDirectory: String = FileManager.default.currentDirectoryPath,
                home: String? = nil) {
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.home = home ?? environment["OPENCLAW_HOME"] ?? environment["HOME"] ?? NSHomeDirectory()
    }

    /// The first credential in the order above; `.none` with the places looked at when there is none.
    public func find(explicit: Found? = nil, urlToken: String? = nil) -> Found {
        if let explicit { return explicit }
        if let urlToken, !urlToken.isEmpty { return Found(credential: .token(urlToken), source: "the token in the URL") }
        if let value = usable(environment["OPENCLAW_GATEWAY_TOKEN"]) {
            return Found(credential: .token(value), source: "OPENCLAW_GATEWAY_TOKEN in the environment")
        }
        let localEnv = currentDirectory + "/.env"
        if let value = usable(Self.dotenv(localEnv)["OPENCLAW_GATEWAY_TOKEN"]) {
            return Found(credential: .token(value), source: "OPENCLAW_GATEWAY_TOKEN in ./.env")
        }
        if let (value, key) = configToken(currentDirectory + "/openclaw.json") {
            return Found(credential: .token(value), source: "\(key) in ./openclaw.json")
        }
        let stateDirectory = environment["OPENCLAW_STATE_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.openclaw"
        if let value = usable(Self.dotenv(stateDirectory + "/.env")["OPENCLAW_GATEWAY_TOKEN"]) {
            return Found(credential: .token(value), source: "OPENCLAW_GATEWAY_TOKEN in \(shown(stateDirectory + "/.env"))")
        }
        let configPath = environment["OPENCLAW_CONFIG_PATH"].flatMap { $0.isEmpty ? nil : $0 } ?? stateDirectory + "/openclaw.json"
        if let (value, key) = configToken(configPath) {
            return Found(credential: .token(value), source: "\(key) in \(shown(configPath))")
        }
        return Found(
            credential: .none,
            source: "none (looked for --token, a token in the URL, OPENCLAW_GATEWAY_TOKEN, ./.env, ./openclaw.json, "
                + "\(shown(configPath)))")
    }

    /// `~` for the home directory, so a printed path does not spell out the user's name.
    private func shown(_ path: String) -> String {
        path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
    }

    /// A value that can be sent: `${VAR}` resolved from the environment (as OpenClaw substitutes
    /// it), nothing for an empty or unresolved one.
    private func usable(_ value: String?) -> String? {
        guard var value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if value.hasPrefix("${"), value.hasSuffix("}") {
            value = environment[String(value.dropFirst(2).dropLast())] ?? ""
        }
        return value.isEmpty ? nil : value
    }

    /// `KEY=value` lines of a dotenv file (`export` and quotes allowed, `#` comments skipped).
    static func dotenv(_ path: String) -> [String: String] {
        guard let data = FileManager.default.contents(atPath: path), data.count < 1 << 20 else { return [:] }
        var values: [String: String] = [:]
        for raw in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst("export ".count)) }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            if values[key] == nil { values[key] = value }
        }
        return values
    }

    /// The token a CLI would send from this `openclaw.json` (JSON5), with the key it came from.
    private func configToken(_ path: String) -> (String, String)? {
        guard let data = FileManager.default.contents(atPath: path), data.count < 4 << 20 else { return nil }
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        guard let gateway = (try? decoder.decode(ConfigFile.self, from: data))?.gateway else { return nil }
        let remote = usable(gateway.remote?.token).map { ($0, "gateway.remote.token") }
        let local = usable(gateway.auth?.token).map { ($0, "gateway.auth.token") }
        return gateway.mode == "remote" ? remote ?? local : local ?? remote
    }

    /// The few keys read; anything else in the file (and a token given as a SecretRef object) is ignored.
    private struct ConfigFile: Decodable {
        struct Gateway: Decodable {
            var mode: String?
            var auth: Secret?
            var remote: Secret?
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: Keys.self)
                mode = try? container.decodeIfPresent(String.self, forKey: .mode)
                auth = try? container.decodeIfPresent(Secret.self, forKey: .auth)
                remote = try? container.decodeIfPresent(Secret.self, forKey: .remote)
            }
            enum Keys: String, CodingKey { case mode, auth, remote }
        }
        struct Secret: Decodable {
            var token: String?
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: Keys.self)
                token = try? container.decodeIfPresent(String.self, forKey: .token)
            }
            enum Keys: String, CodingKey { case token }
        }
        var gateway: Gateway?
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            gateway = try? container.decodeIfPresent(Gateway.self, forKey: .gateway)
        }
        enum Keys: String, CodingKey { case gateway }
    }
}

/// Where doctor's commands run: this machine, or a gateway host reached with `ssh`.
///
/// Either way a command is one shell script run by a POSIX shell. Over SSH the script goes to the
/// remote side as a single argument, quoted for the remote shell only, so nothing depends on the
/// local shell (bash, zsh, PowerShell or cmd with Windows OpenSSH alike), and it runs in a login
/// shell there (`bash -lc`, else `sh -lc`) so `openclaw` is on PATH as in an interactive session.
public struct CommandTransport: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case local
        /// `USER@HOST` (or `HOST`, or an alias from `~/.ssh/config`).
        case ssh(String)
    }

    public var kind: Kind
    /// ssh's own limit for setting up the connection, in seconds.
    public var connectTimeout: Int

    public init(_ kind: Kind, connectTimeout: Int = 10) {
        self.kind = kind
        self.connectTimeout = connectTimeout
    }

    public static let local = CommandTransport(.local)

    /// The argument vector that runs `script`.
    public func arguments(for script: String) -> [String] {
        switch kind {
        case .local:
            return ["/bin/sh", "-c", script]
        case .ssh(let target):
            let quoted = ShellCommandLine.quoted(script)
            let remote = "command -v bash >/dev/null 2>&1 && exec bash -lc \(quoted) || exec sh -lc \(quoted)"
            return Self.sshOptions(connectTimeout: connectTimeout) + ["--", target, remote]
        }
    }

    /// Batch mode: a password or passphrase prompt, or an unknown host key, fails at once instead
    /// of waiting for an answer mid-run; keep-alives end a dead connection within the time limit.
    public static func sshOptions(connectTimeout: Int) -> [String] {
        [
            "ssh", "-T", "-o", "BatchMode=yes", "-o", "ConnectTimeout=\(connectTimeout)",
            "-o", "ServerAliveInterval=5", "-o", "ServerAliveCountMax=2",
        ]
    }

    /// The user and host the evidence's prompts show: `alice@vps` for `--ssh alice@vps`.
    public func promptIdentity(localUser: String, localHost: String) -> (user: String, host: String) {
        switch kind {
        case .local:
            return (localUser, localHost)
        case .ssh(let target):
            guard let at = target.lastIndex(of: "@") else { return (localUser, Self.hostName(target)) }
            return (String(target[..<at]), Self.hostName(String(target[target.index(after: at)...])))
        }
    }

    /// `vps`, `[2001:db8::1]:2222` → `2001:db8::1`, `ssh://vps:22` → `vps`: a name a prompt can show.
    static func hostName(_ text: String) -> String {
        var host = Substring(text)
        if host.hasPrefix("ssh://") { host = host.dropFirst(6) }
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            return String(host[host.index(after: host.startIndex)..<close])
        }
        if let colon = host.firstIndex(of: ":") { host = host[..<colon] }
        return host.isEmpty ? "gateway-host" : String(host)
    }
}

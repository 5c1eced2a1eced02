/// Fact names only the OpenClaw extractors produce.
extension FactName {
    /// `true` when the gateway logged `device pairing auto-approved` (a local connect was trusted).
    static let pairingAutoApproved: FactName = "pairing.auto-approved"
    /// Scopes a pending `devices list` request asks for, comma-joined as printed (`operator.admin,operator.read`).
    static let requestedScopes: FactName = "devices.requested-scopes"
    /// Scopes of a paired device in `devices list`, comma-joined.
    static let approvedScopes: FactName = "devices.approved-scopes"
    /// A request id `openclaw devices approve` reported as approved.
    static let approvedRequest: FactName = "devices.approved-request"
    /// The path `openclaw config get` could not find (`Config path not found: <path>`).
    static let configMissingPath: FactName = "config.missing-path"
    /// The command a shell could not find (`openclaw`, `docker-compose`, `ssh`).
    static let missingCommand: FactName = "shell.missing-command"
    /// What went wrong with ssh: `auth-failed`, `refused`, `unresolved-host`, `timeout`,
    /// `forward-port-in-use` (local `-L` port taken), `forward-target-refused` (nothing listens
    /// at the tunnel's remote end).
    static let sshError: FactName = "ssh.error"
    /// Who holds the gateway port `Port 18789 is already in use.` names: `gateway` (an OpenClaw
    /// gateway), `legacy-gateway` (a `clawdbot-gateway`/`moltbot-gateway` of the releases before the
    /// rename), `ssh` (a tunnel's local end), `docker` (Docker's port proxy), `other`.
    static let portHolder: FactName = "port.holder"
}

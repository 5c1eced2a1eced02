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
}

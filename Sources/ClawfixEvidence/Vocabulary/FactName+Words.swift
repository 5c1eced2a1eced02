/// Fact names read from what people write around a paste (`ProseReader`), the marker for lines
/// that look like OpenClaw output but match no known message (`UnrecognizedLines`), and what a
/// message says about the conversation itself (`AnswerInterpreter`).
extension FactName {
    /// The packaging or platform the user names: `docker-desktop`, `podman`, `kubernetes`, `wsl2`,
    /// `systemd`, `launchagent`, `scheduled-task`, `railway`, `render`, `fly`, `unraid`, `truenas`,
    /// `synology`, `home-assistant`, `coolify`, `openwrt`, `china-docker`, `desktop-wrapper`,
    /// `openclaw-cn`, `panel`, `managed-hosting`. Several may hold at once (`wsl2` and `systemd`).
    public static let installPlatform: FactName = "install.platform"
    /// The failing client, when the user names one that is neither the browser nor their own
    /// command: `agent` (the gateway's own agent tools: exec calls, subagents, `sessions_spawn`,
    /// a node host, the exec-approvals socket), `container` (a client of another project, such as a
    /// dashboard, running in a container of its own).
    public static let clientKind: FactName = "client.kind"
    /// A fix the user says they already tried without success ("restarted, still …", "I already
    /// approved it", a bullet under "Things I've tried:"): `restart`, `approve`, `allow-insecure-auth`,
    /// `disable-device-auth`, `allowed-origins`, `trusted-proxies`, `reinstall`, `redeploy`,
    /// `new-token`, `clear-browser`, `doctor`, `update`, `reset-device-identity`, `ssh-tunnel`,
    /// `gateway-install`. Evidence against the cause whose fix it is.
    public static let triedFix: FactName = "fix.tried"
    /// The release that last worked, from "upgraded from A to B" (A), "downgrading to A works",
    /// "A is unaffected".
    public static let lastWorkingVersion: FactName = "openclaw.last-working-version"
    /// `true` when the user says the problem began after an update ("after updating", "升级后").
    public static let recentlyUpdated: FactName = "openclaw.updated"
    /// `true` when the user says they run "the latest" release without naming it.
    public static let latestVersion: FactName = "openclaw.latest"
    /// The build the user names: the short sha after a release (`2026.4.25 (aa36ee6)`), `main-<sha>`,
    /// `git main @ <sha>`.
    public static let openclawBuild: FactName = "openclaw.build"
    /// A URL or host the user says works ("127.0.0.1 on the host works fine"): not the failing one.
    public static let workingURL: FactName = "browser.working-url"
    /// Kind of that host (`loopback`, `lan`, `tailnet`, `public`, `hostname`, `remote`).
    public static let workingHostKind: FactName = "browser.working-host-kind"
    /// A line that looks like OpenClaw output (a reason-code shape, `code=NNNN`, `unauthorized…`,
    /// `… failed to start`, a stack frame under `dist/`) but matches no known message; the value is
    /// the line's text, so it can feed text search and be asked about.
    public static let unrecognized: FactName = "unrecognized"

    // MARK: What a message says about the conversation

    /// `true` when a short message says the problem is gone ("thanks, that fixed it", "ya funciona",
    /// "解决了"), not negated. About the conversation, not the setup: the conversation state closes
    /// on it (when the message brings nothing else) and does not keep it among the facts.
    public static let saysSolved: FactName = "conversation.solved"
    /// `true` when the user's first lines say the gateway runs now ("it runs now", "it's up again"):
    /// the startup refusal and restart loop of older messages are over. The conversation state
    /// retires those and does not keep this fact itself.
    public static let saysGatewayRunsNow: FactName = "conversation.gateway-runs-now"

}

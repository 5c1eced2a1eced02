import Testing

@testable import ClawfixEvidence

struct OpenClawCLIExtractorTests {
    let extractor = OpenClawCLIExtractor()

    @Test(arguments: [
        ("OpenClaw 2026.4.12-beta.1 (8f8492d)", "2026.4.12"),
        ("OpenClaw 2026.4.12", "2026.4.12"),
        ("2026.2.9", "2026.2.9"),
        ("🦞 OpenClaw 2026.4.12 (8f8492d) — your claws, your rules", "2026.4.12"),
    ])
    func versionInBothEras(text: String, expected: String) {
        #expect(values(extractor, text, .openclawVersion) == [expected])
    }

    @Test(arguments: ["18789", "version 12.3.4", "2026.13.1", "I run 1.2.3"])
    func notAVersion(text: String) {
        #expect(values(extractor, text, .openclawVersion) == [])
    }

    /// Who holds a busy port, from the listener lines `gateway status` and doctor print under
    /// `Port 18789 is already in use.` (reference message 4.28), boxed or not.
    @Test(arguments: [
        ("- pid 2211 dana: moltbot-gateway (127.0.0.1:18789)", "legacy-gateway"),
        ("│  - pid 88 root: clawdbot-gateway (0.0.0.0:18789)  │", "legacy-gateway"),
        ("- pid 4242 alice: openclaw-gatewa (127.0.0.1:18789)", "gateway"),
        ("- pid 4242 alice: node /usr/lib/node_modules/openclaw/dist/index.js gateway --port 18789 (127.0.0.1:18789)", "gateway"),
        ("- pid 123 alice: ssh -N -L 18789:127.0.0.1:18789 (127.0.0.1:18789)", "ssh"),
        ("- pid 977 root: /usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 18789 (0.0.0.0:18789)", "docker"),
        ("- pid 501 bob: python3 -m http.server 18789 (0.0.0.0:18789)", "other"),
    ])
    func portHolder(text: String, expected: String) {
        #expect(values(extractor, text, .portHolder) == [expected])
    }

    @Test(arguments: ["- pid: unknown", "- Another process is listening on this port.", "pid 88 root: clawdbot-gateway"])
    func noPortHolder(text: String) {
        #expect(values(extractor, text, .portHolder) == [])
    }

    /// A validation issue naming a key unknown where it stands (reference message 4.33/4.34).
    @Test(arguments: [
        ("- gateway: Unrecognized key: \"token\"", ["gateway.token"]),
        ("  - gateway.controlUi: Unrecognized key: \"allowedOrigins\"", ["gateway.controlUi.allowedOrigins"]),
        ("Invalid config at /home/a/.openclaw/openclaw.json:\\n- agents.defaults: Unrecognized keys: \"bind\", \"port\"",
         ["agents.defaults.bind", "agents.defaults.port"]),
        ("- <root>: Unrecognized key: \"controlUi\"", ["controlUi"]),
        ("it says Unrecognized key somewhere", []),
    ])
    func unrecognizedKeysAreMisplaced(text: String, expected: [String]) {
        #expect(values(extractor, text, .configMisplacedKey) == expected)
    }

    @Test func callGatewayBlockFromTheCliContainer() {
        let paste = """
            $ docker compose run --rm openclaw-cli devices list
            gateway closed (1006 abnormal closure (no close frame)): no close reason
            Gateway target: ws://127.0.0.1:18789
            Source: local loopback
            Config: /home/node/.openclaw/openclaw.json
            Bind: lan
            """
        #expect(factStrings(extractor, paste) == [
            "cli.target=ws://127.0.0.1:18789@3", "cli.source=local loopback@4",
            "config.path=/home/node/.openclaw/openclaw.json@5", "cli.bind=lan@6",
        ])
    }

    @Test func gatewayStatusInTheCliContainer() {
        let paste = """
            Config (cli): ~/.openclaw/openclaw.json
            Gateway: bind=lan (0.0.0.0), port=18789 (env/config)
            Probe target: ws://127.0.0.1:18789
            Dashboard: http://172.18.0.2:18789/
            Runtime: unknown (systemctl not available; systemd user services are required on Linux.)
            RPC probe: failed
            Listening: 127.0.0.1:18789, [::1]:18789
            """
        #expect(factStrings(extractor, paste) == [
            "config.path=~/.openclaw/openclaw.json@1", "cli.bind=lan@2", "gateway.bind=lan@2", "gateway.port=18789@2",
            "cli.target=ws://127.0.0.1:18789@3", "dashboard.url=http://172.18.0.2:18789/@4", "cli.service-runtime=unknown@5",
            "cli.rpc-probe=failed@6", "gateway.listen=127.0.0.1:18789@7", "gateway.listen=[::1]:18789@7",
        ])
    }

    @Test func doctorBoxLinesAreUnboxed() {
        let paste = "│  Gateway target: ws://127.0.0.1:18789        │\n│  Bind: lan                                   │"
        #expect(factStrings(extractor, paste) == ["cli.target=ws://127.0.0.1:18789@1", "cli.bind=lan@2"])
    }

    @Test func devicesListWithWrappedCells() {
        let paste = """
            Pending (1)
            ┌──────────────────────────────────────┬────────────────┬──────────┬────────────────────┬────────────┬────────┬────────┐
            │ Request                              │ Device         │ Role     │ Scopes             │ IP         │ Age    │ Flags  │
            ├──────────────────────────────────────┼────────────────┼──────────┼────────────────────┼────────────┼────────┼────────┤
            │ 5f3c2a1e-8b9d-4e7f-a6c5-1d2e3f4a5b6c │ 9b2f6c0d4e8a1f │ operator │ operator.admin,    │ 172.18.0.1 │ 3m ago │        │
            │                                      │ 3b5c7d9e0f2a4b │          │ operator.read,     │            │        │        │
            │                                      │ 9d1e3f5a7b9c1d │          │ operator.          │            │        │        │
            │                                      │ 3e5f7a9b       │          │ approvals          │            │        │        │
            └──────────────────────────────────────┴────────────────┴──────────┴────────────────────┴────────────┴────────┴────────┘
            Paired (1)
            +-----------------+------------+--------------------------------+
            | Device          | Roles      | Scopes                         |
            +-----------------+------------+--------------------------------+
            | 7e8f9a0b1c2d3e4 | operator   | operator.read, operator.write  |
            +-----------------+------------+--------------------------------+
            """
        #expect(factStrings(extractor, paste) == [
            "devices.pending-count=1@1", "pairing.request-id=5f3c2a1e-8b9d-4e7f-a6c5-1d2e3f4a5b6c@5",
            "devices.requested-scopes=operator.admin,operator.read,operator.approvals@5", "gateway.remote-address=172.18.0.1@5",
            "gateway.remote-kind=docker-bridge@5", "devices.paired-count=1@10",
            "devices.approved-scopes=operator.read,operator.write@14",
        ])
    }

    @Test func requestIdWrappedAtEightyColumnsIsJoined() {
        let paste = """
            │ Request        │ Device         │ IP         │
            │ 5f3c2a1e-8b9d- │ 9b2f6c0d4e8a1f │ 192.168.65 │
            │ 4e7f-a6c5-     │                │ .1         │
            │ 1d2e3f4a5b6c   │                │            │
            """
        #expect(values(extractor, paste, .pairingRequestId) == ["5f3c2a1e-8b9d-4e7f-a6c5-1d2e3f4a5b6c"])
        #expect(values(extractor, paste, .gatewayRemoteKind) == ["docker-desktop"])
    }

    @Test func emptyDevicesListAndApprove() {
        #expect(factStrings(extractor, "No device pairing entries.") == ["devices.pending-count=0@1", "devices.paired-count=0@1"])
        let approve = "Approved 9b2f6c0d4e8a1f3b5c7d9e0f2a4b6c8d0e1f3a5b7c9d1e3f5a7b9c1d3e5f7a9b (5f3c2a1e-8b9d-4e7f-a6c5-1d2e3f4a5b6c)"
        #expect(factStrings(extractor, approve) == ["devices.approved-request=5f3c2a1e-8b9d-4e7f-a6c5-1d2e3f4a5b6c@1"])
    }

    @Test func dashboardAndConfigGet() {
        let paste = """
            Dashboard URL: http://127.0.0.1:18789/#token=[gateway-token …a1b2]
            $ openclaw config get gateway.bind
            lan
            $ openclaw config get gateway.auth.token
            __OPENCLAW_REDACTED__
            $ openclaw config get gateway.controlUi.allowedOrigins
            Config path not found: gateway.controlUi.allowedOrigins
            """
        #expect(factStrings(extractor, paste) == [
            "dashboard.url=http://127.0.0.1:18789/#token=[gateway-token@1", "config.gateway.bind=lan@3",
            "config.gateway.auth.token=set@5", "config.missing-path=gateway.controlUi.allowedOrigins@7",
        ])
    }

    /// §4.7: an object prints as 2-space JSON; each scalar leaf is a fact on its key's line, as if
    /// asked for alone (arrays and redacted secrets are `set`, a 1 is a number, not `true`).
    @Test func configGetOfAnObject() {
        let paste = """
            $ openclaw config get gateway.controlUi
            {
              "allowInsecureAuth": true,
              "allowedOrigins": [
                "https://claw.example.com"
              ],
              "auth": {
                "token": "__OPENCLAW_REDACTED__",
                "retries": 1
              }
            }
            $ openclaw --version
            2026.3.2
            """
        #expect(factStrings(extractor, paste) == [
            "config.gateway.controlUi.allowInsecureAuth=true@3", "config.gateway.controlUi.allowedOrigins=set@4",
            "config.gateway.controlUi.auth.token=set@8", "config.gateway.controlUi.auth.retries=1@9", "openclaw.version=2026.3.2@13",
        ])
    }

    /// A paste cut inside the object gives no config facts and does not swallow what follows it.
    @Test func configGetOfATruncatedObject() {
        let paste = """
            $ openclaw config get gateway.controlUi
            {
              "allowInsecureAuth": true,
              "allowedOri
            $ openclaw --version
            2026.3.2
            """
        #expect(factStrings(extractor, paste) == ["openclaw.version=2026.3.2@6"])
    }
}

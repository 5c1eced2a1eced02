import Foundation

/// The hosts of the doctor tests, each a situation from the support thread or the diagnosis
/// catalogue, built from the real output shapes in `shared/reference/command-outputs.md`.
public enum GatewayHosts {
    /// Secrets the fakes print; none may reach a report or a bundle.
    public static let composeToken = "7d1e4c9a2b8f3e6d5c4b3a29180f7e6d5c4b3a2918f0e1d2"
    public static let staleServiceToken = "c81f0a9e7d6b5c4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c"
    public static let configToken = "5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c"

    public static let unitNotFound = FakeHost.Rule("*status openclaw-gateway.service*", "Unit openclaw-gateway.service could not be found.\n", status: 4)

    // MARK: The support thread: compose on a VPS, browser through an SSH tunnel, a CLI container.

    /// `docker ps -a --format '{{json .}}'`: the gateway published on host loopback, and an exited
    /// `docker compose run openclaw-cli` container.
    public static let seedListing = """
        {"Command":"\\"node dist/index.js …\\"","CreatedAt":"2026-02-27 09:41:07 +0000 UTC","ID":"9f0c2d1e7a44","Image":"openclaw:local","Labels":"com.docker.compose.container-number=1,com.docker.compose.oneoff=True,com.docker.compose.project=openclaw,com.docker.compose.project.config_files=/home/alice/openclaw/docker-compose.yml,com.docker.compose.project.working_dir=/home/alice/openclaw,com.docker.compose.service=openclaw-cli,com.docker.compose.version=2.39.1","LocalVolumes":"0","Mounts":"/home/alice/.op…","Names":"openclaw-openclaw-cli-run-9b8c7d6e5f4a","Networks":"openclaw_default","Platform":null,"Ports":"","RunningFor":"12 seconds ago","Size":"0B","State":"exited","Status":"Exited (1) 10 seconds ago"}
        {"Command":"\\"docker-entrypoint.s…\\"","CreatedAt":"2026-02-27 07:15:21 +0000 UTC","ID":"32a411bc4f97","Image":"openclaw:local","Labels":"com.docker.compose.container-number=1,com.docker.compose.oneoff=False,com.docker.compose.project=openclaw,com.docker.compose.project.config_files=/home/alice/openclaw/docker-compose.yml,com.docker.compose.project.working_dir=/home/alice/openclaw,com.docker.compose.service=openclaw-gateway,com.docker.compose.version=2.39.1","LocalVolumes":"0","Mounts":"/home/alice/.op…,/home/alice/.op…","Names":"openclaw-openclaw-gateway-1","Networks":"openclaw_default","Platform":null,"Ports":"127.0.0.1:18789-18790-\\u003e18789-18790/tcp","RunningFor":"2 hours ago","Size":"0B","State":"running","Status":"Up 2 hours (healthy)"}

        """

    public static func inspect(mountSource: String, token: String, ports: String, labels: String) -> String {
        """
        [
            {
                "Id": "32a411bc4f97e1c0d7a5b3f2e8d6c4a1b9f7e5d3c1a0b8f6e4d2c0a9b7f5e3d1",
                "Created": "2026-02-27T07:15:21.529108331Z",
                "Path": "docker-entrypoint.sh",
                "Args": [
                    "node",
                    "dist/index.js",
                    "gateway",
                    "--bind",
                    "lan",
                    "--port",
                    "18789"
                ],
                "State": {
                    "Status": "running",
                    "Running": true,
                    "Paused": false,
                    "Restarting": false,
                    "OOMKilled": false,
                    "Dead": false,
                    "Pid": 24894,
                    "ExitCode": 0,
                    "Error": "",
                    "StartedAt": "2026-02-27T07:15:22.772059959Z",
                    "FinishedAt": "0001-01-01T00:00:00Z"
                },
                "Image": "sha256:4b2f0d6c8e1a3b5c7d9e0f2a4b6c8d0e1f3a5b7c9d1e3f5a7b9c1d3e5f7a9b0c",
                "Name": "/openclaw-openclaw-gateway-1",
                "RestartCount": 0,
                "Driver": "overlay2",
                "HostConfig": {
                    "NetworkMode": "openclaw_default",
                    "PortBindings": \(ports),
                    "RestartPolicy": {
                        "Name": "unless-stopped",
                        "MaximumRetryCount": 0
                    }
                },
                "Mounts": [
                    {
                        "Type": "bind",
                        "Source": "\(mountSource)",
                        "Destination": "/home/node/.openclaw",
                        "Mode": "rw",
                        "RW": true,
                        "Propagation": "rprivate"
                    }
                ],
                "Config": {
                    "Hostname": "32a411bc4f97",
                    "Env": [
                        "OPENCLAW_GATEWAY_TOKEN=\(token)",
                        "HOME=/home/node",
                        "TERM=xterm-256color",
                        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                        "NODE_VERSION=24.14.0",
                        "NODE_ENV=production"
                    ],
                    "Image": "openclaw:local",
                    "Labels": {\(labels)}
                }
            }
        ]

        """
    }

    public static let composeLabels = """
        "com.docker.compose.project": "openclaw", "com.docker.compose.service": "openclaw-gateway", "com.docker.compose.project.working_dir": "/home/alice/openclaw"
        """

    public static let loopbackPortBindings = #"{"18789/tcp":[{"HostIp":"127.0.0.1","HostPort":"18789"}],"18790/tcp":[{"HostIp":"127.0.0.1","HostPort":"18790"}]}"#

    public static let composePs = """
        NAME                                     IMAGE            COMMAND                  SERVICE            CREATED          STATUS                      PORTS
        openclaw-openclaw-cli-run-9b8c7d6e5f4a   openclaw:local   "node dist/index.js …"   openclaw-cli       12 seconds ago   Exited (1) 10 seconds ago   
        openclaw-openclaw-gateway-1              openclaw:local   "docker-entrypoint.s…"   openclaw-gateway   2 hours ago      Up 2 hours (healthy)        127.0.0.1:18789-18790->18789-18790/tcp

        """

    /// An older compose file: `openclaw-cli` on the default network, not the gateway's namespace.
    public static func composeConfig(token: String, configDirectory: String) -> String {
        """
        name: openclaw
        services:
          openclaw-cli:
            command:
              - devices
              - list
            depends_on:
              openclaw-gateway:
                condition: service_started
                required: true
            entrypoint:
              - node
              - dist/index.js
            environment:
              HOME: /home/node
              OPENCLAW_GATEWAY_TOKEN: \(token)
              TERM: xterm-256color
            image: openclaw:local
            networks:
              default: null
            stdin_open: true
            tty: true
            volumes:
              - type: bind
                source: \(configDirectory)
                target: /home/node/.openclaw
                bind:
                  create_host_path: true
          openclaw-gateway:
            command:
              - node
              - dist/index.js
              - gateway
              - --bind
              - lan
              - --port
              - "18789"
            env_file:
              - path: /home/alice/openclaw/.env
                required: true
            environment:
              HOME: /home/node
              OPENCLAW_CONFIG_DIR: \(configDirectory)
              OPENCLAW_GATEWAY_TOKEN: \(token)
              TERM: xterm-256color
              TZ: UTC
            image: openclaw:local
            init: true
            networks:
              default: null
            ports:
              - mode: ingress
                host_ip: 127.0.0.1
                target: 18789
                published: "18789"
                protocol: tcp
            restart: unless-stopped
            volumes:
              - type: bind
                source: \(configDirectory)
                target: /home/node/.openclaw
                bind:
                  create_host_path: true
        networks:
          default:
            name: openclaw_default

        """
    }

    public static let seedGatewayLog = """
        openclaw-gateway-1  | 2026-02-27T07:15:28.412+00:00 [gateway] listening on ws://0.0.0.0:18789 (PID 7)
        openclaw-gateway-1  | 2026-02-27T07:15:30.190+00:00 [gateway] ⚠️  Gateway is binding to a non-loopback address. Ensure authentication is configured before exposing to public networks.
        openclaw-gateway-1  | 2026-02-27T09:40:11.015+00:00 [ws] closed before connect conn=2b7c0a51-5b0e-4c43-9f3e-8f5d3c2a1b90 peer=172.18.0.1:53422->172.18.0.2:18789 remote=172.18.0.1 fwd=n/a origin=http://127.0.0.1:18789 host=127.0.0.1:18789 ua=Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/135.0.0.0 Safari/537.36 code=1008 reason=pairing required

        """

    public static let pendingDevices = """
        Pending (1)
        ┌──────────────────────────────────────┬────────────────┬──────────┬────────────┬────────┬────────┐
        │ Request                              │ Device         │ Role     │ IP         │ Age    │ Flags  │
        ├──────────────────────────────────────┼────────────────┼──────────┼────────────┼────────┼────────┤
        │ 5f3c2a1e-8b9d-4e7f-a6c5-1d2e3f4a5b6c │ 9b2f6c0d4e8a1f │ operator │ 172.18.0.1 │ 3m ago │        │
        │                                      │ 3b5c7d9e0f2a4b │          │            │        │        │
        │                                      │ 6c8d0e1f3a5b7c │          │            │        │        │
        │                                      │ 9d1e3f5a7b9c1d │          │            │        │        │
        │                                      │ 3e5f7a9b       │          │            │        │        │
        └──────────────────────────────────────┴────────────────┴──────────┴────────────┴────────┴────────┘

        """

    public static let healthOK = """
        HTTP/1.1 200 OK
        X-Content-Type-Options: nosniff
        Referrer-Policy: no-referrer
        Content-Type: application/json; charset=utf-8
        Cache-Control: no-store
        Date: Fri, 27 Feb 2026 09:41:20 GMT
        Connection: keep-alive
        Keep-Alive: timeout=5
        Content-Length: 27

        {"ok":true,"status":"live"}

        """

    public static let dockerProxyLoopback = """
        State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess                                
        LISTEN 0      4096       127.0.0.1:18789      0.0.0.0:*    users:(("docker-proxy",pid=8358,fd=4))
        LISTEN 0      4096       127.0.0.1:18790      0.0.0.0:*    users:(("docker-proxy",pid=8366,fd=4))

        """

    /// The support thread's host, reached over SSH as alice, with the config under `configDirectory`.
    /// The compose project's directory: doctor runs `docker compose` there, so it must exist.
    public static func projectDirectory(_ host: FakeHost) throws -> String {
        let directory = host.home.appendingPathComponent("openclaw")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.path
    }

    public static func composeHost(_ host: FakeHost, configDirectory: String = "/home/alice/.openclaw", token: String = composeToken) throws {
        let project = try projectDirectory(host)
        let rules: [FakeHost.Rule] = [
                .init("ps -a --format {{json .}}*", seedListing),
                .init(
                    "ps -a",
                    """
                    CONTAINER ID   IMAGE            COMMAND                  CREATED          STATUS                      PORTS                                    NAMES
                    9f0c2d1e7a44   openclaw:local   "node dist/index.js …"   12 seconds ago   Exited (1) 10 seconds ago                                            openclaw-openclaw-cli-run-9b8c7d6e5f4a
                    32a411bc4f97   openclaw:local   "docker-entrypoint.s…"   2 hours ago      Up 2 hours (healthy)        127.0.0.1:18789-18790->18789-18790/tcp   openclaw-openclaw-gateway-1

                    """),
                .init("inspect openclaw-openclaw-gateway-1 --format*", "/home/node/.openclaw  <=  \(configDirectory)\n\n"),
                .init(
                    "inspect openclaw-openclaw-gateway-1*",
                    inspect(mountSource: configDirectory, token: token, ports: loopbackPortBindings, labels: composeLabels)),
                .init("ps -a --format table*", "NAMES                                    STATUS                      PORTS\nopenclaw-openclaw-cli-run-9b8c7d6e5f4a   Exited (1) 10 seconds ago   \nopenclaw-openclaw-gateway-1              Up 2 hours (healthy)        127.0.0.1:18789-18790->18789-18790/tcp\n"),
                .init("ps --format table*Status*", "NAMES                         STATUS                 PORTS\nopenclaw-openclaw-gateway-1   Up 2 hours (healthy)   127.0.0.1:18789-18790->18789-18790/tcp\n"),
                .init("ps --format table*", "NAMES                         PORTS\nopenclaw-openclaw-gateway-1   127.0.0.1:18789-18790->18789-18790/tcp\n"),
                .init("ps --format*", "openclaw-openclaw-gateway-1\n"),
                .init(
                    "logs --tail=20 openclaw-openclaw-cli-run-9b8c7d6e5f4a*",
                    "[openclaw] CLI failed: Error: gateway closed (1006 abnormal closure (no close frame)): no close reason\nGateway target: ws://127.0.0.1:18789\nSource: local loopback\nConfig: /home/node/.openclaw/openclaw.json\nBind: loopback\n    at GatewayClient.handleClose (file:///app/dist/client-Dk3f9a.js:412:17)\n"),
                .init("compose ps*", composePs),
                .init("compose images*", "CONTAINER                     REPOSITORY   TAG     IMAGE ID       SIZE\nopenclaw-openclaw-gateway-1   openclaw     local   4b2f0d6c8e1a   1.21GB\n"),
                .init("compose config openclaw-cli*", composeConfig(token: token, configDirectory: configDirectory)),
                .init("compose config openclaw-gateway*", composeConfig(token: token, configDirectory: configDirectory)),
                .init("compose config*", composeConfig(token: token, configDirectory: configDirectory)),
                .init("compose logs*", seedGatewayLog),
                .init("compose exec -T openclaw-gateway node dist/index.js --version*", "2026.2.26\n"),
                .init("compose exec -T openclaw-gateway node dist/index.js devices list*", pendingDevices),
                .init(
                    "compose exec -T openclaw-gateway node dist/index.js dashboard*",
                    "Dashboard URL: http://127.0.0.1:18789/#token=\(token)\nCopy to clipboard unavailable.\nBrowser launch disabled (--no-open). Use the URL above.\n"),
                .init("compose exec -T openclaw-gateway node dist/index.js config get gateway.mode*", "local\n"),
                .init("compose exec -T openclaw-gateway node dist/index.js config get gateway.remote.url*", "Config path not found: gateway.remote.url\n", status: 1),
                .init("compose exec -T openclaw-gateway node dist/index.js config get*", "Config path not found: gateway.controlUi.allowedOrigins\n", status: 1),
                .init("compose exec -T openclaw-gateway node dist/index.js config file*", "~/.openclaw/openclaw.json\n"),
                .init(
                    "compose exec -T openclaw-gateway node dist/index.js gateway status*",
                    "Service: systemd (disabled)\nFile logs: /tmp/openclaw/openclaw-2026-02-27.log\n\nConfig (cli): ~/.openclaw/openclaw.json\nConfig (service): ~/.openclaw/openclaw.json\n\nGateway: bind=lan (0.0.0.0), port=18789 (env/config)\nProbe target: ws://127.0.0.1:18789\nDashboard: http://172.18.0.2:18789/\n\nRuntime: unknown (systemctl not available; systemd user services are required on Linux.)\nRPC probe: ok\n"),
                .init("compose exec -T openclaw-gateway sh -lc ss*", "LISTEN 0      511          0.0.0.0:18789      0.0.0.0:*    users:((\"openclaw-gatewa\",pid=7,fd=19))\n"),
                .init("compose exec -T openclaw-gateway sh -lc curl*", "200\n"),
                .init("compose exec -T openclaw-gateway sh -lc grep*", "0\nenv-set\n"),
                .init("compose exec -T openclaw-gateway sh -lc env*", "OPENCLAW_GATEWAY_TOKEN\nOPENCLAW_CONFIG_DIR\n"),
            ]
        try host.program(
            "docker",
            rules.map { rule in
                var rule = rule
                rule.output = rule.output.replacingOccurrences(of: "/home/alice/openclaw", with: project)
                return rule
            })
        try host.program("systemctl", [unitNotFound])
        try host.program("ss", [.init("-ltnp*", dockerProxyLoopback)])
        try host.program("curl", [.init("*-i*healthz*", healthOK), .init("*healthz*", "200\n")])
    }

    // MARK: A gateway bound to loopback inside a plain `docker run` container.

    public static let loopbackListing = """
        {"Command":"\\"docker-entrypoint.s…\\"","CreatedAt":"2026-04-13 10:15:21 +0000 UTC","ID":"5c1e0f3b2a90","Image":"ghcr.io/openclaw/openclaw:latest","Labels":"org.opencontainers.image.source=https://github.com/openclaw/openclaw","LocalVolumes":"0","Mounts":"/home/alice/.op…","Names":"openclaw-gateway","Networks":"bridge","Platform":null,"Ports":"0.0.0.0:18789-\\u003e18789/tcp, [::]:18789-\\u003e18789/tcp","RunningFor":"3 hours ago","Size":"0B","State":"running","Status":"Up 3 hours"}

        """

    public static func loopbackHost(_ host: FakeHost) throws {
        let ports = #"{"18789/tcp":[{"HostIp":"","HostPort":"18789"}]}"#
        try host.program(
            "docker",
            [
                .init("ps -a --format {{json .}}*", loopbackListing),
                .init(
                    "ps -a",
                    """
                    CONTAINER ID   IMAGE                              COMMAND                  CREATED       STATUS       PORTS                                         NAMES
                    5c1e0f3b2a90   ghcr.io/openclaw/openclaw:latest   "docker-entrypoint.s…"   3 hours ago   Up 3 hours   0.0.0.0:18789->18789/tcp, [::]:18789->18789/tcp   openclaw-gateway

                    """),
                .init("inspect openclaw-gateway --format*", "/home/node/.openclaw  <=  /home/alice/.openclaw\n\n"),
                .init(
                    "inspect openclaw-gateway*",
                    inspect(mountSource: "/home/alice/.openclaw", token: configToken, ports: ports, labels: "")
                        .replacingOccurrences(of: "\"lan\"", with: "\"loopback\"")
                        .replacingOccurrences(of: "openclaw-openclaw-gateway-1", with: "openclaw-gateway")),
                .init("ps*", "NAMES              STATUS        PORTS\nopenclaw-gateway   Up 3 hours    0.0.0.0:18789->18789/tcp, [::]:18789->18789/tcp\n"),
                .init(
                    "logs --tail=80 openclaw-gateway*",
                    "2026-04-13T10:15:28.412+00:00 [gateway] listening on ws://127.0.0.1:18789, ws://[::1]:18789 (PID 7)\n"),
                .init("exec openclaw-gateway node dist/index.js --version*", "OpenClaw 2026.4.12 (8f8492d)\n"),
                .init("exec openclaw-gateway node dist/index.js devices list*", "No device pairing entries.\n"),
                .init("exec openclaw-gateway sh -lc ss*", "LISTEN 0      511        127.0.0.1:18789      0.0.0.0:*    users:((\"openclaw-gatewa\",pid=7,fd=19))\n"),
                .init("exec openclaw-gateway sh -lc curl*", "200\n"),
            ])
        try host.program("systemctl", [unitNotFound])
        try host.program(
            "ss",
            [.init("-ltnp*", "State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess\nLISTEN 0      4096         0.0.0.0:18789      0.0.0.0:*    users:((\"docker-proxy\",pid=8358,fd=4))\n")])
        try host.program(
            "curl",
            [
                .init("*-i*healthz*", "curl: (56) Recv failure: Connection reset by peer\n", status: 56),
                .init("*healthz*", "000\ncurl: (56) Recv failure: Connection reset by peer\n", status: 56),
            ])
    }

    // MARK: A systemd user service that still carries an old token.

    public static func systemdHost(_ host: FakeHost) throws {
        try host.program(
            "systemctl",
            [
                .init(
                    "--user status openclaw-gateway.service*",
                    "● openclaw-gateway.service - OpenClaw Gateway\n     Loaded: loaded (/home/alice/.config/systemd/user/openclaw-gateway.service; enabled; preset: enabled)\n     Active: active (running) since Mon 2026-04-13 10:15:21 UTC; 2h 3min ago\n   Main PID: 4242 (openclaw-gatewa)\n"),
                .init(
                    "--user cat openclaw-gateway.service*",
                    "# /home/alice/.config/systemd/user/openclaw-gateway.service\n[Unit]\nDescription=OpenClaw Gateway\n\n[Service]\nExecStart=/usr/bin/node /home/alice/.npm-global/lib/node_modules/openclaw/dist/index.js gateway --port 18789\nEnvironment=OPENCLAW_GATEWAY_PORT=18789\nEnvironment=OPENCLAW_GATEWAY_TOKEN=\(staleServiceToken)\nRestart=always\n\n[Install]\nWantedBy=default.target\n"),
                unitNotFound,
            ])
        try host.program(
            "journalctl",
            [
                .init(
                    "*",
                    "Apr 13 12:17:02 vps openclaw-gateway[4242]: 2026-04-13T12:17:02.118+00:00 [ws] unauthorized conn=7a1c peer=127.0.0.1:40112->127.0.0.1:18789 remote=127.0.0.1 client=cli cli v2026.4.12 role=operator scopes=1 auth=token device=no platform=linux instance=n/a host=127.0.0.1:18789 origin=n/a ua=n/a reason=token_mismatch\n")
            ])
        try host.program(
            "openclaw",
            [
                .init("--version*", "OpenClaw 2026.4.12 (8f8492d)\n"),
                .init(
                    "gateway status*",
                    "Service: systemd (enabled)\nFile logs: /tmp/openclaw/openclaw-2026-04-13.log\nCommand: /usr/bin/node /home/alice/.npm-global/lib/node_modules/openclaw/dist/index.js gateway --port 18789\nService file: ~/.config/systemd/user/openclaw-gateway.service\nService env: OPENCLAW_GATEWAY_PORT=18789\n\nConfig (cli): ~/.openclaw/openclaw.json\nConfig (service): ~/.openclaw/openclaw.json\n\nGateway: bind=loopback (127.0.0.1), port=18789 (service args)\nProbe target: ws://127.0.0.1:18789\nDashboard: http://127.0.0.1:18789/\n\nRuntime: running (pid 4242, state active, sub running, last exit 0, reason 0)\nRPC probe: failed\nRPC target: ws://127.0.0.1:18789\n  gateway closed (1008): unauthorized: gateway token mismatch (set gateway.remote.token to match gateway.auth.token)\n\nListening: 127.0.0.1:18789, [::1]:18789\nTroubles: run openclaw status\n",
                    status: 1),
                .init("config file*", "~/.openclaw/openclaw.json\n"),
                .init("config get gateway.mode*", "local\nConfig path not found: gateway.remote.url\n", status: 1),
                .init("config get*", "Config path not found: gateway.controlUi.allowedOrigins\n", status: 1),
                .init(
                    "devices list*",
                    "gateway closed (1008): unauthorized: gateway token mismatch (set gateway.remote.token to match gateway.auth.token)\nGateway target: ws://127.0.0.1:18789\nSource: local loopback\nConfig: /home/alice/.openclaw/openclaw.json\nBind: loopback\n",
                    status: 1),
                .init(
                    "dashboard --no-open*",
                    "Dashboard URL: http://127.0.0.1:18789/#token=\(configToken)\nCopy to clipboard unavailable.\nBrowser launch disabled (--no-open). Use the URL above.\n"),
            ])
        try host.program(
            "ss",
            [.init("-ltnp*", "State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess\nLISTEN 0      511        127.0.0.1:18789      0.0.0.0:*    users:((\"openclaw-gatewa\",pid=4242,fd=19))\nLISTEN 0      511            [::1]:18789         [::]:*    users:((\"openclaw-gatewa\",pid=4242,fd=20))\n")])
        try host.program("curl", [.init("*healthz*", healthOK)])
    }

    // MARK: No Docker, no service, no CLI: nothing listens.

    public static func bareHost(_ host: FakeHost) throws {
        try host.program("systemctl", [unitNotFound])
        try host.program("ss", [.init("-ltnp*", "State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess\nLISTEN 0      128          0.0.0.0:22         0.0.0.0:*    users:((\"sshd\",pid=612,fd=3))\n")])
        try host.program(
            "curl",
            [.init("*healthz*", "curl: (7) Failed to connect to 127.0.0.1 port 18789 after 0 ms: Couldn't connect to server\n", status: 7)])
    }

    // MARK: A Docker socket the user may not read (root may).

    public static let permissionDenied =
        "permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get \"http://%2Fvar%2Frun%2Fdocker.sock/v1.50/containers/json?all=1\": dial unix /var/run/docker.sock: connect: permission denied\n"

    public static func socketDeniedHost(_ host: FakeHost) throws {
        try composeHost(host)
        // The same fake answers as root (through the fake sudo) and refuses everyone else.
        let docker = host.bin.appendingPathComponent("docker")
        var script = try String(contentsOf: docker, encoding: .utf8)
        script = script.replacingOccurrences(
            of: "case \"$*\" in\n",
            with: "if [ \"$CLAWFIX_FAKE_ROOT\" != 1 ]; then printf '%s' '\(permissionDenied.replacingOccurrences(of: "'", with: "'\\''"))' >&2; exit 1; fi\ncase \"$*\" in\n")
        try Data(script.utf8).write(to: docker)
        let sudo = """
            #!/bin/sh
            printf '%s\\n' "sudo $*" >> "$CLAWFIX_FAKE_CALLS"
            [ "$1" = "-n" ] || { echo "sudo: a terminal is required to read the password" >&2; exit 1; }
            shift
            CLAWFIX_FAKE_ROOT=1 exec "$@"

            """
        let path = host.bin.appendingPathComponent("sudo").path
        try Data(sudo.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }

    // MARK: A Docker whose daemon never answers.

    public static func hangingDockerHost(_ host: FakeHost) throws {
        try host.program("docker", [.init("*", "", hangs: true)])
        try host.program("systemctl", [unitNotFound])
        try host.program("ss", [.init("-ltnp*", "State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess\n")])
        try host.program("curl", [.init("*healthz*", "curl: (7) Failed to connect to 127.0.0.1 port 18789 after 0 ms: Couldn't connect to server\n", status: 7)])
    }
}

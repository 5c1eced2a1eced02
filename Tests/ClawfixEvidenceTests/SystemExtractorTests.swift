import Testing
@testable import ClawfixEvidence

/// Facts of `extractor` over `text`, as `name=value@line` strings, in emission order.
private func facts(_ extractor: any FactExtractor, _ text: String) -> [String] {
    extractor.extract(from: PasteDocument(redactedText: text)).map { "\($0.name)=\($0.value)@\($0.line ?? 0)" }
}

struct DockerPsExtractorTests {
    @Test func loopbackPublishedGatewayInFormatTable() {
        let paste = """
            alice@vps:~/openclaw$ docker ps --format "table {{.Names}}\\t{{.Ports}}"
            NAMES                                    PORTS
            openclaw-openclaw-cli-run-7c1d2e3f4a5b   
            openclaw-openclaw-gateway-1              127.0.0.1:18789->18789/tcp, 127.0.0.1:18790->18790/tcp
            """
        let result = facts(DockerPsExtractor(), paste)
        #expect(result.contains("docker.container=openclaw-openclaw-cli-run-7c1d2e3f4a5b@3"))
        #expect(!result.contains("docker.gateway-container=openclaw-openclaw-cli-run-7c1d2e3f4a5b@3"))
        #expect(result.contains("docker.gateway-container=openclaw-openclaw-gateway-1@4"))
        #expect(result.contains("install.kind=compose@4"))
        #expect(result.contains("docker.gateway-published=127.0.0.1:18789->18789/tcp@4"))
        #expect(result.contains("docker.gateway-host-port=18789@4"))
        #expect(result.contains("docker.gateway-publish-scope=loopback@4"))
        #expect(!result.contains { $0.hasPrefix("docker.gateway-published=127.0.0.1:18790") })
    }

    @Test func defaultTableWithMergedRangesAndStatus() {
        let paste = """
            CONTAINER ID   IMAGE            COMMAND                  CREATED         STATUS                   PORTS                                                                     NAMES
            7fd9a657e794   openclaw:local   "node dist/index.js …"   6 seconds ago   Up 5 seconds                                                                                       openclaw-openclaw-cli-run-7c1d2e3f4a5b
            32a411bc4f97   openclaw:local   "docker-entrypoint.s…"   6 seconds ago   Up 5 seconds (healthy)   0.0.0.0:18789-18790->18789-18790/tcp, [::]:18789-18790->18789-18790/tcp   openclaw-openclaw-gateway-1
            """
        let result = facts(DockerPsExtractor(), paste)
        #expect(result.filter { $0.hasPrefix("docker.gateway-") } == [
            "docker.gateway-container=openclaw-openclaw-gateway-1@3", "docker.gateway-image=openclaw:local@3",
            "docker.gateway-state=running@3", "docker.gateway-health=healthy@3",
            "docker.gateway-published=0.0.0.0:18789->18789/tcp@3", "docker.gateway-host-port=18789@3",
            "docker.gateway-publish-scope=all@3", "docker.gateway-published=[::]:18789->18789/tcp@3",
            "docker.gateway-host-port=18789@3", "docker.gateway-publish-scope=all@3",
        ])
    }

    @Test func restartingAndExitedGatewaysWithOldIPv6Form() {
        let paste = """
            CONTAINER ID   IMAGE                              COMMAND                  CREATED          STATUS                      PORTS                                    NAMES
            9f0c2d1e7a44   ghcr.io/openclaw/openclaw:latest   "node dist/index.js …"   12 seconds ago   Exited (1) 10 seconds ago                                            openclaw-openclaw-cli-run-9b8c7d6e5f4a
            1c5e0f3b2a90   ghcr.io/openclaw/openclaw:latest   "docker-entrypoint.s…"   3 weeks ago      Restarting (78) 5 seconds ago                                        openclaw-gateway
            """
        let result = facts(DockerPsExtractor(), paste)
        #expect(result.contains("docker.gateway-container=openclaw-gateway@3"))
        #expect(result.contains("install.kind=docker@3"))
        #expect(result.contains("docker.gateway-state=restarting@3"))
        #expect(result.contains("docker.gateway-exit-code=78@3"))
        #expect(result.contains("docker.gateway-publishes=none@3"))
        #expect(PortMapping.parseList(":::18800-18802->18800-18802/tcp").map(\.display) == [
            "[::]:18800->18800/tcp", "[::]:18801->18801/tcp", "[::]:18802->18802/tcp",
        ])
    }

    @Test func headerlessTabFormatAndJSONLines() {
        let paste = """
            $ docker ps --format '{{.Names}}\\t{{.Ports}}'
            openclaw-expose-1\t18790/tcp
            openclaw-openclaw-gateway-1\t0.0.0.0:18888->18789/tcp
            {"Command":"\\"docker-entrypoint.s…\\"","Image":"openclaw:local","Labels":"com.docker.compose.oneoff=False,com.docker.compose.service=openclaw-gateway","Names":"oc-gw","Ports":"127.0.0.1:18789-\\u003e18789/tcp","State":"running","Status":"Up 2 hours (healthy)"}
            """
        let result = facts(DockerPsExtractor(), paste)
        #expect(result.contains("docker.gateway-published=0.0.0.0:18888->18789/tcp@3"))
        #expect(result.contains("docker.gateway-host-port=18888@3"))
        #expect(result.contains("docker.gateway-container=oc-gw@4"))
        #expect(result.contains("docker.gateway-publish-scope=loopback@4"))
        #expect(result.contains("compose.service=openclaw-gateway@4"))
    }

    @Test func noGatewayInListingAndProseNegatives() {
        #expect(facts(DockerPsExtractor(), "NAMES                 PORTS\nweb-1                 0.0.0.0:80->80/tcp\n")
            .contains("docker.gateway-container=none@1"))
        let prose = """
            I ran docker ps and the NAMES column shows openclaw-gateway but nothing else.
            NAMES are hard.  PORTS too
            {"Names": truncated
            \u{1B}[31m\u{0}garbage\r\tâ—‡ ->->:: [ ]
            """
        #expect(facts(DockerPsExtractor(), prose).isEmpty)
    }
}

struct ComposeExtractorTests {
    @Test func composePsRestartLoop() {
        let paste = """
            NAME                          IMAGE                              COMMAND                  SERVICE            CREATED      STATUS                           PORTS
            openclaw-openclaw-gateway-1   ghcr.io/openclaw/openclaw:latest   "docker-entrypoint.s…"   openclaw-gateway   3 days ago   Restarting (78) 21 seconds ago   
            """
        let result = facts(ComposePsExtractor(), paste)
        #expect(result.contains("compose.service=openclaw-gateway@2"))
        #expect(result.contains("docker.gateway-state=restarting@2"))
        #expect(result.contains("docker.gateway-exit-code=78@2"))
        #expect(result.contains("install.kind=compose@2"))
        #expect(result.contains("docker.gateway-publishes=none@2"))
    }

    @Test func composeConfigYAML() {
        let paste = """
            $ docker compose config --services
            openclaw-gateway
            openclaw-cli
            $ docker compose config
            name: openclaw
            services:
              openclaw-cli:
                entrypoint:
                  - node
                  - dist/index.js
                network_mode: service:openclaw-gateway
              openclaw-gateway:
                command:
                  - node
                  - dist/index.js
                  - gateway
                  - --bind
                  - lan
                environment:
                  HOME: /home/node
                  OPENCLAW_GATEWAY_TOKEN: '[gateway-token …a1b2]'
                ports:
                  - mode: ingress
                    host_ip: 127.0.0.1
                    target: 18789
                    published: "18789"
                    protocol: tcp
                volumes:
                  - type: bind
                    source: /root/.openclaw
                    target: /home/node/.openclaw
            """
        let result = facts(ComposeConfigExtractor(), paste)
        #expect(result.contains("compose.service=openclaw-gateway@2"))
        #expect(result.contains("compose.service=openclaw-cli@3"))
        #expect(result.contains("compose.cli-network-mode=service:openclaw-gateway@7"))
        #expect(result.contains("compose.gateway-bind=lan@18"))
        #expect(result.contains("env.HOME=/home/node@20"))
        #expect(result.contains("env.OPENCLAW_GATEWAY_TOKEN=set@21"))
        #expect(result.contains("compose.token-source=environment@12"))
        #expect(result.contains("docker.gateway-published=127.0.0.1:18789->18789/tcp@26"))
        #expect(result.contains("docker.gateway-publish-scope=loopback@26"))
        #expect(result.contains("docker.mount=/home/node/.openclaw <= /root/.openclaw@30"))
        #expect(result.contains("docker.config-mount-owner=root@30"))
    }
}

struct DockerInspectExtractorTests {
    @Test func mountsTemplateWithDoubleSpaces() {
        let paste = """
            root@vps:~/openclaw# docker inspect openclaw-openclaw-gateway-1 --format '{{range .Mounts}}{{println .Destination " <= " .Source}}{{end}}'
            /home/node/.openclaw  <=  /root/.openclaw
            /home/node/.openclaw/workspace  <=  /root/.openclaw/workspace

            """
        let result = facts(DockerInspectExtractor(), paste)
        #expect(result == [
            "docker.seen=true@2", "docker.mount=/home/node/.openclaw <= /root/.openclaw@2",
            "docker.config-mount-source=/root/.openclaw@2", "docker.config-mount-owner=root@2",
            "docker.seen=true@3", "docker.mount=/home/node/.openclaw/workspace <= /root/.openclaw/workspace@3",
        ])
    }

    @Test func truncatedFullJSON() {
        let paste = """
            [
                {
                    "Id": "32a411bc4f97e0c1",
                    "Name": "/openclaw-openclaw-gateway-1",
                    "HostConfig": {
                        "NetworkMode": "openclaw_default",
                    },
                    "Mounts": [
                        {
                            "Type": "bind",
                            "Source": "/home/alice/.openclaw",
                            "Destination": "/home/node/.openclaw",
                            "Mode": "rw",
                        }
                    ],
                    "Config": {
                        "Env": [
                            "OPENCLAW_GATEWAY_TOKEN=[gateway-token …a1b2]",
                            "OPENCLAW_ALLOW_INSECURE_PRIVATE_WS=",
                            "HOME=/home/node",
                            "PATH=/usr/local/sbin
            """
        let result = facts(DockerInspectExtractor(), paste)
        #expect(result == [
            "docker.seen=true@3", "docker.container=openclaw-openclaw-gateway-1@4", "docker.network-mode=openclaw_default@6",
            "docker.seen=true@11", "docker.mount=/home/node/.openclaw <= /home/alice/.openclaw@11",
            "docker.config-mount-source=/home/alice/.openclaw@11", "docker.config-mount-owner=user@11",
            "env.OPENCLAW_GATEWAY_TOKEN=set@18", "env.OPENCLAW_ALLOW_INSECURE_PRIVATE_WS=empty@19", "env.HOME=/home/node@20",
            "shell.home=/home/node@20", "docker.gateway-container=openclaw-openclaw-gateway-1@4", "install.kind=compose@4",
        ])
    }
}

struct EnvironmentAndSocketsTests {
    @Test func supportThreadDotEnv() {
        let paste = """
            ```
            OPENCLAW_CONFIG_DIR=/root/.openclaw
            OPENCLAW_WORKSPACE_DIR=/root/.openclaw/workspace
            OPENCLAW_GATEWAY_TOKEN=[gateway-token …a1b2]
            OPENCLAW_GATEWAY_BIND=lan\u{1B}[0m
            export HOME="/root"
            PATH=/usr/bin
            The OPENCLAW_GATEWAY_BIND=lan setting is what I changed.
            ```
            """
        #expect(facts(EnvironmentExtractor(), paste) == [
            "env.OPENCLAW_CONFIG_DIR=/root/.openclaw@2", "docker.config-mount-source=/root/.openclaw@2",
            "docker.config-mount-owner=root@2", "env.OPENCLAW_WORKSPACE_DIR=/root/.openclaw/workspace@3",
            "env.OPENCLAW_GATEWAY_TOKEN=set@4", "env.OPENCLAW_GATEWAY_BIND=lan@5", "gateway.bind=lan@5",
            "env.HOME=/root@6", "shell.home=/root@6",
        ])
    }

    /// An assignment quoted as inline code in a sentence is read, bounded by its backticks; the
    /// same words without backticks, or a span left open, are not.
    @Test func inlineCodeAssignmentsInASentence() {
        let paste = """
            4. The service file shows `OPENCLAW_GATEWAY_TOKEN=undefined` and `OPENCLAW_GATEWAY_PORT=18790` too
            the unit has `Environment=OPENCLAW_CONFIG_DIR=/srv/openclaw` in it
            I set OPENCLAW_GATEWAY_BIND=lan yesterday
            an unfinished `OPENCLAW_GATEWAY_BIND=lan
            5. Add `OPENCLAW_GATEWAY_TOKEN=<token>` to the env file, or `OPENCLAW_GATEWAY_PASSWORD=...`
            """
        #expect(facts(EnvironmentExtractor(), paste) == [
            "env.OPENCLAW_GATEWAY_TOKEN=placeholder@1", "env.OPENCLAW_GATEWAY_PORT=18790@1",
            "env.OPENCLAW_CONFIG_DIR=/srv/openclaw@2", "docker.config-mount-source=/srv/openclaw@2",
            "docker.config-mount-owner=user@2",
        ])
    }

    @Test func listenersFromSsNetstatLsofWindows() {
        let paste = """
            alice@vps:~/openclaw$ docker compose exec openclaw-gateway ss -ltnp
            State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess
            LISTEN 0      511        127.0.0.1:18789      0.0.0.0:*    users:(("openclaw-gatewa",pid=8126,fd=19))
            LISTEN 0      4096         0.0.0.0:18789      0.0.0.0:*    users:(("docker-proxy",pid=8358,fd=4))
            """
        #expect(facts(ListeningSocketsExtractor(), paste) == [
            "gateway.listen=127.0.0.1:18789@3", "gateway.listen-in-container=true@3", "gateway.listen-scope=loopback@3",
        ])
        let other = """
            tcp6       0      0 :::18789                :::*                    LISTEN      8126/openclaw-gatew 
            openclaw- 8126 root   19u  IPv4 237590      0t0  TCP localhost:18789 (LISTEN)
              TCP    [::1]:18789            [::]:0                 LISTENING       15820
            """
        #expect(facts(ListeningSocketsExtractor(), other) == [
            "gateway.listen=[::]:18789@1", "gateway.listen=127.0.0.1:18789@2", "gateway.listen=[::1]:18789@3",
            "gateway.listen-scope=all@1",
        ])
    }
}

struct CommandLineExtractorTests {
    @Test func promptsTunnelsAndLocations() {
        let paste = """
            PS C:\\Users\\alice> ssh -N -L 18789:127.0.0.1:18888 -i KEY alice@vps
            PS C:\\Users\\alice> ssh alice@vps
            alice@vps:~/openclaw$ docker compose exec openclaw-gateway sh -lc 'node dist/index.js devices list'
            root@vps:~#
            """
        let result = facts(CommandLineExtractor(), paste)
        #expect(result.contains("client.os=windows@1"))
        #expect(result.contains("shell.home=C:\\Users\\alice@1"))
        #expect(result.contains("tunnel.forward=18789:127.0.0.1:18888@1"))
        #expect(result.contains("tunnel.remote-port=18888@1"))
        #expect(result.contains("command.location=windows@1"))
        #expect(result.contains("command.location=remote-host@2"))
        #expect(result.contains("command.location=gateway-container@3"))
        #expect(result.contains("shell.directory=~/openclaw@3"))
        #expect(result.contains("shell.home=/home/alice@3"))
        #expect(result.contains("shell.user=root@4"))
        #expect(result.contains("shell.home=/root@4"))
        let blocks = PasteSegmenter.blocks(of: PasteDocument(redactedText: paste))
        #expect(blocks[2].effectiveCommand == "node dist/index.js devices list")
        #expect(facts(CommandLineExtractor(), "Contact bob@example.com: thanks $5\nsee you at 5 $ later").isEmpty)
    }

    @Test func cliContainerOverSSH() {
        let paste = """
            $ ssh alice@vps "cd openclaw && docker compose run --rm openclaw-cli devices list"
            gateway closed (1006 abnormal closure (no close frame))
            $ ssh alice@vps openclaw dashboard
            bash: openclaw: command not found
            """
        let blocks = PasteSegmenter.blocks(of: PasteDocument(redactedText: paste))
        #expect(blocks.map(\.location) == [.remoteHost, .remoteHost])
        #expect(blocks.map(\.outputLines) == [2..<3, 4..<5])
        #expect(CommandInvocation("docker compose run --rm openclaw-cli devices list").location == .cliContainer)
    }
}

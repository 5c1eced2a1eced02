import Testing
@testable import ClawfixEvidence

private func facts(_ text: String) -> [String] { factStrings(DockerInspectExtractor(), text) }

private func gatewayFacts(_ text: String) -> [String] {
    facts(text).filter { $0.hasPrefix("docker.gateway-") || $0.hasPrefix("install.kind") }
}

/// `docker inspect` as users paste it (reference `command-outputs.md` §1.5): the full array with
/// State, RestartCount, Config.Labels and NetworkSettings.Ports, sections pasted alone, and the
/// one-line `--format '{{json …}}'` forms.
struct DockerInspectShapesTests {
    static let restartingGateway = """
        root@vps:~/openclaw# docker inspect openclaw-openclaw-gateway-1
        [
            {
                "Id": "1c5e0f3b2a90d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3928170f6e5d4c3b2a190",
                "Created": "2026-04-10T08:01:12.345678901Z",
                "Path": "docker-entrypoint.sh",
                "Args": [
                    "node",
                    "dist/index.js",
                    "gateway",
                    "--bind",
                    "lan"
                ],
                "State": {
                    "Status": "restarting",
                    "Running": true,
                    "Paused": false,
                    "Restarting": true,
                    "OOMKilled": false,
                    "Dead": false,
                    "Pid": 0,
                    "ExitCode": 1,
                    "Error": "",
                    "StartedAt": "2026-04-13T10:15:22.772059959Z",
                    "FinishedAt": "2026-04-13T10:15:24.101223344Z"
                },
                "Image": "sha256:5d2a6c0e9b8f7a6d5c4b3a29180f7e6d5c4b3a2918f7e6d5c4b3a2918f7e6d5c",
                "Name": "/openclaw-openclaw-gateway-1",
                "RestartCount": 42,
                "Driver": "overlay2",
                "HostConfig": {
                    "NetworkMode": "openclaw_default",
                    "PortBindings": {
                        "18789/tcp": [
                            {
                                "HostIp": "127.0.0.1",
                                "HostPort": "18789"
                            }
                        ]
                    }
                },
                "Mounts": [
                    {
                        "Type": "bind",
                        "Source": "/root/.openclaw",
                        "Destination": "/home/node/.openclaw",
                        "Mode": "rw",
                        "RW": true,
                        "Propagation": "rprivate"
                    }
                ],
                "Config": {
                    "Hostname": "1c5e0f3b2a90",
                    "Image": "ghcr.io/openclaw/openclaw:latest",
                    "Labels": {
                        "com.docker.compose.oneoff": "False",
                        "com.docker.compose.project": "openclaw",
                        "com.docker.compose.service": "openclaw-gateway"
                    }
                },
                "NetworkSettings": {
                    "Ports": {}
                }
            }
        ]
        """

    @Test func fullArrayOfARestartingGateway() {
        let result = facts(Self.restartingGateway)
        #expect(result.contains("docker.container=openclaw-openclaw-gateway-1@28"))
        #expect(result.contains("docker.network-mode=openclaw_default@32"))
        #expect(result.contains("docker.config-mount-source=/root/.openclaw@45"))
        #expect(gatewayFacts(Self.restartingGateway) == [
            "docker.gateway-container=openclaw-openclaw-gateway-1@28", "install.kind=compose@28",
            "docker.gateway-image=ghcr.io/openclaw/openclaw:latest@54", "docker.gateway-state=restarting@15",
            "docker.gateway-exit-code=1@22", "docker.gateway-restart-count=42@29",
        ])
    }

    @Test func runningGatewayPublishesFromNetworkSettingsPorts() {
        let paste = """
            $ docker inspect openclaw
            [
                {
                    "Id": "4b1e9c7d2f30a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f607182930",
                    "State": {
                        "Status": "running",
                        "Running": true,
                        "ExitCode": 0,
                        "Health": {
                            "Status": "unhealthy",
                            "FailingStreak": 3,
                            "Log": [
                                {
                                    "ExitCode": 1,
                                    "Output": ""
                                }
                            ]
                        }
                    },
                    "Name": "/openclaw",
                    "RestartCount": 0,
                    "Config": {
                        "Image": "ghcr.io/openclaw/openclaw:latest"
                    },
                    "NetworkSettings": {
                        "Ports": {
                            "18789/tcp": [
                                {
                                    "HostIp": "0.0.0.0",
                                    "HostPort": "18789"
                                },
                                {
                                    "HostIp": "::",
                                    "HostPort": "18789"
                                }
                            ],
                            "18790/tcp": null
                        }
                    }
                }
            ]
            """
        #expect(gatewayFacts(paste) == [
            "docker.gateway-container=openclaw@20", "install.kind=docker@20", "docker.gateway-image=ghcr.io/openclaw/openclaw:latest@23",
            "docker.gateway-state=running@6", "docker.gateway-health=unhealthy@10", "docker.gateway-restart-count=0@21",
            "docker.gateway-published=0.0.0.0:18789->18789/tcp@30", "docker.gateway-host-port=18789@30",
            "docker.gateway-publish-scope=all@30", "docker.gateway-published=[::]:18789->18789/tcp@34",
            "docker.gateway-host-port=18789@34", "docker.gateway-publish-scope=all@34",
        ])
    }

    @Test func cliContainerSharingTheGatewayNetworkIsNotTheGateway() {
        let paste = """
            [
                {
                    "Id": "9f0c2d1e7a44b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8",
                    "State": {
                        "Status": "exited",
                        "ExitCode": 1
                    },
                    "Name": "/openclaw-openclaw-cli-run-9b8c7d6e5f4a",
                    "HostConfig": {
                        "NetworkMode": "container:1c5e0f3b2a90d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3928170f6e5d4c3b2a190"
                    },
                    "Config": {
                        "Image": "ghcr.io/openclaw/openclaw:latest",
                        "Labels": {
                            "com.docker.compose.oneoff": "True",
                            "com.docker.compose.service": "openclaw-cli"
                        }
                    }
                }
            ]
            """
        let result = facts(paste)
        #expect(result.contains("docker.container=openclaw-openclaw-cli-run-9b8c7d6e5f4a@8"))
        #expect(result.contains("docker.network-mode=container:1c5e0f3b2a90d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3928170f6e5d4c3b2a190@10"))
        #expect(gatewayFacts(paste).isEmpty)
    }

    @Test func stateSectionPastedAloneUsesTheCommandsContainer() {
        let paste = """
            bob@nas:~$ docker inspect openclaw
                    "State": {
                        "Status": "exited",
                        "Running": false,
                        "Restarting": false,
                        "ExitCode": 137,
                        "FinishedAt": "2026-04-13T10:20:01.000000000Z"
                    },
            that's all it shows
            """
        #expect(gatewayFacts(paste) == [
            "docker.gateway-container=openclaw@1", "install.kind=docker@1", "docker.gateway-state=exited@3",
            "docker.gateway-exit-code=137@6",
        ])
    }

    @Test func oneLineJSONFormats() {
        let paste = """
            $ docker inspect --format '{{json .State}}' openclaw-openclaw-gateway-1
            {"Status":"restarting","Running":true,"Paused":false,"Restarting":true,"OOMKilled":false,"Dead":false,"Pid":0,"ExitCode":1,"Error":"","StartedAt":"2026-04-13T10:15:22.772059959Z","FinishedAt":"2026-04-13T10:15:24.101223344Z"}
            $ docker inspect --format '{{json .NetworkSettings.Ports}}' openclaw-openclaw-gateway-1
            {"18789/tcp":[{"HostIp":"127.0.0.1","HostPort":"18789"}],"18790/tcp":[{"HostIp":"127.0.0.1","HostPort":"18790"}]}
            $ docker inspect --format '{{json .Config.Labels}}' openclaw-openclaw-gateway-1
            {"com.docker.compose.project":"openclaw","com.docker.compose.service":"openclaw-gateway"}
            """
        #expect(gatewayFacts(paste) == [
            "docker.gateway-container=openclaw-openclaw-gateway-1@1", "install.kind=compose@1", "docker.gateway-state=restarting@2",
            "docker.gateway-exit-code=1@2",
            "docker.gateway-container=openclaw-openclaw-gateway-1@3", "install.kind=compose@3",
            "docker.gateway-published=127.0.0.1:18789->18789/tcp@4", "docker.gateway-host-port=18789@4",
            "docker.gateway-publish-scope=loopback@4",
            "docker.gateway-container=openclaw-openclaw-gateway-1@5", "install.kind=compose@5",
        ])
    }

    @Test func foreignJSONAndProseGiveNoGatewayFacts() {
        let kubernetes = """
            $ kubectl get pod web -o json
                "State": {
                    "Status": "running",
                    "ExitCode": 0
                },
            """
        #expect(facts(kubernetes).isEmpty)
        let prose = """
            the State: { Status: restarting } thing in docker inspect, what does "ExitCode": 1 mean?
            {"Status":"ok","message":"restarting soon"}
            """
        #expect(facts(prose).isEmpty)
    }
}

import Testing
@testable import ClawfixEvidence

private func facts(_ extractor: some FactExtractor, _ text: String) -> [String] { factStrings(extractor, text) }

/// Only the facts about the gateway container and the install kind.
private func gatewayFacts(_ extractor: some FactExtractor, _ text: String) -> [String] {
    factStrings(extractor, text).filter { $0.hasPrefix("docker.gateway-") || $0.hasPrefix("install.kind") }
}

/// The gateway as the README starts it (`docker run --name openclaw ghcr.io/openclaw/openclaw`),
/// compose v1 tables, and rows a chat client wrapped.
struct ContainerListingShapesTests {
    @Test func plainOpenClawContainerInARestartLoopIsTheGateway() {
        let paste = """
            bob@nas:~$ docker ps -a
            CONTAINER ID   IMAGE                              COMMAND                  CREATED         STATUS                         PORTS     NAMES
            4b1e9c7d2f30   ghcr.io/openclaw/openclaw:latest   "node openclaw.mjs g…"   4 minutes ago   Restarting (1) 9 seconds ago             openclaw
            9f0c2d1e7a44   ghcr.io/openclaw/openclaw:latest   "node openclaw.mjs d…"   2 minutes ago   Exited (1) 2 minutes ago                 openclaw-cli
            """
        #expect(gatewayFacts(DockerPsExtractor(), paste) == [
            "docker.gateway-container=openclaw@3", "install.kind=docker@3", "docker.gateway-image=ghcr.io/openclaw/openclaw:latest@3",
            "docker.gateway-state=restarting@3", "docker.gateway-exit-code=1@3", "docker.gateway-publishes=none@3",
        ])
    }

    @Test func plainNameWithoutImageColumnAndPublishedPortWithoutGatewayName() {
        let namesOnly = """
            $ docker ps -a --format "table {{.Names}}\\t{{.Status}}"
            NAMES      STATUS
            openclaw   Restarting (1) 3 seconds ago
            """
        #expect(gatewayFacts(DockerPsExtractor(), namesOnly) == [
            "docker.gateway-container=openclaw@3", "install.kind=docker@3", "docker.gateway-state=restarting@3",
            "docker.gateway-exit-code=1@3",
        ])
        let published = """
            CONTAINER ID   IMAGE                         COMMAND                  CREATED       STATUS       PORTS                         NAMES
            2d8e1f0a9b7c   openclaw/openclaw:2026.4.12   "/usr/local/bin/open…"   2 hours ago   Up 2 hours   127.0.0.1:18789->18789/tcp    claw
            """
        #expect(facts(DockerPsExtractor(), published).contains("docker.gateway-container=claw@2"))
    }

    @Test func cliAndForeignContainersAreNotTheGateway() {
        let paste = """
            CONTAINER ID   IMAGE                              COMMAND                  CREATED          STATUS                      PORTS      NAMES
            9f0c2d1e7a44   ghcr.io/openclaw/openclaw:latest   "docker-entrypoint.s…"   12 seconds ago   Exited (1) 10 seconds ago              openclaw-openclaw-cli-run-9b8c7d6e5f4a
            5a6b7c8d9e0f   ghcr.io/openclaw/openclaw:latest   "docker-entrypoint.s…"   3 minutes ago    Up 3 minutes                           openclaw-cli
            6c7d8e9f0a1b   postgres:16                        "docker-entrypoint.s…"   3 days ago       Up 3 days                   5432/tcp   openclaw
            """
        let result = facts(DockerPsExtractor(), paste)
        #expect(!result.contains { $0.hasPrefix("docker.gateway-container=openclaw") })
        #expect(result.contains("docker.gateway-container=none@1"))
        #expect(result.contains("docker.container=openclaw@4"))
    }

    @Test func composeV1TableWithUpExitAndRestarting() {
        let paste = """
            alice@vps:~/openclaw$ docker-compose ps
                       Name                         Command               State                        Ports
            ------------------------------------------------------------------------------------------------------------------------
            openclaw_openclaw-cli_1       docker-entrypoint.sh node  ...   Exit 1
            openclaw_openclaw-gateway_1   docker-entrypoint.sh node  ...   Up       0.0.0.0:18789->18789/tcp,:::18789->18789/tcp
            """
        let result = facts(ComposePsExtractor(), paste)
        #expect(result.contains("docker.container=openclaw_openclaw-cli_1@4"))
        #expect(gatewayFacts(ComposePsExtractor(), paste) == [
            "docker.gateway-container=openclaw_openclaw-gateway_1@5", "install.kind=compose@5", "docker.gateway-state=running@5",
            "docker.gateway-published=0.0.0.0:18789->18789/tcp@5", "docker.gateway-host-port=18789@5",
            "docker.gateway-publish-scope=all@5", "docker.gateway-published=[::]:18789->18789/tcp@5",
            "docker.gateway-host-port=18789@5", "docker.gateway-publish-scope=all@5", "install.kind=compose@2",
        ])
        let down = """
                       Name                         Command               State    Ports
            ------------------------------------------------------------------------------
            openclaw_openclaw-gateway_1   docker-entrypoint.sh node  ...   Exit 78
            openclaw_openclaw-web_1       caddy run                        Restarting
            """
        #expect(gatewayFacts(ComposePsExtractor(), down) == [
            "docker.gateway-container=openclaw_openclaw-gateway_1@3", "install.kind=compose@3", "docker.gateway-state=exited@3",
            "docker.gateway-exit-code=78@3", "docker.gateway-publishes=none@3", "install.kind=compose@1",
        ])
    }

    @Test func composeV1LookalikeProseGivesNoRows() {
        let paste = """
            Name   Command   State   Ports
            ------------------------------
            I am not sure which of these columns you mean, sorry
            the gateway was Up before I rebooted
            """
        #expect(facts(ComposePsExtractor(), paste).filter { $0.hasPrefix("docker.container") }.isEmpty)
        #expect(!facts(ComposePsExtractor(), paste).contains { $0.hasPrefix("install.kind") })
    }

    @Test func rowWrappedByTheChatClientIsRejoined() {
        let paste = """
            CONTAINER ID   IMAGE                              COMMAND                  CREATED      STATUS                  PORTS                                    NAMES
            32a411bc4f97   ghcr.io/openclaw/openclaw:latest   "docker-entrypoint.s…"   2 days ago   Up 2 days (unhealthy)   127.0.0.1:18789-18790->18789-18790/tcp
            openclaw-openclaw-gateway-1
            """
        #expect(gatewayFacts(DockerPsExtractor(), paste) == [
            "docker.gateway-container=openclaw-openclaw-gateway-1@2", "install.kind=compose@2",
            "docker.gateway-image=ghcr.io/openclaw/openclaw:latest@2", "docker.gateway-state=running@2",
            "docker.gateway-health=unhealthy@2", "docker.gateway-published=127.0.0.1:18789->18789/tcp@2",
            "docker.gateway-host-port=18789@2", "docker.gateway-publish-scope=loopback@2",
        ])
    }

    @Test func portsListWrappedAfterItsCommaContinuesOnTheNextLine() {
        let paste = """
            CONTAINER ID   IMAGE            COMMAND                  CREATED         STATUS                   PORTS                                              NAMES
            32a411bc4f97   openclaw:local   "docker-entrypoint.s…"   6 seconds ago   Up 5 seconds (healthy)   0.0.0.0:18789->18789/tcp,
            [::]:18789->18789/tcp   openclaw-openclaw-gateway-1
            """
        let result = gatewayFacts(DockerPsExtractor(), paste)
        #expect(result.contains("docker.gateway-container=openclaw-openclaw-gateway-1@2"))
        #expect(result.filter { $0.hasPrefix("docker.gateway-published") } == [
            "docker.gateway-published=0.0.0.0:18789->18789/tcp@2", "docker.gateway-published=[::]:18789->18789/tcp@2",
        ])
    }

    @Test func aRowFollowedByProseOrAnotherRowIsNotJoined() {
        let prose = """
            CONTAINER ID   IMAGE            COMMAND                  CREATED         STATUS         PORTS                      NAMES
            32a411bc4f97   openclaw:local   "docker-entrypoint.s…"   6 seconds ago   Up 5 seconds   0.0.0.0:18789->18789/tcp
            is this right?
            """
        #expect(!facts(DockerPsExtractor(), prose).contains { $0.hasPrefix("docker.container=") })
        let twoRows = """
            CONTAINER ID   IMAGE            COMMAND                  CREATED         STATUS         PORTS                      NAMES
            32a411bc4f97   openclaw:local   "docker-entrypoint.s…"   6 seconds ago   Up 5 seconds   0.0.0.0:18789->18789/tcp
            7fd9a657e794   openclaw:local   "node dist/index.js …"   6 seconds ago   Up 5 seconds                              openclaw-openclaw-cli-run-7c1d2e3f4a5b
            """
        #expect(facts(DockerPsExtractor(), twoRows).filter { $0.hasPrefix("docker.container=") } == [
            "docker.container=openclaw-openclaw-cli-run-7c1d2e3f4a5b@3",
        ])
    }
}

import ClawfixKnowledge

/// Small trees written the way `KnowledgeBase/*.md` trees are, built in code so the engine's tests
/// do not depend on the shipped knowledge base's wording.
enum SampleTrees {
    static let pairing = KnowledgeTree(
        id: "pairing-required", title: "Pairing required in the Control UI", file: "pairing-required.md",
        symptoms: ["disconnected (1008): pairing required"], summary: "", startNodeID: "where-gateway-runs",
        nodes: [
            KnowledgeNode(
                id: "where-gateway-runs", kind: .question, line: 8,
                ask: "Does the gateway run in Docker, directly on a machine, or on a remote server?", cost: 1,
                branches: [
                    Branch(condition: .oneOf("install.kind", ["compose", "docker"]), target: "docker-ports", line: 10),
                    Branch(condition: nil, target: "host-approve", line: 11),
                ]),
            KnowledgeNode(
                id: "docker-ports", kind: .command, line: 13, ask: "Which address does Docker publish the gateway on?",
                commands: [
                    CommandVariant(variant: "host", command: "docker ps --format \"table {{.Names}}\\t{{.Ports}}\"", line: 15),
                    CommandVariant(
                        variant: "ssh",
                        command: "ssh {ssh-target} \"docker ps --format 'table {{.Names}}\\t{{.Ports}}'\"", line: 16),
                    CommandVariant(
                        variant: "windows", command: "docker ps --format \"table {{.Names}}`t{{.Ports}}\"", line: 17),
                ],
                cost: 1,
                branches: [
                    Branch(condition: .equals("docker.gateway-publish-scope", "loopback"), target: "docker-logs", line: 19),
                    Branch(condition: nil, target: "lan-check", line: 20),
                ]),
            KnowledgeNode(
                id: "docker-logs", kind: .command, line: 22, ask: "Which client address does the gateway log?",
                commands: [
                    CommandVariant(variant: "compose", command: "docker compose logs --tail 50 {gateway-service}", line: 24),
                    CommandVariant(variant: "docker", command: "docker logs --tail 50 {container}", line: 25),
                ],
                cost: 2,
                branches: [
                    Branch(
                        condition: .oneOf("gateway.remote-kind", ["docker-bridge", "docker-desktop"]), target: "docker-nat",
                        line: 27),
                    Branch(condition: nil, target: "approve-in-container", line: 28),
                ]),
            KnowledgeNode(
                id: "docker-nat", kind: .diagnosis, line: 30,
                versions: VersionRange(until: OpenClawVersion(year: 2026, month: 4, day: 6)),
                diagnosisID: "docker-nat-not-local",
                requires: .oneOf("install.kind", ["compose", "docker"]),
                signals: [
                    Signal(
                        weight: 3, condition: .oneOf("gateway.remote-kind", ["docker-bridge", "docker-desktop"]), line: 34),
                    Signal(weight: 1, condition: .equals("symptom", "pairing-required"), line: 35),
                ],
                fix: """
                    Approve the browser from inside the gateway's own network namespace:

                        {cli} devices list
                        {cli} devices approve {request-id}

                    Or trust the proxy: add the bridge address to `gateway.trustedProxies`.
                    """,
                outdated: "`gateway.trustedProxies` with the bridge address does not help: docker-proxy sends no X-Forwarded-For."),
            KnowledgeNode(
                id: "approve-in-container", kind: .diagnosis, line: 40, diagnosisID: "pairing-not-approved",
                signals: [Signal(weight: 1, condition: .equals("symptom", "pairing-required"), line: 42)],
                fix: "Approve the pending request:\n\n    {cli} devices approve {request-id}"),
            KnowledgeNode(
                id: "lan-check", kind: .question, line: 45, ask: "Which URL does the browser open?", cost: 1,
                branches: [
                    Branch(condition: .equals("browser.secure-context", "false"), target: "insecure", line: 47),
                    Branch(condition: nil, target: "approve-in-container", line: 48),
                ]),
            KnowledgeNode(
                id: "insecure", kind: .diagnosis, line: 50, diagnosisID: "insecure-context",
                signals: [
                    Signal(weight: 3, condition: .equals("symptom", "insecure-context"), line: 52),
                    Signal(weight: 2, condition: .equals("browser.secure-context", "false"), line: 53),
                ],
                fix: """
                    Open the Control UI through an SSH tunnel at `http://127.0.0.1:{port}/`.

                    Or set `gateway.controlUi.allowInsecureAuth: true` in `{config-dir}/openclaw.json`.
                    """),
            KnowledgeNode(
                id: "host-approve", kind: .diagnosis, line: 60, diagnosisID: "pairing-not-approved",
                signals: [Signal(weight: 1, condition: .equals("symptom", "pairing-required"), line: 62)],
                fix: "Run on the gateway host:\n\n    {cli} devices approve {request-id}"),
        ])

    static let config = KnowledgeTree(
        id: "config-edits-ignored", title: "Config edits have no effect", file: "config-edits-ignored.md",
        symptoms: ["I changed openclaw.json but nothing happens"], summary: "", startNodeID: "mount",
        nodes: [
            KnowledgeNode(
                id: "mount", kind: .command, line: 8, ask: "Which directory does the container read its config from?",
                commands: [
                    CommandVariant(
                        variant: "host",
                        command: "docker inspect {container} --format '{{range .Mounts}}{{.Source}} -> {{.Destination}}{{println}}{{end}}'",
                        line: 10)
                ],
                cost: 1,
                branches: [
                    Branch(condition: .known("docker.config-mount-source"), target: "not-loaded", line: 12),
                    Branch(condition: nil, target: "not-loaded", line: 13),
                ]),
            KnowledgeNode(
                id: "not-loaded", kind: .diagnosis, line: 15, diagnosisID: "config-not-loaded",
                signals: [
                    Signal(weight: 2, condition: .known("config.edited"), line: 17),
                    Signal(weight: 2, condition: .equals("docker.config-mount-owner", "root"), line: 18),
                    Signal(weight: -4, condition: .equals("symptom", "pairing-required"), line: 19),
                ],
                fix: "Edit the file the container reads:\n\n    {sudo}nano {config-dir}/openclaw.json"),
        ])

    /// Two causes of the same symptom told apart only by the release.
    static let cliLoopback = KnowledgeTree(
        id: "cli-abnormal-closure", title: "The CLI cannot reach its gateway", file: "cli-abnormal-closure.md",
        symptoms: ["gateway closed (1006 abnormal closure (no close frame))"], summary: "", startNodeID: "where",
        nodes: [
            KnowledgeNode(
                id: "where", kind: .question, line: 8, ask: "Where do you run the CLI?", cost: 1,
                branches: [
                    Branch(condition: .equals("install.kind", "compose"), target: "network", line: 10),
                    Branch(condition: nil, target: "not-running", line: 11),
                ]),
            KnowledgeNode(
                id: "network", kind: .command, line: 13, ask: "How is the CLI service networked?",
                commands: [CommandVariant(variant: "compose", command: "docker compose config openclaw-cli", line: 15)],
                cost: 3,
                branches: [
                    Branch(condition: .equals("compose.cli-network-mode", "default"), target: "own-loopback", line: 17),
                    Branch(condition: nil, target: "wrong-target", line: 18),
                ]),
            KnowledgeNode(
                id: "own-loopback", kind: .diagnosis, line: 20,
                versions: VersionRange(until: OpenClawVersion(year: 2026, month: 2, day: 28)),
                diagnosisID: "cli-container-loopback",
                signals: [Signal(weight: 2, condition: .equals("symptom", "abnormal-closure"), line: 23)],
                fix: "Run the CLI inside the gateway container: `{cli} devices list`."),
            KnowledgeNode(
                id: "wrong-target", kind: .diagnosis, line: 25,
                versions: VersionRange(from: OpenClawVersion(year: 2026, month: 3, day: 1)),
                diagnosisID: "cli-wrong-target",
                signals: [Signal(weight: 2, condition: .equals("symptom", "abnormal-closure"), line: 28)],
                fix: "Check `{cli} config get gateway.mode`."),
            KnowledgeNode(
                id: "not-running", kind: .diagnosis, line: 30, diagnosisID: "gateway-not-running",
                signals: [Signal(weight: 1, condition: .equals("symptom", "abnormal-closure"), line: 32)],
                fix: "Start the gateway."),
        ])

    static let titles = [
        "docker-nat-not-local": "The gateway sees your browser through Docker's NAT",
        "pairing-not-approved": "This device is not approved yet",
        "insecure-context": "The Control UI is not in a secure context",
        "config-not-loaded": "The file you edit is not the config the gateway reads",
    ]

    /// A search that finds every diagnosis of a tree when the text contains one of the tree's
    /// symptoms, each with the same relevance (the real index is FTS5, one document per diagnosis).
    static func search(_ trees: [KnowledgeTree]) -> DiagnosisEngineSearch {
        { text in
            var seen: Set<String> = []
            return trees.filter { tree in tree.symptoms.contains { text.localizedCaseInsensitiveContains($0) } }
                .flatMap { tree in tree.nodes.compactMap(\.diagnosisID) }
                .filter { seen.insert($0).inserted }
                .map { DiagnosisRelevance(id: $0, score: 10) }
        }
    }

    static func engine(searching: Bool = true) -> DiagnosisEngine {
        let trees = [pairing, config, cliLoopback]
        return DiagnosisEngine(trees: trees, titles: titles, search: searching ? search(trees) : nil)
    }
}

typealias DiagnosisEngineSearch = DiagnosisEngine.RelevanceSearch

@testable import ClawfixDiagnosis
import Foundation

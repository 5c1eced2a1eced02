import Testing
@testable import ClawfixKnowledge

@Suite struct KnowledgeBaseParserTests {
    @Test func readmeSampleParsesToExactNodes() throws {
        let (parsed, problems) = KnowledgeBaseParser.parse(markdown: sampleTree, file: "pairing-required.md")
        #expect(problems == [])
        let tree = try #require(parsed)
        #expect(tree.id == "pairing-required")
        #expect(tree.title == "Pairing required in the Control UI")
        #expect(tree.startNodeID == "where-gateway-runs")
        #expect(tree.symptoms == ["disconnected (1008): pairing required", "gateway closed (1008): pairing required"])
        #expect(tree.summary == "Free prose under the header is allowed and indexed as the tree's summary.")
        #expect(tree.nodes.map(\.id) == ["where-gateway-runs", "docker-where-browser", "docker-nat", "host-approve"])
        #expect(tree.nodes.map(\.line) == [10, 17, 27, 42])

        let question = tree.nodes[0]
        #expect(question.kind == .question)
        #expect(question.cost == 2)
        #expect(question.branches == [
            Branch(condition: .oneOf("install.kind", ["compose", "docker"]), target: "docker-where-browser", line: 13),
            Branch(condition: .equals("install.kind", "host"), target: "host-approve", line: 14),
            Branch(condition: nil, target: "host-approve", line: 15),
        ])

        let command = tree.nodes[1]
        #expect(command.kind == .command)
        #expect(command.cost == 1)
        #expect(command.commands == [
            CommandVariant(variant: "host", command: #"docker ps --format "table {{.Names}}\t{{.Ports}}""#, line: 20),
            CommandVariant(
                variant: "ssh", command: #"ssh {ssh-target} "docker ps --format 'table {{.Names}}\t{{.Ports}}'""#,
                line: 21),
        ])
        #expect(command.look == "the gateway container and its PORTS column, e.g. `127.0.0.1:18789->18789/tcp`")
        #expect(command.branches.first?.versions == VersionRange(until: OpenClawVersion("2026.4.6")))
        #expect(command.branches.first?.target == "docker-nat")

        let diagnosis = tree.nodes[2]
        #expect(diagnosis.kind == .diagnosis)
        #expect(diagnosis.diagnosisID == "docker-nat-not-local")
        #expect(diagnosis.versions == VersionRange(until: OpenClawVersion("2026.4.6")))
        #expect(diagnosis.requires == .oneOf("install.kind", ["compose", "docker"]))
        #expect(diagnosis.signals == [
            Signal(weight: 3, condition: .oneOf("gateway.remote-kind", ["docker-bridge", "docker-desktop"]), line: 32),
            Signal(weight: -1, condition: .equals("symptom", "pairing-required"), line: 33),
        ])
        #expect(diagnosis.fix == """
            Approve the browser from inside the gateway's own network namespace:

                {cli} devices list
                {cli} devices approve {request-id}
            """)
        #expect(diagnosis.outdated == """
            `gateway.trustedProxies` with the Docker bridge address does not help: docker-proxy sends no
            X-Forwarded-For, so the client address stays the bridge IP.
            """)
        #expect(tree.nodes[3].fix == "Run `openclaw devices approve {request-id}` on the gateway host.")
    }

    @Test func wordsBelongToDiagnosisNodes() throws {
        let worded = sampleTree.replacingOccurrences(
            of: "diagnosis: docker-nat-not-local\n", with: "diagnosis: docker-nat-not-local\nwords: 每次都要求配对;\n  pide emparejar\n")
        let (tree, problems) = KnowledgeBaseParser.parse(markdown: worded, file: "x.md")
        #expect(problems == [])
        #expect(tree?.nodes.first { $0.id == "docker-nat" }?.words == "每次都要求配对;\npide emparejar")
        let onQuestion = sampleTree.replacingOccurrences(of: "kind: question\n", with: "kind: question\nwords: pairing again\n")
        #expect(onQuestion != sampleTree)
        #expect(KnowledgeBaseParser.parse(markdown: onQuestion, file: "x.md").problems.contains { $0.message.contains("words") })
    }

    @Test func crlfParsesLikeLF() throws {
        let crlf = sampleTree.replacingOccurrences(of: "\n", with: "\r\n")
        let (tree, problems) = KnowledgeBaseParser.parse(markdown: crlf, file: "x.md")
        #expect(problems == [])
        #expect(tree?.nodes.map(\.line) == [10, 17, 27, 42])
        #expect(tree?.nodes[2].fix?.contains("\r") == false)
    }

    @Test func garbageNeverCrashes() {
        let inputs = ["", "\u{0}\u{0}## \n- if", String(repeating: "## a\n- if (((( -> a\n", count: 2000), "##\n  x\n"]
        for input in inputs {
            let (_, problems) = KnowledgeBaseParser.parse(markdown: input, file: "g.md")
            #expect(!problems.isEmpty)
        }
    }
}

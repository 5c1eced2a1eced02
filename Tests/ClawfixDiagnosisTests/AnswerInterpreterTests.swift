import ClawfixEvidence
import ClawfixKnowledge
import Testing

@testable import ClawfixDiagnosis

struct AnswerInterpreterTests {
    static let phrases: [(String, [String])] = [
        ("yes it's docker", ["install.kind=docker"]),
        ("Yes, it’s Docker.", ["install.kind=docker"]),
        ("docker compose", ["install.kind=compose"]),
        ("compose", ["install.kind=compose"]),
        ("I used docker-compose up -d", ["install.kind=compose"]),
        ("no, not docker, installed with npm", ["install.kind=host"]),
        ("a VPS", ["gateway.location=remote"]),
        ("it's on a remote server", ["gateway.location=remote"]),
        ("hetzner", ["gateway.location=remote"]),
        ("same machine", ["gateway.location=same-machine"]),
        ("just localhost", ["gateway.location=same-machine"]),
        ("I'm on Windows", ["client.os=windows"]),
        ("powershell", ["client.os=windows"]),
        ("mac", ["client.os=macos"]),
        ("version 2026.2.9", ["openclaw.version=2026.2.9"]),
        ("2026.2.9", ["openclaw.version=2026.2.9"]),
        ("v2026.4.12-beta.1 I think", ["openclaw.version=2026.4.12"]),
        ("ssh tunnel", ["access.path=ssh-tunnel"]),
        ("tailscale", ["access.path=tailscale"]),
        ("nginx", ["access.path=reverse-proxy"]),
        ("behind caddy", ["access.path=reverse-proxy"]),
        ("traefik", ["access.path=reverse-proxy"]),
        ("a reverse proxy", ["access.path=reverse-proxy"]),
        (
            "Docker on a hetzner VPS, I'm on windows, version 2026.2.9",
            ["install.kind=docker", "gateway.location=remote", "client.os=windows", "openclaw.version=2026.2.9"]
        ),
        ("thanks!", []),
        ("hmm", []),
    ]

    @Test(arguments: phrases)
    func phrasesBecomeFacts(text: String, expected: [String]) {
        let facts = AnswerInterpreter().interpret(text)
        #expect(facts.map { "\($0.name.rawValue)=\($0.value)" } == expected)
        // Words are the user's: origin `answer`, with the line that said them.
        #expect(facts.allSatisfy { $0.origin == .answer && $0.line == 1 })
    }

    @Test func pastedOutputIsNotReadAsWords() {
        let paste = """
            $ docker compose ps
            NAME                          IMAGE             COMMAND                  SERVICE            CREATED       STATUS       PORTS
            openclaw-openclaw-gateway-1   openclaw:local    "docker-entrypoint.s…"   openclaw-gateway   2 hours ago   Up 2 hours   127.0.0.1:18789->18789/tcp
            openclaw-openclaw-cli-1       openclaw:local    "docker-entrypoint.s…"   openclaw-cli       2 hours ago   Up 2 hours
            [gateway] listening on ws://0.0.0.0:18789 (remote server mode)
            """
        #expect(AnswerInterpreter().interpret(paste).isEmpty)
    }

    /// `localhost` in pasted output is an address the program printed, not the user saying where the
    /// gateway runs; in the user's own words it is.
    @Test(arguments: [
        "[ws] closed before connect conn=7c1 remote=172.18.0.1 origin=http://localhost:18789 code=1008 reason=pairing required",
        "gateway connect failed: Error: connect ECONNREFUSED ws://localhost:18789",
        "disconnected (1008): control ui requires device identity (use HTTPS or localhost secure context)",
        "2026-02-27T09:12:03.118Z listening on localhost",
        "I open localhost:18789",
    ])
    func localhostInPastedOutputIsNotAnAnswer(text: String) {
        #expect(!AnswerInterpreter().interpret(text).contains { $0.name == .gatewayLocation })
    }

    @Test func ownWordsNextToAPastedErrorStillCount() {
        let text = """
            disconnected (1008): control ui requires device identity (use HTTPS or localhost secure context)
            I open http://203.0.113.7:18789/ from my laptop, the gateway runs on a VPS
            """
        #expect(AnswerInterpreter().interpret(text).map { "\($0.name)=\($0.value)@\($0.line ?? 0)" } == ["gateway.location=remote@2"])
        #expect(
            AnswerInterpreter().interpret("it all runs on localhost, same laptop").map { "\($0.name)=\($0.value)" }
                == ["gateway.location=same-machine"])
    }

    /// A command after a shell prompt is pasted, not said: `docker ps` on the server says nothing
    /// against the "docker compose" the user wrote earlier.
    @Test(arguments: [
        "root@vps:~/openclaw# docker ps --format \"table {{.Names}}\t{{.Status}}\t{{.Ports}}\"",
        "bob@nas:~/openclaw$ docker compose ps",
        "$ docker run -d openclaw:local",
        "PS C:\\Users\\dana> ssh root@srv1 docker ps",
    ])
    func commandsAfterAPromptAreNotAnswers(line: String) {
        #expect(AnswerInterpreter().interpret(line).isEmpty, "\(line)")
    }

    /// Prompt lines, recognised by the shared `ShellPrompt` (every prompt shape the extractors know),
    /// are not the user's words: the "yes" under a pasted command is, the command is not.
    @Test(arguments: [
        "[alice@vps openclaw]$ docker compose ps", "alice@mbp openclaw % docker compose ps", "C:\\> netstat -ano",
        "PS C:\\Users\\dana> docker ps", "root@vps:~# docker ps", "$ docker ps",
    ])
    func promptLinesAreNotTheUsersWords(prompt: String) {
        #expect(AnswerInterpreter.words(prompt + "\nyes, it runs now") == ["yes", "it", "runs", "now"], "\(prompt)")
    }

    @Test func anSSHLocalForwardInProseIsATunnel() {
        let text = """
            PS: I now run ssh -N -L 18789:127.0.0.1:18789 root@198.51.100.4 and it is still 1006.
            root@vps:~/openclaw# docker ps --format "table {{.Names}}\t{{.Status}}\t{{.Ports}}"
            """
        // The tunnel is how they reach the gateway, and "still 1006" says it did not help.
        #expect(AnswerInterpreter().interpret(text).map { "\($0.name)=\($0.value)" } == ["access.path=ssh-tunnel", "fix.tried=ssh-tunnel"])
        // `-l` is ssh's login name, not a forward.
        #expect(!AnswerInterpreter().interpret("I log in with ssh -l root vps").contains { $0.name == .accessPath })
    }

    @Test(arguments: [("yes", "compose"), ("yep", "compose"), ("no", "host"), ("nope, it isn't", "host")])
    func bareYesOrNoAnswersTheLastQuestion(reply: String, kind: String) {
        let question = KnowledgeNode(
            id: "is-compose", kind: .question, line: 3, ask: "Did you start it with docker compose?",
            branches: [
                Branch(condition: .equals("install.kind", "compose"), target: "a", line: 4),
                Branch(condition: .equals("install.kind", "host"), target: "b", line: 5),
            ])
        #expect(AnswerInterpreter().interpret(reply, answering: question) == [Fact(.installKind, kind, origin: .answer)])
    }

    @Test func yesOrNoToAQuestionWithoutSimpleBranchesSaysNothing() {
        let question = SampleTrees.cliLoopback.node("network")!
        #expect(AnswerInterpreter().interpret("yes", answering: question).map(\.value) == ["default"])
        let complex = KnowledgeNode(
            id: "q", kind: .question, line: 1,
            branches: [
                Branch(condition: .matches("browser.url", pattern: "^https"), target: "a", line: 2),
                Branch(condition: nil, target: "b", line: 3),
            ])
        #expect(AnswerInterpreter().interpret("no", answering: complex).isEmpty)
    }

    @Test func engineReadsYesAgainstTheQuestionItAsked() {
        let engine = SampleTrees.engine()
        var state = ConversationState()
        state.absorb(message: "disconnected (1008): pairing required", facts: [DiagnosisEngineTests.banner])
        _ = engine.respond(to: &state)
        #expect(state.lastAskedNode == "pairing-required/where-gateway-runs")
        #expect(engine.interpret("yes", in: state) == [Fact(.installKind, "compose", origin: .answer)])
    }
}

import Testing

@testable import ClawfixEvidence

struct GatewayLogExtractorTests {
    let extractor = GatewayLogExtractor()

    @Test func closedBeforeConnectFromTheDockerBridge() {
        let line = "openclaw-gateway-1  | 2026-04-13T10:15:41.015+00:00 [ws] closed before connect conn=2b7c0a51 peer=172.18.0.1:53422->172.18.0.2:18789 remote=172.18.0.1 fwd=n/a origin=http://localhost:18789 host=localhost:18789 ua=Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/135.0.0.0 Safari/537.36 code=1008 reason=pairing required"
        #expect(factStrings(extractor, line) == [
            "gateway.remote-address=172.18.0.1@1", "gateway.remote-kind=docker-bridge@1",
            "gateway.origin=http://localhost:18789@1", "close.code=1008@1", "close.reason=pairing required@1",
            "error.reporter=gateway-log@1",
        ])
    }

    @Test func dockerDesktopProxyWithForwardedFor() {
        let line = "[ws] closed before connect conn=1 peer=192.168.65.1:5->172.17.0.2:18789 remote=192.168.65.1 fwd=203.0.113.9 origin=n/a host=gw.example.com ua=n/a code=1008 reason=unauthorized: gateway token missing (open the dashboard URL and paste the token in Control UI settings)"
        #expect(factStrings(extractor, line) == [
            "gateway.remote-address=192.168.65.1@1", "gateway.remote-kind=docker-desktop@1",
            "gateway.forwarded-for=203.0.113.9@1", "close.code=1008@1",
            "close.reason=unauthorized: gateway token missing (open the dashboard URL and paste the token in Control UI settings)@1",
            "error.reporter=gateway-log@1",
        ])
    }

    @Test func unauthorizedLineGivesAuthReason() {
        let line = "[ws] unauthorized conn=9 peer=127.0.0.1:1->127.0.0.1:18789 remote=127.0.0.1 client=openclaw-control-ui webchat v2026.4.12 role=operator scopes=5 auth=none device=yes platform=Linux x86_64 instance=x host=localhost:18789 origin=http://localhost:18789 ua=Mozilla/5.0 (X11) reason=token_missing"
        #expect(factStrings(extractor, line) == [
            "gateway.remote-address=127.0.0.1@1", "gateway.remote-kind=loopback@1", "auth.reason=token_missing@1",
            "symptom=token-missing@1", "gateway.auth-mode=none@1", "error.reporter=gateway-log@1",
        ])
    }

    @Test func startupLines() {
        let paste = """
            openclaw-gateway-1  | 2026-02-10T08:15:31.011Z [gateway] listening on ws://127.0.0.1:18789, ws://[::1]:18789 (PID 4242)
            openclaw-gateway-1  | 2026-04-13T10:15:31.245+00:00 [browser/server] Browser control listening on http://127.0.0.1:18791/ (auth=token)
            2026-04-13T10:15:30.120+00:00 Gateway failed to start: another gateway instance is already listening on ws://0.0.0.0:18789
            [gateway] seeded gateway.controlUi.allowedOrigins ["http://localhost:18789","http://127.0.0.1:18789"] for bind=lan (required since v2026.2.26; see issue #29385).
            """
        #expect(factStrings(extractor, paste) == [
            "gateway.listen=127.0.0.1:18789@1", "gateway.port=18789@1", "gateway.listen=[::1]:18789@1", "gateway.port=18789@1",
            "error.reporter=gateway-log@1",
            "gateway.browser-control-port=true@2", "gateway.auth-mode=token@2", "error.reporter=gateway-log@2",
            "gateway.listen=0.0.0.0:18789@3", "gateway.port=18789@3",
            "gateway.start-failure=another gateway instance is already listening on ws://0.0.0.0:18789@3",
            "error.reporter=gateway-log@3", "gateway.bind=lan@4", "error.reporter=gateway-log@4",
        ])
    }

    /// Startup messages with a fixed text are rows of `KnowledgeBase/messages.md` that tell a fact
    /// (`gateway.auth-mode=none` in the code or reason column); the whole reader turns each into
    /// that fact, said by the gateway's log.
    @Test(arguments: [
        ("openclaw-gateway-1  | 2026-04-13T10:15:30.190+00:00 [gateway] ⚠️  Gateway is binding to a non-loopback address. "
            + "Ensure authentication is configured before exposing to public networks.", "gateway.listen-scope=all@1"),
        ("[gateway] Gateway auth mode=none explicitly configured; all gateway connections are unauthenticated.", "gateway.auth-mode=none@1"),
        ("[gateway] Gateway auth token was missing. Generated a new token and saved it to config (gateway.auth.token).",
            "gateway.auth-mode=token@1"),
        ("[gateway] device pairing auto-approved device=4f1c9a7e2b5d8c3f role=operator", "pairing.auto-approved=true@1"),
    ])
    func startupMessagesAreTableRows(line: String, fact: String) {
        let facts = EvidenceReader.standard.read(PasteDocument(redactedText: line)).map { "\($0.name.rawValue)=\($0.value)@\($0.line ?? 0)" }
        #expect(facts == [fact, "error.reporter=gateway-log@1"].sorted(), "\(facts)")
    }

    /// Said in passing ("I no longer see …"), the message tells nothing about the setup.
    @Test func aStartupMessageNamedAsGoneTellsNothing() {
        let line = "since the update I no longer see \"Gateway auth mode=none\" in the log"
        #expect(!EvidenceReader.standard.read(PasteDocument(redactedText: line)).contains { $0.name == .gatewayAuthMode })
    }

    @Test func jsonLogLine() {
        let line = #"{"time":"2026-04-13T10:15:41.015+00:00","level":"warn","subsystem":"gateway/ws","message":"closed before connect conn=2b7c peer=172.18.0.1:53422->172.18.0.2:18789 remote=172.18.0.1 fwd=n/a origin=n/a host=127.0.0.1:18789 ua=curl/7.88.1 code=1000 reason=n/a","cause":"handshake-timeout","remoteAddr":"172.18.0.1","remotePort":53422}"#
        #expect(factStrings(extractor, line) == [
            "gateway.remote-address=172.18.0.1@1", "gateway.remote-kind=docker-bridge@1", "close.code=1000@1",
            "symptom=normal-closure@1", "gateway.remote-address=172.18.0.1@1", "gateway.remote-kind=docker-bridge@1",
            "symptom=normal-closure@1", "error.reporter=gateway-log@1",
        ])
    }

    @Test(arguments: ["the remote=thing in my notes", "I am listening on the radio", "ready (3 plugins: browser; 2.5s)"])
    func proseGivesNothing(text: String) {
        #expect(factStrings(extractor, text) == [])
    }
}

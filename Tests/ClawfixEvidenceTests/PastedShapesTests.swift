import Testing

@testable import ClawfixEvidence

/// Pastes as they really are: config fragments, wrapped log records, URLs in sentences and tool
/// output, and lines that look like errors clawfix does not know.
struct PastedShapesTests {
    let config = OpenClawConfigExtractor()

    @Test func anInnerObjectIsAnchoredByItsFirstKey() {
        let paste = """
            {
              "controlUi": {
                "allowInsecureAuth": true,
                "allowedOrigins": ["http://192.168.1.20:18789"]
              }
            }
            """
        #expect(factStrings(config, paste) == [
            "config.gateway.controlUi.allowInsecureAuth=true@3",
            "config.gateway.controlUi.allowedOrigins=http://192.168.1.20:18789@4",
        ])
    }

    @Test func aFragmentWithoutOuterBracesAndWithElisions() {
        let paste = """
            my config:
            "gateway": {
              "bind": "lan",
              "auth": { "mode": "token" },
              ...
              "controlUi": { … },
            },
            and then I restart
            """
        #expect(factStrings(config, paste) == [
            "config.gateway.bind=lan@3", "config.gateway.auth.mode=token@4", "config.gateway.controlUi={}@6",
        ])
    }

    @Test func aFragmentCutShortInBackticksIsClosedNotASyntaxError() {
        let paste = """
            ### openclaw.json fragment:
            `  "gateway": {
                "port": 18789,
                "controlUi": {
                  "allowedOrigins": [
                    "http://localhost:18789",
                  ],
                  "allowInsecureAuth": true
                },`
            """
        #expect(factStrings(config, paste) == [
            "config.gateway.port=18789@3", "config.gateway.controlUi.allowedOrigins=http://localhost:18789@5",
            "config.gateway.controlUi.allowInsecureAuth=true@8",
        ])
    }

    @Test func commentsAndElisionsInAWholeFile() {
        let paste = """
            {
              // ... other settings
              gateway: {
                bind: "lan",
                ...
                controlUi: { allowInsecureAuth: true, },
              },
            }
            """
        #expect(factStrings(config, paste) == [
            "config.gateway.bind=lan@4", "config.gateway.controlUi.allowInsecureAuth=true@6",
        ])
    }

    /// A fragment's place in the file is a guess (`"gateway": {` may sit under `agents`), so its
    /// keys never count as misplaced; the same keys in a whole file do.
    @Test func aGuessedRootNeverGivesAMisplacedKey() {
        let fragment = """
            "gateway": {
              "token": "[gateway-token …a1b2]",
              "bind": "lan"
            }
            """
        #expect(factStrings(config, fragment) == ["config.gateway.token=set@2", "config.gateway.bind=lan@3"])
        let file = "{\n" + fragment + "\n}"
        #expect(factStrings(config, file).contains("config.misplaced-key=gateway.token@3"))
    }

    // MARK: Logs

    @Test func aWrappedUnauthorizedRecordKeepsItsFields() {
        let paste = """
            2026-02-26T00:00:15.484Z [ws] unauthorized conn=f5c5408b-6704-4451-8e6d-858fb7052533
              remote=127.0.0.1 client=gateway-client backend vdev reason=token_mismatch
            """
        let facts = factStrings(GatewayLogExtractor(), paste)
        #expect(facts.contains("gateway.remote-address=127.0.0.1@1"))
        #expect(facts.contains("auth.reason=token_mismatch@1"))
        #expect(facts.contains("symptom=token-mismatch@1"))
    }

    @Test func aCloseRecordWrappedOverThreeLines() {
        let paste = """
            2026-02-26T00:00:15.505Z [ws] closed before connect
              conn=f5c5408b remote=172.18.0.1
              fwd=n/a origin=http://localhost:18789 host=localhost:18789 ua=n/a
              code=1008 reason=pairing required
            """
        let facts = factStrings(GatewayLogExtractor(), paste)
        #expect(facts.contains("close.code=1008@1"))
        #expect(facts.contains("close.reason=pairing required@1"))
        #expect(facts.contains("gateway.remote-kind=docker-bridge@1"))
        #expect(facts.contains("gateway.origin=http://localhost:18789@1"))
    }

    @Test func composeLogPrefixesOnAWrappedRecord() {
        let paste = """
            openclaw-gateway-1  | 2026-04-13T10:15:31.011+00:00 [ws] closed before connect conn=2b7c0a51
            openclaw-gateway-1  |   remote=172.18.0.1 fwd=n/a origin=http://localhost:18789 code=1008 reason=pairing required
            """
        let facts = factStrings(GatewayLogExtractor(), paste)
        #expect(facts.contains("close.code=1008@1"))
        #expect(facts.contains("gateway.remote-address=172.18.0.1@1"))
    }

    @Test func aPrettyPrintedJSONRecord() {
        let paste = """
            {
              "cause": "handshake-timeout",
              "handshake": "failed",
              "remoteAddr": "172.18.0.1",
              "forwardedFor": "203.0.113.9"
            }
            """
        let facts = factStrings(GatewayLogExtractor(), paste)
        #expect(facts.contains("symptom=normal-closure@2"))
        #expect(facts.contains("gateway.remote-address=172.18.0.1@4"))
        #expect(facts.contains("gateway.forwarded-for=203.0.113.9@5"))
    }

    // MARK: URLs

    @Test(arguments: [
        ("I connect the app to ws://192.168.1.50:18789", "ws://192.168.1.50:18789", "lan", "false"),
        ("I open http://<my-public-ip>:18789 in the browser", "http://<my-public-ip>:18789", "public", "false"),
        ("opening http://your-server:18789 gives a blank page", "http://your-server:18789", "remote", "false"),
        ("visiting http://x.x.x.x:18789", "http://x.x.x.x:18789", "remote", "false"),
        ("I access http://192.168.x.x:18789 from my phone", "http://192.168.x.x:18789", "lan", "false"),
        ("Access via browser: https://nas.example.com:8443/?token=[gateway-token …a1b2]", "https://nas.example.com:8443/?token=[gateway-token", "hostname", "true"),
    ])
    func urlsInSentencesAndPlaceholderHosts(text: String, url: String, kind: String, secure: String) {
        let facts = factStrings(BrowserURLExtractor(), text)
        #expect(facts.contains("browser.url=\(url)@1"), "\(facts)")
        #expect(facts.contains("browser.host-kind=\(kind)@1"), "\(facts)")
        #expect(facts.contains("browser.secure-context=\(secure)@1"))
    }

    @Test(arguments: [
        "Gateway target: ws://127.0.0.1:18789",
        "│ Dashboard            │ http://172.18.0.2:18789/                                   │",
        "Dashboard: http://127.0.0.1:18789/",
        "gateway connect failed: Error: connect ECONNREFUSED ws://127.0.0.1:18789",
        "[OpenClaw] Connecting to: ws://127.0.0.1:18789/?token=***",
        "127.0.0.1 works fine, but opening http://127.0.0.1:18789 from WSL works too",
    ])
    func urlsPrintedByToolsOrThatWorkAreNotTheBrowsers(text: String) {
        #expect(values(BrowserURLExtractor(), text, .browserURL).isEmpty)
    }

    // MARK: Nothing silent

    @Test(arguments: [
        ("Error: unauthorized: node token expired (rotate the node token)", 1),
        ("sandbox bridge failed to start: port 19000 already reserved", 1),
        ("Sessions API response: {\"ok\":false,\"error\":\"quota exhausted for this workspace\",\"code\":4999}", 1),
        ("websocket closed: worker_slot_unavailable", 1),
        ("    at Object.start (file:///usr/lib/node_modules/openclaw/dist/gateway-Ab12.js:88:9)", 1),
    ])
    func unknownErrorLinesBecomeUnrecognized(text: String, line: Int) {
        let facts = EvidenceReader.standard.read(PasteDocument(redactedText: text))
        #expect(facts.contains { $0.name == .unrecognized && $0.line == line && $0.value == text.trimmingBlanks() }, "\(facts)")
    }

    @Test func aJSONLogRecordIsUnrecognizedByItsMessage() {
        let record = #"{"0":"{\"subsystem\":\"gateway\"}","1":"gateway: plugin registry failed: Error: manifest not found: demo-plugin","_meta":{"logLevelName":"WARN"},"time":"2026-02-24T09:51:04.759Z"}"#
        let facts = EvidenceReader.standard.read(PasteDocument(redactedText: record)).filter { $0.name == .unrecognized }
        #expect(facts.map(\.value) == ["gateway: plugin registry failed: Error: manifest not found: demo-plugin"])
    }

    /// A PowerShell error record, in English and on a Chinese Windows: the shape (`Cmdlet : message`,
    /// `At line:`, `+ CategoryInfo`) tells it, and the message line is what is kept.
    @Test(arguments: [
        "Invoke-WebRequest : Unable to connect to the remote server",
        "Invoke-WebRequest : 无法连接到远程服务器。",
    ])
    func aPowerShellErrorRecordIsOneUnrecognizedLine(header: String) {
        let paste = """
            PS C:\\Users\\dana> Invoke-WebRequest http://127.0.0.1:18789/healthz
            \(header)
            At line:1 char:1
            + Invoke-WebRequest http://127.0.0.1:18789/healthz
            + ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
                + CategoryInfo          : InvalidOperation: (System.Net.HttpWebRequest:HttpWebRequest) [Invoke-WebRequest], WebException
                + FullyQualifiedErrorId : WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeWebRequestCommand
            """
        let facts = EvidenceReader.standard.read(PasteDocument(redactedText: paste)).filter { $0.name == .unrecognized }
        #expect(facts.map { "\($0.value)@\($0.line ?? 0)" } == ["\(header)@2"])
    }

    @Test func knownErrorsAndTheirStackFramesAreNotUnrecognized() {
        let paste = """
            [openclaw] Failed to start CLI: Error: gateway closed (1008): pairing required
                at Object.onClose (file:///opt/openclaw/dist/call-Bqvg4amd.js:266:10)
                at WebSocket.emit (node:events:508:28)
            OPENCLAW_GATEWAY_TOKEN=undefined
            The UI loads fine.
            """
        let facts = EvidenceReader.standard.read(PasteDocument(redactedText: paste))
        #expect(!facts.contains { $0.name == .unrecognized }, "\(facts.filter { $0.name == .unrecognized })")
    }
}

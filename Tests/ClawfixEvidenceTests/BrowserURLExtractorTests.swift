import Testing

@testable import ClawfixEvidence

struct BrowserURLExtractorTests {
    let extractor = BrowserURLExtractor()

    @Test(arguments: [
        ("I open http://192.168.1.20:18789/ in Chrome", "http://192.168.1.20:18789/", "lan", "false", "18789"),
        ("http://127.0.0.1.nip.io:18789/", "http://127.0.0.1.nip.io:18789/", "nip-io", "false", "18789"),
        ("opened https://gw.tail1234.ts.net/ on my phone", "https://gw.tail1234.ts.net/", "tailnet", "true", "443"),
        ("Then open http://127.0.0.1:18789/ locally", "http://127.0.0.1:18789/", "loopback", "true", "18789"),
        ("browser at http://localhost:8080.", "http://localhost:8080", "loopback", "true", "8080"),
        ("visiting http://100.101.102.103:18789", "http://100.101.102.103:18789", "tailnet", "false", "18789"),
        ("now I put caddy in front with https://claw.example.com and get", "https://claw.example.com", "hostname", "true", "443"),
    ])
    func browserURL(text: String, url: String, kind: String, secure: String, port: String) {
        #expect(factStrings(extractor, text) == [
            "browser.url=\(url)@1", "browser.host-kind=\(kind)@1", "browser.secure-context=\(secure)@1", "browser.port=\(port)@1",
        ])
    }

    @Test(arguments: [
        "curl http://127.0.0.1:18789/healthz",
        "Dashboard URL: http://127.0.0.1:18789/#token=[gateway-token]",
        "[browser/server] Browser control listening on http://127.0.0.1:18791/ (auth=token)",
        "Docs: https://docs.openclaw.ai/gateway/remote",
        "see http://example.com for details",
    ])
    func toolOutputIsNotABrowserURL(text: String) {
        #expect(factStrings(extractor, text) == [])
    }
}

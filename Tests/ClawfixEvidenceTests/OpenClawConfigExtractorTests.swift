import Testing

@testable import ClawfixEvidence

struct OpenClawConfigExtractorTests {
    let extractor = OpenClawConfigExtractor()

    @Test func json5ConfigFromTheThreadWithAMisplacedKey() {
        let paste = """
            root@vps:~# sudo head -n 60 /root/.openclaw/openclaw.json
            {
              // edited by hand
              gateway: {
                bind: 'lan',
                auth: { mode: "token", token: "[gateway-token …a1b2]", allowInsecureAuth: true, },
                controlUi: {
                  allowInsecureAuth: true,
                },
              },
            }
            root@vps:~# docker compose restart openclaw-gateway
            """
        #expect(factStrings(extractor, paste) == [
            "config.gateway.bind=lan@5", "config.gateway.auth.mode=token@6", "config.gateway.auth.token=set@6",
            "config.gateway.auth.allowInsecureAuth=true@6", "config.misplaced-key=gateway.auth.allowInsecureAuth@6",
            "config.gateway.controlUi.allowInsecureAuth=true@8",
        ])
    }

    @Test func truncatedConfigIsASyntaxErrorOnItsLastLine() {
        let paste = "{\n  \"gateway\": {\n    \"mode\": \"local\",\n    \"bind\": \"lan\","
        #expect(factStrings(extractor, paste) == ["config.syntax-error=line 4: unexpected end of input@4"])
    }

    @Test(arguments: ["{\"pending\":[],\"paired\":[]}", "{ not json at all", "I like {curly} braces"])
    func otherJSONAndProseGiveNothing(text: String) {
        #expect(factStrings(extractor, text) == [])
    }
}

import Testing
@testable import ClawfixKnowledge

@Suite struct ConditionParserTests {
    @Test func andBindsTighterThanOr() throws {
        let condition = try ConditionParser.parse("install.kind = host or install.kind = compose and gateway.bind = lan")
        #expect(condition == .or(.equals("install.kind", "host"),
                                 .and(.equals("install.kind", "compose"), .equals("gateway.bind", "lan"))))
    }

    @Test func parenthesesNotAndLists() throws {
        let condition = try ConditionParser.parse("not (install.kind in compose, docker) and symptom")
        #expect(condition == .and(.not(.oneOf("install.kind", ["compose", "docker"])), .known("symptom")))
    }

    @Test func quotedValuesRegexAndVersions() throws {
        #expect(try ConditionParser.parse(#"error.message = "pairing required (1008), \"again\"""#)
            == .equals("error.message", #"pairing required (1008), "again""#))
        #expect(try ConditionParser.parse(#"log.remote ~ /^172\.1[78]\.0\.1$/"#)
            == .matches("log.remote", pattern: #"^172\.1[78]\.0\.1$"#))
        #expect(try ConditionParser.parse(#"url ~ /https?:\/\/x/"#) == .matches("url", pattern: "https?://x"))
        #expect(try ConditionParser.parse("openclaw.version >= 2026.2.21")
            == .version("openclaw.version", .atLeast, OpenClawVersion(year: 2026, month: 2, day: 21)))
        #expect(try ConditionParser.parse("openclaw.version<2026.3.1")
            == .version("openclaw.version", .less, OpenClawVersion(year: 2026, month: 3, day: 1)))
        #expect(try ConditionParser.parse("env.OPENCLAW_ALLOW_INSECURE_PRIVATE_WS != 1")
            == .notEquals("env.OPENCLAW_ALLOW_INSECURE_PRIVATE_WS", "1"))
    }

    @Test(arguments: [
        ("", "empty condition"),
        ("install.kind =", "expected a value after `=`"),
        ("a = b and", "expected a fact name at the end"),
        ("(a = b", "missing `)` at column 7"),
        ("a = b c = d", "unexpected `c = d` at column 7"),
        ("openclaw.version >= 2026.13.1", "`2026.13.1` is not a release like 2026.2.21"),
        ("x ~ /(/", "invalid regex /(/"),
        ("x ~ /abc", "unterminated regex starting at column 5"),
        (#"x = "abc"#, "unterminated string starting at column 5"),
        ("and = b", "expected a fact name at column 1, got the keyword `and`"),
    ])
    func errorsSayWhatIsWrong(text: String, message: String) {
        #expect(throws: KnowledgeSyntaxError(message)) { try ConditionParser.parse(text) }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000)
        #expect(throws: KnowledgeSyntaxError("condition nested too deeply")) { try ConditionParser.parse(text) }
    }
}

import ClawfixEvidence
import Foundation
import Testing

@testable import ClawfixKnowledge

/// `clawfix kb lint` on the shipped knowledge base passes, and each class of broken knowledge in a
/// copy of it is reported at its file and line: a symptom the message table does not define, a
/// message no diagnosis uses, a catalogue signal that leads to no node of its own id or more
/// strongly to another id, a fact name nobody defines.
struct KnowledgeCrossCheckTests {
    struct Copy {
        var trees: [(name: String, text: String)]
        var catalogue: String
        var messages: String

        static func shipped() -> Copy {
            let files = KnowledgeBase.builtInFiles()
            return Copy(
                trees: files.filter { KnowledgeBase.isTreeFile($0.name) },
                catalogue: files.first { $0.name == "diagnoses.md" }?.text ?? "",
                messages: files.first { $0.name == "messages.md" }?.text ?? "")
        }

        func lint() throws -> [String] {
            let linter = KnowledgeBaseLinter(
                catalog: try DiagnosisCatalog.parse(markdown: catalogue, file: "diagnoses.md"),
                messages: MessageTable.parse(markdown: messages, file: "messages.md"))
            return linter.lint(files: trees).map(\.description)
        }

        mutating func edit(_ file: String, _ change: (String) -> String) {
            guard let index = trees.firstIndex(where: { $0.name == file }) else { return }
            trees[index].text = change(trees[index].text)
        }

        /// The 1-based line of the first line containing `text` in a tree file.
        func line(of text: String, in file: String) -> Int {
            let lines = trees.first { $0.name == file }?.text.split(separator: "\n", omittingEmptySubsequences: false) ?? []
            return (lines.firstIndex { $0.contains(text) } ?? -1) + 1
        }
    }

    @Test func shippedKnowledgeBaseIsClean() throws {
        let problems = try Copy.shipped().lint()
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(MessageTable.builtIn.problems.isEmpty)
    }

    @Test func undefinedSymptomInACondition() throws {
        var copy = Copy.shipped()
        copy.edit("auth-rate-limited.md") { $0.replacingOccurrences(of: "signal +7: symptom = rate-limited", with: "signal +7: symptom = rate-limitted") }
        let line = copy.line(of: "symptom = rate-limitted", in: "auth-rate-limited.md")
        #expect(line > 0)
        #expect(try copy.lint().contains("auth-rate-limited.md:\(line): symptom `rate-limitted` is not defined in messages.md"))
    }

    @Test func messageNoDiagnosisUses() throws {
        var copy = Copy.shipped()
        copy.messages += "| `gateway is sulking` | gateway-sulks | gateway-log | — | — | substring |\n"
        let line = copy.messages.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(
            try copy.lint().contains(
                "messages.md:\(line): symptom `gateway-sulks` of `gateway is sulking` leads to no diagnosis: no tree tests it"))
    }

    @Test func catalogueSignalWithoutANodeOfItsId() throws {
        var copy = Copy.shipped()
        copy.trees.removeAll { $0.name == "auth-rate-limited.md" }
        let catalogueLine = copy.catalogue.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("| `auth-rate-limited`") }.map { $0 + 1 } ?? 0
        let problems = try copy.lint()
        #expect(
            problems.contains {
                $0.hasPrefix("diagnoses.md:\(catalogueLine): signal `unauthorized: too many failed authentication attempts (retry later)` of `auth-rate-limited`")
                    && $0.hasSuffix("leads to no `auth-rate-limited` node")
            }, "\(problems)")
    }

    @Test func catalogueSignalSentElsewhere() throws {
        var copy = Copy.shipped()
        copy.edit("token-missing.md") {
            $0.replacingOccurrences(of: "signal +6: symptom = token-missing\n", with: "signal +6: symptom = token-missing\nsignal +9: symptom = rate-limited\n")
        }
        let line = copy.line(of: "signal +9: symptom = rate-limited", in: "token-missing.md")
        let problems = try copy.lint()
        #expect(
            problems.contains { $0.hasPrefix("token-missing.md:\(line): `symptom = rate-limited` weighs +9 toward `token-missing`") },
            "\(problems)")
    }

    @Test func undefinedFactName() throws {
        var copy = Copy.shipped()
        copy.edit("handshake-timeout.md") { $0.replacingOccurrences(of: "signal +2: close.code = 1000", with: "signal +2: close.kode = 1000") }
        let line = copy.line(of: "close.kode", in: "handshake-timeout.md")
        #expect(try copy.lint().contains("handshake-timeout.md:\(line): unknown fact `close.kode`"))
    }

    @Test func treeSymptomLineNoRowRecognises() throws {
        var copy = Copy.shipped()
        copy.edit("auth-rate-limited.md") { $0.replacingOccurrences(of: "symptom: AUTH_RATE_LIMITED\n", with: "symptom: AUTH_RATE_LIMITED\nsymptom: the gateway hates me\n") }
        let line = copy.line(of: "symptom: the gateway hates me", in: "auth-rate-limited.md")
        #expect(
            try copy.lint().contains(
                "auth-rate-limited.md:\(line): symptom line `the gateway hates me` is no message of messages.md: add a row for it"))
    }

    @Test func signalTheRequirementRulesOut() throws {
        var copy = Copy.shipped()
        // `paste-token` requires `symptom in token-missing, token-not-configured, password-missing`.
        copy.edit("token-missing.md") {
            $0.replacingOccurrences(of: "signal +5: symptom = password-missing\n", with: "signal +5: symptom = password-missing\nsignal +3: symptom = origin-not-allowed\n")
        }
        let line = copy.line(of: "signal +3: symptom = origin-not-allowed", in: "token-missing.md")
        let problems = try copy.lint()
        #expect(
            problems.contains { $0.hasPrefix("token-missing.md:\(line): signal on `symptom = origin-not-allowed` can never count") },
            "\(problems)")
    }

    @Test func malformedMessageRow() throws {
        var copy = Copy.shipped()
        copy.messages += "| `gateway is sulking` | gateway-sulks | the gateway | — | — | substring |\n"
        let line = copy.messages.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let problems = try copy.lint()
        #expect(problems.contains { $0.hasPrefix("messages.md:\(line): unknown printer `the gateway`") }, "\(problems)")
    }
}

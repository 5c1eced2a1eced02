import Foundation
import Testing
@testable import ClawfixKnowledge

@Suite struct DiagnosisCatalogTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func sampleRowsKeepPipesInCode() throws {
        let catalog = try DiagnosisCatalog.parse(markdown: sampleCatalog, file: "diagnoses.md")
        #expect(catalog.ids == ["pairing-not-approved", "docker-nat-not-local"])
        #expect(catalog.advisories.map(\.id) == ["secret-exposed"])
        let nat = try #require(catalog.entry("docker-nat-not-local"))
        #expect(nat.family == "Pairing and device trust")
        #expect(nat.fix == "approve from inside the container; `a | b` and `c | d` stay")
        #expect(nat.versions == "2026.4")
        #expect(catalog.entry("secret-exposed")?.signals == "any redaction of a real secret")
    }

    @Test func duplicateIdIsAnError() {
        let text = sampleCatalog + "\n## More\n\n| id | what is wrong | signals | fix | versions |\n|---|---|---|---|---|\n| `pairing-not-approved` | again | | | |\n"
        #expect(throws: KnowledgeBaseError([LintMessage(file: "d.md", line: 19, message: "duplicate diagnosis id `pairing-not-approved`")])) {
            try DiagnosisCatalog.parse(markdown: text, file: "d.md")
        }
    }

    @Test func realCatalogueHasEveryId() throws {
        let text = try String(contentsOf: Self.packageRoot.appending(path: "KnowledgeBase/diagnoses.md"), encoding: .utf8)
        let catalog = try DiagnosisCatalog.parse(markdown: text, file: "diagnoses.md")
        // 30 diagnoses plus one advisory: 31 ids in all.
        #expect(catalog.entries.count == 30)
        #expect(Set(catalog.ids + catalog.advisories.map(\.id)).count == 31)
        for id in ["token-placeholder", "auth-rate-limited", "gateway-config-invalid", "handshake-timeout"] {
            #expect(catalog.ids.contains(id))
        }
        #expect(catalog.advisories.map(\.id) == ["secret-exposed"])
        #expect(catalog.entry("pairing-not-approved")?.family == "Pairing and device trust")
        #expect(try KnowledgeBase.builtIn().catalog.ids == catalog.ids)

        let shared = Self.packageRoot.deletingLastPathComponent().appending(path: "shared/diagnoses.md")
        if let sharedText = try? String(contentsOf: shared, encoding: .utf8) {
            let original = try DiagnosisCatalog.parse(markdown: sharedText, file: "shared/diagnoses.md")
            #expect(original.entries == catalog.entries)
            #expect(original.advisories == catalog.advisories)
        }
    }

    @Test(arguments: [
        ("| `a|b` | c \\| d | é ü |", ["`a|b`", "c | d", "é ü"]),
        ("| id | what |", ["id", "what"]),
        ("|---|:--:|", ["---", ":--:"]),
        ("| last without pipe", ["last without pipe"]),
        ("|  | x |\r", ["", "x"]),
    ])
    func rowsSplitAtPipesOutsideCodeAndEscapes(row: String, cells: [String]) {
        #expect(DiagnosisCatalog.splitRow(row) == cells)
    }
}

import Foundation
import Testing
@testable import ClawfixKnowledge

@Suite struct KnowledgeIndexTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "clawfix-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func searchRanksSymptomsAndSurvivesAnyInput() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let index = try KnowledgeIndex.open(path: directory.appending(path: "k.sqlite").path, knowledgeBase: sampleKnowledgeBase())
        #expect(index.didRebuild)

        let pairing = try index.search("pairing required", limit: 5)
        #expect(pairing.first?.treeID == "pairing-required")
        #expect(pairing.first?.nodeID == nil)
        #expect(pairing.first?.snippet.contains("[pairing] [required]") == true)
        #expect(zip(pairing, pairing.dropFirst()).allSatisfy { $0.score >= $1.score })

        #expect(try index.search("1008", limit: 5).first?.treeID == "pairing-required")
        #expect(try index.search("pairing-required", limit: 5).first?.treeID == "pairing-required")
        #expect(try index.search("(1008) \"pairing", limit: 5).first?.treeID == "pairing-required")
        #expect(try index.search("pairing required?", limit: 5).first?.treeID == "pairing-required")
        // No token at all: nothing to rank, and no SQLite error either.
        #expect(try index.search("?", limit: 5) == [])
        #expect(try index.search("AND OR NOT *", limit: 5).count >= 0)

        let nat = try index.search("docker bridge trustedProxies", limit: 3)
        #expect(nat.first?.nodeID == "docker-nat")
        #expect(nat.first?.title == "docker-nat-not-local: the gateway in Docker sees the host browser from a NAT address")
    }

    /// `words:` (how users say it, in any language) makes a diagnosis relevant to a report that
    /// holds no error string at all; the same report finds nothing in the tree without them.
    @Test func wordsInAnyLanguageMakeADiagnosisRelevant() throws {
        let report = "每次打开控制台都要求配对，浏览器和网关在同一台电脑上"
        let withWords = sampleTree.replacingOccurrences(
            of: "diagnosis: docker-nat-not-local\n",
            with: "diagnosis: docker-nat-not-local\nwords: 每次都要求配对; 同一台电脑也要配对; siempre pide emparejar\n")
        #expect(withWords != sampleTree)
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plain = try KnowledgeIndex.open(path: directory.appending(path: "a.sqlite").path, knowledgeBase: sampleKnowledgeBase())
        #expect(try plain.relevance(report).contains { $0.id == "docker-nat-not-local" } == false)
        let worded = try KnowledgeIndex.open(
            path: directory.appending(path: "b.sqlite").path, knowledgeBase: sampleKnowledgeBase(tree: withWords))
        #expect(try worded.relevance(report).first?.id == "docker-nat-not-local")
        #expect(try worded.relevance("siempre pide emparejar").first?.id == "docker-nat-not-local")
    }

    @Test func warmOpenReusesTheFileAndAChangedKnowledgeBaseRebuilds() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appending(path: "k.sqlite").path
        var knowledgeBase = try sampleKnowledgeBase()
        #expect(try KnowledgeIndex.open(path: path, knowledgeBase: knowledgeBase).didRebuild)
        let warm = try KnowledgeIndex.open(path: path, knowledgeBase: knowledgeBase)
        #expect(!warm.didRebuild)
        #expect(warm.path == path)
        #expect(try warm.search("1008", limit: 1).count == 1)

        knowledgeBase.fingerprint = "sample-2"
        knowledgeBase.trees[0].symptoms.append("brand new symptom zebra")
        let rebuilt = try KnowledgeIndex.open(path: path, knowledgeBase: knowledgeBase)
        #expect(rebuilt.didRebuild)
        #expect(try rebuilt.search("zebra", limit: 1).first?.treeID == "pairing-required")
    }

    @Test(arguments: ["garbage", "truncated", "empty"])
    func corruptFilesAreRebuilt(damage: String) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appending(path: "k.sqlite").path
        let knowledgeBase = try sampleKnowledgeBase()
        _ = try KnowledgeIndex.open(path: path, knowledgeBase: knowledgeBase)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        switch damage {
        case "garbage": try Data((0..<data.count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }).write(to: URL(fileURLWithPath: path))
        case "truncated": try data.prefix(data.count / 3).write(to: URL(fileURLWithPath: path))
        default: try Data().write(to: URL(fileURLWithPath: path))
        }
        let index = try KnowledgeIndex.open(path: path, knowledgeBase: knowledgeBase)
        #expect(index.didRebuild)
        #expect(index.path == path)
        #expect(try index.search("pairing required", limit: 1).first?.treeID == "pairing-required")
        #expect(!(try KnowledgeIndex.open(path: path, knowledgeBase: knowledgeBase).didRebuild))
    }

    @Test func unwritableLocationFallsBackToMemory() throws {
        let directory = try temporaryDirectory()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path)
            try? FileManager.default.removeItem(at: directory)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: directory.path)
        // Root ignores permissions; a path under a regular file is unwritable for everyone.
        let blocker = directory.appending(path: "file")
        _ = FileManager.default.createFile(atPath: blocker.path, contents: Data("x".utf8))
        for path in [directory.appending(path: "k.sqlite").path, blocker.appending(path: "k.sqlite").path] {
            let index = try KnowledgeIndex.open(path: path, knowledgeBase: sampleKnowledgeBase())
            #expect(index.didRebuild)
            #expect(try index.search("1008", limit: 1).first?.treeID == "pairing-required")
        }
        #expect(try KnowledgeIndex.open(path: blocker.appending(path: "k.sqlite").path, knowledgeBase: sampleKnowledgeBase()).path == ":memory:")
    }

    @Test func builtInKnowledgeBaseIsEmbeddedAndIndexed() throws {
        let builtIn = try KnowledgeBase.builtIn()
        #expect(builtIn.fingerprint.count == 16)
        #expect(builtIn.trees.contains { $0.id == "pairing-required" })
        #expect(builtIn.catalog.entry("pairing-not-approved") != nil)
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let index = try KnowledgeIndex.open(path: directory.appending(path: "k.sqlite").path, knowledgeBase: builtIn)
        #expect(try index.search("disconnected (1008): pairing required", limit: 3).first?.treeID == "pairing-required")
        let reachable = builtIn.reachableDiagnoses(
            from: builtIn.trees.first { $0.id == "pairing-required" }!.startNodeID,
            in: builtIn.trees.first { $0.id == "pairing-required" }!)
        #expect(reachable.contains("pairing-not-approved"))
    }
}

import Foundation
import Testing
@testable import ClawfixFrontEnds

struct SessionStoreTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("clawfix-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func stagedSessionsSurviveARestartOnlyAfterFlush() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("sessions.sqlite").path
        let store = SessionStore(path: path)
        #expect(store.isPersistent)
        store.stage(conversation: "a", state: Data(#"{"turn":1}"#.utf8), lines: [.init(role: "user", text: "hello")])
        store.stage(conversation: "a", state: Data(#"{"turn":2}"#.utf8), lines: [.init(role: "clawfix", text: "no diagnosis")])
        #expect(SessionStore(path: path).load(conversation: "a") == nil)
        store.flush()
        let reopened = SessionStore(path: path)
        #expect(reopened.load(conversation: "a") == SessionStore.Session(state: Data(#"{"turn":2}"#.utf8), transcriptCount: 2))
        #expect(reopened.transcript(conversation: "a") == [.init(role: "user", text: "hello"), .init(role: "clawfix", text: "no diagnosis")])
        reopened.stage(conversation: "a", state: Data(#"{"turn":3}"#.utf8), lines: [.init(role: "user", text: "again")])
        reopened.flush()
        #expect(SessionStore(path: path).transcript(conversation: "a").map(\.text) == ["hello", "no diagnosis", "again"])
    }

    @Test func unwritableLocationWarnsOnceAndKeepsEverythingInMemory() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A regular file where the cache directory should be: creating the store must fail
        // (a read-only mode bit would not stop root, who runs CI).
        let blocker = directory.appendingPathComponent("cache")
        try Data("not a directory".utf8).write(to: blocker)
        let warnings = WarningLog()
        let store = SessionStore(path: blocker.appendingPathComponent("sessions.sqlite").path, warn: warnings.append)
        #expect(!store.isPersistent)
        #expect(warnings.messages.count == 1)
        #expect(warnings.messages.first?.hasPrefix("cannot open the session store \(blocker.path)/sessions.sqlite") == true)
        store.stage(conversation: "b", state: Data("{}".utf8), lines: [.init(role: "user", text: "x")])
        store.flush()
        #expect(store.load(conversation: "b")?.state == Data("{}".utf8))
        #expect(store.transcript(conversation: "b") == [.init(role: "user", text: "x")])
        #expect(warnings.messages.count == 1)
    }

    @Test func failingWritesKeepStagedDataAndReportOnce() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("sessions.sqlite").path
        let warnings = WarningLog()
        let store = SessionStore(path: path, warn: warnings.append)
        // Another connection drops the table: every later write of this store fails.
        let other = SessionStore(path: path)
        _ = other
        try dropTables(at: path)
        store.stage(conversation: "c", state: Data("{}".utf8), lines: [])
        store.flush()
        #expect(warnings.messages.count == 1)
        #expect(warnings.messages.first?.hasPrefix("cannot read the session store \(path): no such table: session") == true, "\(warnings.messages)")
        #expect(store.load(conversation: "c")?.state == Data("{}".utf8))
        #expect(store.stagedCount == 1)
    }

    private func dropTables(at path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('DROP TABLE session'); c.commit()", path]
        try process.run()
        process.waitUntilExit()
    }
}

/// Collects warnings in order (tests run the store on one thread).
final class WarningLog: @unchecked Sendable {
    private(set) var messages: [String] = []
    func append(_ message: String) { messages.append(message) }
}

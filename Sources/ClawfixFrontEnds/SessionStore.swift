import ClawfixEvidence
import ClawfixKnowledge
import Foundation
import GRDB

/// Keeps each conversation's redacted state and transcript in SQLite (`sessions.sqlite`, next to
/// the knowledge index), so a restarted bot or chat resumes where it left off.
///
/// Only redacted material ever reaches it: the state is the engine's `ConversationState` (facts
/// hold redacted values only) and transcript lines are the redacted message and the reply summary.
/// Raw secrets stay in the conversation's in-memory `SecretMemory` and die with the process.
///
/// Writes are staged in memory and written in one transaction by `flush()` (the bot flushes every
/// few hundred messages and whenever its input goes idle), in WAL mode with `synchronous=NORMAL`:
/// one fsync per batch instead of one per message. When the disk refuses (read-only, full), the
/// error goes to `warn` once, the staged data stays in memory and is retried later — nothing said
/// in the running process is lost.
public final class SessionStore {
    /// A conversation as stored.
    public struct Session: Sendable, Hashable {
        /// The engine state as JSON.
        public var state: Data
        /// How many transcript lines are stored (new lines are numbered after them).
        public var transcriptCount: Int
    }

    /// One line of a stored transcript.
    public struct TranscriptLine: Sendable, Hashable, Codable {
        public var role: String
        public var text: String
        public init(role: String, text: String) {
            self.role = role
            self.text = text
        }
    }

    public let path: String
    private var database: DatabaseQueue?
    private var stagedStates: [String: Data] = [:]
    private var stagedLines: [(conversation: String, role: String, text: String)] = []
    private var lineCounts: [String: Int] = [:]
    private let warn: (String) -> Void
    private var warned = false
    /// Flushes skipped since the last failure, so a broken disk is not retried per message.
    private var backoff = 0
    private var failures = 0

    /// `sessions.sqlite` in the directory of the knowledge index.
    public static func defaultPath(cacheDirectory: String) -> String {
        (cacheDirectory as NSString).appendingPathComponent("sessions.sqlite")
    }

    /// `sessions.sqlite` next to the knowledge index, in `ClawfixPaths.cacheDirectory()`.
    public static func defaultPath() -> String {
        ClawfixPaths.cacheDirectory().appending(path: "sessions.sqlite").path
    }

    /// Opens (creating if needed) the store. Never throws: when the file cannot be opened the
    /// store says so through `warn` and keeps everything in memory.
    public init(path: String, warn: @escaping (String) -> Void = SessionStore.warnOnStandardError) {
        self.path = path
        self.warn = warn
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.busyMode = .timeout(2)
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                try db.execute(
                    sql: """
                        CREATE TABLE IF NOT EXISTS session (
                            conversation TEXT PRIMARY KEY NOT NULL,
                            state BLOB NOT NULL,
                            updated REAL NOT NULL)
                        """)
                try db.execute(
                    sql: """
                        CREATE TABLE IF NOT EXISTS transcript (
                            conversation TEXT NOT NULL,
                            position INTEGER NOT NULL,
                            role TEXT NOT NULL,
                            text TEXT NOT NULL,
                            PRIMARY KEY (conversation, position))
                        """)
            }
            database = queue
        } catch {
            report("cannot open the session store \(path): \(Self.describe(error))")
        }
    }

    /// An in-memory store for tests and for `--no-session`.
    public static func memoryOnly() -> SessionStore {
        SessionStore(memoryOnlyWith: { _ in })
    }

    private init(memoryOnlyWith warn: @escaping (String) -> Void) {
        self.path = ":memory:"
        self.warn = warn
        self.database = nil
        self.warned = true
    }

    public static func warnOnStandardError(_ message: String) {
        FileHandle.standardError.write(Data(("clawfix: " + message + "\n").utf8))
    }

    /// True when writes reach the disk.
    public var isPersistent: Bool { database != nil && failures == 0 }

    /// How many conversations have changes not yet written.
    public var stagedCount: Int { stagedStates.count }

    /// The stored (or staged) session of a conversation.
    public func load(conversation: String) -> Session? {
        if let staged = stagedStates[conversation] {
            return Session(state: staged, transcriptCount: lineCounts[conversation] ?? 0)
        }
        guard let database else { return nil }
        do {
            // One cached statement, no transaction: a new conversation in the bot costs one lookup.
            let session = try database.inDatabase { db -> Session? in
                let statement = try db.cachedStatement(
                    sql: """
                        SELECT state, (SELECT COALESCE(MAX(position) + 1, 0) FROM transcript WHERE conversation = ?1)
                        FROM session WHERE conversation = ?1
                        """)
                guard let row = try Row.fetchOne(statement, arguments: [conversation]) else { return nil }
                return Session(state: row[0], transcriptCount: row[1])
            }
            // Remembered so staging this conversation does not look it up again.
            lineCounts[conversation] = session?.transcriptCount ?? 0
            return session
        } catch {
            report("cannot read the session store \(path): \(Self.describe(error))")
            return nil
        }
    }

    /// The stored transcript of a conversation, oldest first (staged lines included).
    public func transcript(conversation: String) -> [TranscriptLine] {
        var lines: [TranscriptLine] = []
        if let database {
            lines = (try? database.inDatabase { db in
                try Row.fetchAll(
                    db, sql: "SELECT role, text FROM transcript WHERE conversation = ? ORDER BY position",
                    arguments: [conversation]
                ).map { TranscriptLine(role: $0["role"], text: $0["text"]) }
            }) ?? []
        }
        // Staged lines (a failed flush keeps them) are not in the database yet.
        lines += stagedLines.filter { $0.conversation == conversation }.map {
            TranscriptLine(role: $0.role, text: $0.text)
        }
        return lines
    }

    /// Stages a conversation's new state and transcript lines; `flush()` writes them.
    public func stage(conversation: String, state: Data, lines: [TranscriptLine]) {
        if lineCounts[conversation] == nil, stagedStates[conversation] == nil {
            lineCounts[conversation] = load(conversation: conversation)?.transcriptCount ?? 0
        }
        stagedStates[conversation] = state
        for line in lines {
            stagedLines.append((conversation, line.role, line.text))
        }
    }

    /// Writes everything staged in one transaction. On failure the staged data is kept.
    public func flush() {
        guard let database, !stagedStates.isEmpty || !stagedLines.isEmpty else { return }
        if backoff > 0 {
            backoff -= 1
            return
        }
        let states = stagedStates
        let lines = stagedLines
        var counts = lineCounts
        let now = Date().timeIntervalSince1970
        do {
            try database.inTransaction { db in
                let upsert = try db.cachedStatement(
                    sql: """
                        INSERT INTO session (conversation, state, updated) VALUES (?, ?, ?)
                        ON CONFLICT(conversation) DO UPDATE SET state = excluded.state, updated = excluded.updated
                        """)
                for (conversation, state) in states {
                    try upsert.execute(arguments: [conversation, state, now])
                }
                let insert = try db.cachedStatement(
                    sql: "INSERT OR REPLACE INTO transcript (conversation, position, role, text) VALUES (?, ?, ?, ?)")
                for line in lines {
                    let position = counts[line.conversation, default: 0]
                    counts[line.conversation] = position + 1
                    try insert.execute(arguments: [line.conversation, position, line.role, line.text])
                }
                return .commit
            }
            stagedStates.removeAll(keepingCapacity: true)
            stagedLines.removeAll(keepingCapacity: true)
            lineCounts = counts
            if failures > 0 {
                failures = 0
                warn("the session store \(path) is writable again; sessions are saved")
            }
        } catch {
            failures += 1
            backoff = min(64, 1 << min(failures, 6))
            report(
                "cannot write the session store \(path): \(Self.describe(error)); "
                    + "conversations are kept in memory and saved when the disk allows")
        }
    }

    /// Forgets the line counters of conversations that are written (the bot calls this when it
    /// evicts a conversation from memory, so the map does not grow without bound).
    public func forget(conversation: String) {
        if stagedStates[conversation] == nil { lineCounts[conversation] = nil }
    }

    private func report(_ message: String) {
        guard !warned else { return }
        warned = true
        warn(message)
    }

    static func describe(_ error: any Error) -> String {
        if let databaseError = error as? DatabaseError {
            return databaseError.message ?? "\(databaseError.resultCode)"
        }
        return "\(error)"
    }
}

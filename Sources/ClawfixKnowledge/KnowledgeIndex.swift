import ClawfixEvidence
import Foundation
import GRDB

/// The knowledge base in an SQLite FTS5 table, for ranking trees and nodes against free text.
///
/// The file is a cache: it stores the fingerprint of the knowledge base it was built from and is
/// rebuilt only when that differs. A missing, stale, corrupt or truncated file is rebuilt (into a
/// temporary file renamed over it, so a concurrent reader never sees half an index); when the
/// location is not writable the index is built in memory. Opening never fails because of the cache.
public final class KnowledgeIndex: Sendable {
    /// The file searched, or `:memory:` after a fallback.
    public let path: String
    /// True when this open had to (re)build the index.
    public let didRebuild: Bool
    private let queue: DatabaseQueue
    let hitCache = SearchCache<HitSearch, [KnowledgeHit]>()
    let relevanceCache = SearchCache<String, [DiagnosisRelevance]>()

    /// Bumped whenever the table layout or what goes into it changes, so old caches rebuild.
    static let schemaVersion = "8"

    private init(path: String, didRebuild: Bool, queue: DatabaseQueue) {
        self.path = path
        self.didRebuild = didRebuild
        self.queue = queue
    }

    /// Opens the index at `path` (nil: `ClawfixPaths.defaultIndexPath()`), building it when needed.
    public static func open(path: String?, knowledgeBase: KnowledgeBase) throws -> KnowledgeIndex {
        let path = path ?? ClawfixPaths.defaultIndexPath()
        let key = "\(schemaVersion):\(knowledgeBase.fingerprint)"
        if let queue = try? openWarm(path: path, key: key) {
            return KnowledgeIndex(path: path, didRebuild: false, queue: queue)
        }
        if let queue = try? rebuildFile(path: path, key: key, knowledgeBase: knowledgeBase) {
            return KnowledgeIndex(path: path, didRebuild: true, queue: queue)
        }
        let queue = try DatabaseQueue()
        try queue.write { try fill($0, key: key, knowledgeBase: knowledgeBase) }
        return KnowledgeIndex(path: ":memory:", didRebuild: true, queue: queue)
    }

    private static func configuration(readonly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readonly
        configuration.busyMode = .timeout(2)
        configuration.label = "clawfix.knowledge"
        return configuration
    }

    /// The existing file when it holds this knowledge base; throws for anything else.
    private static func openWarm(path: String, key: String) throws -> DatabaseQueue {
        guard FileManager.default.fileExists(atPath: path) else { throw KnowledgeSyntaxError("missing") }
        // Read-only: a warm open must not create journals or write anything.
        let queue = try DatabaseQueue(path: path, configuration: configuration(readonly: true))
        let stored = try queue.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'fingerprint'")
        }
        guard stored == key else { throw KnowledgeSyntaxError("stale") }
        // A truncated file can still answer the meta query; a search must work too.
        _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM entries") }
        return queue
    }

    private static func rebuildFile(path: String, key: String, knowledgeBase: KnowledgeBase) throws -> DatabaseQueue {
        let url = URL(fileURLWithPath: path)
        try? FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = "\(path).\(ProcessInfo.processInfo.processIdentifier).tmp"
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            let builder = try DatabaseQueue(path: temporary, configuration: configuration(readonly: false))
            try builder.write { try fill($0, key: key, knowledgeBase: knowledgeBase) }
            try builder.close()
            if rename(temporary, path) != 0 { throw KnowledgeSyntaxError("rename failed") }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        for suffix in ["-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        return try openWarm(path: path, key: key)
    }

    /// Weighted columns: symptoms count most, then titles, catalogue signals, questions, fixes.
    static let columns = ["symptom", "title", "signals", "question", "fix"]
    static let weights = "10.0, 5.0, 3.0, 2.0, 1.0"

    private static func fill(_ db: Database, key: String, knowledgeBase: KnowledgeBase) throws {
        try db.execute(sql: "DROP TABLE IF EXISTS meta; DROP TABLE IF EXISTS entries")
        try db.execute(sql: "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        try db.execute(
            sql: """
                CREATE VIRTUAL TABLE entries USING fts5(
                    symptom, title, signals, question, fix,
                    tree_id UNINDEXED, node_id UNINDEXED, display UNINDEXED,
                    tokenize = 'unicode61')
                """)
        let insert = try db.makeStatement(
            sql: """
                INSERT INTO entries(symptom, title, signals, question, fix, tree_id, node_id, display)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for tree in knowledgeBase.trees {
            try insert.execute(arguments: [
                tree.symptoms.joined(separator: "\n"), tree.title, "", tree.summary, "", tree.id, nil, tree.title,
            ])
            for node in tree.nodes {
                if node.kind == .diagnosis {
                    let entry = node.diagnosisID.flatMap { knowledgeBase.catalog.entry($0) }
                    let title = entry.map { "\(node.diagnosisID ?? ""): \($0.title)" } ?? node.diagnosisID ?? node.id
                    try insert.execute(arguments: [
                        "", title, entry?.signals ?? "", "",
                        [node.fix, node.outdated].compactMap { $0 }.joined(separator: "\n"), tree.id, node.id, title,
                    ])
                } else {
                    let question = ([node.ask, node.look].compactMap { $0 } + node.commands.map(\.command))
                        .joined(separator: "\n")
                    try insert.execute(arguments: [
                        "", node.id.replacingOccurrences(of: "-", with: " "), "", question, "", tree.id, node.id,
                        node.ask ?? node.id,
                    ])
                }
            }
        }
        try fillDiagnoses(db, knowledgeBase: knowledgeBase)
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('fingerprint', ?)", arguments: [key])
    }

    /// Columns of the per-diagnosis documents, most telling first: the catalogue's signals (the
    /// error strings and config keys that point to the cause), its id and title, the symptom lines
    /// of the trees that reach only a few causes, those of broad trees (a tree that ends in many
    /// ids says little about each), and the body (fixes, outdated advice, what the signals test).
    static let diagnosisColumns = ["signals", "name", "catalogue", "symptoms", "broad", "body"]
    static let diagnosisWeights = "1.0, 1.0, 1.0, 2.0, 0.25, 0.3"
    /// A tree that reaches more causes than this lends its symptom lines to the `broad` column.
    static let narrowTreeLimit = 4

    /// One FTS5 document per diagnosis id, so full-text relevance can tell apart the causes inside
    /// one tree (the tree-level ranking could not).
    private static func fillDiagnoses(_ db: Database, knowledgeBase: KnowledgeBase) throws {
        try db.execute(sql: "DROP TABLE IF EXISTS diagnoses")
        try db.execute(
            sql: """
                CREATE VIRTUAL TABLE diagnoses USING fts5(
                    signals, name, catalogue, symptoms, broad, body, diagnosis_id UNINDEXED, tokenize = 'unicode61')
                """)
        var documents: [String: [[String]]] = [:]
        func add(_ id: String, _ column: Int, _ text: String?) {
            guard let text, !text.isEmpty else { return }
            var columns = documents[id] ?? Array(repeating: [], count: diagnosisColumns.count)
            columns[column].append(CJKSegmenter.segment(text))
            documents[id] = columns
        }
        for entry in knowledgeBase.catalog.entries {
            add(entry.id, 0, entry.signals)
            add(entry.id, 1, entry.id.replacingOccurrences(of: "-", with: " ") + ": " + entry.title)
            add(entry.id, 2, entry.fix)
            add(entry.id, 2, entry.versions)
        }
        for tree in knowledgeBase.trees {
            let reached = knowledgeBase.reachableDiagnoses(from: tree.startNodeID, in: tree)
            let column = reached.count <= narrowTreeLimit ? 3 : 4
            for id in reached {
                for symptom in tree.symptoms { add(id, column, symptom) }
            }
            for node in tree.nodes where node.kind == .diagnosis {
                guard let id = node.diagnosisID else { continue }
                add(id, 3, node.words)
                add(id, 5, node.fix)
                add(id, 5, node.outdated)
                add(id, 5, node.requires.map { "\($0)" })
                for signal in node.signals where signal.weight > 0 { add(id, 5, "\(signal.condition)") }
            }
        }
        let insert = try db.makeStatement(
            sql: "INSERT INTO diagnoses(signals, name, catalogue, symptoms, broad, body, diagnosis_id) VALUES (?, ?, ?, ?, ?, ?, ?)")
        for id in documents.keys.sorted() {
            let columns = documents[id]!.map { $0.joined(separator: "\n") }
            try insert.execute(arguments: StatementArguments(columns + [id]))
        }
    }

    /// Ranked hits for free text. Any text is safe: it is tokenized, never passed to MATCH raw.
    /// Rows holding every word rank first; rows holding some of them fill up to `limit`.
    public func search(_ text: String, limit: Int) throws -> [KnowledgeHit] {
        guard limit > 0 else { return [] }
        return try hitCache.value(for: .init(text: text, limit: limit), text: text) { try query(text, limit: limit) }
    }

    private func query(_ text: String, limit: Int) throws -> [KnowledgeHit] {
        let query = FullTextQuery(text)
        let patterns = [query.allTokens, query.anyToken].compactMap { $0 }
        guard !patterns.isEmpty else { return [] }
        // One prepared statement per connection, reused: the bot searches on every message. The
        // connection is read-only (or a private in-memory copy), so no transaction is needed.
        return try queue.inDatabase { db in
            let statement = try db.cachedStatement(sql: Self.searchSQL)
            var hits: [KnowledgeHit] = []
            var seen: Set<Int64> = []
            for pattern in patterns where hits.count < limit {
                let rows = try Row.fetchCursor(statement, arguments: [pattern, limit])
                while hits.count < limit, let row = try rows.next() {
                    let rowID: Int64 = row[0]
                    guard seen.insert(rowID).inserted else { continue }
                    hits.append(
                        KnowledgeHit(
                            treeID: row[1], nodeID: row[2], title: row[3],
                            snippet: (row[4] as String?) ?? "", score: -((row[5] as Double?) ?? 0)))
                }
            }
            return hits
        }
    }

    /// Full-text relevance of every diagnosis to the informative part of `text` (see
    /// `InformativeQuery`): negated bm25, higher is better, best first; empty when nothing in the
    /// text is informative or nothing matches.
    public func relevance(_ text: String) throws -> [DiagnosisRelevance] {
        guard let expression = InformativeQuery(text).expression else { return [] }
        return try relevanceCache.value(for: text, text: text) {
            try queue.inDatabase { db in
                let statement = try db.cachedStatement(sql: Self.relevanceSQL)
                var result: [DiagnosisRelevance] = []
                let rows = try Row.fetchCursor(statement, arguments: [expression])
                while let row = try rows.next() {
                    result.append(DiagnosisRelevance(id: row[0], score: -((row[1] as Double?) ?? 0)))
                }
                return result
            }
        }
    }

    private static let relevanceSQL = """
        SELECT diagnosis_id, bm25(diagnoses, \(diagnosisWeights)) AS rank
        FROM diagnoses WHERE diagnoses MATCH ? ORDER BY rank
        """

    private static let searchSQL = """
        SELECT rowid, tree_id, node_id, display,
               snippet(entries, -1, '[', ']', '…', 12) AS snippet,
               bm25(entries, \(weights)) AS rank
        FROM entries WHERE entries MATCH ? ORDER BY rank LIMIT ?
        """
}

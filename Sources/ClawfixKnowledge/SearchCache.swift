import Foundation

/// Remembers recent search results of one `KnowledgeIndex`, which never changes once open, so a
/// cached answer is exactly what SQLite would say again.
///
/// The bot searches on every message, and people paste the same few error lines again and again
/// (an FTS5 query with bm25 costs about a millisecond on these tables). Bounded: when full it
/// starts over, so memory stays at `capacity` entries of at most `maximumKeyBytes` of text each.
/// One type serves both searches: tree and node hits (`HitSearch`) and diagnosis relevance (text).
final class SearchCache<Key: Hashable, Value>: @unchecked Sendable {
    let capacity: Int
    let maximumKeyBytes: Int
    private let lock = NSLock()
    private var entries: [Key: Value] = [:]

    init(capacity: Int = 1_024, maximumKeyBytes: Int = 4_096) {
        self.capacity = capacity
        self.maximumKeyBytes = maximumKeyBytes
    }

    /// The cached value for `key`, or the result of `compute` (cached when `text`, the searched
    /// text the key stands for, is short enough).
    func value(for key: Key, text: String, compute: () throws -> Value) rethrows -> Value {
        guard text.utf8.count <= maximumKeyBytes else { return try compute() }
        if let cached = lock.withLock({ entries[key] }) { return cached }
        let value = try compute()
        lock.withLock {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = value
        }
        return value
    }

    var count: Int { lock.withLock { entries.count } }
}

/// A tree-and-node search: its text and how many hits were asked for.
struct HitSearch: Hashable {
    var text: String
    var limit: Int
}

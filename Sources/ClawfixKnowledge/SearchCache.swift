import Foundation

/// Remembers recent search results of one `KnowledgeIndex`, which never changes once open, so a
/// cached answer is exactly what SQLite would say again.
///
/// The bot searches on every message, and people paste the same few error lines again and again
/// (an FTS5 query with bm25 and snippets costs about a millisecond on this table). Bounded: when
/// full it starts over, so memory stays at `capacity` entries of at most `maximumKeyBytes` each.
final class SearchCache: @unchecked Sendable {
    struct Key: Hashable {
        var text: String
        var limit: Int
    }

    let capacity: Int
    let maximumKeyBytes: Int
    private let lock = NSLock()
    private var entries: [Key: [KnowledgeHit]] = [:]

    init(capacity: Int = 1_024, maximumKeyBytes: Int = 4_096) {
        self.capacity = capacity
        self.maximumKeyBytes = maximumKeyBytes
    }

    /// The cached hits, or the result of `search` (cached when the text is short enough).
    func hits(for key: Key, search: () throws -> [KnowledgeHit]) rethrows -> [KnowledgeHit] {
        guard key.text.utf8.count <= maximumKeyBytes else { return try search() }
        if let cached = lock.withLock({ entries[key] }) { return cached }
        let hits = try search()
        lock.withLock {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = hits
        }
        return hits
    }

    /// The cached relevance for a text, or the result of `search` (same bounds as `hits`).
    func relevance(for text: String, search: () throws -> [DiagnosisRelevance]) rethrows -> [DiagnosisRelevance] {
        guard text.utf8.count <= maximumKeyBytes else { return try search() }
        if let cached = lock.withLock({ relevanceEntries[text] }) { return cached }
        let result = try search()
        lock.withLock {
            if relevanceEntries.count >= capacity { relevanceEntries.removeAll(keepingCapacity: true) }
            relevanceEntries[text] = result
        }
        return result
    }

    private var relevanceEntries: [String: [DiagnosisRelevance]] = [:]

    var count: Int { lock.withLock { entries.count } }
}

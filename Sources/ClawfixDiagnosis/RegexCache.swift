import Foundation

/// Compiled `~ /regex/` patterns of the knowledge base, shared by every conversation.
///
/// Compiling an `NSRegularExpression` costs far more than matching one short fact value, and the
/// bot evaluates the same few patterns thousands of times a second, so each pattern is compiled once.
/// `NSRegularExpression` is immutable after creation and documented thread-safe for matching; the
/// lock only guards the dictionary.
final class RegexCache: @unchecked Sendable {
    static let shared = RegexCache()

    private let lock = NSLock()
    /// nil marks a pattern that does not compile (it then never matches).
    private var compiled: [String: NSRegularExpression?] = [:]

    func regex(_ pattern: String) -> NSRegularExpression? {
        lock.lock()
        defer { lock.unlock() }
        if let known = compiled[pattern] { return known }
        let made = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        compiled[pattern] = made
        return made
    }

    func matches(_ pattern: String, _ value: String) -> Bool {
        guard let regex = regex(pattern) else { return false }
        let range = NSRange(value.startIndex..<value.endIndex, in: value)
        return regex.firstMatch(in: value, options: [], range: range) != nil
    }
}

extension VersionRange {
    /// Parses `from A`, `until B` or `from A until B` (`KnowledgeBase/README.md`, "Node keys").
    /// Throws a message naming what is wrong; an empty range (`from 2026.3.1 until 2026.2.1`) is
    /// returned, not thrown, so the linter can say "empty" rather than "malformed".
    public static func parse(_ text: String) throws -> VersionRange {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        var range = VersionRange()
        var index = 0
        func version(after keyword: String) throws -> OpenClawVersion {
            guard index + 1 < words.count else {
                throw KnowledgeSyntaxError("`\(keyword)` needs a release like 2026.2.21")
            }
            guard let version = OpenClawVersion(words[index + 1]) else {
                throw KnowledgeSyntaxError("`\(words[index + 1])` is not a release like 2026.2.21")
            }
            index += 2
            return version
        }
        if index < words.count, words[index] == "from" { range.from = try version(after: "from") }
        if index < words.count, words[index] == "until" { range.until = try version(after: "until") }
        guard index == words.count, range.from != nil || range.until != nil else {
            throw KnowledgeSyntaxError(
                "expected `from A`, `until B` or `from A until B`, got `\(text)`")
        }
        return range
    }
}

import Foundation
import ClawfixDiagnosis
import ClawfixEvidence

/// Evidence as a reader can take it in: a pasted line is cut to `maximumCharacters` (a minified
/// JSON log line can be a megabyte), and a diagnosis lists at most `maximumLines` of them, saying
/// how many more there were. The report's JSON keeps every line whole.
enum EvidenceText {
    static let maximumCharacters = 200
    static let maximumLines = 6

    static func cut(_ text: String) -> String {
        guard text.utf8.count > maximumCharacters, text.count > maximumCharacters else { return text }
        // `clawfix doctor` names the command a line came from after it (`   ← docker ps -a`): the
        // pasted part is cut, the name kept.
        var line = Substring(text)
        var source = ""
        if let arrow = text.range(of: "   ← ", options: .backwards) {
            line = text[..<arrow.lowerBound]
            source = String(text[arrow.lowerBound...])
        }
        guard line.count > maximumCharacters else { return text }
        return String(line.prefix(maximumCharacters)) + " … (\(line.count - maximumCharacters) more characters)" + source
    }

    /// Evidence that is a fact spelled with its internal name (`install.kind = docker`: something
    /// clawfix concluded, not a line anyone wrote). Kept in JSON and on the terminal; a Discord
    /// reader never sees those names anywhere else, so the Markdown reply leaves it out.
    static func isInternal(_ evidence: EvidenceLine) -> Bool {
        guard evidence.line == nil, let equals = evidence.text.range(of: " = ") else { return false }
        return FactVocabulary.isKnown(String(evidence.text[..<equals.lowerBound]))
    }

    /// Where a piece of evidence came from, and its text without that prefix: `line 3`, `probe`
    /// (the live probe's observations, `probe: …`), or `you said` (words, answers).
    static func placed(_ evidence: EvidenceLine) -> (place: String, text: String) {
        if let line = evidence.line { return ("line \(line)", evidence.text) }
        if evidence.text.hasPrefix("probe: ") { return ("probe", String(evidence.text.dropFirst("probe: ".count))) }
        return ("you said", evidence.text)
    }

    /// The lines to show and how many were left out.
    static func shown<T>(_ lines: [T]) -> (lines: ArraySlice<T>, omitted: Int) {
        (lines.prefix(maximumLines), max(0, lines.count - maximumLines))
    }
}

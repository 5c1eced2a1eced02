import Foundation

/// The numbers that turn text relevance and rule evidence into one ranking and a confidence, read
/// from `KnowledgeBase/ranking.md`.
///
/// They are fitted, not hand-picked: `scripts/fit-ranking.py` fits them on real support cases with
/// k-fold cross-validation and writes the file (with the figures it measured). A `ranking.md` in a
/// `--kb` directory replaces the built-in one, which is how the fit checks its result against the
/// real binary without a rebuild.
public struct RankingWeights: Sendable, Hashable {
    /// Points for full-text relevance at its best (relevance is normalised to 0…1 per message).
    public var text: Double = 4
    /// The bm25 score below which the best match of a message is not a full match: relevance is
    /// divided by max(best score, this), so a message that matches nothing well lends little.
    public var textFloor: Double = 6
    /// Points per unit of rule evidence for a diagnosis (signal weights, one witness per line).
    public var evidence: Double = 1
    /// Points per unit of rule evidence against a diagnosis (negative signal weights).
    public var against: Double = 1
    /// Points per branch of the tree the facts take on the way to the diagnosis.
    public var path: Double = 0.3
    /// The highest score a diagnosis can have while its defining evidence (`requires:`) is unknown.
    public var unconfirmedCap: Double = 3
    /// Points taken from a diagnosis limited to some releases while the release is unknown.
    public var versionUnknown: Double = 1
    /// Points taken from a generic diagnosis when one of its refinements has its defining evidence.
    public var refined: Double = 2
    /// Points for a cause of the symptom the newest message names, after older messages named others.
    public var current: Double = 3
    /// The score of "something else": a candidate needs evidence to leave it behind.
    public var other: Double = 2
    /// Softmax temperature.
    public var temperature: Double = 1.5
    /// The highest confidence shown when the top cause rests on one input line, on two.
    public var oneLineCap: Double = 0.8
    public var twoLineCap: Double = 0.92

    public init() {}

    /// The names as written in the file's table, with their key paths (immutable: key paths are
    /// values, but not marked `Sendable` by the standard library).
    nonisolated(unsafe) static let fields: [(name: String, path: WritableKeyPath<RankingWeights, Double>)] = [
        ("text", \.text), ("text-floor", \.textFloor), ("evidence", \.evidence), ("against", \.against),
        ("path", \.path), ("unconfirmed-cap", \.unconfirmedCap), ("version-unknown", \.versionUnknown),
        ("refined", \.refined), ("current", \.current), ("other", \.other), ("temperature", \.temperature),
        ("one-line-cap", \.oneLineCap), ("two-line-cap", \.twoLineCap),
    ]

    /// Reads the first Markdown table whose header has `name` and `value` columns; rows with other
    /// names are errors, missing names keep their defaults. Problems come back as `file:line`.
    public static func parse(markdown: String, file: String) -> (weights: RankingWeights, problems: [LintMessage]) {
        var weights = RankingWeights()
        var problems: [LintMessage] = []
        var columns: (name: Int, value: Int)?
        for (offset, rawLine) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("|") else {
                if columns != nil { break }
                continue
            }
            let cells = line.dropFirst().split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            }
            guard let known = columns else {
                let lowered = cells.map { $0.lowercased() }
                if let name = lowered.firstIndex(of: "name"), let value = lowered.firstIndex(of: "value") {
                    columns = (name, value)
                }
                continue
            }
            if cells.allSatisfy({ $0.allSatisfy { $0 == "-" || $0 == ":" } }) { continue }
            guard known.name < cells.count, known.value < cells.count else { continue }
            let name = cells[known.name]
            guard let field = fields.first(where: { $0.name == name }) else {
                problems.append(LintMessage(file: file, line: offset + 1, message: "unknown ranking weight `\(name)`"))
                continue
            }
            guard let value = Double(cells[known.value]), value.isFinite else {
                problems.append(
                    LintMessage(file: file, line: offset + 1, message: "`\(name)` needs a number, not `\(cells[known.value])`"))
                continue
            }
            weights[keyPath: field.path] = value
        }
        if weights.temperature <= 0 {
            problems.append(LintMessage(file: file, line: 1, message: "`temperature` must be above 0"))
            weights.temperature = RankingWeights().temperature
        }
        return (weights, problems)
    }
}

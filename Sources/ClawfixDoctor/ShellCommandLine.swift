import Foundation

/// A POSIX shell command line taken apart as far as deciding what it does needs: the simple
/// commands it runs (split at `;`, `&&`, `||`, `|`, `&`), their words with quotes removed, where
/// output is redirected, and whether anything is substituted (`$(…)`, backticks) that cannot be
/// judged before it runs.
struct ShellCommandLine: Sendable, Hashable {
    /// Each simple command's words, in order.
    var commands: [[String]]
    /// Targets of `>`/`>>` redirections (`/dev/null`, `&1`, a file).
    var outputRedirections: [String]
    /// `$(…)` or a backtick outside single quotes.
    var hasSubstitution: Bool
    /// The quotes never closed: the line is not one the shell would run as written.
    var isUnbalanced: Bool

    init(_ text: String) {
        commands = []
        outputRedirections = []
        hasSubstitution = false
        isUnbalanced = false
        var words: [String] = []
        var word: [Unicode.Scalar] = []
        var inWord = false
        var quote: Unicode.Scalar?
        var escaped = false
        var awaitingRedirection = false
        let scalars = Array(text.unicodeScalars)

        func endWord() {
            guard inWord else { return }
            let value = String(String.UnicodeScalarView(word))
            if awaitingRedirection {
                outputRedirections.append(value)
                awaitingRedirection = false
            } else {
                words.append(value)
            }
            word.removeAll()
            inWord = false
        }
        func endCommand() {
            endWord()
            if !words.isEmpty { commands.append(words) }
            words.removeAll()
        }

        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            index += 1
            if escaped {
                word.append(scalar)
                escaped = false
                continue
            }
            if let open = quote {
                if scalar == open {
                    quote = nil
                } else if open == "\"" && scalar == "\\" {
                    escaped = true
                } else {
                    if open == "\"" && (scalar == "`" || scalar == "$" && next == "(") { hasSubstitution = true }
                    word.append(scalar)
                }
                continue
            }
            switch scalar {
            case "'", "\"":
                quote = scalar
                inWord = true
            case "\\":
                escaped = true
                inWord = true
            case " ", "\t":
                endWord()
            case "\n", ";":
                endCommand()
            case "|", "&":
                if next == scalar { index += 1 }
                endCommand()
            case ">":
                // `2>` / `2>&1`: the digits before `>` name a descriptor, not a word.
                if inWord && word.allSatisfy({ $0.properties.numericType != nil }) {
                    word.removeAll()
                    inWord = false
                } else {
                    endWord()
                }
                if next == ">" { index += 1 }
                awaitingRedirection = true
                // `>&1` is one target word.
                if index < scalars.count, scalars[index] == "&" {
                    word.append("&")
                    inWord = true
                    index += 1
                }
            case "<":
                endWord()
            case "`":
                hasSubstitution = true
                word.append(scalar)
                inWord = true
            case "$" where next == "(":
                hasSubstitution = true
                word.append(scalar)
                inWord = true
            default:
                word.append(scalar)
                inWord = true
            }
        }
        isUnbalanced = quote != nil || escaped
        endCommand()
        if awaitingRedirection { outputRedirections.append("") }
    }

    /// Quotes `text` as one word for a POSIX shell: `'…'`, with each `'` written as `'\''`.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

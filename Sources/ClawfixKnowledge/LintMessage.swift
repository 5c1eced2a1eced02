/// One problem in a knowledge-base file, printed the way compilers print theirs (`file:line: message`)
/// so editors can jump to it.
public struct LintMessage: Sendable, Hashable, CustomStringConvertible, Error {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}

/// The knowledge base cannot be used: every problem found, each as `file:line: message`.
public struct KnowledgeBaseError: Error, Sendable, Hashable, CustomStringConvertible {
    public var problems: [LintMessage]

    public init(_ problems: [LintMessage]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

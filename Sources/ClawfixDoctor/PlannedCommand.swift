/// One read-only command doctor runs (or, with `--dry-run`, would run) on the gateway host.
public struct PlannedCommand: Sendable, Hashable {
    /// The shell command line, as it runs on the host and as the evidence shows it.
    public var command: String
    /// The directory it runs in (a compose project's), nil for the login directory.
    public var directory: String?
    /// Where it comes from: `discovery`, or the knowledge-base node (`pairing-required.md#docker-log`).
    public var source: String
    /// It asks for `sudo` (only planned with `--sudo`), and why.
    public var sudoReason: String?

    public init(_ command: String, directory: String? = nil, source: String, sudoReason: String? = nil) {
        self.command = command
        self.directory = directory
        self.source = source
        self.sudoReason = sudoReason
    }

    /// The command line the shell runs: `cd DIR && COMMAND` when it has a directory.
    public var script: String {
        guard let directory else { return command }
        return "cd \(ShellCommandLine.quoted(directory)) && \(command)"
    }
}

/// A command doctor chose not to run, and why (it would change state, a tool is missing, …).
public struct SkippedCommand: Sendable, Hashable {
    public var command: String
    public var source: String
    public var reason: String

    public init(command: String, source: String, reason: String) {
        self.command = command
        self.source = source
        self.reason = reason
    }
}

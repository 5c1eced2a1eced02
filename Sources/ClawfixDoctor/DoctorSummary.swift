/// The part of doctor's report that is about the collection — what was found, how many commands
/// ran, the notes, where the bundle went — printed before the diagnosis (which is paste's report).
public struct DoctorSummary: Sendable {
    public var evidence: DoctorEvidence
    public var bundlePath: String?

    public init(evidence: DoctorEvidence, bundlePath: String?) {
        self.evidence = evidence
        self.bundlePath = bundlePath
    }

    /// Plain text lines.
    public func lines() -> [String] {
        var lines: [String] = []
        let ran = evidence.records.filter { $0.status != nil }
        let slowest = ran.map(\.seconds).max() ?? 0
        if evidence.reachable {
            lines.append("Found: \(Self.printable(evidence.install.summary))")
            lines.append(
                "Ran \(ran.count) read-only command\(ran.count == 1 ? "" : "s") in \(Self.format(evidence.seconds)) s "
                    + "(slowest \(Self.format(slowest)) s)"
                    + (evidence.skipped.isEmpty ? "" : "; skipped \(evidence.skipped.count) (`clawfix doctor --dry-run` lists them with the reason)")
                    + ".")
        }
        let sudo = evidence.records.compactMap { record in record.command.sudoReason.map { (record.command.command, $0) } }
        for (command, reason) in sudo { lines.append("Ran with sudo (\(reason)): \(Self.printable(command))") }
        if !evidence.notes.isEmpty {
            lines.append("Notes:")
            for note in evidence.notes { lines.append("  - " + Self.printable(note.text)) }
        }
        if let bundlePath {
            lines.append("Evidence bundle (redacted, fit to post): \(Self.printable(bundlePath)); `clawfix paste \(Self.printable(bundlePath))` reads it back.")
        }
        return lines
    }

    /// The same as Markdown.
    public func markdown() -> String {
        var out = "## clawfix doctor\n\n"
        for line in lines() {
            out += line.hasPrefix("  - ") ? String(line.dropFirst(2)) + "\n" : line + "\n\n"
        }
        return out
    }

    static func format(_ seconds: Double) -> String {
        String(format: "%.1f", seconds)
    }

    /// Without control characters: a host name or path from the command line must not move the cursor.
    public static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.properties.generalCategory != .control }))
    }
}

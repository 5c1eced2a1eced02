import Foundation

/// A gateway host made of fake executables: `docker`, `openclaw`, `ss`, `curl`, `systemctl`, `ssh`
/// … written as shell scripts into a temporary `bin/`, first (with a few real utilities such as
/// `grep`) on a PATH that holds nothing else, so doctor meets exactly the host a test describes.
/// Each fake prints a real output shape (`shared/reference/command-outputs.md`) for the arguments
/// it is given and appends its command line to a log, so a test can see what doctor ran.
public final class FakeHost: @unchecked Sendable {
    /// One answer of a fake: a `case` glob over the arguments (`*` is the only wildcard; everything
    /// else is literal), what it prints, and how it exits.
    public struct Rule: Sendable {
        public var pattern: String
        public var output: String
        public var status: Int32 = 0
        /// Hang instead of answering (a `docker` whose daemon does not respond).
        public var hangs = false

        public init(_ pattern: String, _ output: String, status: Int32 = 0, hangs: Bool = false) {
            self.pattern = pattern
            self.output = output
            self.status = status
            self.hangs = hangs
        }
    }

    public let root: URL
    public let bin: URL
    public let tools: URL
    public let home: URL
    public let calls: URL
    private var outputCount = 0

    /// Real programs doctor's command lines pipe through; everything else must be a fake.
    static let utilities = ["sh", "grep", "cut", "head", "tail", "cat", "sleep", "env", "id", "wc", "tr", "sort", "sed", "awk", "ls"]

    public init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("clawfix-fakehost-\(UUID().uuidString)")
        bin = root.appendingPathComponent("bin")
        tools = root.appendingPathComponent("tools")
        home = root.appendingPathComponent("home")
        calls = root.appendingPathComponent("calls.log")
        for directory in [bin, tools, home, root.appendingPathComponent("out")] {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        _ = FileManager.default.createFile(atPath: calls.path, contents: nil)
        for name in Self.utilities {
            guard let path = ["/usr/bin/\(name)", "/bin/\(name)"].first(where: { FileManager.default.isExecutableFile(atPath: $0) })
            else { continue }
            try FileManager.default.createSymbolicLink(atPath: tools.appendingPathComponent(name).path, withDestinationPath: path)
        }
        // `ps` is faked too: the real one would show this machine's processes.
        try program("ps", [])
    }

    public func remove() { try? FileManager.default.removeItem(at: root) }

    /// What the fakes see: only the fake bin and the utilities on PATH.
    public var environment: [String: String] {
        [
            "PATH": "\(bin.path):\(tools.path)", "HOME": home.path, "CLAWFIX_FAKE_CALLS": calls.path, "LANG": "C.UTF-8",
            "USER": "alice",
        ]
    }

    /// Writes fake `name`: the first matching rule answers; anything else prints nothing, exit 1.
    public func program(_ name: String, _ rules: [Rule], prelude: String = "") throws {
        var script = "#!/bin/sh\nprintf '%s\\n' \"\(name) $*\" >> \"$CLAWFIX_FAKE_CALLS\"\n\(prelude)\ncase \"$*\" in\n"
        for rule in rules {
            outputCount += 1
            let file = root.appendingPathComponent("out/\(name)-\(outputCount).txt")
            try Data(rule.output.utf8).write(to: file)
            let body = rule.hangs ? "exec sleep 600" : "cat '\(file.path)'; exit \(rule.status)"
            script += "  \(Self.glob(rule.pattern))) \(body) ;;\n"
        }
        script += "  *) exit 1 ;;\nesac\n"
        let path = bin.appendingPathComponent(name).path
        try Data(script.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }

    /// A fake `ssh` that insists on batch mode and a time limit, then runs the remote command here
    /// with this host's PATH (a real login shell would read /etc/profile, which resets PATH); and
    /// a fake `bash` that records the login flag and runs the script.
    public func sshAndLoginShell() throws {
        let ssh = """
            #!/bin/sh
            printf '%s\\n' "ssh $*" >> "$CLAWFIX_FAKE_CALLS"
            batch=no; timeout=no
            while [ $# -gt 0 ]; do
              case "$1" in
                --) shift; break ;;
                -o) case "$2" in BatchMode=yes) batch=yes ;; ConnectTimeout=*) timeout=yes ;; esac; shift 2 ;;
                *) shift ;;
              esac
            done
            if [ "$batch" != yes ] || [ "$timeout" != yes ]; then echo "fake ssh: would prompt" >&2; exit 255; fi
            shift
            exec /bin/sh -c "$1"
            """
        let bash = """
            #!/bin/sh
            printf '%s\\n' "bash $1" >> "$CLAWFIX_FAKE_CALLS"
            exec /bin/sh -c "$2"
            """
        for (name, script) in [("ssh", ssh), ("bash", bash)] {
            let path = bin.appendingPathComponent(name).path
            try Data((script + "\n").utf8).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
    }

    /// Every fake's command line so far, in order.
    public func recordedCalls() -> [String] {
        ((try? String(contentsOf: calls, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// `ps -a --format {{json .}}*` → `'ps -a --format {{json .}}'*`.
    static func glob(_ pattern: String) -> String {
        pattern.split(separator: "*", omittingEmptySubsequences: false).map { piece in
            piece.isEmpty ? "" : "'" + piece.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: "*")
    }
}

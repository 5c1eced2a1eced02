import Foundation
import Testing

/// `clawfix paste` as a user runs it: a file (or stdin) in, a report and exit code out.
@Suite(.serialized)
struct PasteEndToEndTests {
    struct ErrorCase: CustomTestStringConvertible, Sendable {
        var paste: String
        var expected: [String]
        var testDescription: String { expected.joined(separator: "|") + " ← " + String(paste.prefix(60)) }
    }

    /// The user-visible strings of the gateway spec §6, as users paste them, and the cause each names first.
    static let errorStrings: [ErrorCase] = [
        .init(paste: "disconnected (1008): pairing required", expected: ["pairing-not-approved"]),
        .init(
            paste: "disconnected (1008): unauthorized: gateway token missing (open the dashboard URL and paste the token in Control UI settings)",
            expected: ["token-missing"]),
        .init(
            paste: "gateway closed (1008): unauthorized: gateway token mismatch (set gateway.remote.token to match gateway.auth.token)",
            expected: ["token-mismatch"]),
        .init(paste: "unauthorized: device token mismatch (rotate/reissue device token)", expected: ["stale-device-token"]),
        .init(
            paste: "disconnected (1008): control ui requires device identity (use HTTPS or localhost secure context)",
            expected: ["insecure-context"]),
        .init(paste: "disconnected (1008): control ui requires HTTPS or localhost (secure context)", expected: ["insecure-context"]),
        .init(
            paste: "disconnected (1008): origin not allowed (open the Control UI from the gateway host or allow it in gateway.controlUi.allowedOrigins)",
            expected: ["origin-not-allowed"]),
        .init(paste: "disconnected (1002): protocol mismatch", expected: ["protocol-mismatch"]),
        .init(
            paste: "Error: non-loopback Control UI requires gateway.controlUi.allowedOrigins (set explicit origins), or set gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback=true to use Host-header origin fallback mode",
            expected: ["allowed-origins-required"]),
        .init(
            paste: "gateway closed (1006 abnormal closure (no close frame)): no close reason",
            expected: ["gateway-not-running", "cli-container-loopback"]),
        .init(
            paste: "SECURITY ERROR: Gateway URL \"ws://openclaw-gateway:18789\" uses plaintext ws:// to a non-loopback address.",
            expected: ["cli-container-loopback"]),
        .init(paste: "bash: openclaw: command not found", expected: ["cli-not-on-path"]),
        .init(
            paste: "2026-03-02T10:14:07.412Z [gateway] closed before connect conn=7f3a peer=172.18.0.1:51234->172.18.0.2:18789 remote=172.18.0.1 fwd=n/a origin=http://localhost:18789 host=localhost:18789 ua=Mozilla/5.0 code=1008 reason=pairing required",
            expected: ["docker-nat-not-local", "pairing-not-approved"]),
        .init(paste: "curl: (7) Failed to connect to 127.0.0.1 port 18789 after 0 ms: Couldn't connect to server", expected: ["gateway-not-running"]),
    ]

    @Test(arguments: errorStrings)
    func errorStringNamesItsCauseFirst(_ errorCase: ErrorCase) throws {
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        let path = try binary.file("error.txt", Array((errorCase.paste + "\n").utf8))
        let result = try binary.run(["paste", path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let first = ClawfixBinary.firstDiagnosisID(result.stdout)
        #expect(first.map(errorCase.expected.contains) == true, "first diagnosis \(first ?? "none"); output \(result.stdout.prefix(400))")
    }

    @Test func textReportShowsEvidenceLineFixAndNext() throws {
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        let paste = """
            $ openclaw devices list
            gateway closed (1008): pairing required
            Gateway target: ws://127.0.0.1:18789
            Source: local loopback

            """
        let result = try binary.run(["paste"], stdin: paste)
        #expect(result.status == 0)
        // `devices list` itself rejected with pairing required: the approver is unpaired
        // (diagnoses.md), so "run devices approve" would be circular.
        #expect(result.stdout.contains("1. approver-is-unpaired"))
        #expect(result.stdout.contains("line 2: gateway closed (1008): pairing required"))
        #expect(result.stdout.contains("Fix:"))
        #expect(!result.stdout.contains("\u{1B}"), "colour in a redirected report")
    }

    @Test func noArgumentsAndPipedInputIsAPaste() throws {
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        let result = try binary.run(["--format", "json"], stdin: "disconnected (1008): pairing required\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("{\n  \"diagnoses\": ["))
    }

    @Test func unreadableFileIsAnErrorWithExitOne() throws {
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        let result = try binary.run(["paste", binary.home.appendingPathComponent("no-such.log").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot read"))
        #expect(result.stderr.contains("no-such.log"))
        #expect(result.stdout.isEmpty)
    }

    /// The system's own words, for paste and redact alike: a directory is not "could not be completed".
    @Test func directoryAndMissingFileGetTheSystemsReason() throws {
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        let directory = binary.home.path
        for command in ["paste", "redact"] {
            let result = try binary.run([command, directory])
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr == "clawfix: cannot read \(directory): Is a directory\n", "\(command)")
            #expect(result.stdout.isEmpty, "\(command)")
            let missing = binary.home.appendingPathComponent("no-such.log").path
            let gone = try binary.run([command, missing])
            #expect(gone.status == 1)
            #expect(gone.stderr == "clawfix: cannot read \(missing): No such file or directory\n", "\(command)")
        }
    }

    @Test(arguments: ["text", "markdown", "json"])
    func emptyInputSaysSoOnStderrWithAFailingStatus(format: String) throws {
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        let result = try binary.run(["paste", "--format", format], stdin: "  \n")
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("clawfix: Empty message."))
        #expect(result.stdout.isEmpty)
    }

    @Test func binaryInputSaysItLooksBinary() throws {
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        var bytes: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0]
        for index in 0..<4096 { bytes.append(UInt8(truncatingIfNeeded: index * 7)) }
        bytes += [UInt8](repeating: 0, count: 2048)
        for format in ["text", "markdown", "json"] {
            let result = try binary.run(["paste", "--format", format], stdin: bytes)
            #expect(result.status == 2, "\(format)")
            #expect(result.stderr.contains("looks like binary data"), "\(format)")
            #expect(result.stdout.isEmpty, "\(format)")
            #expect(!result.stderr.contains("\u{1B}"))
        }
    }

    @Test func invalidUTF8CRLFAndANSIAreCleanedAndStillAnalysed() throws {
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        var bytes = Array("\u{1B}[31mdisconnected (1008): pairing required\u{1B}[39m\r\n".utf8)
        bytes += [0xC3, 0x28, 0xFF, 0x0D, 0x0A]
        let result = try binary.run(["paste", "--format", "json"], stdin: bytes)
        #expect(result.status == 0)
        #expect(ClawfixBinary.firstDiagnosisID(result.stdout) == "pairing-not-approved")
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(result.stderr.contains("invalid UTF-8"))
    }

    @Test func fiftyMegabytesAreTruncatedWithANotice() throws {
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(50 << 20)
        bytes += Array("disconnected (1008): pairing required\n".utf8)
        let filler = Array("2026-03-02T10:14:07.412Z [gateway] heartbeat ok conn=7f3a uptime=1234s\n".utf8)
        while bytes.count < 50 << 20 { bytes += filler }
        let path = try binary.file("big.log", bytes)
        let result = try binary.run(["paste", path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("only the first 8 MB"))
        #expect(result.stdout.contains("pairing-not-approved"))
    }

    /// `clawfix paste [FILE]` without options skips the argument parser; it must answer exactly
    /// as the parsed form does, for a file, for standard input and for a missing file.
    @Test func bareInvocationAnswersLikeTheParsedOne() throws {
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        let paste = "disconnected (1008): pairing required\n"
        let path = try binary.file("one.log", Array(paste.utf8))
        let bare = try binary.run(["paste", path])
        let parsed = try binary.run(["paste", "--format", "text", path])
        #expect(bare.status == 0)
        #expect(bare.stdout.contains("pairing-not-approved"))
        #expect(bare.stdout == parsed.stdout)
        #expect(try binary.run(["paste"], stdin: paste).stdout == parsed.stdout)
        #expect(try binary.run(["paste", "-"], stdin: paste).stdout == parsed.stdout)
        let missing = binary.home.appendingPathComponent("missing.log").path
        let bareMissing = try binary.run(["paste", missing])
        let parsedMissing = try binary.run(["paste", "--format", "text", missing])
        #expect(bareMissing.status == 1 && parsedMissing.status == 1)
        #expect(bareMissing.stderr == parsedMissing.stderr)
        #expect(bareMissing.stderr.hasPrefix("clawfix: cannot read \(missing): "))
    }

    @Test func aReportEndsWithHowToGoOnAndListsFactsOnlyWhenVerbose() throws {
        let binary = try ClawfixBinary()
        defer { binary.remove() }
        let paste = "openclaw-openclaw-gateway-1   127.0.0.1:18789->18789/tcp\nand the Control UI says: disconnected (1008): pairing required\n"
        let plain = try binary.run(["paste"], stdin: paste)
        #expect(plain.status == 0)
        let last = plain.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("To go on: "), "\(plain.stdout)")
        #expect(!plain.stdout.contains("Facts: "))
        let verbose = try binary.run(["paste", "--verbose"], stdin: paste)
        #expect(verbose.stdout.contains("\nFacts: "))
        let markdown = try binary.run(["paste", "--format", "markdown"], stdin: paste)
        #expect(markdown.stdout.contains("\n\nTo go on: "))
        #expect(!markdown.stdout.contains("**Facts:**"))
    }
}

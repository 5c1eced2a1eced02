import Testing

@testable import ClawfixEvidence

struct ShellErrorExtractorTests {
    let extractor = ShellErrorExtractor()

    @Test(arguments: [
        ("bash: openclaw: command not found", "openclaw"),
        ("./setup.sh: line 12: openclaw: command not found", "openclaw"),
        ("sh: 1: openclaw: not found", "openclaw"),
        ("sh: openclaw: not found", "openclaw"),
        ("zsh: command not found: openclaw", "openclaw"),
        ("fish: Unknown command: openclaw", "openclaw"),
        ("'openclaw' is not recognized as an internal or external command,", "openclaw"),
        ("❌ sh: openclaw: not found", "openclaw"),
        ("bash: npm: command not found", "npm"),
    ])
    func commandNotFoundInEveryShell(text: String, command: String) {
        #expect(factStrings(extractor, text) == ["shell.missing-command=\(command)@1", "symptom=command-not-found@1"])
    }

    /// Another tool missing (one a script or a tunnel needs) is named, but it is not OpenClaw's CLI
    /// missing: no `command-not-found` symptom. A shell name inside a word is no `sh:` prefix.
    @Test(arguments: [
        ("ssh : The term 'ssh' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the", ["shell.missing-command=ssh@1"]),
        ("bash: docker-compose: command not found", ["shell.missing-command=docker-compose@1"]),
        ("⚠️ sh: timeout: not found", ["shell.missing-command=timeout@1"]),
        ("fish: sh: x: not found", []),
    ])
    func otherToolsAreNamedButAreNoSymptom(text: String, expected: [String]) {
        #expect(factStrings(extractor, text) == expected)
    }

    /// A launcher that cannot exec its program names it before "No such file or directory"; a
    /// missing file is not a missing command.
    @Test(arguments: [
        ("setsid: failed to execute openclaw: No such file or directory", "openclaw"),
        ("nohup: failed to run command 'openclaw': No such file or directory", "openclaw"),
        ("env: 'node': No such file or directory", "node"),
        ("/usr/bin/env: ‘node’: No such file or directory", "node"),
    ])
    func launcherCouldNotExec(text: String, command: String) {
        #expect(factStrings(extractor, text) == [
            "shell.missing-command=\(command)@1", "symptom=command-not-found@1", "symptom=no-such-file@1",
        ])
    }

    @Test func missingFileIsNotAMissingCommand() {
        #expect(factStrings(extractor, "cat: /home/node/.openclaw/openclaw.json: No such file or directory") == ["symptom=no-such-file@1"])
    }

    @Test func openclawNotFoundOverSSH() {
        let paste = "PS C:\\Users\\omer> ssh root@203.0.113.5 openclaw devices list\nbash: openclaw: command not found"
        #expect(factStrings(extractor, paste) == ["shell.missing-command=openclaw@2", "symptom=command-not-found@2"])
    }

    @Test(arguments: [
        ("curl: (7) Failed to connect to 127.0.0.1 port 18789 after 0 ms: Couldn't connect to server", ["curl.result=refused@1", "symptom=connection-refused@1"]),
        ("curl: (7) Failed to connect to 127.0.0.1 port 18789: Connection refused", ["curl.result=refused@1", "symptom=connection-refused@1"]),
        ("curl: (52) Empty reply from server", ["curl.result=empty-reply@1", "symptom=empty-reply@1"]),
        ("curl: (56) Recv failure: Connection reset by peer", ["curl.result=reset@1", "symptom=connection-reset@1"]),
        ("  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0curl: (52) Empty reply from server", ["curl.result=empty-reply@1", "symptom=empty-reply@1"]),
        ("HTTP/1.1 401 Unauthorized", ["curl.result=http-401@1", "symptom=http-unauthorized@1"]),
        ("< HTTP/1.1 101 Switching Protocols", ["curl.result=http-101@1"]),
        ("bind [127.0.0.1]:18789: Address already in use", ["ssh.error=forward-port-in-use@1", "symptom=port-in-use@1"]),
        ("channel 2: open failed: connect failed: Connection refused", ["ssh.error=forward-target-refused@1", "symptom=connection-refused@1"]),
        ("alice@127.0.0.1: Permission denied (publickey).", ["ssh.error=auth-failed@1", "symptom=permission-denied@1"]),
        ("ssh: connect to host 127.0.0.1 port 2299: Connection refused", ["ssh.error=refused@1", "symptom=connection-refused@1"]),
        ("ssh: Could not resolve hostname gw-host: Name or service not known", ["ssh.error=unresolved-host@1"]),
        ("OCI runtime exec failed: exec failed: unable to start container process: exec: \"openclaw\": executable file not found in $PATH: unknown", ["symptom=executable-not-found-in-container@1"]),
        ("Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?", ["symptom=docker-daemon-unreachable@1"]),
        ("Error response from daemon: No such container: openclaw-gateway", ["symptom=no-such-container@1"]),
        ("Error response from daemon: Container d916db3b90a2 is not running", ["symptom=container-not-running@1"]),
        ("cat: /root/.openclaw/openclaw.json: No such file or directory", ["symptom=no-such-file@1"]),
        ("ls: cannot open directory '/root/.openclaw': Permission denied", ["symptom=permission-denied@1"]),
    ])
    func networkAndDaemonErrors(text: String, expected: [String]) {
        #expect(factStrings(extractor, text) == expected)
    }

    @Test(arguments: ["is the gateway not running?", "I no longer get connection refused", "curl http://127.0.0.1:18789/healthz"])
    func proseGivesNothing(text: String) {
        #expect(factStrings(extractor, text) == [])
    }
}

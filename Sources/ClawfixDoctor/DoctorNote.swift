/// Something about the collection itself that the user should know, with what to do: a command
/// that timed out, a Docker socket doctor may not read, a tool that is missing, an SSH login that
/// failed. Failures are facts too.
public struct DoctorNote: Sendable, Hashable {
    /// The command it is about (the first, when several failed the same way).
    public var command: String?
    public var message: String
    /// How many more commands failed the same way.
    public var alsoAffected: Int

    public init(command: String?, message: String, alsoAffected: Int = 0) {
        self.command = command
        self.message = message
        self.alsoAffected = alsoAffected
    }

    /// One line: the command, what happened, what to do.
    public var text: String {
        var text = command.map { "`\(DoctorProgress.label($0))`: " } ?? ""
        text += message
        if alsoAffected > 0 { text += " (\(alsoAffected) more command\(alsoAffected == 1 ? "" : "s") likewise)" }
        return text
    }

    /// The note a finished command deserves, if any, from its redacted output.
    static func note(
        for command: PlannedCommand, result: TimedProcess.Result, output: String, transport: CommandTransport, user: String,
        timeout: Double
    ) -> DoctorNote? {
        let text = command.command
        if let failure = result.launchFailure, failure.hasPrefix(CommandBatch.notRun) {
            return DoctorNote(command: nil, message: "skipped: \(failure.dropFirst(CommandBatch.notRun.count)).")
        }
        if let failure = result.launchFailure {
            if case .ssh = transport.kind {
                return DoctorNote(command: nil, message: "could not start ssh (\(failure)): install the OpenSSH client on this machine.")
            }
            return DoctorNote(command: text, message: "could not be started (\(failure)).")
        }
        if result.timedOut {
            let seconds = String(format: "%g", timeout)
            let advice =
                text.contains("docker")
                ? "Docker did not answer: check the daemon (`systemctl status docker`, `docker info`); if the host is only slow, rerun with a longer --timeout."
                : "if the host is only slow, rerun with a longer --timeout."
            return DoctorNote(command: text, message: "timed out after \(seconds) s and was stopped (with everything it started). \(advice)")
        }
        if result.truncated {
            return DoctorNote(command: text, message: "printed more than \(TimedProcess.outputLimit >> 20) MB; the evidence keeps the first MB.")
        }
        let lower = output.lowercased()
        if case .ssh(let target) = transport.kind, result.status == 255 {
            return DoctorNote(command: nil, message: sshAdvice(lower, target: target))
        }
        if lower.contains("permission denied while trying to connect to the docker") {
            return DoctorNote(
                command: text,
                message: "\(user) may not use the Docker socket (permission denied). Add \(user) to the docker group "
                    + "(`sudo usermod -aG docker \(user)`, then log in again), or rerun `clawfix doctor --sudo`, which runs the Docker commands with `sudo -n`.")
        }
        if lower.contains("cannot connect to the docker daemon") {
            return DoctorNote(
                command: text,
                message: "the Docker daemon is not running (or DOCKER_HOST points elsewhere): start it (`sudo systemctl start docker`) and rerun.")
        }
        if lower.contains("sudo: a password is required") || lower.contains("sudo: a terminal is required") {
            return DoctorNote(
                command: text,
                message: "sudo wants a password, and doctor never waits for one mid-run: run `sudo -v` first, then rerun doctor within sudo's timeout.")
        }
        if result.status == 127 || result.status == 126 {
            let program = EvidencePlan.programs(of: text).first ?? text
            return DoctorNote(command: text, message: "`\(program)` is not installed here or not on PATH in a login shell.")
        }
        // `… | grep` that finds nothing ends with status 1 and no output: an answer, not a failure.
        if let status = result.status, status != 0, output.allSatisfy(\.isWhitespace), !text.contains("grep") {
            return DoctorNote(command: text, message: "exited with status \(status) and printed nothing.")
        }
        return nil
    }

    /// What to do when ssh itself failed (exit 255), from its message.
    static func sshAdvice(_ lower: String, target: String) -> String {
        let prefix = "ssh to \(target) failed"
        if lower.contains("permission denied") {
            return "\(prefix): key authentication was refused. doctor uses batch mode (no password prompts): load your key "
                + "(`ssh-add`) or name it in ~/.ssh/config, and check that `ssh \(target) true` works without a prompt."
        }
        if lower.contains("host key verification failed") || lower.contains("remote host identification has changed") {
            return "\(prefix): the host key is unknown or changed. Connect once with `ssh \(target)` to check and accept it, then rerun."
        }
        if lower.contains("could not resolve hostname") {
            return "\(prefix): the host name does not resolve. Check the name (or its Host entry in ~/.ssh/config)."
        }
        if lower.contains("timed out") || lower.contains("connection refused") || lower.contains("no route to host") {
            return "\(prefix): the SSH port did not answer. Check the host, its port (`-p` in ~/.ssh/config) and the firewall."
        }
        return "\(prefix) (exit 255). Check that `ssh \(target) true` works without a prompt."
    }
}

extension ProbeReport {
    /// The probe's run line by line, as `clawfix probe` prints it (`ProbeRenderer`) and doctor's
    /// evidence shows it (`HandshakeCheck`): the target, then each step with its mark, detail and
    /// time. A connect the gateway itself refused (a token, a pairing) is marked `no`, not `FAIL`:
    /// the gateway answered, the connection did not break. Text the gateway sent is as it came;
    /// a terminal printer makes it safe.
    public var stepLines: [String] {
        let gatewayIsUp = ProbeVerdict(self).gatewayIsUp
        var lines = ["Probe of \(url)"]
        for step in steps {
            let mark = step.status == "ok" ? "ok  " : step.status == "timeout" ? "wait"
                : gatewayIsUp && step.name == "connect" ? "no  " : "FAIL"
            lines.append("  [\(mark)] \(step.name.padding(toLength: 9, withPad: " ", startingAt: 0)) \(step.detail)  (\(step.elapsedMs) ms)")
        }
        return lines
    }
}

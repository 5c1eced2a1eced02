/// The polite close when the user says the problem is gone (`DiagnosisReport.solved`).
enum SolvedNotice {
    static func text(_ cause: String) -> String {
        let recorded = cause.isEmpty ? "" : " Recorded as fixed: \(cause)."
        return "Glad it works now.\(recorded) If something else comes up, describe it or paste the error; "
            + "/reset starts a fresh conversation."
    }
}

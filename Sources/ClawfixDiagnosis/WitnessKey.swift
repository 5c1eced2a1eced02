import ClawfixEvidence

/// Which independent piece of input a signal rests on: the first pasted line among its witnesses,
/// or, for facts said in words or observed by the probe (no line), the first fact's name and value.
/// Signals with the same key are one witness: a symptom, its reason code, its close code and its
/// reporter read from one line speak once.
/// (Lines are numbered per message, so a line is known by its number and its text.)
struct WitnessKey: Hashable {
    let line: Int?
    let text: String

    init(_ witnesses: [Fact]) {
        if let first = witnesses.filter({ $0.line != nil }).min(by: { $0.line! < $1.line! }) {
            self.line = first.line
            self.text = first.text ?? ""
        } else {
            self.line = nil
            self.text = witnesses.first.map { "\($0.name.rawValue)=\($0.value)" } ?? ""
        }
    }
}

import ClawfixRedaction
import FuzzSupport

// libFuzzer target for the redactor (see `Fuzz/run.sh`). Built with `-sanitize=fuzzer` and
// `-D FUZZING`, libFuzzer supplies `main`; built normally, the same checks replay the files given
// as arguments, which is how a crash found by the fuzzer becomes a regression test.

/// The properties every input must keep: no crash, no control character survives cleaning, every
/// finding lies inside the text, and redacting the output again finds nothing new.
func check(_ bytes: UnsafeBufferPointer<UInt8>) {
    let input = PastedInput(bytes: bytes)
    var redactor = Redactor()
    let redacted = redactor.redact(input)
    for scalar in redacted.text.unicodeScalars where scalar.value < 0x20 && scalar != "\n" && scalar != "\t" {
        fatalError("control character U+\(String(scalar.value, radix: 16)) survived cleaning")
    }
    let length = input.text.utf8.count
    for finding in redacted.findings where finding.start < 0 || finding.end > length || finding.start > finding.end {
        fatalError("finding \(finding) outside 0..<\(length)")
    }
    var again = Redactor()
    let second = again.redact(redacted.text)
    if second.text != redacted.text {
        fatalError("redaction is not idempotent: \(second.findings)")
    }
}

@main
enum FuzzRedactorMain {
    static func main() {
        runFuzzTarget(check)
    }
}

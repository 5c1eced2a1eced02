import ClawfixEvidence
import ClawfixRedaction
import FuzzSupport

// libFuzzer target for every evidence extractor (see `Fuzz/run.sh` and `FuzzRedactor`).

/// No crash, and every fact points at a line that exists and carries that line's text.
func check(_ bytes: UnsafeBufferPointer<UInt8>) {
    var redactor = Redactor()
    let document = PasteDocument(redactor.redact(PastedInput(bytes: bytes)))
    for fact in EvidenceReader.standard.read(document) {
        guard let line = fact.line else { continue }
        guard document.line(line) != nil else {
            fatalError("fact \(fact.name)=\(fact.value) points at line \(line) of \(document.lines.count)")
        }
    }
}

@main
enum FuzzExtractorsMain {
    static func main() {
        runFuzzTarget(check)
    }
}

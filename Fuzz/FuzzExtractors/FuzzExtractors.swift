import ClawfixEvidence
import ClawfixRedaction
import FuzzSupport

// libFuzzer target for every evidence extractor (see `Fuzz/run.sh` and `FuzzRedactor`).

/// No crash; every fact points at a line that exists, and its evidence text is that line cleaned
/// (no escape or control character but TAB survives the line cache).
func check(_ bytes: UnsafeBufferPointer<UInt8>) {
    var redactor = Redactor()
    let document = PasteDocument(redactor.redact(PastedInput(bytes: bytes)))
    // The prose reader runs on every message (through the answer interpreter), so it is fuzzed too.
    for fact in EvidenceReader.standard.read(document) + ProseReader().read(document) {
        guard let line = fact.line else { continue }
        guard document.line(line) != nil else {
            fatalError("fact \(fact.name)=\(fact.value) points at line \(line) of \(document.lines.count)")
        }
        if let text = fact.text, text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) {
            fatalError("fact \(fact.name)=\(fact.value) on line \(line) keeps a control character in its text")
        }
    }
}

@main
enum FuzzExtractorsMain {
    static func main() {
        runFuzzTarget(check)
    }
}

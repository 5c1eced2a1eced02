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

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    check(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
}
#else
@main
enum FuzzExtractorsReplay {
    static func main() {
        replayFiles(CommandLine.arguments.dropFirst(), through: check)
    }
}
#endif

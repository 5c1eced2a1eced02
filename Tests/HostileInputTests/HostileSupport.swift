import ClawfixDiagnosis
import ClawfixEvidence
import ClawfixFrontEnds
import ClawfixKnowledge
import ClawfixRedaction
import Foundation

/// Shared pieces of the hostile-input suite: the real engine over the built-in knowledge base,
/// the check that a conversation still serves a normal message afterwards, and timing.
enum Hostile {
    /// The stage every front end uses, over the built-in KB (no index: the index has its own tests here).
    static let stage: DiagnosisStage = {
        let knowledgeBase = try! KnowledgeBase.builtIn()
        return DiagnosisStage(engine: DiagnosisEngine(knowledgeBase: knowledgeBase, index: nil))
    }()

    /// The message every "and the next request is still served" check sends.
    static let normalMessage = "disconnected (1008): pairing required"

    /// A generous bound for debug builds; the real figures are in BENCHMARKS.md.
    // Catches a hang or a quadratic blow-up, not speed: figures belong in the benchmark, and this
    // machine is often loaded by parallel builds.
    static let sanitySeconds = 120.0

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Facts the pipeline reads from `text` (redaction, then every extractor).
    static func facts(_ bytes: [UInt8]) -> [Fact] {
        var redactor = Redactor()
        return EvidenceReader.standard.read(redactor.redact(PastedInput(bytes: bytes)))
    }

    static func facts(_ text: String) -> [Fact] { facts(Array(text.utf8)) }

    /// `count` bytes cycling through `alphabet`.
    static func run(_ alphabet: String, count: Int) -> String {
        let units = Array(alphabet.utf8)
        var out = [UInt8](repeating: 0, count: count)
        for i in 0..<count { out[i] = units[i % units.count] }
        return String(decoding: out, as: UTF8.self)
    }

    /// True when `text` holds a byte a terminal would act on: ESC, BEL, another C0 control other
    /// than tab/newline, DEL, or a C1 control (U+0080–U+009F).
    static func hasTerminalControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            let v = scalar.value
            return (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v)
        }
    }
}

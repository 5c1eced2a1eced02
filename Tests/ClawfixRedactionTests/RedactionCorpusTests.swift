import ClawfixRedaction
import ClawfixTestSupport
import Foundation
import Testing

/// Every marked secret in the corpus goes, with its exact span and kind, and every byte that
/// is not a secret — including the hard negatives — stays.
struct RedactionCorpusTests {
    @Test(arguments: RedactionCorpus.documents.map(\.name))
    func documentIsRedactedExactly(name: String) {
        let marked = MarkedText(RedactionCorpus.documents.first { $0.name == name }!.marked)
        var redactor = Redactor()
        let result = redactor.redact(marked.text)
        let found = result.findings.map {
            "\($0.kind.rawValue)@\($0.line):\($0.start)..<\($0.end)"
        }
        let expected = marked.spans.map { "\($0.kind)@\($0.line):\($0.start)..<\($0.end)" }
        #expect(found == expected, "\(name): \(result.findings.map(\.detector)) \(marked.spans)")
        // The text outside the spans is byte-identical; each span became its marker.
        var rebuilt = Array(marked.text.utf8)
        for finding in result.findings.reversed() {
            rebuilt.replaceSubrange(finding.start..<finding.end, with: Array(finding.marker.utf8))
        }
        #expect(result.text == String(decoding: rebuilt, as: UTF8.self))
        for span in marked.spans { #expect(!result.text.contains(span.value), "\(name) leaked \(span.value)") }
    }

    @Test func corpusIsBigEnough() {
        let documents = RedactionCorpus.documents.map { MarkedText($0.marked) }
        #expect(documents.count >= 40)
        #expect(documents.filter(\.spans.isEmpty).count >= 10)
        #expect(documents.map(\.spans.count).reduce(0, +) >= 45)
    }

    /// Redacting redacted text changes nothing: our own markers are not secrets.
    @Test(arguments: RedactionCorpus.documents.map(\.name))
    func redactingTwiceIsIdempotent(name: String) {
        let marked = MarkedText(RedactionCorpus.documents.first { $0.name == name }!.marked)
        var first = Redactor()
        let once = first.redact(marked.text)
        var second = Redactor()
        let twice = second.redact(once.text)
        #expect(twice.text == once.text)
        #expect(twice.findings.isEmpty)
    }

    /// `bench/redaction/run.sh` sets CLAWFIX_EXPORT_CORPUS to a directory and runs this test to
    /// get the same documents as plain files plus their labels; without it the test only checks
    /// the labels serialise.
    @Test func exportCorpusForBenchmark() throws {
        var labels: [[String: Any]] = []
        for (name, text) in RedactionCorpus.documents {
            let marked = MarkedText(text)
            labels.append([
                "name": name, "file": "\(name).txt",
                "spans": marked.spans.map { ["kind": $0.kind, "line": $0.line, "start": $0.start, "end": $0.end] },
            ])
        }
        let json = try JSONSerialization.data(withJSONObject: labels, options: [.sortedKeys])
        #expect(json.count > 1000)
        guard let directory = ProcessInfo.processInfo.environment["CLAWFIX_EXPORT_CORPUS"] else { return }
        let url = URL(fileURLWithPath: directory)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in RedactionCorpus.documents {
            try Data(MarkedText(text).text.utf8).write(to: url.appendingPathComponent("\(name).txt"))
        }
        try json.write(to: url.appendingPathComponent("labels.json"))
    }
}

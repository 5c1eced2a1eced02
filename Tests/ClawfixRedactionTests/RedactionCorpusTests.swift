import ClawfixRedaction
import ClawfixTestSupport
import Foundation
import Testing

/// Every marked secret in the corpus goes, with its exact span and kind, and every byte that
/// is not a secret — including the hard negatives — stays.
struct RedactionCorpusTests {
    @Test(arguments: RedactionCorpus.documents.map(\.name))
    func documentIsRedactedExactly(name: String) {
        MarkedRedaction.expectRedactedExactly(RedactionCorpus.documents.first { $0.name == name }!.marked, name: name)
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
        MarkedRedaction.expectIdempotent(RedactionCorpus.documents.first { $0.name == name }!.marked)
    }

    /// `bench/redaction/run.sh` sets CLAWFIX_EXPORT_CORPUS to a directory and runs this test to
    /// get the same documents as plain files plus their labels — the corpus and the paste shapes
    /// (`RedactionShapes`), told apart by each label's `set` — without it the test only checks the
    /// labels serialise.
    @Test func exportCorpusForBenchmark() throws {
        let sets = [("corpus", RedactionCorpus.documents), ("shapes", RedactionShapes.documents)]
        var labels: [[String: Any]] = []
        for (set, documents) in sets {
            for (name, text) in documents {
                let marked = MarkedText(text)
                labels.append([
                    "name": name, "set": set, "file": "\(name).txt",
                    "spans": marked.spans.map { ["kind": $0.kind, "line": $0.line, "start": $0.start, "end": $0.end] },
                ])
            }
        }
        #expect(Set(labels.map { $0["file"] as! String }).count == labels.count, "file names are unique")
        let json = try JSONSerialization.data(withJSONObject: labels, options: [.sortedKeys])
        #expect(json.count > 1000)
        guard let directory = ProcessInfo.processInfo.environment["CLAWFIX_EXPORT_CORPUS"] else { return }
        let url = URL(fileURLWithPath: directory)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (_, documents) in sets {
            for (name, text) in documents {
                try Data(MarkedText(text).text.utf8).write(to: url.appendingPathComponent("\(name).txt"))
            }
        }
        try json.write(to: url.appendingPathComponent("labels.json"))
    }
}

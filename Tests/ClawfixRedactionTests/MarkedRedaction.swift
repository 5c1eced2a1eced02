import ClawfixRedaction
import ClawfixTestSupport
import Testing

/// The checks every marked document gets, shared by the corpus and the paste shapes.
enum MarkedRedaction {
    /// Every marked secret goes, with its exact span and kind; the text outside the spans is
    /// byte-identical, and each span became its marker.
    static func expectRedactedExactly(_ markedText: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let marked = MarkedText(markedText)
        var redactor = Redactor()
        let result = redactor.redact(marked.text)
        let found = result.findings.map { "\($0.kind.rawValue)@\($0.line):\($0.start)..<\($0.end)" }
        let expected = marked.spans.map { "\($0.kind)@\($0.line):\($0.start)..<\($0.end)" }
        #expect(found == expected, "\(name): \(result.findings.map(\.detector)) \(marked.spans)", sourceLocation: sourceLocation)
        var rebuilt = Array(marked.text.utf8)
        for finding in result.findings.reversed() {
            rebuilt.replaceSubrange(finding.start..<finding.end, with: Array(finding.marker.utf8))
        }
        #expect(result.text == String(decoding: rebuilt, as: UTF8.self), sourceLocation: sourceLocation)
        for span in marked.spans {
            #expect(!result.text.contains(span.value), "\(name) leaked \(span.value)", sourceLocation: sourceLocation)
        }
    }

    /// Redacting the redacted text again, with a fresh redactor, changes nothing.
    static func expectIdempotent(_ markedText: String, sourceLocation: SourceLocation = #_sourceLocation) {
        var first = Redactor()
        let once = first.redact(MarkedText(markedText).text)
        var second = Redactor()
        let twice = second.redact(once.text)
        #expect(twice.text == once.text, sourceLocation: sourceLocation)
        #expect(twice.findings.isEmpty, sourceLocation: sourceLocation)
    }
}

import ClawfixRedaction
import Testing

/// Inputs libFuzzer found on which redacting the output again changed it (copies of the files
/// in `Fuzz/Regressions/FuzzRedactor/`). A marker's words must never become context.
struct IdempotenceRegressionTests {
    /// Redacts `bytes`, checks the text and findings, and checks that redacting that text again
    /// (with a fresh redactor, as the fuzz target does) changes nothing.
    func redactsOnceForAll(_ bytes: [UInt8], to text: String, findings: [RedactionFinding],
                           sourceLocation: SourceLocation = #_sourceLocation) {
        var redactor = Redactor()
        let first = redactor.redact(PastedInput(bytes: bytes))
        #expect(first.text == text, sourceLocation: sourceLocation)
        #expect(first.findings == findings, sourceLocation: sourceLocation)
        var again = Redactor()
        let second = again.redact(first.text)
        #expect(second.text == first.text, sourceLocation: sourceLocation)
        #expect(second.findings == [], sourceLocation: sourceLocation)
    }

    /// `non-idempotent-high-entropy`: line 2 has no secret word of its own, but once line 2's
    /// memory hit became `[gateway-token]`, the marker's "token" made the glued hex run beside it
    /// look like a high-entropy secret on the second pass.
    @Test func markerWordsAreNotContext() {
        let bytes: [UInt8] = Array("LAW_GATEWAY_TOKEN=3f9h0b9a87\nd4e21a&c5bd2f09e8d7Z6b5e21a6LAW_GATEW_YOATKEN=3f9h0b9a87\nd4e21a&c5bd2f09ennected (1008[".utf8)
            + [0xB0] + Array("m\r\n".utf8)
        redactsOnceForAll(bytes, to: "LAW_GATEWAY_TOKEN=[gateway-token]\nd4e21a&c5bd2f09e8d7Z6b5e21a6LAW_GATEW_YOATKEN=[gateway-token]\nd4e21a&c5bd2f09ennected (1008[\u{FFFD}m\n", findings: [
            RedactionFinding(kind: .gatewayToken, detector: "key-context", line: 1, start: 18, end: 28, marker: "[gateway-token]"),
            RedactionFinding(kind: .gatewayToken, detector: "memory", line: 2, start: 75, end: 85, marker: "[gateway-token]"),
        ])
    }
}

extension IdempotenceRegressionTests {
    /// `non-idempotent-url-secret`: the first URL's query scan ran on over a second `://`, so
    /// that URL was never looked at — until the first password's marker (which then had a space)
    /// ended the first URL early on the second pass.
    @Test func nextURLStartsAtItsScheme() {
        let bytes: [UInt8] = [99, 112, 105, 95, 7, 1, 0, 58, 47, 47, 58, 58, 58, 58, 110, 45, 45, 45, 45, 80, 69, 84, 65, 43, 84, 79, 75, 69, 78, 61, 45, 45, 45, 45, 37, 45, 64, 65, 87, 97, 110, 103, 115, 101, 100, 99, 114, 101, 116, 69, 78, 65, 84, 158, 105, 110, 112, 105, 95, 7, 1, 0, 58, 47, 47, 58, 58, 58, 58, 110, 45, 45, 45, 45, 80, 69, 84, 132, 132, 132, 132, 132, 132, 132, 132, 65, 43, 84, 79, 75, 69, 78, 61, 45, 45, 45, 45, 37, 45, 64, 65, 87, 97, 110, 103, 115, 101, 100, 99, 114, 101, 116, 78, 61, 45, 45, 45, 45, 37, 45, 64, 65, 87, 48, 38, 61, 50, 102, 48, 57, 51]
        redactsOnceForAll(bytes, to: "cpi_://:[password]@AWangsedcretENAT\u{FFFD}inpi_://:[password]@AW0&=2f093", findings: [
            RedactionFinding(kind: .password, detector: "url-secret", line: 1, start: 8, end: 33, marker: "[password]"),
            RedactionFinding(kind: .password, detector: "url-secret", line: 1, start: 62, end: 132, marker: "[password]"),
        ])
    }
}

extension IdempotenceRegressionTests {
    /// `key-context-after-marker`: `TOKEN=` took the rest of the line as its value, so the
    /// `bapi-key=` inside it was never looked at; the URL password that starts earlier overlaps
    /// that value and wins, the value is dropped — and on the second pass, with the marker in
    /// place of `TOKEN=`, `bapi-key=EW9atN.` was found. Keys inside a value are looked at now.
    @Test func keyInsideADroppedValueIsFound() {
        let bytes: [UInt8] = [79, 80, 46, 46, 78, 46, 78, 46, 96, 46, 61, 10, 46, 49, 61, 46, 46, 46, 46, 112, 105, 95, 7, 1, 0, 58, 47, 47, 58, 58, 58, 58, 110, 45, 45, 45, 45, 80, 69, 84, 65, 43, 84, 79, 75, 69, 78, 61, 45, 45, 45, 45, 37, 45, 64, 65, 87, 97, 110, 103, 115, 112, 115, 105, 118, 97, 215, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 244, 223, 223, 223, 223, 223, 223, 223, 45, 102, 57, 77, 0, 0, 0, 78, 46, 98, 97, 112, 105, 45, 107, 101, 121, 61, 69, 87, 57, 97, 116, 78, 46]
        let invalid = String(repeating: "\u{FFFD}", count: 28)
        redactsOnceForAll(bytes, to: "OP..N.N.`.=\n.1=....pi_://:[password]@AWangspsiva\(invalid)-f9MN.bapi-key=[secret]", findings: [
            RedactionFinding(kind: .password, detector: "url-secret", line: 2, start: 26, end: 51, marker: "[password]"),
            RedactionFinding(kind: .genericSecret, detector: "key-context", line: 2, start: 162, end: 169, marker: "[secret]"),
        ])
    }

    /// The same shape in a realistic paste: the URL password `TOKEN=x1y2z3` starts before the
    /// `TOKEN=` value, which runs on to the end of the word; the `secret_key` behind it goes too.
    @Test func nestedKeyAfterAURLPassword() {
        var redactor = Redactor()
        let first = redactor.redact("jdbc=https://app:TOKEN=x1y2z3@db/app;secret_key=EW9atNq2\n")
        #expect(first.text == "jdbc=https://app:[password]@db/app;secret_key=[secret]\n")
        #expect(first.findings.map(\.detector) == ["url-secret", "key-context"])
        var again = Redactor()
        #expect(again.redact(first.text).text == first.text)
    }
}

/// Found by mutating the corpus (`Fuzz/Regressions/FuzzRedactor/` has the files): a secret that
/// another detector's find cut short, or hid, reappeared once that find became a marker.
extension IdempotenceRegressionTests {
    /// `high-entropy-rest-after-known-format`: the `sk-proj-` key ends at the `+`, the
    /// high-entropy word ran on over it and lost to the key, so its rest went unjudged until the
    /// key was a marker. The fallback now sees found secrets as markers.
    @Test func restOfAWordCutByAKnownFormatIsJudged() {
        let bytes = Array("Paste token: sk-proj-R8tY5wP0aS4dF6gH8jK2lZ9xC3vB1nM7qW4+T6yU8iOpA2sD4fG6hJ8kL0zX2cV4bN6mQ8wE0rT2yU4iO6pA8sD0G2h".utf8)
        redactsOnceForAll(bytes, to: "Paste token: [openai-api-key …7qW4][high-entropy-secret …0G2h]", findings: [
            RedactionFinding(kind: .openAIAPIKey, detector: "known-format", line: 1, start: 13, end: 56, marker: "[openai-api-key …7qW4]"),
            RedactionFinding(kind: .highEntropySecret, detector: "high-entropy", line: 1, start: 56, end: 112, marker: "[high-entropy-secret …0G2h]"),
        ])
    }

    /// `url-authority-through-marker`: the authority ran on through `[gateway-token]` to the `@`
    /// inside a later key's value, so the password span crossed the marker and was dropped; once
    /// that value was a marker the password was found. A marker now ends the authority.
    @Test func markerEndsAURLAuthority() {
        let bytes: [UInt8] = [79, 80, 46, 46, 78, 46, 78, 46, 96, 46, 61, 39, 46, 49, 61, 46, 46, 46, 46, 112, 105, 95, 7, 1, 0, 58, 47, 47, 58, 58, 58, 58, 110, 45, 45, 45, 45, 80, 69, 84, 65, 43, 84, 79, 75, 69, 78, 61, 45, 50, 51, 52, 53, 54, 55, 56, 58, 45, 45, 37, 45, 64, 65, 87, 97, 110, 103, 115, 112, 115, 105, 118, 97, 215, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 223, 91, 103, 97, 116, 101, 119, 97, 121, 45, 116, 111, 107, 101, 110, 93, 223, 223, 244, 223, 223, 223, 223, 223, 223, 223, 45, 102, 57, 77, 0, 0, 0, 78, 46, 98, 97, 112, 105, 45, 107, 101, 121, 61, 69, 87, 57, 45, 45, 37, 45, 64, 65, 87, 97, 110, 103, 115, 112, 115, 105, 118, 97, 215, 223, 223, 223, 223, 223, 223, 223, 97, 116, 78, 46]
        redactsOnceForAll(bytes, to: "OP..N.N.`.='.1=....pi_://:[password]@AWangspsiva\(String(repeating: "\u{FFFD}", count: 18))[gateway-token]\(String(repeating: "\u{FFFD}", count: 10))-f9MN.bapi-key=[secret …atN.]", findings: [
            RedactionFinding(kind: .password, detector: "url-secret", line: 1, start: 26, end: 58, marker: "[password]"),
            RedactionFinding(kind: .genericSecret, detector: "key-context", line: 1, start: 184, end: 231, marker: "[secret …atN.]"),
        ])
    }

    /// `high-entropy-line-joined-by-private-key`: the private key's body runs over a line break,
    /// so as a marker it joins line 1 to the `#token=` of line 2 — context the hex word on line 1
    /// did not have before. The fallback's line now runs through a found secret.
    @Test func privateKeyMarkerJoinsLines() {
        let bytes: [UInt8] = [104, 61, 54, 97, 56, 99, 48, 101, 50, 101, 114, 101, 32, 105, 115, 32, 109, 121, 32, 101, 110, 118, 58, 32, 79, 80, 69, 78, 67, 76, 65, 87, 95, 71, 65, 84, 69, 87, 65, 89, 95, 84, 79, 75, 101, 121, 74, 69, 78, 61, 54, 97, 56, 99, 48, 101, 50, 97, 52, 99, 54, 101, 56, 97, 48, 99, 50, 101, 52, 97, 54, 99, 56, 101, 48, 97, 50, 99, 52, 101, 54, 45, 45, 45, 45, 45, 66, 69, 71, 73, 78, 32, 80, 82, 73, 86, 65, 84, 69, 32, 75, 69, 89, 45, 45, 45, 45, 45, 97, 56, 99, 48, 101, 50, 97, 52, 99, 54, 101, 56, 97, 48, 99, 50, 101, 10, 97, 110, 100, 32, 116, 104, 101, 32, 85, 82, 76, 32, 73, 32, 111, 112, 101, 110, 32, 105, 115, 32, 104, 116, 116, 112, 58, 47, 47, 108, 111, 99, 97, 108, 104, 111, 115, 116, 58, 49, 56, 55, 56, 57, 47, 35, 116, 111, 107, 101, 110, 61, 54, 97, 56, 99, 48, 101, 50, 97, 52, 99, 54, 101, 56, 97, 48, 99, 50, 101, 52, 97, 54, 99, 56, 101, 48, 97, 50, 99, 52, 101, 54, 97, 56, 99, 48, 101, 97, 52, 99, 54, 101, 32, 85, 82, 101, 56, 97, 48, 99, 101]
        redactsOnceForAll(bytes, to: "h=6a8c0e2ere is my env: OPENCLAW_GATEWAY_TOKeyJEN=[high-entropy-secret …EGIN] PRIVATE KEY-----[private-key …http]://localhost:18789/#token=[gateway-token …4c6e] URe8a0ce", findings: [
            RedactionFinding(kind: .highEntropySecret, detector: "high-entropy", line: 1, start: 50, end: 91, marker: "[high-entropy-secret …EGIN]"),
            RedactionFinding(kind: .privateKey, detector: "private-key", line: 1, start: 108, end: 152, marker: "[private-key …http]"),
            RedactionFinding(kind: .gatewayToken, detector: "url-secret", line: 2, start: 178, end: 219, marker: "[gateway-token …4c6e]"),
        ])
    }
}

extension IdempotenceRegressionTests {
    /// `high-entropy-next-to-memory-hit` (libFuzzer): the word on line 3 is followed by
    /// `..97xap`, a remembered value; next to its `.` the word looked like part of a host name,
    /// next to the marker it did not. Remembered values are now found before the fallback runs,
    /// and are markers to it like every other find. (The input libFuzzer saved has five dots in
    /// each value, which makes them `...` placeholders since issue 14: two keep the shape.)
    @Test func memoryHitIsAMarkerToTheFallback() {
        let bytes: [UInt8] = [100, 55, 120, 97, 112, 13, 89, 95, 84, 79, 75, 69, 78, 61, 46, 46, 57, 55, 120, 97, 112, 13, 89, 95, 84, 79, 69, 78, 65, 84, 79, 75, 69, 107, 101, 121, 54, 76, 107, 101, 121, 54, 87, 97, 78, 65, 84, 79, 75, 69, 78, 46, 46, 57, 55, 120, 97, 112, 13, 89, 95, 84, 79, 75, 69, 78, 61, 46, 44, 79, 181, 192, 78, 61, 46, 46, 57, 55, 120, 97, 112, 13, 89, 95, 84, 79, 75, 69, 78, 61, 46, 46, 57, 55, 120, 97, 112, 13, 89, 95, 84, 79, 75, 69, 78, 61, 46, 56, 46]
        redactsOnceForAll(bytes, to: "d7xap\nY_TOKEN=[secret]\n[high-entropy-secret …OKEN][secret]\nY_TOKEN=[secret]\nY_TOKEN=[secret]\nY_TOKEN=[secret]", findings: [
            RedactionFinding(kind: .genericSecret, detector: "key-context", line: 2, start: 14, end: 21, marker: "[secret]"),
            RedactionFinding(kind: .highEntropySecret, detector: "high-entropy", line: 3, start: 22, end: 51, marker: "[high-entropy-secret …OKEN]"),
            RedactionFinding(kind: .genericSecret, detector: "memory", line: 3, start: 51, end: 58, marker: "[secret]"),
            RedactionFinding(kind: .genericSecret, detector: "key-context", line: 4, start: 67, end: 85, marker: "[secret]"),
            RedactionFinding(kind: .genericSecret, detector: "key-context", line: 5, start: 94, end: 101, marker: "[secret]"),
            RedactionFinding(kind: .genericSecret, detector: "key-context", line: 6, start: 110, end: 113, marker: "[secret]"),
        ])
    }
}

extension IdempotenceRegressionTests {
    /// `url-query-value-over-next-url` (libFuzzer): a `?TOKEN=` value ran on over the next `://`,
    /// hiding that URL's own `?TOKEN=`; the value lost to an earlier key-context find, and only the
    /// second pass, with that find a marker, looked at the second URL. A value now ends where the
    /// next URL starts, as the parameter list already did.
    @Test func queryValueEndsAtTheNextURL() {
        var redactor = Redactor()
        let glued = redactor.redact("open http://127.0.0.1:18789/?token=3f9a6c1e8b2d4f7a9c0e1b3dhttps://evil.example/#token=9b8c7d6e5f4a3b2c1d0e9f8a")
        #expect(glued.text == "open http://127.0.0.1:18789/?token=[gateway-token …ttps]://evil.example/#token=[gateway-token …9f8a]")

        let bytes: [UInt8] = [242, 255, 44, 84, 79, 75, 69, 78, 61, 96, 0, 57, 97, 49, 99, 35, 48, 255, 44, 84, 79, 75, 69, 78, 61, 96, 0, 57, 97, 49, 99, 35, 48, 101, 79, 7, 1, 0, 58, 47, 47, 58, 58, 47, 47, 26, 143, 158, 89, 242, 255, 63, 84, 79, 75, 69, 78, 61, 44, 96, 0, 207, 110, 255, 255, 255, 98, 101, 79, 7, 1, 0, 58, 47, 47, 58, 58, 47, 47, 26, 143, 158, 89, 242, 255, 63, 84, 79, 75, 69, 78, 61, 44, 96, 0, 207, 110, 255, 255, 255, 98, 99, 100, 58, 204, 154, 194, 194, 98, 126, 204, 154, 205, 58, 47, 47, 7, 97, 102, 51, 49, 66, 107, 66, 76, 76, 54, 101, 121, 65, 87, 95, 71, 65, 84, 76, 65, 87, 95, 71, 65, 84, 59, 112, 112, 174, 174, 174, 174, 112, 112, 112, 112, 112, 158, 199, 110, 38, 52, 102, 51, 65, 26, 143, 10]
        redactsOnceForAll(bytes, to: "\(String(repeating: "\u{FFFD}", count: 2)),TOKEN=`[gateway-token]`[gateway-token …EN=,]`\u{FFFD}n\(String(repeating: "\u{FFFD}", count: 3))beO://:://\(String(repeating: "\u{FFFD}", count: 2))Y\(String(repeating: "\u{FFFD}", count: 2))?TOKEN=[gateway-token]://af31BkBLL6eyAW_GATLAW_GAT;pp\(String(repeating: "\u{FFFD}", count: 4))ppppp\(String(repeating: "\u{FFFD}", count: 2))n&4f3A\u{FFFD}\n", findings: [
            RedactionFinding(kind: .gatewayToken, detector: "key-context", line: 1, start: 14, end: 30, marker: "[gateway-token]"),
            RedactionFinding(kind: .gatewayToken, detector: "key-context", line: 1, start: 31, end: 67, marker: "[gateway-token …EN=,]"),
            // Its last four are not ASCII, so the marker shows none of them (`RedactionMarker`).
            RedactionFinding(kind: .gatewayToken, detector: "url-secret", line: 1, start: 111, end: 145, marker: "[gateway-token]"),
        ])
    }
}

extension IdempotenceRegressionTests {
    /// `command-end-inside-a-secret` (libFuzzer, after issue 14): a remembered value that starts
    /// with `;` stood glued to a word of a `docker login` command; the `;` ended the command before
    /// its `-p`, until the value became a marker and the second pass read on to the password. A
    /// command now ends only at a `;`, `|` or `&&` standing alone, and a marker is part of its word.
    @Test func commandReadsOnPastASecretWithASemicolon() {
        let text = "TOKEN=;f8a1c0e5b74acfed12c6\n$ docker login ghcr.io;f8a1c0e5b74acfed12c6 -u omer -p S3cretPass!\n"
        redactsOnceForAll(Array(text.utf8), to: "TOKEN=[gateway-token …12c6]\n$ docker login ghcr.io[gateway-token …12c6] -u omer -p [password]\n", findings: [
            RedactionFinding(kind: .gatewayToken, detector: "key-context", line: 1, start: 6, end: 27, marker: "[gateway-token …12c6]"),
            RedactionFinding(kind: .gatewayToken, detector: "memory", line: 2, start: 50, end: 71, marker: "[gateway-token …12c6]"),
            RedactionFinding(kind: .password, detector: "command-line-credential", line: 2, start: 83, end: 94, marker: "[password]"),
        ])
    }
}

extension IdempotenceRegressionTests {
    /// `quote-inside-a-found-secret` (libFuzzer, after issue 14): `mysql -u root -pKEN"$ mysql …`
    /// where an earlier quoted value held `"` and `mysql`: the command's words paired a quote inside
    /// that value with one outside it, and once the value was a marker they paired differently.
    /// Command lines are now read after the other detectors, each find standing as its marker.
    @Test func commandLinesSeeFindsAsMarkers() {
        let bytes: [UInt8] = [79, 80, 87, 65, 59, 79, 87, 95, 89, 95, 84, 121, 115, 113, 108, 32, 45, 117, 32, 114, 111, 111, 116, 32, 45, 112, 75, 69, 78, 34, 36, 32, 109, 121, 115, 113, 108, 32, 45, 117, 32, 114, 111, 111, 116, 32, 45, 112, 83, 51, 99, 114, 35, 116, 33, 112, 119, 32, 45, 104, 32, 49, 50, 55, 46, 48, 46, 48, 46, 49, 32, 111, 0, 0, 140, 65, 89, 105, 54, 99, 53, 98, 50, 102, 79, 65, 84, 69, 87, 65, 89, 95, 84, 79, 75, 69, 78, 61, 34, 102, 65, 84, 69, 87, 65, 89, 95, 84, 79, 75, 69, 78, 61, 34, 102, 51, 140, 96, 95, 95, 91, 54, 99, 52, 84, 79, 75, 69, 78, 34, 36, 32, 109, 121, 79, 0, 0, 0, 0, 0, 0, 0, 115, 113, 108, 32, 45, 117, 32, 114, 111, 111, 116, 32, 45, 112, 83, 51, 99, 114, 35, 116, 33, 112, 119, 32, 45, 104, 32, 88, 113, 51, 118, 66, 55, 110, 75, 50, 109, 80, 76, 116, 57, 115, 52, 82, 56, 119, 89, 49, 122, 65, 54, 99, 68, 48, 101, 70, 53, 103, 72, 117, 114, 111, 111, 116, 32, 45, 112, 61, 102, 57, 122, 81, 65, 84, 79, 75, 39, 109, 65, 89, 105, 54, 99, 181, 98, 50, 102, 79, 65, 84, 69, 87, 65, 89, 95, 84, 79, 75, 69, 78, 61, 34, 102, 65, 84, 69, 87, 65, 89, 95, 84, 79, 75, 69, 78, 61, 34, 102, 51, 140, 96, 95, 95, 91, 54, 99, 52, 84, 79, 75, 69, 78, 34, 36, 32, 109, 121, 115, 113, 108, 32, 45, 117, 32, 114, 111, 111, 116, 32, 45, 112, 75, 69, 78, 34, 36, 32, 109, 121, 115, 113, 108, 32, 45, 117, 32, 114, 111, 111, 116, 32, 45, 112, 83, 51, 99, 114, 35, 116, 33, 112, 119, 32, 45, 104, 32, 49, 50, 55, 46, 48, 46, 48, 46, 49, 32, 111, 112, 101, 110, 99, 108, 97, 119, 10, 36, 32, 109, 121, 115, 113, 108, 100, 117, 109, 112, 32, 45, 117, 114, 111, 111, 116, 32, 45, 112, 61, 102, 57, 122, 81, 65, 84, 79, 75, 39, 109, 121, 32, 100, 117, 109, 112, 32, 112, 119, 39, 32, 111, 112, 101, 110, 99, 108, 97, 119, 32, 62, 32, 100, 117, 109, 112, 46, 115, 113, 108, 10, 59, 79, 87, 95, 89, 95, 84, 79, 75, 69, 78, 61, 34, 46, 126, 57, 0, 190, 192, 240, 140, 36, 71, 65, 81, 65, 84, 79, 75, 69, 78, 61, 34, 102, 57, 0, 0, 0, 0, 0, 0, 0, 0, 140, 65, 89, 105, 54, 99, 53, 98, 50, 102, 79, 65, 84, 69, 87, 65, 89, 95, 84, 79, 75, 69, 78, 61, 34, 102, 65, 84, 69, 87, 65, 89, 95, 84, 79, 75, 69, 78, 61, 113, 108, 32, 45, 117, 32, 114, 111, 111, 116, 32, 45, 112, 83, 51, 99, 114, 35, 116, 36, 32, 109, 121, 115, 113, 108, 32, 45, 117, 32, 114, 111, 111, 33, 112, 119, 32]
        var redactor = Redactor()
        let first = redactor.redact(PastedInput(bytes: bytes))
        #expect(first.findings.contains { $0.detector == "command-line-credential" })
        var again = Redactor()
        let second = again.redact(first.text)
        #expect(second.text == first.text)
        #expect(second.findings == [])
    }
}

extension IdempotenceRegressionTests {
    /// `quoted-value-and-the-rest-of-its-word` (libFuzzer, after issue 14): `-p'…'` with more of
    /// the word after the closing quote; the value ran to the word's end, quotes and all, so the
    /// quote before it paired with another one once it was a marker. A quoted value is now what
    /// stands between its quotes.
    @Test func quotedFlagValueEndsAtItsQuote() {
        let text = "$ mysql -u root -p'S3cr3t pw'' -h db app\n"
        redactsOnceForAll(Array(text.utf8), to: "$ mysql -u root -p'[password]'' -h db app\n", findings: [
            RedactionFinding(kind: .password, detector: "command-line-credential", line: 1, start: 19, end: 28, marker: "[password]"),
        ])
    }
}

extension IdempotenceRegressionTests {
    /// `command-name-inside-a-later-find` (libFuzzer, after issue 14): a random word beginning
    /// with `mysql` was read as the command, which took the rest of the line and with it the
    /// `docker login -p` after it; once the fallback had made that word a marker, the second pass
    /// found the password. A command's name is now the whole word.
    @Test func commandNameIsAWholeWord() {
        let text = "my token is mysqlpairic_TOKENe87ooOPb92sX2 -u root; docker login -u omer -p S3cretPass! ghcr.io\n"
        redactsOnceForAll(Array(text.utf8), to: "my token is [high-entropy-secret …2sX2] -u root; docker login -u omer -p [password] ghcr.io\n", findings: [
            RedactionFinding(kind: .highEntropySecret, detector: "high-entropy", line: 1, start: 12, end: 42, marker: "[high-entropy-secret …2sX2]"),
            RedactionFinding(kind: .password, detector: "command-line-credential", line: 1, start: 76, end: 87, marker: "[password]"),
        ])
    }
}

extension IdempotenceRegressionTests {
    /// `colon-inside-a-found-secret` (libFuzzer, after issue 14): in `curl -u…"…TOKEN="<value>"…
    /// admin:Tr0ub4dor&3`, the colon that splits user from password was looked for in the bytes
    /// of a value another detector had found; once that value was a marker, the colon after it
    /// split instead. The colon is now looked for outside every find.
    @Test func userColonPasswordSplitsOutsideFinds() {
        let bytes: [UInt8] = [36, 32, 99, 117, 114, 108, 32, 45, 117, 32, 111, 109, 101, 114, 59, 114, 117, 50, 58, 110, 101, 104, 116, 32, 104, 116, 116, 112, 58, 47, 47, 49, 40, 55, 46, 48, 46, 48, 46, 49, 58, 100, 33, 34, 32, 104, 116, 116, 112, 115, 58, 47, 47, 103, 119, 46, 79, 79, 61, 89, 97, 54, 99, 53, 98, 102, 57, 140, 50, 102, 79, 65, 84, 69, 87, 49, 97, 54, 89, 240, 192, 190, 0, 78, 61, 40, 205, 0, 34, 102, 32, 84, 69, 87, 255, 60, 116, 111, 45, 46, 96, 46, 10, 79, 80, 69, 78, 65, 73, 95, 65, 80, 73, 95, 75, 69, 89, 61, 101, 120, 97, 109, 112, 108, 101, 46, 110, 101, 116, 47, 118, 49, 47, 109, 111, 100, 101, 108, 115, 10, 36, 32, 99, 117, 114, 108, 32, 45, 115, 83, 32, 45, 117, 97, 115, 107, 45, 0, 0, 34, 102, 97, 54, 95, 84, 79, 75, 69, 78, 61, 34, 84, 84, 32, 99, 117, 114, 108, 32, 45, 117, 32, 111, 109, 101, 114, 59, 114, 117, 50, 58, 110, 101, 104, 116, 32, 104, 116, 116, 112, 58, 47, 47, 49, 40, 55, 46, 48, 46, 48, 46, 49, 58, 100, 33, 34, 32, 104, 116, 116, 112, 115, 58, 47, 47, 103, 119, 46, 79, 79, 61, 89, 97, 54, 99, 53, 98, 102, 57, 140, 50, 102, 79, 65, 84, 69, 87, 49, 97, 54, 89, 240, 192, 190, 0, 78, 61, 40, 205, 0, 34, 102, 32, 84, 69, 87, 255, 60, 116, 111, 45, 46, 96, 46, 10, 79, 80, 69, 78, 65, 73, 95, 65, 80, 73, 95, 75, 69, 89, 61, 101, 120, 97, 109, 112, 108, 101, 46, 110, 101, 116, 47, 118, 49, 47, 109, 111, 100, 101, 108, 115, 10, 36, 32, 99, 117, 114, 108, 32, 45, 115, 83, 32, 45, 117, 97, 115, 107, 45, 0, 0, 34, 102, 97, 54, 95, 84, 79, 75, 69, 78, 61, 34, 84, 84, 79, 75, 69, 78, 61, 34, 102, 100, 109, 105, 110, 58, 84, 114, 48, 117, 98, 52, 100, 111, 79, 75, 69, 78, 61, 34, 102, 100, 109, 105, 110, 58, 84, 114, 48, 117, 98, 52, 100, 111, 114, 38, 51, 32, 104, 116, 116, 112, 115, 58, 47, 47, 103, 119, 46, 101, 120, 97, 109, 112, 108, 65, 84, 102, 65]
        var redactor = Redactor()
        let first = redactor.redact(PastedInput(bytes: bytes))
        #expect(first.findings.contains { $0.detector == "command-line-credential" && $0.line == 5 })
        var again = Redactor()
        let second = again.redact(first.text)
        #expect(second.text == first.text)
        #expect(second.findings == [])
    }
}

extension IdempotenceRegressionTests {
    /// `webhook-host-into-the-next-url` (libFuzzer, after issue 14): a URL with no `/` before the
    /// next one glued to it; its host ran on to that URL's path and the look resumed there, past
    /// the next `://`, so the webhook secret of the second URL leaked until a marker cut the first
    /// host short. A failed look now resumes right after its own `://`.
    @Test func webhookLookResumesAfterItsOwnScheme() {
        let text = "see https://hooks@3f9a6c1e8b2d4f7a9c0e1b3d5f7a9c2ehttps://hooks.slack.com/services/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 my token\n"
        redactsOnceForAll(Array(text.utf8), to: "see https://hooks@[high-entropy-secret …ttps]://hooks.slack.com/services/T04QWERTY12/B05ASDFGH34/[webhook-secret …1zA6] my token\n", findings: [
            RedactionFinding(kind: .highEntropySecret, detector: "high-entropy", line: 1, start: 18, end: 55, marker: "[high-entropy-secret …ttps]"),
            RedactionFinding(kind: .webhookSecret, detector: "webhook-url", line: 1, start: 107, end: 131, marker: "[webhook-secret …1zA6]"),
        ])
    }
}

extension IdempotenceRegressionTests {
    /// `placeholder-value-split-by-the-fallback` (libFuzzer, after issue 14): a `Bearer` value
    /// with an `xxxxxxxx` run was left as a placeholder, but the fallback took the word after its
    /// `~`; with that word a marker, the rest of the value was no longer a placeholder and went on
    /// the second pass. The fallback now leaves placeholder words alone too.
    @Test func fallbackLeavesPlaceholderWords() {
        let text = "the secret header is Bearer ab1~AE2f9a1c0e8b7d4e21xxxxxxxxAbCdEf\n"
        redactsOnceForAll(Array(text.utf8), to: text, findings: [])
    }
}

extension IdempotenceRegressionTests {
    /// `registry-tool-name-is-a-find` (libFuzzer, after issue 14): the word before `login` was
    /// `docker`, but a remembered password too; read as `docker login`, the command took the rest
    /// of the line and hid `mysql -p…`, found only once `docker` was a marker. A tool name that is
    /// a find is not one now.
    @Test func registryToolThatIsAFindIsNoTool() {
        let text = "DB_PASSWORD=docker\n$ docker login ghcr.io -u omer; mysql -u root -pS3cr3t!pw app\n"
        redactsOnceForAll(Array(text.utf8), to: "DB_PASSWORD=[password]\n$ [password] login ghcr.io -u omer; mysql -u root -p[password] app\n", findings: [
            RedactionFinding(kind: .password, detector: "key-context", line: 1, start: 12, end: 18, marker: "[password]"),
            RedactionFinding(kind: .password, detector: "memory", line: 2, start: 21, end: 27, marker: "[password]"),
            RedactionFinding(kind: .password, detector: "command-line-credential", line: 2, start: 67, end: 76, marker: "[password]"),
        ])
    }
}

extension IdempotenceRegressionTests {
    /// `quote-left-inside-a-flag-value` (libFuzzer, after issue 14): a `-u` value held a backtick
    /// that paired with one later on the line; once the value was a marker, that later backtick
    /// paired with another and the words after it changed. A value with a quote left inside it is
    /// not taken as a credential.
    @Test func flagValueWithALoneQuoteIsNotACredential() {
        let text = "$ curl -u omer:pa`ss https://gw.example.net/ -H \"X-Note: `date`\"\n"
        redactsOnceForAll(Array(text.utf8), to: text, findings: [])
    }
}

extension IdempotenceRegressionTests {
    /// `private-key-header-through-marker` (corpus mutation): a key's value held `-----`, which
    /// ended the `-----BEGIN …` header before its `PRIVATE KEY-----`; on the second pass the value
    /// was a marker, the header read on, and the body — left in clear on the first — was found.
    /// The header is now read through the other finds as through their markers.
    @Test func privateKeyHeaderReadsThroughAFind() {
        let pem = "-----BEGIN OPENSSH token=Zx9a-----Qw PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\n"
        // The armour lines stay; the value in the header and the body go.
        redactsOnceForAll(Array(pem.utf8), to: "-----BEGIN OPENSSH token=[gateway-token] PRIVATE KEY-----\n[private-key …gtZW]\n-----END OPENSSH PRIVATE KEY-----\n", findings: [
            RedactionFinding(kind: .gatewayToken, detector: "key-context", line: 1, start: 25, end: 36, marker: "[gateway-token]"),
            RedactionFinding(kind: .privateKey, detector: "private-key", line: 2, start: 54, end: 124, marker: "[private-key …gtZW]"),
        ])

        let bytes: [UInt8] = [71, 79, 79, 71, 76, 65, 73, 122, 97, 83, 121, 68, 45, 45, 45, 45, 45, 66, 69, 71, 73, 78, 32, 80, 82, 73, 86, 65, 84, 69, 32, 69, 95, 71, 69, 78, 69, 82, 65, 84, 73, 86, 69, 95, 65, 73, 95, 65, 80, 73, 95, 75, 69, 89, 61, 65, 73, 122, 97, 83, 121, 68, 45, 45, 45, 45, 45, 66, 71, 73, 78, 32, 80, 82, 73, 86, 65, 84, 69, 32, 75, 69, 89, 45, 45, 45, 45, 45, 51, 107, 76, 57, 109, 81, 50, 118, 88, 56, 82, 49, 116, 89, 27, 119, 80, 48, 97, 26, 52, 100, 70, 54, 103, 72, 56, 106, 75, 50, 108]
        redactsOnceForAll(bytes, to: "GOOGLAIzaSyD-----BEGIN PRIVATE E_GENERATIVE_AI_API_KEY=[secret …BGIN] PRIVATE KEY-----[private-key …jK2l]", findings: [
            RedactionFinding(kind: .genericSecret, detector: "key-context", line: 1, start: 55, end: 71, marker: "[secret …BGIN]"),
            RedactionFinding(kind: .privateKey, detector: "private-key", line: 1, start: 88, end: 116, marker: "[private-key …jK2l]"),
        ])
    }

    /// `combining-mark-after-a-marker` (libFuzzer, `Fuzz/run.sh 600 FuzzRedactor` after issue 14):
    /// a combining mark after a Bearer value joined the marker's closing `]` into one character,
    /// so the second pass did not know `[bearer-token …L4tR]` as a marker, took its "token" as
    /// context and the fallback took a word later on the line. A marker now ends four bytes after
    /// its ` …`, and shows its last four only when they are printable ASCII.
    @Test func combiningMarkAfterAMarker() {
        let text = "curl -H \"Authorization: Bearer 8f2c1a9e7b3d5f60a4c2e8b1d7f3a9c5\u{0301}\" -d \"ref=Q7xv2Lp9Kd3Rm8Tz4Wq6Ny1Hs5Bc\"\n"
        // The token goes; the request reference, on a line that names no secret, stays.
        redactsOnceForAll(Array(text.utf8), to: "curl -H \"Authorization: Bearer [bearer-token …a9c5]\u{0301}\" -d \"ref=Q7xv2Lp9Kd3Rm8Tz4Wq6Ny1Hs5Bc\"\n", findings: [
            RedactionFinding(kind: .bearerToken, detector: "header", line: 1, start: 31, end: 63, marker: "[bearer-token …a9c5]"),
        ])

        let bytes: [UInt8] = [79, 80, 69, 65, 76, 69, 82, 84, 83, 61, 104, 116, 116, 112, 115, 58, 47, 47, 104, 111, 111, 107, 115, 46, 115, 108, 97, 99, 107, 46, 255, 255, 255, 255, 255, 255, 255, 188, 99, 111, 99, 111, 110, 110, 101, 79, 80, 99, 48, 48, 56, 58, 32, 66, 101, 97, 114, 101, 114, 32, 84, 69, 51, 109, 47, 115, 97, 52, 102, 101, 100, 45, 54, 49, 99, 48, 98, 57, 97, 79, 82, 84, 89, 49, 50, 47, 66, 48, 53, 65, 83, 68, 70, 71, 72, 51, 52, 47, 88, 113, 51, 118, 66, 55, 110, 75, 50, 109, 80, 57, 115, 76, 52, 116, 82, 210, 136, 166, 213, 133, 190, 201, 245, 99, 117, 114, 108, 32, 45, 88, 32, 80, 79, 83, 84, 32, 45, 72, 32, 39, 67, 111, 108, 115, 118, 50, 95, 112, 116, 95, 51, 102, 57, 97, 54, 99, 49, 101, 56, 98, 50, 100, 52, 102, 55, 102, 108, 121, 255, 255, 65, 78, 84, 72, 82, 79, 80, 73, 67, 95, 65, 80, 65, 80, 73, 95, 75, 69, 89, 61, 115, 125, 1, 0, 0, 0, 0, 0, 0, 120, 120, 120, 120, 120, 79, 80, 73, 67, 80, 69, 78, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 65, 73, 95, 65, 80, 73, 255]
        var redactor = Redactor()
        let first = redactor.redact(PastedInput(bytes: bytes))
        #expect(first.findings.map(\.marker) == ["[bearer-token …L4tR]"])
        #expect(first.text.contains("Colsv2_pt_3f9a6c1e8b2d4f7fly"))
        var again = Redactor()
        #expect(again.redact(first.text).text == first.text)
    }
}

extension IdempotenceRegressionTests {
    /// `command-in-a-string-after-a-later-find` (libFuzzer, `Fuzz/run.sh 600 FuzzRedactor` after
    /// issue 14): a random word that began with `login` was not a command, but the search went on
    /// after the rest of its shell word, a quoted string holding `curl -u omer:hunter2`; the
    /// fallback then found the word, and the second pass, seeing only its marker, looked at the
    /// `curl` inside. The search now goes on right after a name that is not one.
    @Test func commandInAStringAfterALaterFind() {
        let text = "session token loginQ7xv2Lp9Kd3Rm8Tz4Wq6Ny1Hs5Bc\"curl -u omer:hunter2 http://127.0.0.1:18789/health\"\n"
        // The random word and the password go; the user name and the URL stay.
        redactsOnceForAll(Array(text.utf8), to: "session token [high-entropy-secret …s5Bc]\"curl -u omer:[password] http://127.0.0.1:18789/health\"\n", findings: [
            RedactionFinding(kind: .highEntropySecret, detector: "high-entropy", line: 1, start: 14, end: 47, marker: "[high-entropy-secret …s5Bc]"),
            RedactionFinding(kind: .password, detector: "command-line-credential", line: 1, start: 61, end: 68, marker: "[password]"),
        ])

        let bytes: [UInt8] = [79, 80, 69, 78, 67, 104, 1, 0, 0, 0, 0, 0, 0, 76, 65, 87, 65, 45, 117, 115, 101, 114, 110, 97, 109, 101, 32, 111, 109, 101, 114, 32, 45, 45, 112, 97, 115, 115, 119, 111, 114, 100, 32, 97, 110, 48, 116, 108, 115, 118, 50, 95, 112, 116, 95, 51, 102, 57, 97, 54, 99, 49, 101, 56, 98, 50, 100, 52, 102, 55, 32, 108, 111, 103, 105, 110, 90, 120, 53, 99, 86, 51, 102, 57, 97, 54, 99, 49, 105, 79, 112, 65, 115, 68, 102, 71, 104, 74, 107, 76, 122, 88, 99, 54, 99, 68, 79, 80, 69, 78, 67, 76, 65, 87, 95, 0, 71, 65, 253, 69, 87, 65, 36, 34, 99, 117, 114, 108, 32, 45, 117, 32, 111, 109, 101, 114, 58, 104, 117, 110, 116, 101, 114, 50, 32, 104, 116, 116, 112, 58, 47, 47, 49, 50, 55, 46, 48, 46, 55, 49, 48, 46, 49, 56, 58, 56, 57, 47, 10, 58, 112, 64, 115, 115, 32, 119, 48, 114, 100, 33, 34, 32, 104, 116, 116, 112, 115, 58, 47, 47, 103, 119, 46, 101, 120, 97, 109, 112, 108, 101, 46, 255, 1, 110, 101, 116, 47, 118, 49, 47, 109, 111, 100, 101, 108, 115, 10, 36, 32, 99, 117, 114, 108, 32, 45, 115, 83, 32, 221, 138, 97, 100, 109, 105, 110, 58, 84, 114, 36, 32, 99, 49, 117, 98, 52, 100, 111, 114, 38, 51, 32, 72, 116, 116, 112, 115, 58, 47, 15, 103, 119, 46, 101, 120, 97, 109, 112, 108, 101, 46, 110, 101, 116, 47, 10, 36, 32, 99, 117, 148, 147, 32, 45, 45, 117, 109, 70, 53, 32, 45, 45, 112, 114, 104, 101, 32, 112, 117, 114, 108, 32, 36, 32, 100, 111, 99, 107, 101, 97, 115, 115, 117, 98, 52, 100, 111, 114, 38, 1, 0, 0, 0, 0, 0, 1, 39, 1, 70, 115, 115, 32, 119, 48, 114, 100, 34, 32, 121, 32, 103, 122, 0, 90, 85, 82, 69, 95, 83, 84, 79, 36, 32, 100, 111, 99, 107, 101, 114, 224, 152, 111, 103, 255, 255, 255, 255, 255, 255, 110, 96, 108, 111, 103, 105, 110, 32, 45, 45, 117, 115, 101, 114, 110, 97, 95, 71, 65, 109, 84, 69]
        var redactor = Redactor()
        let first = redactor.redact(PastedInput(bytes: bytes))
        #expect(first.findings.map(\.detector) == ["key-context", "high-entropy", "command-line-credential"])
        #expect(first.text.contains("\"curl -u omer:[password] http://127.0.710.18:89/"))
        var again = Redactor()
        #expect(again.redact(first.text).text == first.text)
    }
}

extension IdempotenceRegressionTests {
    /// `command-word-remembered-as-its-own-password` (libFuzzer, seconds into the next
    /// `Fuzz/run.sh 600 FuzzRedactor`): `docker login -p docker` — the password, remembered, was
    /// found bare in the tool's name, so on a second pass there was no `docker login`, and the
    /// `curl -u omer:hunter2` it had taken in up to the line's end was a command of its own.
    /// The command lines are now read again while a find takes a word that made a command one.
    @Test func commandWordRememberedAsItsOwnPassword() {
        let text = "$ sshpass -p sshpass curl -u omer:hunter2 http://127.0.0.1:18789/health\n"
        // Both passwords go (and the command's name with the first, as a remembered value); the
        // user name and the URL stay.
        redactsOnceForAll(Array(text.utf8), to: "$ [password] -p [password] curl -u omer:[password] http://127.0.0.1:18789/health\n", findings: [
            RedactionFinding(kind: .password, detector: "memory", line: 1, start: 2, end: 9, marker: "[password]"),
            RedactionFinding(kind: .password, detector: "command-line-credential", line: 1, start: 13, end: 20, marker: "[password]"),
            RedactionFinding(kind: .password, detector: "command-line-credential", line: 1, start: 34, end: 41, marker: "[password]"),
        ])

        let bytes: [UInt8] = [36, 32, 100, 111, 99, 107, 101, 114, 32, 108, 111, 103, 105, 110, 32, 45, 117, 32, 111, 109, 101, 114, 32, 45, 112, 32, 100, 111, 99, 107, 101, 114, 32, 108, 111, 103, 105, 110, 32, 45, 117, 32, 111, 109, 101, 114, 36, 32, 99, 117, 114, 108, 32, 45, 117, 32, 111, 109, 101, 114, 58, 104, 117, 110, 116, 101, 114, 50, 32, 104, 116, 116, 112, 58, 47, 47, 49, 50, 55, 46, 48, 46, 48, 46, 49, 58, 49, 56, 55, 56, 32, 45, 112, 32, 83, 51, 99, 114, 101, 116, 80, 97, 115, 115, 33, 138, 138, 138, 138, 138, 138, 138, 138, 138, 138, 138, 138, 0, 119, 111, 114, 100, 45, 115, 116, 100, 105, 110, 10, 76, 111, 103, 151, 145, 223, 172, 138, 156, 156, 154, 101, 100, 101, 100, 118, 105, 110, 97, 32, 101, 109, 111, 109, 57, 47, 104, 101, 97, 108, 116, 104, 10, 36, 32, 99, 117, 114, 108, 32, 45, 45, 117, 115, 101, 114, 32, 34, 13, 0, 0, 0, 0, 0, 0, 0, 115, 32, 119, 48, 100, 114, 101, 114, 32, 45, 45, 112, 33, 34, 32, 104, 116, 116, 112, 115, 58, 47, 47, 103, 97, 115, 115, 119, 111, 114, 100, 32, 97, 110, 45, 80, 32, 83, 119, 46, 101, 120, 97, 109, 112, 108, 101, 46, 110, 101, 116, 47, 118, 49, 47, 109, 111, 100, 37, 99, 107, 101, 118, 32, 99, 111, 84, 84, 84, 84, 84, 170, 84, 84, 84, 84, 84, 79, 80, 69, 78, 233, 1, 0, 0, 0, 0, 119, 111, 114, 100, 45, 115, 116, 0, 0, 100, 10]
        var redactor = Redactor()
        let first = redactor.redact(PastedInput(bytes: bytes))
        #expect(first.text.hasPrefix("$ [password] login -u omer -p [password] login -u omer$ curl -u omer:[password] http://127.0.0.1:1878 -p [password]\n"))
        var again = Redactor()
        #expect(again.redact(first.text).text == first.text)
    }
}

extension IdempotenceRegressionTests {
    /// `query-after-a-marker-in-the-authority` (libFuzzer, 2.5 minutes into the next 600 s run):
    /// a line with `://` and no `/`, `?` or space after it was all authority on the first pass,
    /// so its `&…_API_KEY=` was no parameter; on the second, a marker cut the authority short and
    /// the rest was read as parameters. After a marker that cuts the authority, no parameters are
    /// read now. The value stays: the key-context detector reads it on to the line's end, where
    /// it ends in `...`, a placeholder.
    @Test func queryAfterAMarkerInTheAuthority() {
        let text = "upstream=ws://gw.local,GATEWAY_TOKEN=9b8c7d6e5f4a&OPENAI_API_KEY=changeit&see-docs...\n"
        redactsOnceForAll(Array(text.utf8), to: "upstream=ws://gw.local,GATEWAY_TOKEN=[gateway-token]&OPENAI_API_KEY=changeit&see-docs...\n", findings: [
            RedactionFinding(kind: .gatewayToken, detector: "key-context", line: 1, start: 37, end: 49, marker: "[gateway-token]"),
        ])

        let bytes: [UInt8] = [36, 32, 242, 87, 79, 114, 115, 80, 46, 46, 46, 10, 79, 80, 117, 114, 45, 116, 111, 98, 101, 51, 112, 108, 58, 47, 47, 103, 119, 65, 78, 84, 72, 82, 79, 80, 73, 67, 95, 65, 80, 73, 95, 75, 69, 89, 61, 115, 107, 45, 97, 110, 116, 46, 38, 120, 97, 109, 112, 108, 117, 46, 110, 79, 80, 73, 67, 95, 65, 80, 73, 95, 75, 69, 89, 61, 115, 97, 107, 45, 110, 116, 46, 38, 120, 97, 109, 112, 108, 101, 46, 110, 45, 46, 46, 46, 10, 79, 80, 46, 46, 46, 10, 79, 80, 69, 191, 255, 255, 255, 255, 255, 255, 24, 87, 121, 95, 71, 65, 84, 69, 87, 65, 89, 95, 84, 79, 75, 69, 78, 61, 121, 111, 117, 114, 45, 116, 111, 107, 101, 10, 79, 80]
        var redactor = Redactor()
        let first = redactor.redact(PastedInput(bytes: bytes))
        #expect(first.findings.map(\.marker) == ["[secret]"])
        var again = Redactor()
        #expect(again.redact(first.text).text == first.text)
    }
}

extension IdempotenceRegressionTests {
    /// `azure-body-cut-by-a-later-find` (libFuzzer, 20 seconds into the next 600 s run): two
    /// `…Q~` prefixes glued made a body too long for an Azure client secret, but `~` split it into
    /// words and the fallback took the last one; on the second pass its marker cut the body to 31
    /// characters, which fit. A body cut short by a marker is none now.
    @Test func azureBodyCutByALaterFind() {
        let text = "AZURE_CLIENT_SECRET note: token Zy.7Q~aB3dE5fG7hJ9kL1mN3c-1d0e9Zy.7Q~aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1x_Y~\n"
        // The random word after the second `Q~` goes; the glued run before it, no client secret, stays.
        redactsOnceForAll(Array(text.utf8), to: "AZURE_CLIENT_SECRET note: token Zy.7Q~aB3dE5fG7hJ9kL1mN3c-1d0e9Zy.7Q~[high-entropy-secret …1x_Y]~\n", findings: [
            RedactionFinding(kind: .highEntropySecret, detector: "high-entropy", line: 1, start: 69, end: 102, marker: "[high-entropy-secret …1x_Y]"),
        ])

        let bytes: [UInt8] = [65, 90, 85, 82, 69, 95, 67, 76, 73, 69, 78, 84, 95, 73, 68, 61, 53, 99, 49, 98, 50, 100, 45, 52, 101, 56, 98, 45, 56, 97, 51, 99, 45, 49, 100, 48, 101, 57, 102, 56, 97, 55, 98, 54, 99, 10, 116, 104, 101, 32, 97, 112, 112, 32, 114, 101, 103, 105, 115, 116, 114, 97, 116, 105, 111, 110, 32, 115, 101, 99, 114, 101, 116, 32, 105, 115, 32, 97, 101, 118, 105, 99, 101, 115, 47, 84, 48, 56, 81, 87, 115, 101, 99, 114, 101, 116, 32, 105, 32, 97, 112, 112, 32, 114, 101, 103, 105, 115, 116, 114, 97, 116, 105, 111, 110, 32, 115, 101, 99, 114, 101, 116, 32, 105, 115, 32, 97, 98, 99, 56, 81, 126, 88, 245, 116, 114, 97, 116, 105, 111, 110, 32, 115, 101, 99, 114, 101, 116, 32, 105, 115, 32, 97, 98, 99, 56, 81, 126, 88, 113, 51, 118, 66, 55, 110, 75, 50, 109, 80, 57, 115, 76, 52, 116, 82, 56, 119, 89, 49, 122, 65, 54, 99, 68, 48, 101, 70, 53, 103, 72, 45, 106, 46, 10, 34, 99, 108, 105, 115, 32, 97, 98, 99, 56, 81, 126, 88, 113, 51, 118, 66, 55, 110, 75, 50, 109, 80, 57, 115, 76, 52, 116, 82, 56, 119, 89, 49, 122, 65, 54, 99, 68, 48, 101, 70, 53, 103, 72, 45, 106, 46, 10, 34, 99, 108, 105, 101, 110, 116, 83, 101, 99, 138, 138, 138, 138, 138, 138, 69, 78, 84, 95, 73, 68, 50, 116, 83, 101, 99, 114, 101, 116, 100, 45, 52, 101, 114, 101, 116, 34, 58, 32, 34, 90, 121, 46, 55, 81, 126, 97, 66, 51, 100, 69, 53, 102, 71, 55, 104, 74, 57, 107, 76, 49, 109, 78, 51, 99, 45, 49, 100, 48, 101, 57, 90, 121, 46, 55, 81, 126, 97, 66, 51, 100, 69, 53, 102, 71, 55, 104, 74, 57, 107, 76, 49, 109, 78, 51, 112, 81, 53, 114, 83, 55, 116, 85, 57, 118, 87, 49, 120, 95, 89, 126, 34, 10]
        var redactor = Redactor()
        let first = redactor.redact(PastedInput(bytes: bytes))
        #expect(first.findings.map(\.detector) == ["azure-client-secret", "azure-client-secret", "high-entropy"])
        var again = Redactor()
        #expect(again.redact(first.text).text == first.text)
    }
}

extension IdempotenceRegressionTests {
    /// `flag-dash-inside-a-fallback-find` (libFuzzer, 4 minutes into the next 600 s run): after
    /// `curl --user` came a word starting with `-`, a flag, so no value; the fallback took the
    /// whole word, dash included, and on the second pass `--user` had a marker for its value and
    /// took `/` after the colon as a password. The fallback leaves a word's leading dashes now.
    @Test func flagDashInsideAFallbackFind() {
        let text = "$ curl --user -Q7xv2Lp9Kd3Rm8Tz4Wq6Ny1Hs5Bc:/ http://127.0.0.1:18789/ # token from the dashboard\n"
        // The random word goes; its dash, the `:/`, the URL and the comment stay.
        redactsOnceForAll(Array(text.utf8), to: "$ curl --user -[high-entropy-secret …s5Bc]:/ http://127.0.0.1:18789/ # token from the dashboard\n", findings: [
            RedactionFinding(kind: .highEntropySecret, detector: "high-entropy", line: 1, start: 15, end: 43, marker: "[high-entropy-secret …s5Bc]"),
        ])

        let bytes: [UInt8] = [36, 32, 99, 117, 114, 108, 32, 45, 117, 32, 111, 109, 101, 114, 58, 98, 117, 114, 108, 32, 45, 45, 117, 115, 101, 114, 32, 34, 13, 99, 117, 114, 108, 32, 45, 45, 117, 115, 101, 114, 32, 34, 13, 84, 84, 84, 84, 170, 84, 84, 84, 84, 84, 79, 80, 69, 78, 233, 1, 0, 0, 0, 0, 0, 0, 69, 87, 101, 120, 112, 111, 114, 116, 32, 76, 65, 101, 108, 115, 10, 36, 32, 99, 10, 36, 32, 99, 117, 114, 108, 32, 45, 45, 117, 115, 101, 114, 32, 45, 112, 114, 111, 106, 51, 78, 67, 76, 65, 89, 95, 84, 79, 75, 69, 78, 99, 117, 114, 108, 107, 111, 107, 111, 101, 110, 53, 98, 57, 119, 48, 114, 226, 226, 58, 47]
        var redactor = Redactor()
        let first = redactor.redact(PastedInput(bytes: bytes))
        #expect(first.text.hasSuffix("$ curl --user -[high-entropy-secret …9w0r]\u{FFFD}\u{FFFD}:/"))
        var again = Redactor()
        #expect(again.redact(first.text).text == first.text)
    }
}

extension IdempotenceRegressionTests {
    /// `flag-value-colon-inside-later-memory-finds` (libFuzzer, 80 seconds into the last 600 s run
    /// of the issue-14 session): the command lines found a password, remembered, and found it bare
    /// inside another command's `-u` value, before its first colon. On the first pass that value
    /// split at that colon and its password held a quote, so it was no credential; on the second
    /// the colon was inside a marker, the split came after the quote, and the rest was taken. The
    /// command lines are now read again while a bare occurrence of a value they found falls
    /// inside a command.
    @Test func flagValueColonInsideALaterMemoryFind() {
        // `s3cr3t:42` (a password with a colon) is found on line 1 and again bare on line 2, where
        // it takes the colon `-u` splits at: the password is then what follows the next one.
        let text = "$ curl -u admin:s3cr3t:42 http://127.0.0.1:18789/health\n$ curl -u s3cr3t:42\"x\":guest1 http://127.0.0.1:18789/health\n"
        redactsOnceForAll(Array(text.utf8), to: "$ curl -u admin:[password] http://127.0.0.1:18789/health\n$ curl -u [password]\"x\":[password] http://127.0.0.1:18789/health\n", findings: [
            RedactionFinding(kind: .password, detector: "command-line-credential", line: 1, start: 16, end: 25, marker: "[password]"),
            RedactionFinding(kind: .password, detector: "memory", line: 2, start: 66, end: 75, marker: "[password]"),
            RedactionFinding(kind: .password, detector: "command-line-credential", line: 2, start: 79, end: 85, marker: "[password]"),
        ])

        let bytes: [UInt8] = [83, 59, 22, 0, 114, 111, 110, 91, 127, 78, 65, 73, 95, 36, 32, 99, 65, 114, 108, 32, 45, 117, 36, 111, 109, 101, 114, 58, 104, 117, 110, 116, 100, 111, 114, 38, 108, 101, 46, 110, 101, 116, 47, 10, 36, 32, 99, 117, 114, 36, 32, 99, 117, 114, 108, 32, 45, 115, 83, 32, 45, 117, 112, 115, 58, 47, 47, 103, 119, 46, 101, 120, 97, 109, 112, 108, 101, 101, 114, 58, 100, 101, 108, 115, 10, 36, 32, 99, 117, 114, 108, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 32, 45, 115, 83, 32, 45, 117, 97, 100, 109, 105, 110, 58, 84, 114, 48, 117, 98, 52, 100, 111, 114, 38, 108, 101, 139, 46, 236, 101, 116, 47, 10, 36, 32, 99, 117, 114, 108, 32, 45, 117, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 32, 45, 115, 83, 32, 45, 117, 97, 100, 109, 105, 110, 58, 84, 114, 48, 117, 98, 52, 100, 111, 114, 38, 108, 101, 46, 236, 101, 116, 47, 10, 36, 32, 99, 117, 114, 108, 32, 58, 58, 58, 58, 58, 114, 32, 116, 104, 100, 111, 99, 107, 101, 114, 32, 101, 120, 101, 99, 32, 45, 117, 32, 49, 58, 58, 58, 58, 58, 58, 58, 32, 45, 115, 83, 32, 45, 117, 97, 100, 109, 105, 110, 58, 84, 114, 48, 117, 98, 115, 10, 36, 32, 99, 117, 114, 108, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 97, 100, 33, 34, 34, 104, 113, 0, 0, 0, 58, 47, 47, 103, 119, 97, 112, 120, 109, 101, 108, 101, 46, 46, 110, 37, 0, 0, 0, 0, 0, 0, 0, 100, 101, 108, 115, 10, 36, 32, 99, 117, 114, 108, 58, 65, 80, 73, 95, 84, 79, 75, 69, 78, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 32, 45, 115, 83, 32, 45, 117, 97, 100, 109, 105, 110, 58, 84, 114, 48, 117, 98, 52, 100, 111, 114, 38, 108, 101, 139, 46, 236, 101, 116, 47, 10, 36, 32, 99, 117, 114, 108, 32, 45, 117, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 58, 34, 93, 32, 61, 32, 34, 116, 99, 111, 107, 58, 56]
        var redactor = Redactor()
        let first = redactor.redact(PastedInput(bytes: bytes))
        #expect(first.text.hasSuffix("$ curl -u[password][password][password][password]\"] = \"tcok:[password]"))
        var again = Redactor()
        #expect(again.redact(first.text).text == first.text)
    }

    /// The same class on a separator: `;;;;;;`, a password `sshpass -p` was given, stood alone
    /// after `curl` on a later line and ended that command before its `-u`; found bare, it is a
    /// marker on a second pass, no separator, and the `-u` after it is read. A separator that is
    /// (part of) a find is none now.
    @Test func separatorInsideALaterMemoryFind() {
        let text = "$ sshpass -p ';;;;;;' ssh ops@gw.example.net\n$ curl ;;;;;; -u ops:hunter2 http://127.0.0.1:18789/health\n"
        redactsOnceForAll(Array(text.utf8), to: "$ sshpass -p '[password]' ssh ops@gw.example.net\n$ curl [password] -u ops:[password] http://127.0.0.1:18789/health\n", findings: [
            RedactionFinding(kind: .password, detector: "command-line-credential", line: 1, start: 14, end: 20, marker: "[password]"),
            RedactionFinding(kind: .password, detector: "memory", line: 2, start: 52, end: 58, marker: "[password]"),
            RedactionFinding(kind: .password, detector: "command-line-credential", line: 2, start: 66, end: 73, marker: "[password]"),
        ])
    }
}

extension IdempotenceRegressionTests {
    /// `backtick-space-inside-a-nested-find` (libFuzzer, 3 minutes into the first 600 s run of the
    /// next session): `` apiKey: `pauth<tabs>_GATEWAY_PASSWORD="my gat…" `` — the backtick has no
    /// closing one, so its value ran to the line's end, and the space there (inside the nested
    /// key's value) made it a command in backticks, no value. On the second pass that space was
    /// inside `[gateway-password]`, the value was a value, and `pauth` (up to the tab) was taken.
    /// A backtick value is a command when its first space or tab comes before its closing
    /// backtick (or the line's end), which no later find can move.
    @Test func backtickSpaceInsideANestedFind() {
        // The unclosed backtick with a tab inside reads as a command, as the same line does once
        // the nested password is a marker; the password goes either way.
        let text = "apiKey: `k3y-4bc9\tOPENCLAW_GATEWAY_PASSWORD=\"my gateway pass\"\n"
        redactsOnceForAll(Array(text.utf8), to: "apiKey: `k3y-4bc9\tOPENCLAW_GATEWAY_PASSWORD=\"[gateway-password]\"\n", findings: [
            RedactionFinding(kind: .gatewayPassword, detector: "key-context", line: 1, start: 45, end: 60, marker: "[gateway-password]"),
        ])
        // A command in backticks stays; a value in backticks goes.
        var redactor = Redactor()
        #expect(redactor.redact("token: `openssl rand -hex 32`\napiKey: `k3y-4bc9`\n").text == "token: `openssl rand -hex 32`\napiKey: `[secret]`\n")

        let bytes: [UInt8] = [79, 0, 101, 115, 115, 46, 101, 110, 118, 46, 79, 80, 69, 78, 67, 76, 65, 87, 95, 71, 65, 84, 69, 87, 65, 89, 95, 84, 79, 75, 69, 78, 41, 59, 10, 97, 112, 105, 75, 101, 121, 58, 32, 96, 112, 97, 117, 116, 104, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 95, 71, 65, 84, 69, 87, 65, 89, 95, 80, 65, 83, 83, 87, 79, 82, 68, 61, 34, 109, 121, 32, 103, 97, 116, 77, 84, 80, 95, 80, 65, 83, 83, 87, 79, 82, 68, 61, 84, 114, 48, 117, 98, 52, 117, 98, 103, 10]
        var fuzzed = Redactor()
        let first = fuzzed.redact(PastedInput(bytes: bytes))
        #expect(first.findings.map(\.detector) == ["key-context"])
        var again = Redactor()
        #expect(again.redact(first.text).text == first.text)
    }
}

extension IdempotenceRegressionTests {
    /// `url-authority-through-a-same-pass-find` (libFuzzer, 7.5 minutes into the fourth 600 s run
    /// of the session after issue 14's): a URL with nothing to end its authority for hundreds of
    /// bytes ran on to a far `@`, through Discord tokens found in the same pass, and its password
    /// held `OPENCLAW_REDACTED`, a placeholder; on the second pass the first token's marker ended
    /// the authority and `p#ss!w&rd@20F6` was taken. The URLs whose authority holds another
    /// detector's find are now read again with the finds as boundaries.
    @Test func urlAuthorityThroughASamePassFind() {
        // The SMTP password, remembered, is found bare inside the backup URL's authority; the
        // password before it is what a second pass reads, so it goes now too.
        let text = "SMTP_PASSWORD=Zx9!mail\nBACKUP_URL=sftp://ops:T0ps3cret@Zx9!mail.REDACTED@backup.internal/\n"
        redactsOnceForAll(Array(text.utf8), to: "SMTP_PASSWORD=[password]\nBACKUP_URL=sftp://ops:[password]@[password].REDACTED@backup.internal/\n", findings: [
            RedactionFinding(kind: .password, detector: "key-context", line: 1, start: 14, end: 22, marker: "[password]"),
            RedactionFinding(kind: .password, detector: "url-secret", line: 2, start: 45, end: 54, marker: "[password]"),
            RedactionFinding(kind: .password, detector: "memory", line: 2, start: 55, end: 63, marker: "[password]"),
        ])

        let bytes: [UInt8] = [79, 80, 78, 69, 67, 87, 71, 95, 89, 95, 76, 95, 42, 79, 80, 69, 78, 67, 76, 65, 87, 95, 82, 69, 68, 65, 67, 84, 69, 68, 95, 103, 97, 116, 101, 119, 97, 121, 46, 114, 101, 109, 111, 10, 116, 101, 46, 116, 114, 107, 110, 75, 50, 109, 80, 56, 115, 78, 67, 76, 54, 97, 45, 57, 102, 50, 100, 45, 52, 101, 56, 98, 45, 83, 101, 99, 79, 80, 69, 177, 80, 69, 102, 53, 95, 42, 79, 80, 69, 78, 67, 76, 65, 87, 95, 82, 69, 68, 65, 67, 84, 69, 68, 95, 103, 97, 116, 101, 119, 97, 121, 46, 114, 101, 109, 111, 116, 101, 46, 116, 114, 107, 110, 75, 50, 109, 80, 56, 115, 78, 67, 76, 54, 97, 45, 57, 102, 50, 100, 45, 52, 101, 56, 98, 45, 83, 101, 99, 79, 80, 69, 177, 78, 84, 69, 68, 95, 103, 97, 116, 101, 119, 97, 121, 46, 114, 101, 109, 111, 116, 101, 46, 116, 114, 107, 110, 75, 50, 109, 80, 56, 115, 42, 35, 0, 0, 0, 0, 0, 0, 0, 79, 80, 69, 78, 67, 76, 65, 87, 95, 82, 69, 68, 65, 67, 84, 69, 68, 95, 116, 101, 119, 97, 121, 46, 114, 101, 109, 111, 116, 101, 46, 116, 114, 107, 110, 75, 50, 109, 80, 56, 115, 78, 67, 76, 54, 97, 45, 57, 102, 50, 100, 45, 52, 101, 56, 98, 45, 83, 101, 99, 79, 80, 69, 177, 80, 69, 102, 53, 95, 42, 79, 80, 69, 78, 67, 76, 65, 87, 95, 82, 69, 68, 65, 67, 84, 69, 68, 95, 103, 97, 116, 101, 119, 97, 121, 46, 114, 101, 109, 111, 116, 101, 46, 116, 114, 107, 110, 75, 50, 109, 80, 56, 115, 78, 67, 76, 54, 97, 45, 57, 102, 50, 100, 45, 52, 101, 56, 98, 45, 83, 101, 99, 79, 80, 69, 177, 78, 84, 69, 68, 95, 103, 97, 116, 101, 119, 97, 121, 46, 114, 101, 109, 111, 116, 101, 46, 116, 114, 107, 110, 75, 50, 109, 80, 56, 115, 42, 35, 0, 0, 0, 0, 0, 0, 0, 79, 80, 69, 78, 67, 76, 65, 87, 95, 82, 69, 68, 65, 67, 84, 69, 68, 95, 103, 97, 116, 101, 119, 97, 121, 46, 114, 101, 109, 111, 116, 101, 46, 116, 114, 107, 110, 75, 50, 109, 80, 56, 115, 110, 75, 50, 109, 80, 56, 115, 78, 67, 76, 54, 97, 45, 57, 102, 50, 100, 45, 52, 101, 56, 98, 45, 83, 101, 99, 79, 80, 69, 177, 80, 69, 102, 53, 95, 42, 111, 115, 116, 103, 114, 101, 115, 113, 108, 58, 47, 47, 111, 112, 101, 110, 99, 108, 97, 255, 102, 110, 112, 105, 110, 103, 10, 36, 32, 115, 115, 104, 112, 97, 115, 115, 32, 45, 112, 32, 118, 112, 115, 45, 114, 48, 48, 115, 113, 108, 58, 47, 47, 111, 112, 101, 110, 99, 108, 97, 119, 58, 112, 35, 115, 115, 33, 119, 38, 114, 100, 64, 50, 48, 50, 54, 64, 100, 98, 46, 105, 110, 116, 101, 114, 110, 97, 108, 58, 53, 52, 51, 50, 47, 111, 100, 63, 111, 115, 112, 109, 108, 115, 101, 61, 114, 101, 113, 0, 80, 97, 115, 115, 32, 112, 119, 58, 112, 35, 115, 115, 33, 119, 38, 114, 100, 64, 52, 48, 53, 50, 27, 100, 98, 46, 105, 110, 116, 101, 114, 110, 97, 108, 58, 53, 52, 51, 50, 123, 10, 117, 58, 95, 97, 117, 116, 104, 61, 99, 106, 112, 103, 47, 58, 95, 97, 117, 116, 104, 61, 98, 50, 49, 108, 99, 106, 112, 117, 99, 71, 48, 116, 99, 71, 70, 122, 99, 119, 61, 61, 10, 101, 100, 105, 115, 32, 45, 58, 95, 97, 117, 116, 104, 61, 99, 106, 112, 103, 47, 58, 95, 97, 32, 114, 51, 100, 105, 115, 45, 80, 97, 115, 115, 32, 112, 105, 110, 103, 10, 36, 32, 115, 115, 104, 112, 97, 115, 115, 32, 45, 112, 32, 118, 112, 115, 45, 114, 48, 48, 115, 113, 108, 58, 47, 47, 111, 112, 101, 110, 99, 108, 97, 119, 58, 112, 35, 115, 115, 33, 119, 38, 114, 100, 64, 50, 48, 70, 54, 64, 100, 79, 80, 69, 78, 67, 76, 65, 87, 95, 82, 69, 68, 65, 67, 84, 69, 68, 95, 103, 97, 116, 101, 119, 97, 121, 46, 114, 101, 109, 111, 116, 101, 46, 116, 114, 107, 110, 75, 50, 109, 80, 56, 115, 78, 67, 76, 54, 97, 45, 57, 102, 50, 100, 45, 52, 101, 56, 98, 45, 83, 101, 99, 79, 80, 69, 177, 78, 84, 69, 68, 95, 103, 97, 116, 101, 119, 97, 121, 46, 114, 101, 109, 111, 116, 101, 46, 116, 114, 107, 110, 75, 50, 109, 80, 56, 115, 42, 35, 0, 0, 0, 0, 0, 0, 0, 79, 80, 69, 78, 67, 76, 65, 87, 95, 82, 69, 68, 65, 67, 84, 69, 68, 95, 103, 97, 116, 101, 119, 97, 121, 46, 114, 101, 109, 111, 116, 101, 46, 116, 114, 107, 110, 75, 50, 109, 80, 56, 115, 78, 67, 76, 54, 97, 116, 67, 76, 54, 97, 45, 57, 102, 50, 100, 45, 52, 101, 56, 98, 45, 83, 101, 99, 79, 80, 69, 177, 80, 69, 78, 67, 76, 65, 87, 95, 71, 64, 65, 84, 69, 77, 65, 95, 116, 101, 119, 78, 67, 76, 54, 97, 116, 67, 76, 54, 97, 45, 57, 102, 50, 100, 45, 52, 101, 56, 98, 45, 83, 101, 99, 79, 80, 69, 177, 80, 69, 78, 67, 76, 65, 87, 95, 71, 64, 65, 84, 69, 77, 65, 95, 88, 95, 84, 79, 75, 69, 78, 61, 232, 85, 29, 115, 118, 50, 45, 52, 101, 56, 98, 45, 83, 101, 99, 79, 80, 69, 177, 80, 69, 65, 53, 95, 42, 79, 80, 69, 78, 67, 76, 65, 87, 95, 82, 69, 68, 65, 67, 84, 69, 68, 95, 103, 97, 116, 101, 119, 97, 121, 46, 114, 101, 109, 111, 116, 101, 46, 116, 114, 107, 110, 75, 50, 109, 80, 56, 115, 78, 67, 76, 54, 97, 45, 57, 102, 50, 100, 88, 95, 84, 79, 75, 69, 78, 61, 232, 85, 29, 115, 118, 50, 45, 52, 101, 56, 98, 45, 83, 101, 99, 79, 80, 69, 177, 80, 69, 65, 53, 95, 42, 79, 80, 69, 78, 3, 76, 65, 87, 95, 82, 69, 68, 65, 67, 84, 69, 68, 95, 103, 97, 116, 101, 119, 97, 121, 46, 114, 101, 109, 111, 116, 101, 46, 116, 114, 107, 110, 75, 50, 109, 80, 56, 115, 78, 67, 76, 54, 97, 45, 57, 102, 65, 80, 65, 83, 83, 87, 79, 82, 68, 61, 34, 109, 246, 169, 169, 107, 221, 121, 61, 156, 223, 1, 0, 0, 31, 75, 73, 65, 73, 79, 83, 70, 121, 68, 78, 78, 55, 69, 88, 65, 69, 77, 76, 80, 10, 79, 80, 69, 78, 67, 76, 65, 87, 95, 45, 5, 0, 0, 0, 0, 51, 95, 65, 75, 73, 65, 73, 79]
        var redactor = Redactor()
        let first = redactor.redact(PastedInput(bytes: bytes))
        #expect(first.text.contains("$ sshpass -p vps-r00sql://openclaw:[password]@dOPENCLAW_REDACTED_gateway"))
        var again = Redactor()
        #expect(again.redact(first.text).text == first.text)
    }
}

extension IdempotenceRegressionTests {
    /// `webhook-host-through-a-same-pass-find` (libFuzzer, 7.5 minutes into the fifth 600 s run
    /// of the session after issue 14's): a backtick in a URL's userinfo ended the webhook
    /// detector's host there, so no Teams host; the URL detector took that userinfo's password
    /// in the same pass, and on the second pass the host read on through `[password]` to
    /// `….webhook.office.com` and the `IncomingWebhook` secret was taken. The webhook URLs where a
    /// find of another detector holds the byte that ended the host (or lies anywhere in a webhook
    /// look) are now read again with the finds as markers.
    @Test func webhookHostThroughASamePassFind() {
        let text = "TEAMS_WEBHOOK=https://ops:p`ss@contoso.webhook.office.com/webhookb2/7c0e2b9a-4d1f-4a8e-9b3c-2f6d8e1a5b7c@1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d/IncomingWebhook/3f9a6c1e8b2d4f7a9c0e1b3d5f7a9c2e/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\n"
        let redacted = "TEAMS_WEBHOOK=https://ops:[password]@contoso.webhook.office.com/webhookb2/7c0e2b9a-4d1f-4a8e-9b3c-2f6d8e1a5b7c@1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d/IncomingWebhook/[webhook-secret …3c4d]\n"
        redactsOnceForAll(Array(text.utf8), to: redacted, findings: [
            RedactionFinding(kind: .password, detector: "url-secret", line: 1, start: 26, end: 30, marker: "[password]"),
            RedactionFinding(kind: .webhookSecret, detector: "webhook-url", line: 1, start: 158, end: 227, marker: "[webhook-secret …3c4d]"),
        ])

        let bytes: [UInt8] = [77, 65, 84, 83, 69, 95, 87, 69, 66, 72, 79, 79, 75, 61, 104, 116, 116, 112, 115, 58, 47, 47, 99, 109, 121, 115, 113, 111, 58, 47, 47, 111, 112, 97, 112, 58, 119, 35, 115, 115, 33, 119, 38, 114, 100, 64, 255, 96, 33, 119, 38, 114, 100, 64, 50, 112, 58, 119, 35, 115, 113, 82, 79, 84, 50, 106, 0, 203, 35, 115, 115, 255, 255, 255, 96, 33, 119, 38, 114, 100, 64, 52, 112, 58, 119, 35, 115, 113, 82, 78, 84, 50, 106, 0, 203, 33, 101, 121, 0, 74, 112, 97, 48, 72, 50, 1, 0, 0, 46, 101, 110, 118, 46, 79, 80, 50, 65, 87, 95, 71, 65, 84, 69, 87, 65, 100, 64, 50, 112, 58, 0, 80, 45, 45, 45, 45, 45, 45, 45, 45, 111, 110, 116, 111, 115, 111, 46, 119, 101, 98, 104, 111, 111, 107, 46, 111, 102, 102, 105, 99, 101, 46, 99, 111, 109, 47, 119, 101, 98, 104, 111, 111, 107, 98, 50, 47, 55, 99, 48, 101, 50, 98, 57, 97, 45, 52, 100, 49, 102, 45, 52, 97, 56, 101, 45, 57, 98, 51, 99, 45, 50, 102, 54, 51, 98, 45, 52, 99, 53, 100, 54, 101, 55, 102, 52, 55, 51, 48, 47, 73, 110, 99, 111, 109, 105, 110, 103, 87, 101, 98, 104, 111, 111, 107, 47, 51, 102, 57, 97, 54, 99, 49, 101, 56, 98, 50, 100, 116, 114, 105, 103, 103, 101, 114, 115, 47, 109, 97, 30, 0, 0, 0, 47, 112, 97, 116, 104, 115, 47, 105, 110, 118, 111, 107, 101, 63, 97, 112, 105, 45, 118, 101, 114, 115, 105, 111, 110, 61, 50, 48, 49, 54, 45, 48, 54, 45, 48, 49, 38, 115, 112, 61, 37, 50, 70, 116, 114, 105, 103, 103, 101, 114, 115, 37, 50, 70, 50, 70, 114, 117, 110, 38, 115, 118, 61, 49, 46, 48, 38, 115, 105, 119, 61, 102, 103, 46, 32, 103, 104, 99, 114, 46, 105, 111, 10, 87, 36, 32, 109, 121, 115, 113, 108, 32, 45, 117, 32, 111, 50, 106, 73, 52, 107, 76, 54, 109, 110, 75, 50, 109, 80, 57, 115, 76, 52, 124, 82, 56, 119, 89, 49, 122, 65, 54, 99, 68, 48, 103, 104, 99, 111, 10]
        var redactor = Redactor()
        let first = redactor.redact(PastedInput(bytes: bytes))
        #expect(first.findings.map(\.detector) == ["url-secret", "webhook-url"])
        var again = Redactor()
        #expect(again.redact(first.text).text == first.text)
    }

    /// `header-scheme-after-a-rejected-value` (found by a targeted run of header, XML and
    /// printed-secret shapes): a rejected header value (`\Bearer`, no digit) sent the search on
    /// past it, so the scheme word it held was never read and `7jK9…` stayed; once the key-context
    /// find of `\Bearer` was a marker, the second pass read `Bearer 7jK9…`. The header search now
    /// goes on from a value it turns down.
    @Test func headerSchemeAfterARejectedValue() {
        let text = "Authorization: Bearer \\Bearer Bearer 7jK9mQ2s_aYa7e562db\n"
        redactsOnceForAll(Array(text.utf8), to: "Authorization: Bearer [bearer-token] Bearer [bearer-token …62db]\n", findings: [
            RedactionFinding(kind: .bearerToken, detector: "key-context", line: 1, start: 22, end: 29, marker: "[bearer-token]"),
            RedactionFinding(kind: .bearerToken, detector: "header", line: 1, start: 37, end: 56, marker: "[bearer-token …62db]"),
        ])
    }

    /// The same reading as a leak: a token pasted with its scheme into a field that adds one
    /// (`Bearer Bearer eyJ…`) kept the token, the doubled scheme hiding it from both detectors.
    /// The token goes; the scheme words and a prose `bearer token` stay.
    @Test func doubledSchemeKeepsNoToken() {
        for (text, redacted) in [
            ("Authorization: Bearer Bearer 7jK9mQ2s_aYa7e562db\n", "Authorization: Bearer Bearer [bearer-token …62db]\n"),
            ("curl -H 'Authorization: Bearer Bearer 7jK9mQ2s_aYa7e562db' http://127.0.0.1:18789\n",
             "curl -H 'Authorization: Bearer Bearer [bearer-token …62db]' http://127.0.0.1:18789\n"),
            ("the bearer token is missing\n", "the bearer token is missing\n"),
        ] {
            var redactor = Redactor()
            #expect(redactor.redact(text).text == redacted)
            var again = Redactor()
            #expect(again.redact(redacted).text == redacted)
        }
    }

    /// `header-scheme-at-the-end-of-a-value`: a header value may end in a scheme word
    /// (`xoxb-…/Bearer`, `/` being a base64 byte) followed by its own value. The search went on
    /// after the whole value; once the Slack token in it was a marker, the second pass read the
    /// `Bearer 7jK9…` after it. The search now goes on from the value whether or not it is taken.
    @Test func headerSchemeAtTheEndOfAValue() {
        let text = "Authorization: Bearer xoxb-1234567890-1234567890123-Zq7Kx9Lm2Np4Rt6WaB3dF5gH/Bearer 7jK9mQ2s_aYa7e562db\n"
        redactsOnceForAll(Array(text.utf8), to: "Authorization: Bearer [slack-token …F5gH]/Bearer [bearer-token …62db]\n", findings: [
            RedactionFinding(kind: .slackToken, detector: "known-format", line: 1, start: 22, end: 76, marker: "[slack-token …F5gH]"),
            RedactionFinding(kind: .bearerToken, detector: "header", line: 1, start: 84, end: 103, marker: "[bearer-token …62db]"),
        ])
    }
}

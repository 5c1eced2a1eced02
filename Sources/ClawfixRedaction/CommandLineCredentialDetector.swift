/// Credentials given as command-line flags whose names say nothing about secrets, so only the
/// command tells: `curl -u user:pass` (`--user`, `-U`/`--proxy-user`, `-uuser:pass`), `docker
/// login -p …` (also podman, nerdctl, buildah, skopeo, helm registry), `mysql -p…` glued to its
/// flag (mysqldump, mysqladmin, mariadb), `sshpass -p …`, `redis-cli -a …`, `mongosh -p …`.
/// The command runs to the end of its line, over `\` continuations, and stops at a `|`, `;`,
/// `&&` or `&` standing alone, where another command begins. Glued to a word they would end it
/// too in a shell, but a secret may hold them, and once it is a marker they are gone: reading
/// on keeps a second pass over the redacted text finding what the first found.
///
/// It reads whole command lines, quotes included, so it runs after the other detectors and sees
/// each of their finds as the marker it becomes (`scan(_:boundaries:into:)`), as the fallback
/// does: a quote inside a secret another detector removed would otherwise pair differently on
/// a second pass over the redacted text.
public struct CommandLineCredentialDetector: SecretDetector {
    public let name = "command-line-credential"
    public let message = "a password given as a command-line flag (curl -u, docker login -p, mysql -p)"
    public let trigger = DetectorTrigger("curl", "login", "mysql", "mariadb", "sshpass", "redis-cli", "mongo", atWordStart: true)

    /// How a command takes its credential.
    private enum Shape {
        /// `user:password` after the flag; only the part after the first colon is secret.
        case userColonPassword
        /// The whole word after the flag.
        case password
    }

    /// A flag: its spelling, whether the value may be glued to it (`-uuser:pass`, `-pSecret`),
    /// whether it may be the next word instead, and how the value is shaped.
    private struct Flag {
        var spelling: [UInt8]
        var glued: Bool
        var separate: Bool
        var shape: Shape
        init(_ spelling: String, glued: Bool, separate: Bool, _ shape: Shape) {
            self.spelling = Array(spelling.utf8)
            self.glued = glued
            self.separate = separate
            self.shape = shape
        }
    }

    private static let curlFlags = [
        Flag("-u", glued: true, separate: true, .userColonPassword), Flag("--user", glued: false, separate: true, .userColonPassword),
        Flag("-U", glued: true, separate: true, .userColonPassword), Flag("--proxy-user", glued: false, separate: true, .userColonPassword),
    ]
    private static let loginFlags = [Flag("-p", glued: false, separate: true, .password), Flag("--password", glued: false, separate: true, .password)]
    /// `mysql -p secret` asks for the password and takes `secret` as the database: only the glued form is one.
    private static let mysqlFlags = [Flag("-p", glued: true, separate: false, .password)]
    private static let sshpassFlags = [Flag("-p", glued: false, separate: true, .password)]
    private static let redisFlags = [Flag("-a", glued: false, separate: true, .password), Flag("--pass", glued: false, separate: true, .password)]
    private static let mongoFlags = [Flag("-p", glued: false, separate: true, .password)]

    private static let commands: [(name: [UInt8], flags: [Flag])] = [
        ("curl", curlFlags), ("login", loginFlags), ("mysql", mysqlFlags), ("mysqldump", mysqlFlags), ("mysqladmin", mysqlFlags),
        ("mariadb", mysqlFlags), ("mariadb-dump", mysqlFlags), ("sshpass", sshpassFlags), ("redis-cli", redisFlags),
        ("mongo", mongoFlags), ("mongosh", mongoFlags),
    ].map { (Array($0.0.utf8), $0.1) }

    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, into candidates: inout [SecretCandidate]) {
        scan(bytes, boundaries: RedactionMarker.spans(in: bytes), into: &candidates)
    }

    /// `boundaries`: sorted, disjoint spans that are markers, or finds that become markers. Each
    /// is opaque: no command starts inside one, and a word runs through one whole.
    ///
    /// Returns the span of each command read, in text order: from its name (for `login`, from
    /// the tool before it) to where it ends. Everything this reading depends on lies in them. A
    /// boundary that falls in one later (a password found here, remembered and found bare in
    /// another command, `curl -u 1:abcdef … curl -u abcdef:pw`) can make a second pass over the
    /// redacted text read that command differently — split a value at another colon, or see no
    /// command at all where the password is also the tool's name (`docker login -p docker`), so
    /// that what the command took in up to its line's end is read as commands of their own. The
    /// `Redactor` then reads the lines again with it.
    @discardableResult
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, boundaries: [Range<Int>], into candidates: inout [SecretCandidate]) -> [Range<Int>] {
        let words = Words(bytes: bytes, boundaries: BoundaryCursor(boundaries))
        var commands: [Range<Int>] = []
        trigger.forEach(in: bytes) { i in
            let b = words.boundaries.firstEnding(after: i)
            if b < boundaries.count && boundaries[b].lowerBound <= i { return boundaries[b].upperBound }
            return examine(bytes, at: i, words, &commands, into: &candidates)
        }
        return commands
    }

    /// Reads the command whose name may start at `i`, appends its span to `commands` when it is
    /// one, and returns where the search goes on.
    private func examine(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, _ words: Words, _ commands: inout [Range<Int>],
                         into candidates: inout [SecretCandidate]) -> Int {
        guard ByteClass.isWordStart(bytes, i), i == 0 || bytes[i - 1] != UInt8(ascii: "/") || Self.isCommandPath(bytes, i) else { return i + 1 }
        // The whole word must be the command's name: a longer word that starts with one (a
        // random string, which the fallback may yet find) is not a command, nor is a name with a
        // quote, a marker or a find right after it. When it is not, the search goes on after the
        // name's letters, not after the rest of its word: a quote there may open a string that
        // holds a command, and if the fallback later finds the word, a second pass sees only its
        // marker and looks at that command.
        let nameEnd = ByteClass.tokenEnd(bytes, from: i)
        guard nameEnd == bytes.count || ByteClass.isSpace(bytes[nameEnd]) || bytes[nameEnd] == 0x0A,
            !words.boundaries.overlaps(i, nameEnd + 1),
            let flags = Self.commands.first(where: { $0.name.count == nameEnd - i && $0.name.elementsEqual(bytes[i..<nameEnd]) })?.flags
        else { return nameEnd }
        var start = i
        if bytes[i] == UInt8(ascii: "l") {
            guard let tool = Self.registryTool(before: i, bytes, words.boundaries) else { return nameEnd }
            start = tool.lowerBound
        }
        let end = readFlags(flags, bytes, from: nameEnd, words, into: &candidates)
        // With the byte that ended it: a separator or a line break inside a boundary is gone on a
        // second pass, and the command would read on.
        commands.append(start..<min(max(end, nameEnd) + 1, bytes.count))
        return end
    }

    /// The flags of a command from `nameEnd` on: appends the credentials, returns where the
    /// command ends (its line's end, or a separator standing alone).
    private func readFlags(_ flags: [Flag], _ bytes: UnsafeBufferPointer<UInt8>, from nameEnd: Int, _ words: Words,
                           into candidates: inout [SecretCandidate]) -> Int {
        var k = nameEnd
        let n = bytes.count
        while k < n {
            // Between words: spaces, and `\` at a line's end, which continues the command.
            let b = bytes[k]
            if ByteClass.isSpace(b) { k += 1; continue }
            if b == UInt8(ascii: "\\") && k + 1 < n && bytes[k + 1] == 0x0A { k += 2; continue }
            if b == 0x0A { return k }
            let wordEnd = words.end(from: k)
            // A separator that is (part of) a boundary is none: on a second pass it is a marker.
            if !words.boundaries.overlaps(k, wordEnd), (k..<wordEnd).allSatisfy({ bytes[$0] == UInt8(ascii: "|") || bytes[$0] == UInt8(ascii: ";") || bytes[$0] == UInt8(ascii: "&") }) {
                return wordEnd
            }
            if b == UInt8(ascii: "-"), let (flag, valueStart) = Self.flag(flags, bytes, k, wordEnd) {
                if valueStart < wordEnd {
                    record(bytes, valueStart, wordEnd, flag.shape, words, into: &candidates)
                    k = wordEnd
                    continue
                }
                // The value is the next word, on this line.
                var v = wordEnd
                while v < n && ByteClass.isSpace(bytes[v]) { v += 1 }
                guard v < n, bytes[v] != 0x0A, bytes[v] != UInt8(ascii: "-") else { k = v; continue }
                let valueEnd = words.end(from: v)
                record(bytes, v, valueEnd, flag.shape, words, into: &candidates)
                k = valueEnd
                continue
            }
            k = max(wordEnd, k + 1)
        }
        return k
    }

    /// The flag `bytes[start..<end]` spells (`--user`, `--user=…`, `-uuser:pass`) and where its
    /// value starts within the word (`end` when the value is the next word).
    private static func flag(_ flags: [Flag], _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Flag, Int)? {
        for flag in flags {
            let length = flag.spelling.count
            guard end - start >= length, (0..<length).allSatisfy({ bytes[start + $0] == flag.spelling[$0] }) else { continue }
            if end - start == length { return flag.separate ? (flag, end) : nil }
            if bytes[start + length] == UInt8(ascii: "=") && length > 2 { return (flag, start + length + 1) }
            if flag.glued { return (flag, start + length) }
        }
        return nil
    }

    /// Appends the secret in the value `bytes[start..<end]`, without its quotes.
    /// A quoted value is what stands between its quotes, not the rest of the word after them
    /// (`-p'pw'rest`): the marker goes inside the quotes, which then pair on a second pass as
    /// they did on the first.
    private func record(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ shape: Shape, _ words: Words,
                        into candidates: inout [SecretCandidate]) {
        var s = start
        var e = end
        if s < e, KeyContextDetector.isQuote(bytes[s]) {
            s += 1
            if let close = words.closingQuote(after: start), close < end { e = close }
        }
        if shape == .userColonPassword {
            guard let colon = words.first(UInt8(ascii: ":"), in: s..<e) else { return }  // curl asks for it
            s = colon + 1
        }
        // A quote left inside the value paired with one outside it; with the value a marker
        // they would pair differently on a second pass. Such a word is not a credential.
        guard e - s >= 1, !ValueShape.isPlaceholder(bytes[s..<e]),
            words.first(UInt8(ascii: "\""), in: s..<e) == nil, words.first(UInt8(ascii: "'"), in: s..<e) == nil,
            words.first(UInt8(ascii: "`"), in: s..<e) == nil
        else { return }
        candidates.append(SecretCandidate(start: s, end: e, kind: .password, detector: name))
    }

    /// `/usr/bin/curl`: a path to the command, not a path that merely holds its name.
    private static func isCommandPath(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        ByteClass.hasPrefix(bytes, at: i - 5, "/bin/")
    }

    /// `docker login`, `podman login`, `helm registry login`: the word before `login`.
    /// A tool name that is (part of) a find is not one: on a second pass it is a marker.
    private static func registryTool(before i: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ boundaries: BoundaryCursor) -> Range<Int>? {
        guard i > 1, bytes[i - 1] == 0x20 else { return nil }
        for tool in registryTools where ByteClass.hasPrefix(bytes, at: i - 1 - tool.utf8CodeUnitCount, tool) {
            let start = i - 1 - tool.utf8CodeUnitCount
            if ByteClass.isWordStart(bytes, start) && !boundaries.overlaps(start, i - 1) { return start..<(i - 1) }
        }
        return nil
    }

    private static let registryTools: [StaticString] = ["docker", "podman", "nerdctl", "buildah", "skopeo", "registry", "oras"]
}

/// Words of a command line: a quoted word runs to its closing quote on the same line, and a
/// boundary (a marker, or a find that becomes one) is part of the word it stands in, whole.
private struct Words {
    let bytes: UnsafeBufferPointer<UInt8>
    let boundaries: BoundaryCursor

    /// The end of the word at `start`.
    func end(from start: Int) -> Int {
        let n = bytes.count
        var next = boundaries.firstEnding(after: start)
        var k = start
        while k < n {
            if next < boundaries.boundaries.count && boundaries.boundaries[next].lowerBound <= k {
                k = boundaries.boundaries[next].upperBound
                next += 1
                continue
            }
            let b = bytes[k]
            if ByteClass.isSpace(b) || b == 0x0A { break }
            if KeyContextDetector.isQuote(b), let close = closingQuote(after: k, &next) {
                k = close + 1
                continue
            }
            if b == UInt8(ascii: "["), let end = RedactionMarker.markerEnd(bytes, from: k) {
                k = end
                continue
            }
            k += 1
        }
        return max(k, start + 1)
    }

    /// The first `byte` in `range` outside every boundary: what a boundary holds is gone once it
    /// is a marker.
    func first(_ byte: UInt8, in range: Range<Int>) -> Int? {
        var next = boundaries.firstEnding(after: range.lowerBound)
        var k = range.lowerBound
        while k < range.upperBound {
            if next < boundaries.boundaries.count && boundaries.boundaries[next].lowerBound <= k {
                k = boundaries.boundaries[next].upperBound
                next += 1
                continue
            }
            if bytes[k] == byte { return k }
            k += 1
        }
        return nil
    }

    /// The quote that closes the one at `open` on its line, looking through boundaries.
    func closingQuote(after open: Int) -> Int? {
        var next = boundaries.firstEnding(after: open)
        return closingQuote(after: open, &next)
    }

    /// The same; `next` moves past the boundaries crossed when there is one.
    private func closingQuote(after open: Int, _ next: inout Int) -> Int? {
        let quote = bytes[open]
        var q = open + 1
        var b = next
        while q < bytes.count && bytes[q] != 0x0A {
            if b < boundaries.boundaries.count && boundaries.boundaries[b].lowerBound <= q {
                q = boundaries.boundaries[b].upperBound
                b += 1
                continue
            }
            if bytes[q] == quote {
                next = b
                return q
            }
            q += 1
        }
        return nil
    }
}

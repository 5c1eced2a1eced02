/// What the prose lines of one message say, gathered line by line and turned into facts at the
/// end: a message that names several install kinds or releases says one thing overall (the best
/// ranked kind, the release it runs now), and a thing tried or a platform is reported once.
struct ProseFindings {
    private struct Ranked {
        var value: String
        var rank: Int
        var line: PasteLine
    }

    private enum VersionRole { case plain, from, to, worked }

    private var installKind: Ranked?
    private var location: Ranked?
    private var accessPath: Ranked?
    private var clientOS: Ranked?
    private var listed: [Fact] = []
    private var versions: [(version: String, role: VersionRole, line: PasteLine)] = []
    private var build: Fact?
    private var updated: Fact?
    private var latest: Fact?

    private static func keep(_ current: inout Ranked?, _ value: String, rank: Int, _ line: PasteLine) {
        if let kept = current, kept.rank >= rank { return }
        current = Ranked(value: value, rank: rank, line: line)
    }

    private mutating func add(_ name: FactName, _ value: String, _ line: PasteLine) {
        var fact = line.fact(name, value)
        fact.origin = .answer
        // Once per value: the platform named in the first line and again in the third is one fact.
        if !listed.contains(where: { $0.name == name && $0.value == value }) { listed.append(fact) }
    }

    mutating func read(_ line: PasteLine, end: Int, matches: [ProseReader.Match], scan: ProseLineScan, inTriedList: Bool) {
        // What was tried and what works are read per sentence: "reached through an SSH tunnel;
        // a clean re-install did not help" tried the re-install, not the tunnel.
        let sentences = Self.sentences(line.lower, end: end)
        func sentence(of match: ProseReader.Match) -> Int { sentences.firstIndex { $0.contains(match.start) } ?? 0 }
        // What each sentence says, as bits (one array per line, not four).
        let failed: UInt8 = 1, tried: UInt8 = 2, works: UInt8 = 4, opensWithFailure: UInt8 = 8
        var says = [UInt8](repeating: 0, count: sentences.count)
        for match in matches {
            let index = sentence(of: match)
            switch match.meaning {
            case .failed:
                says[index] |= failed
                if match.start - sentences[index].lowerBound <= 4 { says[index] |= opensWithFailure }
            case .tried: says[index] |= tried
            case .works: says[index] |= works
            default: break
            }
        }
        func negated(_ match: ProseReader.Match) -> Bool {
            matches.contains { $0.meaning == .negation && $0.end <= match.start && match.start - $0.end <= 12 }
        }
        for match in matches {
            switch match.meaning {
            case .installKind(let kind, let rank):
                if rank == 3 || !negated(match) { Self.keep(&installKind, kind, rank: rank, line) }
            case .location(let value, let rank): if !negated(match) { Self.keep(&location, value, rank: rank, line) }
            case .clientOS(let value): Self.keep(&clientOS, value, rank: 1, line)
            case .accessPath(let value, let rank): if !negated(match) { Self.keep(&accessPath, value, rank: rank, line) }
            case .platform(let platform, let kind, let remote, let os):
                guard !negated(match) else { continue }
                add(.installPlatform, platform, line)
                if let kind { Self.keep(&installKind, kind, rank: 0, line) }
                if remote { Self.keep(&location, "remote", rank: 1, line) }
                if let os { Self.keep(&clientOS, os, rank: 1, line) }
            case .setting(let name, let value):
                add(name, value, line)
            case .fix(let fix):
                let index = sentence(of: match)
                // "I restarted it. Still pairing required.": the failure may open the next sentence.
                let failedNext = index + 1 < sentences.count && says[index + 1] & opensWithFailure != 0
                guard says[index] & (failed | tried) != 0 || failedNext || inTriedList, !negated(match) else { continue }
                add(.triedFix, fix, line)
            case .updated:
                if updated == nil { updated = Self.fact(.recentlyUpdated, "true", line) }
            case .latest:
                if latest == nil { latest = Self.fact(.latestVersion, "true", line) }
            default:
                continue
            }
        }
        readSettings(line, end: end, scan: scan)
        readVersions(line, end: end, matches: matches)
        readPort(line, end: end)
        for (index, range) in sentences.enumerated() where says[index] & (works | failed) == works {
            readWorkingAddresses(line, range: range)
        }
    }

    /// The sentences of the prose part of a line: cut after `. `, `; `, `! `, `? ` and the Chinese
    /// full stops (`。！？；`).
    static func sentences(_ lower: LineBytes, end: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < end {
            let byte = lower[index]
            var cut: Int?
            // A switch, not `".;!?".utf8.contains`: this runs on every byte of every prose line.
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"):
                if index + 1 < end, lower[index + 1] == 0x20 { cut = index + 1 }
            case 0xE3:
                if index + 2 < end, lower[index + 1] == 0x80, lower[index + 2] == 0x82 { cut = index + 3 }  // 。
            case 0xEF:
                if index + 2 < end, lower[index + 1] == 0xBC, lower[index + 2] == 0x81 || lower[index + 2] == 0x9F || lower[index + 2] == 0x9B {
                    cut = index + 3  // ！？；
                }
            default: break
            }
            if let cut {
                ranges.append(start..<cut)
                start = cut
                index = cut
            } else {
                index += 1
            }
        }
        ranges.append(start..<max(start, end))
        return ranges
    }

    /// A fact of the user's words: origin `answer`, with its line.
    private static func fact(_ name: FactName, _ value: String, _ line: PasteLine) -> Fact {
        var fact = line.fact(name, value)
        fact.origin = .answer
        return fact
    }

    func facts() -> [Fact] {
        var facts: [Fact] = []
        let hosted = listed.contains { $0.name == .installPlatform && ProsePhrase.hostedPlatforms.contains($0.value) }
        if let installKind, !(hosted && installKind.rank <= 1) {
            facts.append(Self.fact(.installKind, installKind.value, installKind.line))
        } else if let platform = listed.first(where: { $0.name == .installPlatform && ProsePhrase.platformRunPlatforms.contains($0.value) }) {
            // The platform runs the gateway: no Docker or host of the user's own to look into.
            var kind = platform
            kind.name = .installKind
            kind.value = "hosted"
            facts.append(kind)
        }
        if let location { facts.append(Self.fact(.gatewayLocation, location.value, location.line)) }
        if let clientOS { facts.append(Self.fact(.clientOS, clientOS.value, clientOS.line)) }
        if let accessPath { facts.append(Self.fact(.accessPath, accessPath.value, accessPath.line)) }
        // The release running now: the target of "to B", else the first one named; the one that
        // last worked: "from A", "downgrading to A", "A is unaffected".
        let running = versions.first { $0.role == .to } ?? versions.first { $0.role == .plain }
        if let running { facts.append(Self.fact(.openclawVersion, running.version, running.line)) }
        if let worked = versions.first(where: { ($0.role == .from || $0.role == .worked) && $0.version != running?.version }) {
            facts.append(Self.fact(.lastWorkingVersion, worked.version, worked.line))
        }
        if let build { facts.append(build) }
        if let updated { facts.append(updated) }
        if let latest { facts.append(latest) }
        return facts + listed
    }

    // MARK: Settings, releases, ports and working addresses

    /// `allowInsecureAuth: true is set`, `gateway.bind=lan`, `auth.mode is token`, `set allowInsecureAuth`.
    private mutating func readSettings(_ line: PasteLine, end: Int, scan: ProseLineScan) {
        let lower = line.lower
        let quoted = scan.quoted
        // The line's one automaton pass found every setting name; they are read setting by setting,
        // left to right, each occurrence after the end of the last one read.
        var hits = scan.settings.filter { $0.start < end }
        guard !hits.isEmpty else { return }
        hits.sort { $0.word != $1.word ? $0.word < $1.word : $0.start < $1.start }
        var from = (setting: -1, offset: 0)
        for (settingIndex, start) in hits {
            let setting = ConfigKeyPaths.settings[settingIndex]
            if from.setting == settingIndex, start < from.offset { continue }
            from = (settingIndex, start + setting.needle.count)
            if quoted.contains(where: { $0.contains(start) }) { continue }
            if start > 0, ByteSearch.isWordByte(lower[start - 1]) || lower[start - 1] == UInt8(ascii: "-") { continue }
            var index = start + setting.needle.count
            if index < lower.count, ByteSearch.isWordByte(lower[index]) { continue }
            func skip(_ bytes: String) { while index < lower.count, bytes.utf8.contains(lower[index]) { index += 1 } }
            skip("\"'`* ")
            var separated = false
            if index < lower.count, lower[index] == UInt8(ascii: ":") || lower[index] == UInt8(ascii: "=") {
                index += 1
                separated = true
            } else {
                for word in ["is set to ", "set to ", "is ", "to ", "are ", "was "] where lower.hasPrefix(at: index, word) {
                    index += word.utf8.count
                    separated = true
                    break
                }
            }
            skip("\"'` ")
            var values: [String] = []
            if separated, index < lower.count, lower[index] == UInt8(ascii: "[") {
                values = Self.quotedItems(line, from: index)
                if values.isEmpty, index + 1 < lower.count, lower[index + 1] == UInt8(ascii: "]") { values = ["[]"] }
            } else if separated {
                var stop = index
                while stop < lower.count, ByteSearch.isWordByte(lower[stop]) || ".-/:".utf8.contains(lower[stop]) { stop += 1 }
                while stop > index, ".:".utf8.contains(lower[stop - 1]) { stop -= 1 }
                if stop > index, stop - index <= 200 {
                    let value = line.slice(index..<stop)
                    values = [value == "True" || value == "TRUE" ? "true" : value == "False" || value == "FALSE" ? "false" : value]
                }
            } else if setting.isFlag, Self.saysTurnedOn(lower, before: start) {
                values = ["true"]
            }
            for value in values {
                if !setting.allowedValues.isEmpty, !setting.allowedValues.contains(value.lowercased()) { continue }
                if setting.isFlag, value != "true", value != "false" { continue }
                // An origin, a CIDR, a header name, a URL: not an English word ("set to the …").
                if setting.allowedValues.isEmpty, !setting.isFlag, value != "[]",
                    setting.path == "gateway.port" ? !value.allSatisfy(\.isNumber) : !value.contains(where: { ".:/*-@".contains($0) })
                {
                    continue
                }
                add(.config(setting.path), value, line)
                if setting.path == "gateway.bind" { add(.gatewayBind, value.lowercased(), line) }
            }
        }
    }

    /// "set allowInsecureAuth", "enabled dangerouslyDisableDeviceAuth", "added allowInsecureAuth".
    private static func saysTurnedOn(_ lower: LineBytes, before start: Int) -> Bool {
        let window = lower.string(max(0, start - 16)..<start)
        return ["set ", "enabled ", "enable ", "added ", "turned on ", "setting ", "设置", "开启", "activé ", "activar "]
            .contains { window.hasSuffix($0) || window.hasSuffix($0 + "`") || window.hasSuffix($0 + "\"") }
    }

    /// The quoted strings of `[ "a", "b" ]` on one line.
    private static func quotedItems(_ line: PasteLine, from start: Int) -> [String] {
        let bytes = line.bytes
        guard let close = bytes[start...].firstIndex(of: UInt8(ascii: "]")) else { return [] }
        var items: [String] = []
        var index = start + 1
        while index < close {
            let quote = bytes[index]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"),
                let end = bytes[(index + 1)..<close].firstIndex(of: quote)
            {
                items.append(line.slice((index + 1)..<end))
                index = end + 1
            } else {
                index += 1
            }
        }
        return items
    }

    /// Releases `YYYY.M.D` in the prose part, with their role from the words before (and "ok",
    /// "unaffected" after); punctuation around them is allowed (`2026.3.7,`, `(v2026.2.9)`).
    private mutating func readVersions(_ line: PasteLine, end: Int, matches: [ProseReader.Match]) {
        let lower = line.lower
        var index = 0
        var previousEnd = 0
        while index + 8 <= end {
            guard lower[index] == UInt8(ascii: "2"), lower[index + 1] == UInt8(ascii: "0"),
                index == 0 || !(Self.isDigit(lower[index - 1]) || lower[index - 1] == UInt8(ascii: ".")),
                let (version, stop) = Self.release(lower, at: index)
            else {
                index += 1
                continue
            }
            var role = VersionRole.plain
            for match in matches where match.end <= index && match.start >= previousEnd {
                switch match.meaning {
                case .versionFrom: role = .from
                case .versionTo: role = .to
                case .versionWorked: role = .worked
                default: break
                }
            }
            if Self.workedAfterRelease.contains(where: { lower.hasPrefix(at: stop, $0) }) { role = .worked }
            versions.append((version, role, line))
            if build == nil, let sha = Self.buildSha(line, after: stop) { build = Self.fact(.openclawBuild, sha, line) }
            previousEnd = stop
            index = stop
        }
        if build == nil {
            for (length, marker) in Self.buildMarkers {
                guard let found = ByteSearch.find(marker, in: lower), found < end else { continue }
                if let sha = Self.hex(line, at: found + length) {
                    build = Self.fact(.openclawBuild, sha, line)
                    break
                }
            }
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Words right after a release that say it worked ("2026.3.8 is fine", "2026.3.8 正常").
    private static let workedAfterRelease = [" ok", " is ok", " works", " unaffected", " is unaffected", " is fine", " 正常", "恢复正常", "正常"]
        .map { Array($0.utf8) }

    /// `2026.3.13`, `2026.2.19-2`, `2026.5.9-beta1` at `index` → (`2026.3.13`, end offset).
    private static func release(_ lower: LineBytes, at index: Int) -> (String, Int)? {
        var parts: [Int] = []
        var cursor = index
        for (part, width) in [(0, 4...4), (1, 1...2), (2, 1...2)] {
            let start = cursor
            var value = 0
            while cursor < lower.count, cursor - start < width.upperBound, isDigit(lower[cursor]) {
                value = value * 10 + Int(lower[cursor] - 0x30)
                cursor += 1
            }
            guard width.contains(cursor - start) else { return nil }
            parts.append(value)
            if part < 2 {
                guard cursor < lower.count, lower[cursor] == UInt8(ascii: ".") else { return nil }
                cursor += 1
            }
        }
        // `2026.4.2x` is a range of releases, not one.
        if cursor < lower.count, isDigit(lower[cursor]) || lower[cursor] == UInt8(ascii: "x") { return nil }
        // A pre-release or packaging suffix belongs to the token but not to the release.
        if cursor + 1 < lower.count, lower[cursor] == UInt8(ascii: "-"), ByteSearch.isWordByte(lower[cursor + 1]) {
            cursor += 1
            while cursor < lower.count, ByteSearch.isWordByte(lower[cursor]) || lower[cursor] == UInt8(ascii: ".")
                && cursor + 1 < lower.count && ByteSearch.isWordByte(lower[cursor + 1])
            {
                cursor += 1
            }
        }
        guard parts[0] >= 2024, parts[0] <= 2099, parts[1] >= 1, parts[1] <= 12, parts[2] >= 1, parts[2] <= 31 else { return nil }
        return ("\(parts[0]).\(parts[1]).\(parts[2])", cursor)
    }

    /// ` (aa36ee6)` right after a release.
    private static func buildSha(_ line: PasteLine, after stop: Int) -> String? {
        var index = stop
        let lower = line.lower
        while index < lower.count, lower[index] == 0x20 { index += 1 }
        guard index < lower.count, lower[index] == UInt8(ascii: "(") else { return nil }
        guard let sha = hex(line, at: index + 1), index + 1 + sha.utf8.count < lower.count,
            lower[index + 1 + sha.utf8.count] == UInt8(ascii: ")")
        else { return nil }
        return sha
    }

    /// 7–40 hex digits with at least one letter and one digit (a short sha, not a word or a number).
    private static func hex(_ line: PasteLine, at start: Int) -> String? {
        let lower = line.lower
        var stop = start
        while stop < lower.count, stop - start <= 40, isDigit(lower[stop]) || (lower[stop] >= 0x61 && lower[stop] <= 0x66) { stop += 1 }
        guard stop - start >= 7, stop - start <= 40, stop == lower.count || !ByteSearch.isWordByte(lower[stop]) else { return nil }
        let text = lower.string(start..<stop)
        guard text.utf8.contains(where: isDigit), text.utf8.contains(where: { !isDigit($0) }) else { return nil }
        return text
    }

    private static let portWord = ByteSearch.needle("port ")
    private static let gatewayWord = ByteSearch.needle("gateway")
    private static let openclawWord = ByteSearch.needle("openclaw")
    private static let buildMarkers = ["main-", "main @ ", "main@", "commit "].map { ($0.utf8.count, ByteSearch.needle($0)) }

    /// "the gateway runs on port 18788", "gateway port 14423".
    private mutating func readPort(_ line: PasteLine, end: Int) {
        let lower = line.lower
        guard let found = ByteSearch.find(Self.portWord, in: lower), found < end,
            ByteSearch.find(Self.gatewayWord, in: lower) != nil || ByteSearch.find(Self.openclawWord, in: lower) != nil,
            found == 0 || !ByteSearch.isWordByte(lower[found - 1])
        else { return }
        var index = found + 5
        let start = index
        while index < lower.count, Self.isDigit(lower[index]), index - start < 6 { index += 1 }
        guard index - start >= 2, index - start <= 5, index == lower.count || !ByteSearch.isWordByte(lower[index]),
            let port = Int(lower.string(start..<index)), port > 0, port < 65536
        else { return }
        add(.gatewayPort, String(port), line)
    }

    /// Addresses in a sentence that says they work: `http://127.0.0.1:18789`, a bare `127.0.0.1`, `localhost`.
    private mutating func readWorkingAddresses(_ line: PasteLine, range: Range<Int>) {
        let lower = line.lower
        let end = range.upperBound
        var index = range.lowerBound
        while index < end {
            while index < end, lower[index] == 0x20 || "(`\"'".utf8.contains(lower[index]) { index += 1 }
            var stop = index
            while stop < end, lower[stop] != 0x20, !"`\"')，,".utf8.contains(lower[stop]) { stop += 1 }
            if stop > index {
                var token = line.slice(index..<stop)
                while let last = token.last, ".;:!?".contains(last) { token.removeLast() }
                if let host = Self.host(of: token) {
                    add(.workingURL, token, line)
                    add(.workingHostKind, NetworkAddressKind.classifyHost(host), line)
                }
            }
            index = stop + 1
        }
    }

    /// The host of a URL or of a bare IP / `localhost` token.
    private static func host(of token: String) -> String? {
        let lowered = token.lowercased()
        for scheme in ["http://", "https://", "ws://", "wss://"] where lowered.hasPrefix(scheme) {
            var rest = Substring(token.dropFirst(scheme.count))
            rest = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            if rest.hasPrefix("[") { return rest.split(separator: "]").first.map { String($0.dropFirst()) } }
            let host = rest.split(separator: ":").first.map(String.init) ?? ""
            return host.isEmpty ? nil : host
        }
        let host = String(lowered.split(separator: ":").first ?? "")
        if host == "localhost" || NetworkAddressKind.ipv4(host) != nil { return host }
        return nil
    }
}

extension LineBytes {
    /// Whether `needle` (lower-case ASCII) starts at `offset`.
    func hasPrefix(at offset: Int, _ needle: String) -> Bool {
        hasPrefix(at: offset, Array(needle.utf8))
    }

    /// Whether the bytes `needle` start at `offset`.
    func hasPrefix(at offset: Int, _ needle: [UInt8]) -> Bool {
        guard offset >= 0, offset + needle.count <= count else { return false }
        for (index, byte) in needle.enumerated() where self[offset + index] != byte { return false }
        return true
    }
}

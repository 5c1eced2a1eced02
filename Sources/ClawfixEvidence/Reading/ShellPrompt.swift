/// A shell prompt at the start of a pasted line, and the command typed after it:
/// `alice@vps:~/openclaw$ docker ps`, `root@vps:~#`, `[alice@vps openclaw]$ …`, `$ docker ps`,
/// `PS C:\Users\alice> ssh …`, `C:\> netstat -ano`.
public struct ShellPrompt: Sendable, Hashable {
    /// The user of a `user@host` prompt.
    public var user: String?
    /// The host of a `user@host` prompt.
    public var host: String?
    /// The directory shown (`~/openclaw`, `C:\Users\alice`).
    public var directory: String?
    /// PowerShell or cmd.exe.
    public var isWindows: Bool
    /// `#` prompt (or user `root`).
    public var isRoot: Bool
    /// What was typed after the prompt; empty for a bare prompt.
    public var command: String

    /// The home directory the prompt implies: `/root` for root, `/home/<user>` for a Linux
    /// `user@host` prompt, `C:\Users\<name>` for a Windows directory under `C:\Users`.
    public var home: String? {
        if isWindows {
            guard let directory else { return nil }
            let parts = directory.split(separator: "\\", omittingEmptySubsequences: true)
            guard parts.count >= 3, parts[1].lowercased() == "users" else { return nil }
            return parts[0...2].joined(separator: "\\")
        }
        if let directory, directory.hasPrefix("/root") { return "/root" }
        if let directory, directory.hasPrefix("/home/") {
            let name = directory.dropFirst(6).prefix { $0 != "/" }
            if !name.isEmpty { return "/home/" + name }
        }
        if let directory, directory.hasPrefix("/Users/") {
            let name = directory.dropFirst(7).prefix { $0 != "/" }
            if !name.isEmpty { return "/Users/" + name }
        }
        guard let user else { return nil }
        return user == "root" ? "/root" : (directory?.hasPrefix("~") == true ? "/home/" + user : nil)
    }

    /// Parses `text` (a trimmed line); nil when it does not start with a prompt.
    public static func parse(_ text: String) -> ShellPrompt? {
        guard !text.isEmpty, text.utf8.count < 2000 || text.count < 2000 else { return nil }
        if text.hasPrefix("$ ") || text == "$" {
            return ShellPrompt(isWindows: false, isRoot: false, command: String(text.dropFirst()).trimmingBlanks())
        }
        if text.hasPrefix("PS "), let windows = windowsPrompt(String(text.dropFirst(3))) {
            return windows
        }
        if let windows = windowsPrompt(text) { return windows }
        return posixPrompt(text)
    }

    /// `C:\Users\alice> cmd` (after `PS ` for PowerShell).
    private static func windowsPrompt(_ text: String) -> ShellPrompt? {
        // Cheap byte test before copying scalars: a drive letter, `:` and `\`.
        var bytes = text.utf8.makeIterator()
        guard let drive = bytes.next(), (drive | 0x20) >= UInt8(ascii: "a"), (drive | 0x20) <= UInt8(ascii: "z"),
            bytes.next() == UInt8(ascii: ":"), bytes.next() == UInt8(ascii: "\\")
        else { return nil }
        let scalars = Array(text.unicodeScalars.prefix(400))
        guard scalars.count >= 3, scalars[0].properties.isAlphabetic, scalars[0].isASCII, scalars[1] == ":",
            scalars[2] == "\\", let close = scalars.firstIndex(of: ">")
        else { return nil }
        let directory = String(String.UnicodeScalarView(scalars[0..<close]))
        guard !directory.contains(" ") || directory.contains("\\") else { return nil }
        let rest = text.unicodeScalars.dropFirst(close + 1)
        return ShellPrompt(
            directory: directory, isWindows: true, isRoot: false, command: String(String.UnicodeScalarView(rest)).trimmingBlanks())
    }

    /// `user@host:dir$ cmd`, `user@host:dir# cmd`, `[user@host dir]$ cmd`, `user@host dir % cmd`.
    private static func posixPrompt(_ text: String) -> ShellPrompt? {
        var body = Substring(text)
        let bracketed = body.hasPrefix("[")
        if bracketed { body = body.dropFirst() }
        // The user name is short ASCII: look for `@` in the first 33 bytes only, not the whole line.
        guard let at = body.utf8.prefix(33).firstIndex(of: UInt8(ascii: "@")) else { return nil }
        let user = body[..<at]
        guard !user.isEmpty, user.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) })
        else { return nil }
        let afterAt = body[body.index(after: at)...]
        let hostEnd = afterAt.firstIndex { !($0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0))) } ?? afterAt.endIndex
        let host = afterAt[..<hostEnd]
        guard !host.isEmpty, hostEnd < afterAt.endIndex else { return nil }
        var rest = afterAt[hostEnd...]
        var directory: Substring = ""
        if rest.first == ":" || rest.first == " " {
            rest = rest.dropFirst()
            // The directory runs to the prompt sign; it may contain spaces only in the bracketed form.
            guard let sign = rest.firstIndex(where: { $0 == "$" || $0 == "#" || $0 == "%" || $0 == "]" || $0 == ">" }) else {
                return nil
            }
            directory = rest[..<sign]
            let trimmed = directory.trimmingBlanks()
            if !bracketed {
                // `user@host:~/dir$` (bash) or `user@host dir %` (zsh); prose with an e-mail address is neither.
                if rest.startIndex > afterAt.startIndex, afterAt[afterAt.index(before: rest.startIndex)] == ":" {
                    guard trimmed.isEmpty || trimmed.hasPrefix("~") || trimmed.hasPrefix("/"), !trimmed.containsBytes(" ") else { return nil }
                } else {
                    guard rest[sign] == "%", !trimmed.containsBytes(" ") else { return nil }
                }
            }
            rest = rest[sign...]
        }
        if rest.first == "]" { rest = rest.dropFirst() }
        directory = Substring(directory.trimmingBlanks())
        guard let sign = rest.first, sign == "$" || sign == "#" || sign == "%" || sign == ">" else { return nil }
        let command = rest.dropFirst()
        guard command.isEmpty || command.first == " " else { return nil }
        return ShellPrompt(
            user: String(user), host: String(host), directory: directory.isEmpty ? nil : String(directory),
            isWindows: false, isRoot: sign == "#" || user == "root", command: command.trimmingBlanks())
    }
}

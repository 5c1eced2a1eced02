import Foundation

/// Where clawfix keeps files that are not part of the knowledge base: the index cache and
/// per-user configuration, following the XDG base-directory convention.
public enum ClawfixPaths {
    /// `$XDG_CACHE_HOME/clawfix`, else `~/.cache/clawfix`.
    public static func cacheDirectory() -> URL {
        base(variable: "XDG_CACHE_HOME", fallback: ".cache").appending(path: "clawfix", directoryHint: .isDirectory)
    }

    /// `$XDG_CONFIG_HOME/clawfix`, else `~/.config/clawfix`.
    public static func configDirectory() -> URL {
        base(variable: "XDG_CONFIG_HOME", fallback: ".config").appending(path: "clawfix", directoryHint: .isDirectory)
    }

    /// The knowledge index cache file used when `--db` is not given.
    public static func defaultIndexPath() -> String {
        cacheDirectory().appending(path: "knowledge.sqlite").path
    }

    private static func base(variable: String, fallback: String) -> URL {
        let environment = ProcessInfo.processInfo.environment
        // The XDG spec says relative values are invalid and must be ignored.
        if let value = environment[variable], value.hasPrefix("/") {
            return URL(fileURLWithPath: value, isDirectory: true)
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return URL(fileURLWithPath: home, isDirectory: true).appending(path: fallback, directoryHint: .isDirectory)
        }
        // No usable home (a locked-down service account): a per-user temporary directory still works.
        return FileManager.default.temporaryDirectory.appending(path: fallback, directoryHint: .isDirectory)
    }
}

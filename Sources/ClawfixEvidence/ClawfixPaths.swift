import Foundation

/// Where clawfix keeps files that are not part of the knowledge base — the index cache, the
/// sessions, the probe's device identity — following the XDG base-directory convention. The one
/// home of these rules: every stage that stores a file asks here (it lives in the evidence stage
/// because that is the first one the knowledge, probe and front-end stages all import).
public enum ClawfixPaths {
    /// `$XDG_CACHE_HOME/clawfix`, else `~/.cache/clawfix`.
    public static func cacheDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        base(variable: "XDG_CACHE_HOME", fallback: ".cache", environment).appending(path: "clawfix", directoryHint: .isDirectory)
    }

    /// `$XDG_CONFIG_HOME/clawfix`, else `~/.config/clawfix`.
    public static func configDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        base(variable: "XDG_CONFIG_HOME", fallback: ".config", environment).appending(path: "clawfix", directoryHint: .isDirectory)
    }

    /// The knowledge index cache file used when `--db` is not given.
    public static func defaultIndexPath() -> String {
        cacheDirectory().appending(path: "knowledge.sqlite").path
    }

    private static func base(variable: String, fallback: String, _ environment: [String: String]) -> URL {
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

import Foundation

/// A cheap guess, without running anything, whether this machine runs the gateway — so chat can
/// offer `clawfix doctor` instead of asking for command output one round trip at a time.
///
/// Linux only (it reads `/proc`): a process named like the gateway (its `process.title` is
/// `openclaw-gateway`, cut to 15 characters in `comm`), or a Docker host with a listener on the
/// gateway's port. An SSH tunnel on a laptop listens on 18789 too, hence the Docker socket condition.
public enum GatewayHostCheck {
    public static func looksLikeGatewayHost(procRoot: String = "/proc", dockerSocket: String = "/var/run/docker.sock", port: Int = 18789) -> Bool {
        let names = ["openclaw-gatewa", "openclaw-gateway", "clawdbot-gatewa", "moltbot-gateway"]
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: procRoot) {
            for entry in entries where entry.first?.isNumber == true {
                guard let comm = try? String(contentsOfFile: "\(procRoot)/\(entry)/comm", encoding: .utf8) else { continue }
                if names.contains(comm.trimmingCharacters(in: .whitespacesAndNewlines)) { return true }
            }
        }
        guard FileManager.default.fileExists(atPath: dockerSocket) else { return false }
        return isListening(port: port, procRoot: procRoot)
    }

    /// A TCP socket in state LISTEN (`0A`) on `port` in `/proc/net/tcp` or `tcp6`.
    static func isListening(port: Int, procRoot: String) -> Bool {
        let hexPort = String(format: ":%04X", port)
        for table in ["net/tcp", "net/tcp6"] {
            guard let text = try? String(contentsOfFile: "\(procRoot)/\(table)", encoding: .utf8) else { continue }
            for line in text.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                guard fields.count > 3 else { continue }
                if fields[1].hasSuffix(hexPort) && fields[3] == "0A" { return true }
            }
        }
        return false
    }
}

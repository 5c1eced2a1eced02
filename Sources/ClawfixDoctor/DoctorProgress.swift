import Foundation

/// Progress on a terminal: which command runs and for how long, redrawn in place on standard error
/// so it never mixes with the report on standard output. Silent when standard error is not a
/// terminal (a pipe, a CI log, the tests).
public final class DoctorProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let write: (@Sendable (String) -> Void)?
    private var running: [(label: String, started: Double)] = []
    private var done = 0
    private var total = 0
    private var ticker: Thread?
    private var stopped = false

    /// `write` receives terminal text; nil for no progress at all.
    public init(write: (@Sendable (String) -> Void)?) {
        self.write = write
    }

    /// Progress to standard error when it is a terminal, else none.
    public static func standardError() -> DoctorProgress {
        guard isatty(2) == 1 else { return DoctorProgress(write: nil) }
        return DoctorProgress { text in FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// A batch of `commands` is about to run.
    public func adding(_ commands: Int) {
        lock.withLock { total += commands }
        startTicker()
    }

    public func started(_ command: String) {
        lock.withLock { running.append((Self.label(command), Self.now())) }
        redraw()
    }

    public func finished(_ command: String) {
        lock.withLock {
            let label = Self.label(command)
            if let index = running.firstIndex(where: { $0.label == label }) { running.remove(at: index) }
            done += 1
        }
        redraw()
    }

    /// Clears the progress line for good.
    public func finish() {
        lock.withLock {
            guard !stopped else { return }
            stopped = true
            write?("\r\u{1B}[2K")
        }
    }

    private func startTicker() {
        guard write != nil else { return }
        lock.lock()
        defer { lock.unlock() }
        guard ticker == nil else { return }
        let thread = Thread { [weak self] in
            while let self, !self.lock.withLock({ self.stopped }) {
                self.redraw()
                Thread.sleep(forTimeInterval: 0.2)
            }
        }
        ticker = thread
        thread.start()
    }

    private func redraw() {
        guard let write else { return }
        // Written under the lock: a redraw must never land after `finish` cleared the line.
        lock.withLock {
            guard !stopped else { return }
            let now = Self.now()
            let oldest = running.min { $0.started < $1.started }
            let current = oldest.map { "\($0.label)  \(String(format: "%.1f", now - $0.started))s" } ?? "…"
            let more = running.count > 1 ? " (+\(running.count - 1) running)" : ""
            // One line, cut to a narrow terminal's width so the redraw never wraps.
            write("\r\u{1B}[2K" + String("[\(done)/\(total)] \(current)\(more)".prefix(100)))
        }
    }

    /// A long command cut in the middle: its start says where it runs, its end what it asks
    /// (`docker compose exec -T openclaw-…dist/index.js devices list`).
    static func label(_ command: String) -> String {
        guard command.count > 64 else { return command }
        return String(command.prefix(30)) + "…" + String(command.suffix(33))
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}

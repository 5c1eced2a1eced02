import Foundation

/// Runs independent commands side by side, a few at a time, each under its own time limit.
///
/// Threads rather than tasks: each command blocks in `poll` on its pipe, and a blocked task would
/// hold one of the cooperative pool's few threads (two on the development machine).
struct CommandBatch {
    var transport: CommandTransport
    var environment: [String: String]
    var timeout: Double
    var width: Int
    var progress: DoctorProgress
    /// Programs that timed out, across every stage of one doctor run.
    let hung = HungPrograms()

    /// How a command skipped because its program hung is marked (`launchFailure`).
    static let notRun = "not run: "

    /// The results in the order of `commands`.
    func run(_ commands: [PlannedCommand]) -> [TimedProcess.Result] {
        let results = ResultSlots(count: commands.count)
        let next = ResultSlots.Counter()
        let group = DispatchGroup()
        for _ in 0..<max(1, min(width, commands.count)) {
            group.enter()
            let thread = Thread { [transport, environment, timeout, progress, hung] in
                while let index = next.take(below: commands.count) {
                    let command = commands[index]
                    let programs = EvidencePlan.programs(of: command.command)
                    // A Docker that hung once hangs again: later Docker commands are not started,
                    // so a dead daemon costs one time limit, not one per command.
                    if let program = hung.first(of: programs) {
                        results.set(index, TimedProcess.Result(output: [], status: nil, launchFailure: "\(Self.notRun)`\(program)` timed out on an earlier command"))
                        continue
                    }
                    progress.started(command.command)
                    let result = TimedProcess.run(transport.arguments(for: command.script), environment: environment, timeout: timeout)
                    if result.timedOut { hung.insert(programs.filter { $0 != "cd" && $0 != "sudo" }) }
                    results.set(index, result)
                    progress.finished(command.command)
                }
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
        return results.values()
    }
}

/// Results written by worker threads, each to its own slot.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [TimedProcess.Result?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: TimedProcess.Result) { lock.withLock { slots[index] = result } }

    func values() -> [TimedProcess.Result] {
        lock.withLock { slots.map { $0 ?? TimedProcess.Result(output: [], status: nil, launchFailure: "not run") } }
    }

    /// Hands out indices 0, 1, 2, … to whichever worker asks next.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func take(below limit: Int) -> Int? {
            lock.withLock {
                guard value < limit else { return nil }
                defer { value += 1 }
                return value
            }
        }
    }
}

import Foundation

/// Wall-clock timing with a monotonic clock; every figure in the table is a median of `runs`.
enum Stopwatch {
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Milliseconds one call of `body` took.
    static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
        let start = now()
        try body()
        return Double(now() - start) / 1e6
    }

    /// The median of `runs` timings of `body`, in milliseconds.
    static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var samples: [Double] = []
        for _ in 0..<runs { samples.append(try milliseconds(body)) }
        return median(samples)
    }

    /// The median wall time and the median CPU time of this thread over `runs` calls of `body`, in
    /// milliseconds. On a machine shared with other builds the wall time includes time spent
    /// waiting for a core; the CPU time is the work itself.
    static func medians(runs: Int, _ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
        var wall: [Double] = []
        var cpu: [Double] = []
        for _ in 0..<runs {
            let cpuStart = threadCPUNanoseconds()
            wall.append(try milliseconds(body))
            cpu.append(Double(threadCPUNanoseconds() - cpuStart) / 1e6)
        }
        return (median(wall), median(cpu))
    }

    private static func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    static func median(_ samples: [Double]) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// One row of the results table.
struct BenchRow {
    var measure: String
    var value: String
    var note: String = ""
}

extension Double {
    /// Fixed-point text with `digits` decimals (no locale).
    func fixed(_ digits: Int) -> String { String(format: "%.\(digits)f", self) }
}

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

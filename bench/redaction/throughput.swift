import Foundation
#if canImport(Glibc)
import Glibc
#endif

// In-process throughput of the redactor, for bench/redaction/run.sh. Compiled by run.sh with
// `swiftc -O -wmo` together with Sources/ClawfixRedaction (the same optimisation SwiftPM's
// release build uses), so process start, file reading and output writing are not timed.
//
//   throughput FILE [MIN_BYTES] [RUNS] [--per-detector]
//
// Repeats FILE's bytes until there are at least MIN_BYTES (default: the file once), builds the
// `PastedInput` once, then times `Redactor().redact(input)` with a fresh redactor (empty memory)
// RUNS times (default 5) and prints the median, in CPU time of the thread and in wall time.
// Cleaning (`PastedInput(bytes:)`) is timed separately on the same bytes.

@main
enum Throughput {
    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count >= 2 else {
            FileHandle.standardError.write(Data("usage: throughput FILE [MIN_BYTES] [RUNS]\n".utf8))
            exit(2)
        }
        let unit = try [UInt8](Data(contentsOf: URL(fileURLWithPath: arguments[1])))
        let minBytes = arguments.count > 2 ? Int(arguments[2])! : unit.count
        let runs = arguments.count > 3 ? Int(arguments[3])! : 5
        var bytes: [UInt8] = []
        bytes.reserveCapacity(minBytes + unit.count)
        repeat { bytes += unit } while bytes.count < minBytes

        // CPU time of this thread: what one core spends, whatever else the machine is running
        // (wall-clock time on a shared 2-core machine measured the other jobs too).
        func cpuSeconds() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }
        var wallTimes: [Double] = []
        func measure(_ body: () -> Void) -> Double {
            let wall = ContinuousClock.now
            let start = cpuSeconds()
            body()
            let cpu = cpuSeconds() - start
            let elapsed = (ContinuousClock.now - wall).components
            wallTimes.append(Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
            return cpu
        }
        func median(_ times: [Double]) -> Double { times.sorted()[times.count / 2] }
        var input: PastedInput?
        let cleanTimes = (0..<runs).map { _ in measure { input = PastedInput(bytes: bytes) } }
        var findings = 0
        wallTimes = []
        let redactTimes = (0..<runs).map { _ in
            measure {
                var redactor = Redactor()
                findings = redactor.redact(input!).findings.count
            }
        }
        let mb = Double(bytes.count) / 1e6
        print("bytes \(bytes.count)")
        print("findings \(findings)")
        print("redact_mbs \(mb / median(redactTimes))")
        print("redact_wall_mbs \(mb / median(wallTimes))")
        print("clean_mbs \(mb / median(cleanTimes))")
        guard CommandLine.arguments.contains("--per-detector") else { return }
        // Where the time goes: each detector's scan alone, the marker search and the memory scan.
        var text = input!.text
        text.withUTF8 { buffer in
            for detector in Redactor.detectors {
                var found: [SecretCandidate] = []
                let t = (0..<runs).map { _ in measure { found.removeAll(keepingCapacity: true); detector.scan(buffer, into: &found) } }
                print("  \(detector.name) \(Int(mb / median(t))) MB/s, \(found.count) candidates")
            }
            let t = (0..<runs).map { _ in measure { _ = RedactionMarker.spans(in: buffer) } }
            print("  markers \(Int(mb / median(t))) MB/s")
        }
    }
}

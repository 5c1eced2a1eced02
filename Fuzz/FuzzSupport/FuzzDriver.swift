import Foundation

#if FUZZING
// libFuzzer's entry point when we own `main` (SwiftPM renames an executable's `main`, so the
// runtime's own `main` cannot be used).
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

nonisolated(unsafe) private var currentCheck: ((UnsafeBufferPointer<UInt8>) -> Void)?
#endif

/// Runs `check` under libFuzzer when built with `-D FUZZING`, otherwise replays the files named
/// on the command line through it.
public func runFuzzTarget(_ check: @escaping (UnsafeBufferPointer<UInt8>) -> Void) -> Never {
    #if FUZZING
    currentCheck = check
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        currentCheck?(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
        return 0
    }
    exit(status)
    #else
    replayFiles(CommandLine.arguments.dropFirst(), through: check)
    exit(0)
    #endif
}

import Foundation

/// Runs each file (or each file inside a directory) through `check`, for regression runs of
/// inputs the fuzzer once found.
public func replayFiles(_ paths: ArraySlice<String>, through check: (UnsafeBufferPointer<UInt8>) -> Void) {
    var count = 0
    for path in paths {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            FileHandle.standardError.write(Data("no such file: \(path)\n".utf8))
            exit(2)
        }
        let files = isDirectory.boolValue
            ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 }
            : [path]
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            data.withUnsafeBytes { raw in check(raw.bindMemory(to: UInt8.self)) }
            count += 1
        }
    }
    print("replayed \(count) inputs: ok")
}

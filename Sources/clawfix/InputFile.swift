import Foundation

/// Reads what the user hands clawfix — a file, `-` or standard input — with the system's own words
/// for what went wrong ("Is a directory", "Permission denied") and a ceiling, so `/dev/zero` or a
/// multi-gigabyte log ends in a clear message instead of exhausting memory.
enum InputFile {
    /// Far above the 8 MB a message is cut to: the notice can still say how big the paste was.
    static let ceiling = 256 << 20

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The bytes of `path` (standard input for nil or `-`), at most `ceiling` of them; `truncated`
    /// says there was more.
    static func read(_ path: String?, ceiling: Int = ceiling) throws -> (bytes: [UInt8], truncated: Bool) {
        let fd: Int32
        if let path, path != "-" {
            fd = open(path, O_RDONLY)
            guard fd >= 0 else { throw Failure(description: "cannot read \(path): \(String(cString: strerror(errno)))") }
            var info = stat()
            if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                close(fd)
                throw Failure(description: "cannot read \(path): \(String(cString: strerror(EISDIR)))")
            }
        } else {
            fd = STDIN_FILENO
        }
        defer { if fd != STDIN_FILENO { close(fd) } }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count < ceiling {
            let count = Glibc.read(fd, &chunk, min(chunk.count, ceiling - bytes.count))
            if count > 0 {
                bytes += chunk[0..<count]
            } else if count == 0 {
                return (bytes, false)
            } else if errno != EINTR {
                throw Failure(description: "cannot read \(path ?? "standard input"): \(String(cString: strerror(errno)))")
            }
        }
        var probe: UInt8 = 0
        return (bytes, Glibc.read(fd, &probe, 1) > 0)
    }
}

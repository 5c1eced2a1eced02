import Foundation
import NIOCore
import NIOPosix

/// A socket error in the probe's own words: the verdict it means and one readable line, from the
/// errno underneath NIO's wrappers. NIO's descriptions nest their own text around `strerror`
/// (`connection reset (error set): No route to host) (errno: 113)`), which reads as garbage to a
/// person; the errno says the same thing cleanly.
struct ProbeConnectFailure: Equatable {
    var outcome: ProbeOutcome
    var detail: String

    init(outcome: ProbeOutcome, detail: String) {
        self.outcome = outcome
        self.detail = detail
    }

    /// `address`: `127.0.0.1:18789`, named in the line.
    init(error: any Error, address: String, timeout: Double) {
        switch Self.errno(of: error) {
        case ECONNREFUSED?:
            self.init(outcome: .refused, detail: "connection refused at \(address)")
        case EHOSTUNREACH?, ENETUNREACH?, EHOSTDOWN?, ENETDOWN?:
            let code = Self.errno(of: error)!
            self.init(outcome: .unreachable, detail: "\(address): \(Self.words(code)) (errno \(code))")
        case ETIMEDOUT?:
            self.init(outcome: .timeout, detail: "no TCP answer from \(address) within \(timeout) s")
        case let code?:
            self.init(outcome: .refused, detail: "connect to \(address) failed: \(Self.words(code)) (errno \(code))")
        case nil:
            if case ChannelError.connectTimeout = error {
                self.init(outcome: .timeout, detail: "no TCP answer from \(address) within \(timeout) s")
            } else {
                self.init(outcome: .refused, detail: "connect to \(address) failed: \(String(describing: error))")
            }
        }
    }

    /// A read or write error on an open connection (`errorCaught`), one readable line.
    static func describe(_ error: any Error) -> String {
        if let code = errno(of: error) { return "\(words(code)) (errno \(code))" }
        return String(describing: error)
    }

    /// `strerror`, lower-cased at the start as a clause: "No route to host" → "no route to host".
    static func words(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    static func errno(of error: any Error) -> Int32? {
        if let io = error as? IOError { return io.errnoCode }
        if let connection = error as? NIOConnectionError {
            for failure in connection.connectionErrors {
                if let io = failure.error as? IOError { return io.errnoCode }
            }
        }
        return nil
    }
}

import Foundation

/// Programs that timed out in one doctor run: a Docker that hung once is not started again.
final class HungPrograms: @unchecked Sendable {
    private let lock = NSLock()
    private var programs: Set<String> = []

    func insert(_ names: [String]) { lock.withLock { programs.formUnion(names) } }

    func first(of names: [String]) -> String? { lock.withLock { names.first { programs.contains($0) } } }
}

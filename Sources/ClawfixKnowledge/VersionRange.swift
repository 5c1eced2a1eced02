/// An OpenClaw release, named by date: `2026.2.21` (a `-beta.N` suffix is ignored for ordering).
public struct OpenClawVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `2026.2.21`, `2026.4.12-beta.1`, `v2026.2.9`; nil for anything else.
    public init?(_ text: some StringProtocol) {
        var body = Substring(text)
        if body.first == "v" || body.first == "V" { body = body.dropFirst() }
        if let dash = body.firstIndex(of: "-") { body = body[..<dash] }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (2020...2100).contains(year), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var description: String { "\(year).\(month).\(day)" }

    public static func < (lhs: OpenClawVersion, rhs: OpenClawVersion) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// `from A`, `until B`, or `from A until B`, both ends inclusive.
public struct VersionRange: Sendable, Hashable, CustomStringConvertible {
    public var from: OpenClawVersion?
    public var until: OpenClawVersion?

    public init(from: OpenClawVersion? = nil, until: OpenClawVersion? = nil) {
        self.from = from
        self.until = until
    }

    public func contains(_ version: OpenClawVersion) -> Bool {
        if let from, version < from { return false }
        if let until, until < version { return false }
        return true
    }

    /// True when no release can satisfy it (`from 2026.3.1 until 2026.2.1`) or it says nothing.
    public var isEmpty: Bool {
        if from == nil && until == nil { return true }
        if let from, let until { return until < from }
        return false
    }

    public var description: String {
        switch (from, until) {
        case (let from?, let until?): "from \(from) until \(until)"
        case (let from?, nil): "from \(from)"
        case (nil, let until?): "until \(until)"
        case (nil, nil): "any release"
        }
    }
}

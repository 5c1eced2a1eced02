/// The version `clawfix --version` (and `-V`) prints; raised with each release.
enum ClawfixVersion {
    static let current = "0.9.0"
}

@testable import ClawfixRedaction
import Testing

/// Kinds are compared by a number given from their name, so the numbers must follow the list of
/// kinds a marker can name, and a kind made from a name must equal the one clawfix defines.
struct SecretKindTests {
    @Test func everyMarkerKindHasItsPlaceAsNumber() {
        for (place, kind) in SecretKind.markerKinds.enumerated() {
            #expect(kind.number == place, "\(kind)")
            #expect(SecretKind(rawValue: kind.rawValue) == kind)
            #expect(SecretKind(rawValue: kind.rawValue).hashValue == kind.hashValue)
        }
        #expect(Set(SecretKind.markerKinds).count == SecretKind.markerKinds.count)
    }

    @Test func kindsOutsideTheListCompareByName() {
        let a = SecretKind(rawValue: "stripe-key"), b = SecretKind(rawValue: "stripe-key"), c = SecretKind(rawValue: "npm-token")
        #expect(a.number == nil)
        #expect(a == b)
        #expect(a != c)
        #expect(a != .genericSecret)
        var renamed = SecretKind.password
        renamed.rawValue = "gateway-token"
        #expect(renamed == .gatewayToken)
        #expect(renamed.showsLastFour)
    }

    @Test func onlyPasswordsHideTheirLastFour() {
        #expect(!SecretKind.password.showsLastFour)
        #expect(!SecretKind.gatewayPassword.showsLastFour)
        #expect(SecretKind.markerKinds.filter(\.showsLastFour).count == SecretKind.markerKinds.count - 2)
    }
}

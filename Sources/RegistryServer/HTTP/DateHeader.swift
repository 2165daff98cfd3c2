import Foundation
import NIOConcurrencyHelpers
import Registry

/// The `Date` header every response carries (RFC 9110 §6.6.1), formatted once a second
/// instead of once a request.
public final class DateHeader: Sendable {
    private let cached = NIOLockedValueBox((second: -1, text: ""))

    public init() {}

    public var now: String {
        let second = Int(Date().timeIntervalSince1970)
        return cached.withLockedValue { cached in
            if cached.second != second {
                cached = (second, HTTPDate.string(Instant(secondsSinceEpoch: second)))
            }
            return cached.text
        }
    }
}

/// A moment in UTC, to the second: when an export saw something change.
///
/// A value, not a clock: the registry never reads the time. `samverkan` reads the clock
/// once per export and hands the instant in; tests pass fixed instants.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let secondsSinceEpoch: Int

    public init(secondsSinceEpoch: Int) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// Midnight UTC at the start of `day`.
    public init(_ day: Day, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.init(secondsSinceEpoch: day.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second)
    }

    /// Parses `2026-04-10T00:00:00Z` (the form `description` writes).
    public init?(iso text: some StringProtocol) {
        let text = String(text)
        guard text.utf8.count == 20, text.hasSuffix("Z") else { return nil }
        let parts = text.split(separator: "T")
        guard parts.count == 2, let day = Day(iso: parts[0]), day.isValid else { return nil }
        let clock = parts[1].dropLast().split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3, (0...23).contains(clock[0]), (0...59).contains(clock[1]),
            (0...59).contains(clock[2])
        else { return nil }
        self.init(day, hour: clock[0], minute: clock[1], second: clock[2])
    }

    /// The UTC day.
    public var day: Day { Day(daysSinceEpoch: Self.floorDiv(secondsSinceEpoch, 86_400)) }
    private var secondOfDay: Int { secondsSinceEpoch - day.daysSinceEpoch * 86_400 }
    public var hour: Int { secondOfDay / 3600 }
    public var minute: Int { secondOfDay % 3600 / 60 }
    public var second: Int { secondOfDay % 60 }

    public func adding(seconds: Int) -> Instant { Instant(secondsSinceEpoch: secondsSinceEpoch + seconds) }

    public static func < (a: Instant, b: Instant) -> Bool { a.secondsSinceEpoch < b.secondsSinceEpoch }

    /// RFC 3339 in UTC: `2026-04-10T00:00:00Z`.
    public var description: String {
        "\(day)T\(Day.pad(hour, 2)):\(Day.pad(minute, 2)):\(Day.pad(second, 2))Z"
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
}

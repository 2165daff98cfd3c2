public import Registry

/// An ISO 8601 week, Monday to Sunday: `2026-W21`. The digest speaks of one week and the
/// one after it.
public struct Week: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let number: Int
    public let monday: Day

    /// The week `day` falls in.
    public init(containing day: Day) {
        let monday = day.adding(days: 1 - day.weekday)
        let year = monday.adding(days: 3).year
        self.year = year
        self.number = Self.firstMonday(of: year).days(until: monday) / 7 + 1
        self.monday = monday
    }

    /// `2026-W21`; nil for anything else, or a week the year does not have.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 3, parts[1].first == "W",
            let year = Int(parts[0]), let number = Int(parts[1].dropFirst()), (1...9999).contains(year),
            number >= 1, number <= Week(containing: Day(year, 12, 28)).number
        else { return nil }
        self.init(containing: Self.firstMonday(of: year).adding(days: 7 * (number - 1)))
    }

    /// The Monday of week 1: the week that holds 4 January.
    private static func firstMonday(of year: Int) -> Day {
        let fourth = Day(year, 1, 4)
        return fourth.adding(days: 1 - fourth.weekday)
    }

    public func adding(weeks: Int) -> Week { Week(containing: monday.adding(days: 7 * weeks)) }

    /// The Sunday of the week after: the last day a digest covers.
    public var lastDayOfNextWeek: Day { monday.adding(days: 13) }

    public var description: String { "\(year)-W\(Day.pad(number, 2))" }

    public static func < (a: Week, b: Week) -> Bool { a.monday < b.monday }
}

/// A civil date with no time and no time zone, as written in minutes and notices.
///
/// Dates in `Data/` are civil dates in the collaboration's time zone; nothing here reads
/// the clock. Construction never traps: an impossible date such as `Day(2026, 2, 30)`
/// is kept as written so that the validator can point at the line that wrote it (a number
/// beyond 32 bits as the nearest that fits, as impossible).
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int { Int(storedYear) }
    public var month: Int { Int(storedMonth) }
    public var day: Int { Int(storedDay) }
    // Every event, meeting and seat term holds days: in 32 bits each, a day takes half the room.
    private let storedYear: Int32
    private let storedMonth: Int32
    private let storedDay: Int32

    public init(_ year: Int, _ month: Int, _ day: Int) {
        storedYear = Int32(clamping: year)
        storedMonth = Int32(clamping: month)
        storedDay = Int32(clamping: day)
    }

    /// Parses `YYYY-MM-DD`; returns nil for anything else, including impossible dates.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(y, m, d)
        guard isValid else { return nil }
    }

    /// Whether the date exists in the proleptic Gregorian calendar.
    public var isValid: Bool {
        (1...9999).contains(year) && (1...12).contains(month)
            && (1...Day.daysIn(month: month, year: year)).contains(day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's `days_from_civil`.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The inverse of `daysSinceEpoch` (`civil_from_days`).
    public init(daysSinceEpoch z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public func adding(days: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + days) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: Day) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    /// ISO 8601 weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let w = (daysSinceEpoch + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        "\(Day.pad(year, 4))-\(Day.pad(month, 2))-\(Day.pad(day, 2))"
    }

    /// How a Swedish reader writes the date: "1 maj 2026".
    public var swedishText: String {
        guard (1...12).contains(month) else { return description }
        return "\(day) \(Day.swedishMonths[month - 1]) \(year)"
    }

    static let swedishMonths = [
        "januari", "februari", "mars", "april", "maj", "juni",
        "juli", "augusti", "september", "oktober", "november", "december",
    ]

    package static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// A wall-clock time in the collaboration's time zone (Europe/Stockholm).
public struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var hour: Int { Int(storedHour) }
    public var minute: Int { Int(storedMinute) }
    // In 32 bits each, as `Day`: every timed event holds two.
    private let storedHour: Int32
    private let storedMinute: Int32

    public init(_ hour: Int, _ minute: Int = 0) {
        storedHour = Int32(clamping: hour)
        storedMinute = Int32(clamping: minute)
    }

    public var isValid: Bool { (0...23).contains(hour) && (0...59).contains(minute) }

    public var minutesSinceMidnight: Int { hour * 60 + minute }

    public static func < (a: LocalTime, b: LocalTime) -> Bool {
        a.minutesSinceMidnight < b.minutesSinceMidnight
    }

    /// `HH:MM`, the Swedish way of writing a time.
    public var description: String { "\(Day.pad(hour, 2)):\(Day.pad(minute, 2))" }

    /// "8.30": the Swedish clock in running text, after "kl." (never a colon).
    public var swedishText: String { "\(hour).\(Day.pad(minute, 2))" }

    /// "08.30": the Swedish clock in tables and lists, padded so that times line up.
    public var swedishTableText: String { "\(Day.pad(hour, 2)).\(Day.pad(minute, 2))" }
}

/// A local date and time in Europe/Stockholm.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let day: Day
    public let time: LocalTime

    public init(_ day: Day, _ time: LocalTime) {
        self.day = day
        self.time = time
    }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool {
        (a.day, a.time) < (b.day, b.time)
    }

    public var description: String { "\(day) \(time)" }
}

/// A half-open range of days: in force from `from` (inclusive) to `to` (exclusive).
/// A nil end means "still in force"; a nil start means "since before our records".
public struct DayRange: Hashable, Sendable {
    public let from: Day?
    public let to: Day?

    public init(from: Day?, to: Day?) {
        self.from = from
        self.to = to
    }

    public func contains(_ day: Day) -> Bool {
        if let from, day < from { return false }
        if let to, day >= to { return false }
        return true
    }

    /// Whether two ranges share at least one day.
    public func overlaps(_ other: DayRange) -> Bool {
        func starts(_ start: Day?, before end: Day?) -> Bool {
            guard let start, let end else { return true }
            return start < end
        }
        return starts(from, before: other.to) && starts(other.from, before: to)
    }
}

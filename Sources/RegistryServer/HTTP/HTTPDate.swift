public import Registry

/// HTTP dates (RFC 9110 §5.6.7): formatting a `Day` as IMF-fixdate, and parsing the three
/// forms a recipient must accept. No Foundation formatter, no locale, no clock.
public enum HTTPDate {
    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Midnight GMT at the start of `day`: "Fri, 10 Apr 2026 00:00:00 GMT".
    public static func string(_ day: Day) -> String {
        "\(weekdays[day.weekday - 1]), \(pad(day.day, 2)) \(months[day.month - 1]) "
            + "\(pad(day.year, 4)) 00:00:00 GMT"
    }

    /// An instant as IMF-fixdate: "Fri, 29 May 2026 07:12:05 GMT".
    public static func string(_ instant: Instant) -> String {
        let day = instant.day
        return "\(weekdays[day.weekday - 1]), \(pad(day.day, 2)) \(months[day.month - 1]) "
            + "\(pad(day.year, 4)) \(pad(instant.hour, 2)):\(pad(instant.minute, 2)):\(pad(instant.second, 2)) GMT"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Seconds since 1970-01-01 00:00:00 GMT at the start of `day`.
    public static func seconds(_ day: Day) -> Int { day.daysSinceEpoch * 86_400 }

    /// Parses IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), the obsolete RFC 850 form
    /// ("Sunday, 06-Nov-94 08:49:37 GMT") and asctime ("Sun Nov  6 08:49:37 1994").
    ///
    /// - Returns: seconds since the epoch, or nil when the text is none of these (a
    ///   recipient then ignores the header, RFC 9110 §13.1.3).
    public static func parse(_ text: some StringProtocol) -> Int? {
        guard text.utf8.count <= 64 else { return nil }
        let tokens = String(text).split(whereSeparator: { " ,-:".contains($0) }).map(String.init)
        let year: Int
        let month: Int
        let day: Int
        let clock: ArraySlice<String>
        switch tokens.count {
        case 8:  // IMF-fixdate or RFC 850
            guard tokens[7] == "GMT", let d = Int(tokens[1]), let m = months.firstIndex(of: tokens[2]),
                let y = Int(tokens[3])
            else { return nil }
            // RFC 850's two-digit year: within 50 years of now would need a clock; the
            // 1970s–2060s window is what any sane client means.
            year = tokens[3].count == 2 ? (y < 70 ? 2000 + y : 1900 + y) : y
            month = m + 1
            day = d
            clock = tokens[4...6]
        case 7:  // asctime
            guard let m = months.firstIndex(of: tokens[1]), let d = Int(tokens[2]), let y = Int(tokens[6])
            else { return nil }
            year = y
            month = m + 1
            day = d
            clock = tokens[3...5]
        default:
            return nil
        }
        let parts = clock.compactMap { Int($0) }
        guard parts.count == 3, (0...23).contains(parts[0]), (0...59).contains(parts[1]),
            (0...60).contains(parts[2])
        else { return nil }
        let date = Day(year, month, day)
        guard date.isValid else { return nil }
        return date.daysSinceEpoch * 86_400 + parts[0] * 3600 + parts[1] * 60 + parts[2]
    }
}

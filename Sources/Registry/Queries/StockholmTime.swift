// The UTC offset of Europe/Stockholm, without reading the machine's time zone database.
//
// Sweden has followed the EU rule since 1996: summer time (UTC+2) from 01:00 UTC on the
// last Sunday of March to 01:00 UTC on the last Sunday of October, UTC+1 otherwise.
// Exports use this to write a local time with its offset ("2026-04-10T08:30:00+02:00").

extension Day {
    /// The last Sunday of a month.
    static func lastSunday(of month: Int, in year: Int) -> Day {
        let last = Day(year, month, Day.daysIn(month: month, year: year))
        return last.adding(days: -(last.weekday % 7))
    }
}

extension LocalDateTime {
    /// Minutes east of UTC in Europe/Stockholm at this local time: 120 in summer time,
    /// 60 otherwise. A time in the hour skipped in March counts as summer time; a time in
    /// the hour repeated in October as the first, summer-time, one.
    public var stockholmUTCOffsetMinutes: Int {
        let springForward = LocalDateTime(Day.lastSunday(of: 3, in: day.year), LocalTime(2))
        let fallBack = LocalDateTime(Day.lastSunday(of: 10, in: day.year), LocalTime(3))
        return springForward <= self && self < fallBack ? 120 : 60
    }

    /// ISO 8601 with Europe/Stockholm's offset: "2026-04-10T08:30:00+02:00".
    public var iso8601InStockholm: String {
        let offset = stockholmUTCOffsetMinutes
        return "\(day)T\(time):00+\(Day.pad(offset / 60, 2)):\(Day.pad(offset % 60, 2))"
    }
}

import Foundation
import ICalendar
import Registry
import Testing

/// The VTIMEZONE every feed carries, built from the system's tz database rather than from
/// libical's built-in zones: one yearly standard/daylight pair, as Outlook reads it.
@Suite struct VTimeZoneTests {
    static let zone = try! ZoneInfo.collaborationZone()

    static func envelopeLines() -> [String] {
        let (opening, _) = ICalendarEncoder(zone: zone).envelope(VCalendarHeader(name: "n", description: "d"))
        return String(decoding: opening, as: UTF8.self).components(separatedBy: "\r\n")
    }

    @Test func theZoneIsOneYearlyPairStartingWhereTheRulesBegan() throws {
        let lines = Self.envelopeLines()
        let start = try #require(lines.firstIndex(of: "BEGIN:VTIMEZONE"))
        let end = try #require(lines.firstIndex(of: "END:VTIMEZONE"))
        #expect(
            Array(lines[start...end]) == [
                "BEGIN:VTIMEZONE",
                "TZID:Europe/Stockholm",
                "X-LIC-LOCATION:Europe/Stockholm",
                "BEGIN:DAYLIGHT",
                "TZNAME:CEST",
                "TZOFFSETFROM:+0100",
                "TZOFFSETTO:+0200",
                // Sweden has moved to summer time on the last Sunday of March since 1981 …
                "DTSTART:19810329T020000",
                "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
                "END:DAYLIGHT",
                "BEGIN:STANDARD",
                "TZNAME:CET",
                "TZOFFSETFROM:+0200",
                "TZOFFSETTO:+0100",
                // … and back on the last Sunday of October since 1996 (September before).
                "DTSTART:19961027T030000",
                "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
                "END:STANDARD",
                "END:VTIMEZONE",
            ])
    }

    @Test func timedEventsNameTheZoneAndKeepTheirWallClock() {
        let event = VEvent(
            uid: "u@test", timing: .timed(Day(2026, 4, 10), from: LocalTime(8, 30), to: LocalTime(10, 30)),
            summary: "s", description: "d", location: nil, category: "Möte", status: .confirmed, alarm: nil,
            revised: Day(2026, 4, 10))
        let lines = String(
            decoding: ICalendarEncoder(zone: Self.zone).encode(event, sequence: 0), as: UTF8.self
        )
        .components(separatedBy: "\r\n")
        #expect(lines.contains("DTSTART;TZID=Europe/Stockholm:20260410T083000"))
        #expect(lines.contains("DTEND;TZID=Europe/Stockholm:20260410T103000"))
        #expect(lines.contains("DTSTAMP:20260410T000000Z"))
    }
}

import MinutesImport
import Registry
import Testing

/// Swedish dates and times as minutes write them, read relative to a meeting on
/// 10 April 2026 (a Friday).
struct SwedishDatesTests {
    static let meeting = Day(2026, 4, 10)

    /// Text, direction, the day expected, and whether it must be marked as a guess: a
    /// date without a year more than half a year from the meeting, or a week.
    static let dates: [(String, DateDirection, Day, Bool)] = [
        ("1 maj", .forward, Day(2026, 5, 1), false),
        ("börjar sin tjänst 1 maj.", .forward, Day(2026, 5, 1), false),
        ("den 30/4 2026", .forward, Day(2026, 4, 30), false),
        ("senast den 30/4 2026.", .forward, Day(2026, 4, 30), false),
        ("30/4", .forward, Day(2026, 4, 30), false),
        ("30/4-2026", .forward, Day(2026, 4, 30), false),
        ("30/4/26", .forward, Day(2026, 4, 30), false),
        ("3 mars", .forward, Day(2027, 3, 3), true),
        ("3 mars", .backward, Day(2026, 3, 3), false),
        ("fr.o.m. 1 oktober", .forward, Day(2026, 10, 1), false),
        ("från och med 1 juli", .forward, Day(2026, 7, 1), false),
        ("t.o.m. den 12 juni 2027", .forward, Day(2027, 6, 12), false),
        ("vecka 37", .forward, Day(2026, 9, 7), true),
        ("v. 20", .forward, Day(2026, 5, 11), true),
        ("vecka 2 2027", .forward, Day(2027, 1, 11), true),
        ("den 22 maj", .forward, Day(2026, 5, 22), false),
        ("den 22 maj.", .forward, Day(2026, 5, 22), false),
        ("20 april", .forward, Day(2026, 4, 20), false),
        ("20 april", .backward, Day(2025, 4, 20), true),
        ("2 april", .backward, Day(2026, 4, 2), false),
        ("2 april", .forward, Day(2027, 4, 2), true),
        ("10 april", .forward, Day(2026, 4, 10), false),
        ("den 10 april 2026", .backward, Day(2026, 4, 10), false),
        ("Den 10 april 2026 08.30-10:30", .forward, Day(2026, 4, 10), false),
        ("2026-04-10", .forward, Day(2026, 4, 10), false),
        ("Helsingborg 2026-04-10", .forward, Day(2026, 4, 10), false),
        ("1:a juni", .forward, Day(2026, 6, 1), false),
        ("15 okt.", .forward, Day(2026, 10, 15), true),
        ("15 okt 2026", .forward, Day(2026, 10, 15), false),
        ("1 sept", .forward, Day(2026, 9, 1), false),
        ("31 december", .forward, Day(2026, 12, 31), true),
        ("31 december", .backward, Day(2025, 12, 31), false),
        ("i januari: 14 januari", .backward, Day(2026, 1, 14), false),
        ("14 januari", .forward, Day(2027, 1, 14), true),
        ("29 februari", .forward, Day(2028, 2, 29), true),
        ("4 FEBRUARI 2027", .forward, Day(2027, 2, 4), false),
        ("tisdagen den 3 mars 2026", .forward, Day(2026, 3, 3), false),
        ("onsdag 6 maj", .forward, Day(2026, 5, 6), false),
        ("(senast 15/5)", .forward, Day(2026, 5, 15), false),
        ("17.6.2026", .forward, Day(2026, 6, 17), false),
        ("till den 1 augusti,", .forward, Day(2026, 8, 1), false),
        ("per den 1 november", .forward, Day(2026, 11, 1), true),
    ]

    @Test(arguments: dates)
    func readsSwedishDate(_ text: String, _ direction: DateDirection, _ day: Day, _ guess: Bool) {
        let found = SwedishDates.firstDate(in: text, meeting: Self.meeting, direction: direction)
        #expect(found?.day == day, "\(text)")
        #expect((found?.guess != nil) == guess, "\(text): \(found?.guess ?? "no guess")")
    }

    @Test(arguments: ["", "inga datum här", "scenario/förslag 3", "punkt 4 och 5", "4 kommuner", "vecka"])
    func findsNoDateWhereThereIsNone(_ text: String) {
        #expect(SwedishDates.firstDate(in: text, meeting: Self.meeting, direction: .forward) == nil)
    }

    /// Text, and the time range expected.
    static let times: [(String, LocalTime, LocalTime)] = [
        ("Den 10 april 2026 08.30-10:30 på Mindpark", LocalTime(8, 30), LocalTime(10, 30)),
        ("kl 08.30–11.30", LocalTime(8, 30), LocalTime(11, 30)),
        ("kl. 9–11", LocalTime(9), LocalTime(11)),
        ("klockan 13 - 15", LocalTime(13), LocalTime(15)),
        ("13.00 till 15.30", LocalTime(13), LocalTime(15, 30)),
        ("08:30 - 10:30", LocalTime(8, 30), LocalTime(10, 30)),
        ("tisdagen den 3 mars 2026 kl 13.00–15.30", LocalTime(13), LocalTime(15, 30)),
        ("9.00—12.00", LocalTime(9), LocalTime(12)),
    ]

    @Test(arguments: times)
    func readsTimeRange(_ text: String, _ from: LocalTime, _ to: LocalTime) {
        let found = SwedishDates.timeRange(in: text)
        #expect(found?.from == from && found?.to == to, "\(text)")
    }

    @Test(arguments: ["den 30/4 2026", "scenario 2-3", "1 maj", "punkt 3.2", "kl 11-9"])
    func findsNoTimeWhereThereIsNone(_ text: String) {
        #expect(SwedishDates.timeRange(in: text) == nil)
    }
}

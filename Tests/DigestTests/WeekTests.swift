import Digest
import Registry
import Testing

/// ISO 8601 weeks: week 1 holds 4 January, some years have 53.
@Suite struct WeekTests {
    @Test(arguments: [
        ("2026-W21", Day(2026, 5, 18)), ("2026-W01", Day(2025, 12, 29)), ("2026-W53", Day(2026, 12, 28)),
        ("2027-W01", Day(2027, 1, 4)), ("2021-W52", Day(2021, 12, 27)),
    ])
    func aWeekStartsOnItsMonday(text: String, monday: Day) throws {
        let week = try #require(Week(text))
        #expect(week.monday == monday)
        #expect(week.description == text)
        #expect(Week(containing: monday.adding(days: 6)) == week)
    }

    @Test(arguments: ["", "2026-21", "2026-W00", "2027-W53", "2026-W5", "26-W21", "2026-w21", "2026-W21x"])
    func anythingElseIsNoWeek(text: String) {
        #expect(Week(text) == nil)
    }
}

import Registry
import Testing

/// Days and times keep what was written, possible or not, so the validator can name it.
@Suite struct DayTests {
    @Test(arguments: [
        (2026, 5, 22, "2026-05-22", true), (2024, 2, 29, "2024-02-29", true),
        (2026, 2, 30, "2026-02-30", false),
        (2026, 13, 1, "2026-13-01", false), (0, 1, 1, "0000-01-01", false),
        (9999, 12, 31, "9999-12-31", true),
    ])
    func aDayKeepsWhatWasWritten(year: Int, month: Int, day: Int, text: String, valid: Bool) {
        let written = Day(year, month, day)
        #expect((written.year, written.month, written.day) == (year, month, day))
        #expect(written.description == text)
        #expect(written.isValid == valid)
        if valid {
            #expect(Day(iso: text) == written)
            #expect(Day(daysSinceEpoch: written.daysSinceEpoch) == written)
        }
    }

    @Test(arguments: [(Int.max, 1, 1), (2026, Int.min, 1), (2026, 5, 1 << 40)])
    func aNumberBeyond32BitsIsKeptAsTheNearestThatFitsAndIsImpossible(year: Int, month: Int, day: Int) {
        let written = Day(year, month, day)
        #expect(written.year == Int(Int32(clamping: year)))
        #expect(written.month == Int(Int32(clamping: month)))
        #expect(written.day == Int(Int32(clamping: day)))
        #expect(!written.isValid)
    }

    @Test(arguments: [
        (9, 30, "09:30", true), (23, 59, "23:59", true), (24, 0, "24:00", false), (8, 60, "08:60", false),
    ])
    func aTimeKeepsWhatWasWritten(hour: Int, minute: Int, text: String, valid: Bool) {
        let time = LocalTime(hour, minute)
        #expect((time.hour, time.minute) == (hour, minute))
        #expect(time.description == text)
        #expect(time.isValid == valid)
        #expect(time.minutesSinceMidnight == hour * 60 + minute)
    }
}

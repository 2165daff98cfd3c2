import Foundation
import Registry
import Testing

/// `ZoneInfo` reads the system's tz database; these tests hold it to the database itself
/// (the transitions `zdump` lists and Foundation's own zone), hour by hour.
@Suite struct ZoneInfoTests {
    static let zone = try! ZoneInfo.collaborationZone()

    @Test(
        "summer time runs from 02:00 on the last Sunday of March to 03:00 on the last Sunday of October",
        arguments: [
            (Day(2026, 1, 15), LocalTime(12), 60), (Day(2026, 3, 29), LocalTime(1, 59), 60),
            (Day(2026, 3, 29), LocalTime(3), 120), (Day(2026, 7, 1), LocalTime(0), 120),
            (Day(2026, 10, 25), LocalTime(2, 59), 120), (Day(2026, 10, 25), LocalTime(3), 60),
            (Day(2027, 3, 28), LocalTime(8), 120), (Day(2027, 3, 27), LocalTime(8), 60),
            // The skipped hour counts as summer time, the repeated hour as its first pass.
            (Day(2026, 3, 29), LocalTime(2, 30), 120), (Day(2026, 10, 25), LocalTime(2, 30), 120),
        ])
    func offsetOfALocalTime(day: Day, time: LocalTime, minutes: Int) {
        #expect(Self.zone.utcOffset(forLocal: LocalDateTime(day, time)) == minutes * 60)
    }

    @Test func everyHourOf2025Through2035AgreesWithFoundation() throws {
        let foundation = try #require(TimeZone(identifier: ZoneInfo.collaborationZoneName))
        let start = Int64(Day(2025, 1, 1).daysSinceEpoch) * 86_400
        let end = Int64(Day(2036, 1, 1).daysSinceEpoch) * 86_400
        var disagreements: [String] = []
        var hours = 0
        for instant in stride(from: start, to: end, by: 3600) {
            hours += 1
            let expected = foundation.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
            let actual = Self.zone.utcOffset(atUTC: instant)
            if expected != actual { disagreements.append("\(instant): \(actual) vs \(expected)") }
        }
        #expect(hours == 4_017 * 24)
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }

    @Test func everyTransitionZdumpListsFor2025Through2035IsWhereZoneInfoPutsIt() throws {
        let zdump = Process()
        zdump.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        zdump.arguments = ["zdump", "-v", "-c", "2025,2036", ZoneInfo.collaborationZoneName]
        let pipe = Pipe()
        zdump.standardOutput = pipe
        try zdump.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        zdump.waitUntilExit()
        // Lines like: "Europe/Stockholm  Sun Mar 29 01:00:00 2026 UT = Sun Mar 29 03:00:00 2026 CEST isdst=1 gmtoff=7200"
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var checked = 0
        for line in output.split(separator: "\n") where line.contains(" UT = ") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 15, let month = months.firstIndex(of: String(fields[2])),
                let dayOfMonth = Int(fields[3]), let year = Int(fields[5]),
                let gmtoff = fields.last.flatMap({ Int($0.dropFirst("gmtoff=".count)) })
            else { continue }
            let clock = fields[4].split(separator: ":").compactMap { Int($0) }
            let instant =
                Int64(Day(year, month + 1, dayOfMonth).daysSinceEpoch) * 86_400
                + Int64(clock[0] * 3600 + clock[1] * 60 + clock[2])
            #expect(Self.zone.utcOffset(atUTC: instant) == gmtoff, "\(line)")
            checked += 1
        }
        // Two changes a year, each listed at the second before and the second of the change.
        #expect(checked == 11 * 2 * 2)
    }

    @Test func theFooterRuleContinuesTheTable() {
        #expect(Self.zone.rule.standard.utcOffset == 3600)
        #expect(Self.zone.rule.standard.abbreviation == "CET")
        #expect(Self.zone.rule.daylight?.type.utcOffset == 7200)
        #expect(
            Self.zone.rule.daylight?.starts == ZoneInfo.YearlyRule(month: 3, week: 5, weekday: 0, time: 7200))
        #expect(
            Self.zone.rule.daylight?.ends == ZoneInfo.YearlyRule(month: 10, week: 5, weekday: 0, time: 10_800)
        )
        // Far beyond any table: 2100 follows the rule.
        let july2100 = Int64(Day(2100, 7, 1).daysSinceEpoch) * 86_400
        #expect(Self.zone.utcOffset(atUTC: july2100) == 7200)
    }

    @Test func iso8601CarriesTheOffsetOfItsSeason() {
        #expect(
            Self.zone.iso8601(LocalDateTime(Day(2026, 4, 10), LocalTime(8, 30)))
                == "2026-04-10T08:30:00+02:00")
        #expect(
            Self.zone.iso8601(LocalDateTime(Day(2026, 3, 20), LocalTime(8, 30)))
                == "2026-03-20T08:30:00+01:00")
    }

    @Test func aMissingZoneSaysToInstallTzdata() {
        #expect(throws: ZoneInfoError.self) {
            try ZoneInfo.system("Europe/Stockholm", directory: "/nonexistent")
        }
        do {
            _ = try ZoneInfo.system("Europe/Stockholm", directory: "/nonexistent")
        } catch {
            #expect(error.description.contains("apt-get install -y tzdata"))
        }
    }

    @Test func aFileThatIsNotTZifIsRefused() {
        #expect(throws: ZoneInfoError.self) { try ZoneInfo(name: "x", tzif: Array("not a zone".utf8)) }
    }

    @Test func todayIsADayNearTheSystemClock() {
        let today = Self.zone.today()
        let utcDay = Day(daysSinceEpoch: Int(Date().timeIntervalSince1970) / 86_400)
        #expect(abs(utcDay.days(until: today)) <= 1)
    }
}

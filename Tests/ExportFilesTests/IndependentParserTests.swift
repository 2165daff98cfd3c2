import CalendarFeeds
import ExportFiles
import Foundation
import ICalendar
import Testing

/// Feeds read back by parsers that share no code with libical.
@Suite struct IndependentParserTests {
    @Test func pythonIcalendarAndVobjectReadEveryFeed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(try exportOfRealData(), to: folder)
        let script = packageRoot.appendingPathComponent("Tests/Oracles/check_feeds.py").path
        let result = try run("python3", [script, folder.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("icalendar and vobject agree"), "\(result.output)")
    }

    @Test func khalPrintsEveryEventOfTheFullFeed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try exportOfRealData()
        try write(files, to: folder)
        let config = folder.appendingPathComponent("khal.conf")
        try """
        [calendars]
        [[registry]]
        path = \(folder.appendingPathComponent("khal").path)
        [locale]
        timeformat = %H:%M
        dateformat = %Y-%m-%d
        longdateformat = %Y-%m-%d
        datetimeformat = %Y-%m-%d %H:%M
        longdatetimeformat = %Y-%m-%d %H:%M
        local_timezone = Europe/Stockholm
        default_timezone = Europe/Stockholm
        """.write(to: config, atomically: true, encoding: .utf8)
        let all = try #require(files.first { $0.path == "all.ics" })
        let events = contentLines(all.bytes).filter { $0 == "BEGIN:VEVENT" }.count
        let result = try run(
            "khal", ["-c", config.path, "printics", folder.appendingPathComponent("all.ics").path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("\(events) events found"), "\(result.output)")
        // The directors' meeting shows at its local time in Europe/Stockholm.
        #expect(
            result.output.contains("2026-04-10 08:30-2026-04-10 10:30 Kommundirektörsmöte"),
            "\(result.output)")
    }
}

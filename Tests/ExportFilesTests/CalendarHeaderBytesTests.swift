import CalendarFeeds
import ExportFiles
import Foundation
import Registry
import RegistryData
import Testing

/// The calendar-level properties of every standard feed, byte for byte: what a
/// subscriber's calendar list shows. libical 3.0.16 does not escape `,` and `;` in X-
/// properties (the encoder leaves them out), so descriptions are worded without them and
/// X-WR-CALDESC says exactly what DESCRIPTION says.
@Suite struct CalendarHeaderBytesTests {
    /// The lines before BEGIN:VTIMEZONE, unfolded.
    static func header(_ bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
        var lines: [String] = []
        for line in text.components(separatedBy: "\r\n") {
            if line == "BEGIN:VTIMEZONE" { break }
            lines.append(line)
        }
        return lines
    }

    static func expected(name: String, description: String) -> [String] {
        [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Familjen Helsingborg//Samverkan//SV",
            "CALSCALE:GREGORIAN", "NAME:\(name)", "DESCRIPTION:\(description)", "X-WR-CALNAME:\(name)",
            "X-WR-CALDESC:\(description)", "X-WR-TIMEZONE:Europe/Stockholm",
            "REFRESH-INTERVAL;VALUE=DURATION:PT1H", "X-PUBLISHED-TTL:PT1H",
        ]
    }

    @Test func theSwedishOfTheMainFeedsByteForByte() throws {
        let files = Dictionary(uniqueKeysWithValues: try exportOfRealData().map { ($0.path, $0.bytes) })
        let cases: [(String, String, String)] = [
            (
                "all.ics", "Familjen Helsingborg",
                "Möten samt sista dagar och startdatum i Familjen Helsingborg."
            ),
            (
                "meetings.ics", "Familjen Helsingborg: möten",
                "Möten i Familjen Helsingborgs organ och nätverk."
            ),
            (
                "deadlines.ics", "Familjen Helsingborg: sista dagar",
                "Sista dagar som följer av beslut i Familjen Helsingborg."
            ),
            (
                "start-dates.ics", "Familjen Helsingborg: startdatum",
                "När ny personal börjar i Familjen Helsingborg."
            ),
            (
                "municipalities/astorp.ics", "Familjen Helsingborg: Åstorp",
                "Det som rör Åstorps kommun i Familjen Helsingborg."
            ),
            (
                "bodies/kommundirektorerna.ics", "Familjen Helsingborg: Kommundirektörerna",
                "Möten samt sista dagar och startdatum för kommundirektörerna."
            ),
        ]
        for (path, name, description) in cases {
            let bytes = try #require(files[path], "\(path)")
            #expect(Self.header(bytes) == Self.expected(name: name, description: description), "\(path)")
        }
    }

    @Test func everyFeedSaysInXWRWhatItSaysInNameAndDescription() throws {
        let feedsByPath = Dictionary(
            uniqueKeysWithValues: Registry.familjenHelsingborg.standardFeeds().map { ($0.path, $0) })
        for file in feeds(try exportOfRealData()) {
            let feed = try #require(feedsByPath[file.path])
            #expect(!feed.description.contains(",") && !feed.description.contains(";"), "\(file.path)")
            #expect(!feed.name.contains(",") && !feed.name.contains(";"), "\(file.path)")
            #expect(
                Self.header(file.bytes) == Self.expected(name: feed.name, description: feed.description),
                "\(file.path)")
        }
    }
}

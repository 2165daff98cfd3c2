import CalendarFeeds
import ExportFiles
import Foundation
import ICalendar
import Registry
import RegistryData
import Testing

/// Byte-level rules of RFC 5545 that subscribers' clients rely on, checked on every feed.
@Suite struct FeedBytesTests {
    let files: [ExportFile]

    init() throws {
        files = try exportOfRealData()
    }

    @Test func everyFeedUsesCRLFAndNoBareLineBreaks() {
        for file in feeds(files) {
            for line in physicalLines(file.bytes) {
                #expect(!line.contains(13) && !line.contains(10), "bare CR or LF in \(file.path)")
            }
            #expect(file.bytes.suffix(2) == [13, 10], "\(file.path) does not end with CRLF")
        }
    }

    @Test func everyPhysicalLineIsAtMost75OctetsOfValidUTF8() {
        for file in feeds(files) {
            for line in physicalLines(file.bytes) {
                #expect(line.count <= 75, "\(file.path): \(line.count) octets")
                #expect(String(validating: line, as: UTF8.self) != nil, "\(file.path): invalid UTF-8")
            }
        }
    }

    @Test func libicalFoldingSlipsAreRepaired() {
        for file in feeds(files) {
            let text = String(decoding: file.bytes, as: UTF8.self)
            #expect(!text.contains("\r\r\n \n"), "\(file.path)")
            #expect(!text.contains("\r\n \r\n"), "\(file.path)")
        }
    }

    @Test func everyTZIDHasAVTIMEZONEInTheSameFile() {
        for file in feeds(files) {
            let lines = contentLines(file.bytes)
            let declared = Set(lines.filter { $0.hasPrefix("TZID:") }.map { String($0.dropFirst(5)) })
            let used = lines.compactMap { line -> String? in
                guard let range = line.range(of: ";TZID=") else { return nil }
                return String(line[range.upperBound...].prefix { $0 != ":" && $0 != ";" })
            }
            for tzid in used { #expect(declared.contains(tzid), "\(file.path) uses \(tzid)") }
            #expect(declared == ["Europe/Stockholm"], "\(file.path)")
        }
    }

    @Test func theTimeZoneIsOneYearlyStandardAndDaylightPair() throws {
        let all = try #require(files.first { $0.path == "all.ics" })
        let lines = contentLines(all.bytes)
        #expect(lines.filter { $0 == "BEGIN:STANDARD" }.count == 1)
        #expect(lines.filter { $0 == "BEGIN:DAYLIGHT" }.count == 1)
        #expect(lines.filter { $0.hasPrefix("RRULE:FREQ=YEARLY") && !$0.contains("UNTIL") }.count == 2)
    }

    @Test func uidsAreUniqueWithinEachFeed() {
        for file in feeds(files) {
            let uids = contentLines(file.bytes).filter { $0.hasPrefix("UID:") }
            #expect(Set(uids).count == uids.count, "\(file.path)")
        }
    }

    @Test func calendarsCarryNameAndRefreshHints() {
        for file in feeds(files) {
            let lines = contentLines(file.bytes)
            for prefix in [
                "NAME:", "X-WR-CALNAME:", "REFRESH-INTERVAL;VALUE=DURATION:PT1H", "X-PUBLISHED-TTL:PT1H",
                "X-WR-TIMEZONE:Europe/Stockholm",
            ] {
                #expect(lines.contains { $0.hasPrefix(prefix) }, "\(file.path) lacks \(prefix)")
            }
            // Without METHOD, DTSTAMP may come from the data; with it, iTIP rules apply.
            #expect(!lines.contains { $0.hasPrefix("METHOD") }, "\(file.path)")
        }
    }

    @Test func exportingTwiceGivesIdenticalBytes() throws {
        let again = try exportOfRealData()
        #expect(again == files)
    }

    @Test func noTimestampComesFromTheClock() {
        // Every DTSTAMP and LAST-MODIFIED is the date of a document the data cites.
        let documentDates = Set(
            Registry.familjenHelsingborg.documents.map {
                "\($0.date)".replacingOccurrences(of: "-", with: "")
            })
        for file in feeds(files) {
            for line in contentLines(file.bytes)
            where line.hasPrefix("DTSTAMP:") || line.hasPrefix("LAST-MODIFIED:") {
                let value = line.split(separator: ":")[1]
                #expect(documentDates.contains(String(value.prefix(8))), "\(line)")
                #expect(value.hasSuffix("T000000Z"), "\(line)")
            }
        }
    }
}

import CalendarFeeds
import ExportFiles
import Foundation
import ICalendar
import Registry
import SyntheticRegistry
import Testing

@testable import RegistryFixtures

/// What keeps feeds usable as they grow and as meetings get cancelled.
@Suite struct FeedLimitsTests {
    /// Google Calendar and Outlook give up on large subscribed feeds; keep every feed
    /// well under 1 MB.
    static let sizeLimit = 512 * 1024

    @Test func noFeedPasses512KB() throws {
        for file in feeds(try exportOfRealData()) {
            #expect(file.bytes.count <= Self.sizeLimit, "\(file.path): \(file.bytes.count) bytes")
        }
        for file in feeds(try Fixture.registry.exportFiles(previous: Ledgers())) {
            #expect(file.bytes.count <= Self.sizeLimit, "\(file.path): \(file.bytes.count) bytes")
        }
    }

    /// Six years of a busy collaboration (2023–2028): the current feeds hold the last two,
    /// each finished year has an archive of its own, and together they hold every event
    /// exactly once per year.
    @Test func aGrowingRegistryMovesFinishedYearsToArchivesAndStaysUnderTheLimit() throws {
        let registry = SyntheticRegistry.make(events: 1_000, seed: 7)
        let events = registry.events()
        let current = registry.latestRevision.year
        let files = try registry.exportFiles(previous: Ledgers())
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) })
        let years = Set(events.map(\.day.year)).filter { $0 < current }.sorted()
        #expect(!years.isEmpty)
        #expect(
            registry.standardFeeds(events: events).filter(\.isArchive).map(\.path)
                == years.map { "archive/\($0).ics" })
        func uids(_ path: String) throws -> Set<String> {
            Set(contentLines(try #require(byPath[path], "\(path)")).filter { $0.hasPrefix("UID:") })
        }
        let all = try uids("all.ics")
        var archived = Set<String>()
        for year in years {
            let inYear = try uids("archive/\(year).ics")
            #expect(inYear.count == events.filter { $0.day.year == year }.count, "\(year)")
            archived.formUnion(inYear)
            // A year before the window is only in its archive; the year before the
            // newest document's is in both.
            #expect(inYear.isDisjoint(with: all) == (year < registry.feedWindowStart.year), "\(year)")
        }
        #expect(
            all.count == events.filter { $0.day >= registry.feedWindowStart }.count)
        #expect(archived.union(all).count == events.count)
        // Without the window everything would be in all.ics: past the limit.
        let everything = files.filter { $0.path.hasPrefix("archive/") && $0.path.hasSuffix(".ics") }
            .map(\.bytes.count).reduce(0, +)
        #expect(everything + byPath["all.ics"]!.count > Self.sizeLimit)
        for file in feeds(files) {
            #expect(file.bytes.count <= Self.sizeLimit, "\(file.path): \(file.bytes.count) bytes")
        }
    }

    @Test func aCancelledMeetingStaysInEveryFeedCancelledAndTransparent() throws {
        let registry = Fixture.registry
        let uid = "meeting-\(Fixture.cancelled.rawValue)@familjenhelsingborg.se"
        let holding = registry.standardFeeds().filter { feed in
            registry.events().contains { $0.id == Fixture.cancelled.rawValue && feed.selection.includes($0) }
        }
        #expect(!holding.isEmpty)
        let files = Dictionary(
            uniqueKeysWithValues: try registry.exportFiles(previous: Ledgers()).map {
                ($0.path, $0.bytes)
            })
        for feed in holding {
            let text = String(decoding: try #require(files[feed.path]), as: UTF8.self)
            let start = try #require(text.range(of: "UID:\(uid)"), "\(feed.path)")
            let rest = text[start.lowerBound...]
            let body = String(rest[..<(rest.range(of: "END:VEVENT")?.lowerBound ?? rest.endIndex)])
            #expect(body.contains("STATUS:CANCELLED\r\n"), "\(feed.path)")
            #expect(body.contains("TRANSP:TRANSPARENT\r\n"), "\(feed.path)")
        }
    }
}

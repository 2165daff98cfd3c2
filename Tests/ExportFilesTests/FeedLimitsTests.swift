import CalendarFeeds
import ExportFiles
import Foundation
import ICalendar
import Registry
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
        for file in feeds(try Fixture.registry.exportFiles(previous: SequenceLedger())) {
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
            uniqueKeysWithValues: try registry.exportFiles(previous: SequenceLedger()).map {
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

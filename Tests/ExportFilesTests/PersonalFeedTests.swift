import CalendarFeeds
import ExportFiles
import Foundation
import ICalendar
import Registry
import Testing

@testable import RegistryFixtures

/// Each person's own feed: the events of their seats, a deadline in the wording of the
/// municipality they represent (the shared one when they represent two), and its own
/// ledger line, so that SEQUENCE never goes down when their wording changes.
@Suite struct PersonalFeedTests {
    typealias P = PersonalFeedFixture

    static let deadlineUID = "deadline-\(P.budget.rawValue)@familjenhelsingborg.se"

    static func publish(_ registry: Registry, after ledger: Ledgers = Ledgers(), now: Instant? = nil) throws
        -> Publication
    {
        Publication(registry: registry, previous: ledger, encoder: try ICalendarEncoder(), now: now)
    }

    static func text(_ publication: Publication, _ path: String) throws -> String {
        let file = try #require(publication.files.first { $0.path == path }, "\(path)")
        return String(decoding: file.bytes, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
    }

    /// The UIDs of a feed's events, in order.
    static func uids(_ text: String) -> [String] {
        text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }.map { String($0.dropFirst(4)) }
    }

    /// The deadline's SEQUENCE and DESCRIPTION in a feed's text.
    static func deadline(_ text: String) throws -> (sequence: Int, description: String) {
        let block = try #require(
            text.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("UID:\(deadlineUID)") })
        let lines = block.components(separatedBy: "\r\n")
        let sequence = try #require(
            lines.first { $0.hasPrefix("SEQUENCE:") }.flatMap { Int($0.dropFirst("SEQUENCE:".count)) })
        return (sequence, lines.first { $0.hasPrefix("DESCRIPTION:") } ?? "")
    }

    @Test func everyoneSeatedHasAFeedExceptWhoWithholdsTheirSchedule() throws {
        let publication = try Self.publish(P.registry())
        let people = publication.files.map(\.path).filter { $0.hasPrefix("people/") && $0.hasSuffix(".ics") }
        #expect(
            people
                == ["jonna-jonsson", "lars-larsson", "lisa-lund", "sara-sund", "tove-tell"].map {
                    "people/\($0).ics"
                })
        #expect(publication.files.contains { $0.path == "people/tove-tell.ics.gz" })
        #expect(!publication.files.contains { $0.path.contains(P.hugo.rawValue) })
    }

    @Test(arguments: [
        (P.jonna, ["nat-2026-08-20", "dir-2026-03-10-budget"]),
        (P.lars, ["nat-2026-04-15", "sara-sund.natverket"]),
        (P.lisa, ["dir-2026-01-15"]),
        (P.sara, ["sara-sund.natverket", "nat-2026-08-20"]),
    ])
    func aPersonalFeedHoldsTheEventsOfTheirSeatsInOrder(person: Person.ID, records: [String]) throws {
        let publication = try Self.publish(P.registry())
        let text = try Self.text(publication, "people/\(person.rawValue).ics")
        let held = Self.uids(text).map { EventUID($0)?.recordID ?? $0 }
        #expect(held == records)
    }

    @Test func aDeadlineReadsInTheWordingOfTheOneMunicipalityRepresented() throws {
        let alone = try Self.publish(P.registry())
        #expect(
            try Self.deadline(Self.text(alone, "people/jonna-jonsson.ics")).description.contains(
                "Alfa har inte svarat."))
        #expect(
            try Self.deadline(Self.text(alone, "people/tove-tell.ics")).description.contains(
                "Alfa har inte svarat."))
        #expect(alone.ledger.events[LedgerKey(uid: Self.deadlineUID, person: "tove-tell")] != nil)

        let both = try Self.publish(P.registry(toveAlsoForBeta: true))
        let tove = try Self.deadline(Self.text(both, "people/tove-tell.ics"))
        #expect(tove.description.contains("0 av 2 har svarat."), "two municipalities: the shared wording")
        #expect(try Self.deadline(Self.text(both, "all.ics")).description == tove.description)
    }

    /// Tove's wording changes three times (Alfa's, the shared one when she also sits for
    /// Beta, the shared one with Alfa's answer, Alfa's again): her feed's SEQUENCE rises
    /// each time and never falls, though the shared line stands higher or lower meanwhile.
    @Test func sequenceNeverGoesDownInAPersonalFeedAsTheWordingChanges() throws {
        let steps = [
            P.registry(), P.registry(toveAlsoForBeta: true),
            P.registry(toveAlsoForBeta: true, alfaAnswered: true),
            P.registry(alfaAnswered: true), P.registry(alfaAnswered: true),
        ]
        var ledger = Ledgers()
        var seen: [(sequence: Int, description: String)] = []
        for (step, registry) in steps.enumerated() {
            let now = Instant(Day(2026, 11, 1 + step), hour: 8)
            let publication = try Self.publish(registry, after: ledger, now: now)
            seen.append(try Self.deadline(Self.text(publication, "people/tove-tell.ics")))
            ledger = publication.ledger
        }
        for (before, after) in zip(seen, seen.dropFirst()) {
            #expect(after.sequence >= before.sequence)
            #expect((after.sequence > before.sequence) == (after.description != before.description))
        }
        #expect(
            seen.map(\.sequence) == [seen[0].sequence] + (1...3).map { seen[0].sequence + $0 } + [
                seen[0].sequence + 3
            ])
    }

    @Test func aCustomSelectionOfAPersonIsTheirFeed() throws {
        let registry = P.registry()
        let feeds = FeedIndex(registry.standardFeeds())
        let feed = registry.feed(for: FeedSelection(person: P.tove), among: feeds)
        #expect(feed.path == "people/tove-tell.ics")
        let meetings = registry.feed(for: FeedSelection(kinds: [.meeting], person: P.tove), among: feeds)
        #expect(meetings.name == "Familjen Helsingborg: Tove Tell – möten")
    }
}

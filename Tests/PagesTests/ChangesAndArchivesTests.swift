import CalendarFeeds
import ExportFiles
import Foundation
import ICalendar
import Pages
import Registry
import RegistryData
import Testing

/// "Senaste ändringar" on the start page and each municipality's page, and the yearly
/// archive feeds listed for subscribing.
@Suite struct ChangesAndArchivesTests {
    static let registry = Registry.familjenHelsingborg
    static let bjuv = Registry.familjenHelsingborg.municipalities.first { $0.slug == "bjuv" }!

    static let entries = [
        ChangeEntry(
            date: Instant(Day(2026, 4, 21), hour: 9), uid: "meeting-kdm-2026-05-22@familjenhelsingborg.se",
            kind: .moved, municipalities: ["bjuv", "klippan"],
            text: "Kommundirektörsmötet den 22 maj 2026 är flyttat till den 29 maj kl. 09.00–11.00.",
            url: "https://kalender.example.se/moten/kdm-2026-05-22"),
        ChangeEntry(
            date: Instant(Day(2026, 4, 20), hour: 8), uid: "start-x.sekretariatet@familjenhelsingborg.se",
            kind: .newStartDate, municipalities: ["klippan"], text: "Nytt startdatum: <Klippan> & co.",
            url: nil),
    ]

    static func site(_ registry: Registry = registry, changes: [ChangeEntry] = entries) -> Site {
        let events = registry.events()
        return Site(
            registry: registry, publicURL: "https://kalender.example.se",
            feeds: registry.standardFeeds(events: events), events: events, changes: changes)
    }

    static func section(_ html: String) throws -> Substring {
        let start = try #require(html.range(of: "<h2>Senaste ändringar</h2>"))
        let end = try #require(html[start.upperBound...].range(of: "</section>"))
        return html[start.upperBound..<end.lowerBound]
    }

    @Test func theStartPageShowsTheNewestChangesWithRootRelativeLinksAndTheAtomAddress() throws {
        let html = try #require(Pages.page(at: "/", site: Self.site()))
        let changes = try Self.section(html)
        let moved = try #require(changes.range(of: "flyttat till den 29 maj"))
        let started = try #require(changes.range(of: "Nytt startdatum"))
        #expect(moved.lowerBound < started.lowerBound, "newest first")
        #expect(
            changes.contains(
                "<time datetime=\"2026-04-21T09:00:00Z\">21 april 2026</time>: "
                    + "<a href=\"/moten/kdm-2026-05-22\">Kommundirektörsmötet"))
        #expect(changes.contains("Nytt startdatum: &lt;Klippan&gt; &amp; co."))
        #expect(changes.contains("href=\"https://kalender.example.se/changes.atom\""))
    }

    @Test func aMunicipalityPageShowsOnlyItsOwnChangesAndItsOwnAtomFeed() throws {
        let html = try #require(Pages.page(at: "/kommuner/bjuv", site: Self.site()))
        let changes = try Self.section(html)
        #expect(changes.contains("flyttat till den 29 maj"))
        #expect(!changes.contains("Nytt startdatum"))
        #expect(changes.contains("href=\"https://kalender.example.se/changes/bjuv.atom\""))
    }

    @Test func anEmptyLogSaysSo() throws {
        let html = try #require(Pages.page(at: "/", site: Self.site(changes: [])))
        #expect(try Self.section(html).contains("Inga ändringar i kalendern"))
    }

    @Test func finishedYearsAreListedAsArchivesOnTheStartPage() throws {
        var registry = Self.registry
        registry.add(
            Meeting(
                Meeting.ID("kdm-2024-09-13"), of: .directors, title: "Kommundirektörsmöte",
                time: .timed(Day(2024, 9, 13), from: LocalTime(9), to: LocalTime(11)),
                source: Source(registry.documents[0].id)))
        let html = try #require(Pages.page(at: "/", site: Self.site(registry)))
        #expect(html.contains("Arkiv: en kalender per avslutat år (1)"))
        #expect(html.contains("https://kalender.example.se/feeds/archive/2024.ics"))
        // Without a finished year there is nothing to list.
        let current = try #require(Pages.page(at: "/", site: Self.site()))
        #expect(!current.contains("Arkiv:"))
    }
}

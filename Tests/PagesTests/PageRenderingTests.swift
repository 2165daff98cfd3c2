import CalendarFeeds
import ExportFiles
import Foundation
import Pages
import Registry
import RegistryData
import Testing

/// The pages as pure functions of a site and a day, without a server.
@Suite struct PageRenderingTests {
    static let registry = Registry.familjenHelsingborg

    @Test func pagesLoadNothingFromElsewhere() async throws {
        let site = Site(registry: Self.registry, publicURL: "https://kalender.example.se")
        for file in Pages.files(site: site) {
            let html = String(decoding: file.bytes, as: UTF8.self)
            #expect(!html.contains("<link"), "\(file.path)")
            #expect(!html.contains(" src="), "\(file.path)")
            #expect(!html.contains("@import"), "\(file.path)")
            #expect(!html.contains("url("), "\(file.path)")
        }
    }

    @Test func eventsAreListedInOrderWithTheirDaysForTheScriptToMarkThosePassed() throws {
        let site = Site(registry: Self.registry, publicURL: "https://kalender.example.se")
        let html = try #require(Pages.page(at: "/", site: site))
        let meeting = try #require(
            html.range(of: "<tr data-day=\"2026-04-10\"><td class=\"when\">10 april 2026<br>08.30–10.30"))
        let deadline = try #require(html.range(of: "<tr data-day=\"2026-04-30\">"))
        let next = try #require(html.range(of: "<tr data-day=\"2026-05-22\">"))
        #expect(meeting.lowerBound < deadline.lowerBound && deadline.lowerBound < next.lowerBound)
        #expect(html.contains("Sista dag: Varje kommun tar ställning till scenario 3"))
    }

    @Test func pagesAreTheSameBytesWhateverTheDay() {
        let site = Site(registry: Self.registry, publicURL: "https://kalender.example.se")
        let first = Pages.files(site: site).map(\.bytes)
        #expect(Pages.files(site: site).map(\.bytes) == first)
        for file in Pages.files(site: site) where file.path.hasSuffix(".html") {
            let html = String(decoding: file.bytes, as: UTF8.self)
            #expect(!html.contains("försenat<") && !html.contains("Uppgifter per"), "\(file.path)")
        }
    }

    @Test func textIsEscaped() {
        var registry = Registry()
        registry.add(Document(Document.ID("d"), title: "Doc", date: Day(2026, 1, 1)))
        registry.add(
            Municipality(
                Municipality.ID("x"), name: "<script>alert(1)</script>", officialName: "A & B \"kommun\"",
                source: Source(Document.ID("d"))))
        let site = Site(registry: registry, publicURL: "https://example.se")
        let pages = Pages.files(site: site).map {
            String(decoding: $0.bytes, as: UTF8.self)
        }
        let joined = pages.joined()
        #expect(!joined.contains("<script>alert"))
        #expect(joined.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(joined.contains("A &amp; B &quot;kommun&quot;"))
    }
}

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
        for file in Pages.files(site: site, on: testDay) {
            let html = String(decoding: file.bytes, as: UTF8.self)
            #expect(!html.contains("<link"), "\(file.path)")
            #expect(!html.contains(" src="), "\(file.path)")
            #expect(!html.contains("@import"), "\(file.path)")
            #expect(!html.contains("url("), "\(file.path)")
        }
    }

    @Test func eventsAreSplitIntoComingAndLatestByTheDayThePageSpeaksFor() throws {
        let site = Site(registry: Self.registry, publicURL: "https://kalender.example.se")
        let html = try #require(Pages.page(at: "/", site: site, on: Day(2026, 4, 21)))
        let coming = try #require(html.range(of: "<h2>Kommande</h2>"))
        let latest = try #require(html.range(of: "<h2>Senaste</h2>"))
        let comingPart = html[coming.upperBound..<latest.lowerBound]
        let latestPart = html[latest.upperBound...]
        #expect(comingPart.contains("22 maj 2026"))
        #expect(comingPart.contains("Sista dag: Fullmakt för gemensam lärplattform"))
        #expect(!comingPart.contains("10 april 2026"))
        #expect(latestPart.contains("10 april 2026<br>08:30"))
        #expect(latestPart.contains("Kommundirektörsmöte"))
    }

    @Test func textIsEscaped() {
        var registry = Registry()
        registry.add(Document(Document.ID("d"), title: "Doc", date: Day(2026, 1, 1)))
        registry.add(
            Municipality(
                Municipality.ID("x"), name: "<script>alert(1)</script>", officialName: "A & B \"kommun\"",
                source: Source(Document.ID("d"))))
        let site = Site(registry: registry, publicURL: "https://example.se")
        let pages = Pages.files(site: site, on: Day(2026, 1, 2)).map {
            String(decoding: $0.bytes, as: UTF8.self)
        }
        let joined = pages.joined()
        #expect(!joined.contains("<script>alert"))
        #expect(joined.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(joined.contains("A &amp; B &quot;kommun&quot;"))
    }
}

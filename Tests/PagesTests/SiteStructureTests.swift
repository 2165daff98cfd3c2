import CalendarFeeds
import Foundation
import Registry
import RegistryData
import SyntheticRegistry
import Testing

@testable import Pages
@testable import RegistryFixtures

/// The site's structure as view values and pages show it: Swedish order, breadcrumbs, the
/// overviews, the search index, redirects and the 404 page.
@Suite struct SiteStructureTests {
    static let site = Site(registry: .familjenHelsingborg, publicURL: "https://kalender.example.se")

    @Test func swedishOrderPutsÅÄÖLastAndIgnoresCase() {
        let names = Registry.familjenHelsingborg.municipalities.map(\.name)
        #expect(
            SwedishCollation.sorted(names, by: { $0 }) == [
                "Bjuv", "Båstad", "Helsingborg", "Höganäs", "Klippan", "Landskrona", "Perstorp", "Svalöv",
                "Åstorp", "Ängelholm", "Örkelljunga",
            ])
        #expect(SwedishCollation.precedes("abc", "Abd"))
        #expect(SwedishCollation.precedes("Zeta", "Åsa"))
        #expect(SwedishCollation.precedes("Ärla", "Ösby"))
    }

    @Test func theStartPageAndItsFeedsListMunicipalitiesInSwedishOrder() throws {
        let html = try #require(Pages.page(at: "/", site: Self.site))
        let order = [
            "/kommuner/bjuv\"", "/kommuner/bastad\"", "/kommuner/svalov\"", "/kommuner/astorp\"",
            "/kommuner/angelholm\"", "/kommuner/orkelljunga\"",
        ]
        let positions = try order.map { try #require(html.range(of: $0)).lowerBound }
        #expect(positions == positions.sorted())
        let feeds = [
            "feeds/municipalities/bjuv.ics", "feeds/municipalities/bastad.ics",
            "feeds/municipalities/astorp.ics", "feeds/municipalities/angelholm.ics",
        ]
        let feedPositions = try feeds.map {
            try #require(html.range(of: "value=\"https://kalender.example.se/" + $0)).lowerBound
        }
        #expect(feedPositions == feedPositions.sorted())
    }

    @Test(arguments: [
        ("/kommuner/bjuv", ["Start": "/", "Kommunerna": "/kommuner/"], "Bjuv"),
        (
            "/organ/energinatverket", ["Start": "/", "Organ och nätverk": "/organ/"],
            "Energinätverket (tolkning)"
        ),
        (
            "/beslut/kdm-2026-04-10-scenario-3", ["Start": "/", "Beslut": "/beslut/"],
            "Varje kommun tar ställning till scenario 3 (gemensam lärplattform)"
        ),
        ("/uppfoljning/bjuv", ["Start": "/", "Uppföljning av beslut": "/uppfoljning/"], "Bjuv"),
        ("/moten/", ["Start": "/"], "Möten"),
        ("/om", ["Start": "/"], "Om tjänsten"),
    ])
    func everyPageButTheStartHasBreadcrumbs(path: String, links: [String: String], current: String) throws {
        let html = try #require(Pages.page(at: path, site: Self.site))
        let start = try #require(html.range(of: "<nav class=\"crumbs\" aria-label=\"Länkstig\">"))
        let end = try #require(html[start.upperBound...].range(of: "</nav>"))
        let crumbs = html[start.upperBound..<end.lowerBound]
        for (name, href) in links { #expect(crumbs.contains("<a href=\"\(href)\">\(name)</a>"), "\(path)") }
        #expect(crumbs.contains("<span aria-current=\"page\">\(current)</span>"), "\(path)")
        #expect(crumbs.components(separatedBy: "<li>").count - 1 == links.count + 1, "\(path)")
        #expect(html.contains("<a class=\"skip\" href=\"#innehall\">Till innehållet</a>"))
        #expect(html.contains("<main id=\"innehall\""))
        #expect(html.contains("<meta name=\"description\" content=\""))
    }

    @Test func theStartPageHasNoBreadcrumbsButASkipLink() throws {
        let html = try #require(Pages.page(at: "/", site: Self.site))
        #expect(!html.contains("aria-label=\"Länkstig\""))
        #expect(html.contains("href=\"#innehall\""))
    }

    @Test func theMeetingOverviewListsEveryMeetingNewestFirstByBody() throws {
        let html = try #require(Pages.page(at: "/moten/", site: Self.site))
        for meeting in Registry.familjenHelsingborg.meetings {
            #expect(html.contains("href=\"/moten/\(meeting.id.rawValue)\""), "\(meeting.id)")
        }
        let section = try #require(html.range(of: "<h2>Kommundirektörerna</h2>"))
        let newer = try #require(
            html.range(of: "/moten/kdm-2026-05-22\"", range: section.upperBound..<html.endIndex))
        let older = try #require(
            html.range(of: "/moten/kdm-2026-04-10\"", range: section.upperBound..<html.endIndex))
        #expect(newer.lowerBound < older.lowerBound)
    }

    @Test func theDecisionOverviewSaysHowManyHaveAnswered() throws {
        let html = try #require(Pages.page(at: "/beslut/", site: Self.site))
        for decision in Registry.familjenHelsingborg.decisions {
            #expect(html.contains("href=\"/beslut/\(decision.id.rawValue)\""), "\(decision.id)")
        }
        #expect(html.contains("0 av 10 har lämnat besked"))
    }

    @Test func theFollowUpListsOpenRequestsWithTheirDueDayAndOnePagePerMunicipality() throws {
        let all = try #require(Pages.page(at: "/uppfoljning/", site: Self.site))
        // Scenario 3 is an offer: listed until notice is given, never marked late (no due day
        // for the script).
        #expect(all.components(separatedBy: ">inte lämnat besked<").count - 1 == 10)
        #expect(!all.contains("data-due=\"2026-04-30\""))
        #expect(all.contains("<th scope=\"col\">Tillfrågad</th>"))
        for municipality in Registry.familjenHelsingborg.municipalities {
            #expect(all.contains("href=\"/uppfoljning/\(municipality.slug)\""))
        }
        let bjuv = try #require(Pages.page(at: "/uppfoljning/bjuv", site: Self.site))
        #expect(bjuv.components(separatedBy: ">inte lämnat besked<").count - 1 == 1)
        #expect(!bjuv.contains("<th scope=\"col\">Tillfrågad</th>"))
        let helsingborg = try #require(Pages.page(at: "/uppfoljning/helsingborg", site: Self.site))
        #expect(helsingborg.contains("Inget som beslut begär av Helsingborg är obesvarat."))
    }

    @Test func onAMunicipalityPageTheCalendarComesRightAfterTheRepresentatives() throws {
        let html = try #require(Pages.page(at: "/kommuner/bjuv", site: Self.site))
        let sections = html.matches(of: /<section id="([a-z-]+)">/).map { String($0.output.1) }
        #expect(Array(sections.prefix(3)) == ["foretradare", "kalendrar", "att-gora"])
    }

    @Test func anUnknownContactIsSaidPlainlyNeverGuessed() throws {
        let about = try #require(Pages.page(at: "/om", site: Self.site))
        #expect(about.contains("ingen kontaktadress för tjänsten är fastställd ännu."))
        #expect(about.contains("Postadress: inte angiven ännu."))
        #expect(!about.contains("mailto:"))
        let statement = try #require(Pages.page(at: "/tillganglighet", site: Self.site))
        for heading in [
            "Hur tillgänglig är webbplatsen?", "Vad kan du göra om du inte kan använda delar av webbplatsen?",
            "Rapportera brister i webbplatsens tillgänglighet", "Tillsyn",
            "Teknisk information om webbplatsens tillgänglighet", "Innehåll som inte är tillgängligt",
            "Hur vi testat webbplatsen",
        ] {
            #expect(statement.contains("<h2>\(heading)</h2>"), "\(heading)")
        }
        #expect(statement.contains("delvis förenlig"))
        #expect(statement.contains("https://www.digg.se/tdosanmalan"))
        #expect(statement.contains("Någon adress för synpunkter på webbplatsen är ännu inte fastställd."))
    }

    @Test func aKnownContactIsShown() throws {
        var registry = Registry.familjenHelsingborg
        registry.configure(
            publisher: Publisher(
                organisation: "Familjen Helsingborg", contactEmail: "kontakt@example.se",
                feedbackEmail: "tillganglighet@example.se", postalAddress: "Box 1, 251 00 Helsingborg",
                accessibilityAssessed: Day(2026, 12, 5)))
        let site = Site(registry: registry, publicURL: "https://kalender.example.se")
        let about = try #require(Pages.page(at: "/om", site: site))
        #expect(about.contains("<a href=\"mailto:kontakt@example.se\">kontakt@example.se</a>"))
        #expect(about.contains("Postadress: Box 1, 251 00 Helsingborg"))
        let statement = try #require(Pages.page(at: "/tillganglighet", site: site))
        #expect(statement.contains("mailto:tillganglighet@example.se"))
    }

    @Test(arguments: [
        ("/kommuner/Bjuv", "/kommuner/bjuv"), ("/kommuner/Ängelholm", "/kommuner/angelholm"),
        ("/KOMMUNER/bjuv", "/kommuner/bjuv"), ("/kommuner", "/kommuner/"), ("/Om", "/om"),
        ("/Moten/KDM-2026-04-10", "/moten/kdm-2026-04-10"),
    ])
    func anotherSpellingLeadsToThePage(path: String, canonical: String) {
        #expect(Self.site.siteMap.canonicalPath(for: path) == canonical)
    }

    @Test(arguments: ["/kommuner/bjuv", "/kommuner/", "/nope", "/kommuner/lund", "/feeds/all.ics"])
    func thePageItselfOrNothingIsNotRedirected(path: String) {
        #expect(Self.site.siteMap.canonicalPath(for: path) == nil)
    }

    @Test func nginxRedirectsTheSameSpellings() throws {
        let map = RedirectMap.text(Self.site.siteMap)
        let k = "(?:k|\u{212A})"
        let o = "(?:o|o\u{308}|\u{F6}|\u{D6})"
        let u = "(?:u|u\u{308}|\u{FC}|\u{DC})"
        let e = "(?:e|e\u{301}|\u{E9}|\u{C9})"
        #expect(map.contains("\"~*^/\(o)m$\" /om;"))
        #expect(map.contains("\"~*^/\(k)\(o)mm\(u)n\(e)r/?$\" /kommuner/;"))
        #expect(map.contains("\"~*^/\(k)\(o)mm\(u)n\(e)r/bj\(u)v$\" /kommuner/bjuv;"))
        #expect(!map.contains("\"/kommuner/Bjuv\""), "nginx matches ASCII case by itself")
    }

    /// The map's pattern for a page matches what `serve` redirects to it, spelled as a
    /// reader might (ICU stands in for nginx's PCRE here; the integration test asks
    /// both servers themselves).
    @Test(arguments: [
        "/kommuner/ÄNGELHOLM", "/kommuner/Ängelholm", "/kommuner/a\u{308}ngelholm", "/KOMMUNER/BJUV",
        "/kommuner/angelholm/", "/Kommuner", "/Möten/kdm-2026-04-10", "/om/", "/kommuner/Ängelholm/",
    ])
    func nginxsPatternsMatchWhatServeRedirects(path: String) throws {
        let canonical = Self.site.siteMap.canonicalPath(for: path)
        let patterns = RedirectMap.text(Self.site.siteMap).split(separator: "\n").compactMap {
            line -> (NSRegularExpression, String)? in
            guard line.hasPrefix("\"~*"), let end = line.lastIndex(of: "\"") else { return nil }
            let pattern = line[line.index(line.startIndex, offsetBy: 3)..<end]
            let target = line[line.index(after: end)...].dropFirst().dropLast()
            return try? (NSRegularExpression(pattern: "(?i)" + pattern), String(target))
        }
        let whole = NSRange(path.startIndex..., in: path)
        let nginx = patterns.first { $0.0.firstMatch(in: path, range: whole) != nil }?.1
        #expect(nginx == canonical, "\(path)")
    }

    @Test func theNotFoundPageIsSwedishAndLeadsHome() {
        let html = Pages.notFound(site: Self.site)
        #expect(html.contains("<html lang=\"sv\">"))
        #expect(html.contains("<h1>Sidan finns inte</h1>"))
        #expect(html.contains("<a href=\"/\"><span>Startsidan</span></a>"))
    }

    /// The index is made from whatever registry it is given: on a synthetic one, each
    /// generated municipality is found at its page and a person at their own page.
    @Test func theSearchIndexIsBuiltFromTheData() throws {
        let registry = SyntheticRegistry.make(events: 400, seed: 11)
        let site = Site(registry: registry, publicURL: "https://kalender.example.se")
        let data = Data(Pages.searchIndex(site: site))
        let entries = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        func path(of title: String) -> String? {
            entries.first { $0["t"] as? String == title }?["u"] as? String
        }
        for municipality in registry.municipalities {
            #expect(path(of: municipality.name) == site.siteMap.path(.municipality(municipality.id)))
            #expect(
                path(of: "Kalender för \(municipality.name)")
                    == site.siteMap.path(.municipality(municipality.id)).map { $0 + "#kalendrar" })
        }
        let seat = try #require(registry.allSeats.last { $0.municipality != nil })
        let person = try #require(registry[seat.person.id])
        #expect(path(of: person.name) == "/personer/\(person.id.rawValue)")
        #expect(
            entries.count >= registry.municipalities.count + registry.bodies.count + registry.people.count / 2
        )
    }

    /// A person's name leads to their own page; one who keeps their schedule unpublished
    /// has no page and is found at the municipality they represent.
    @Test(arguments: [
        ("Tove Tell", "/personer/tove-tell"), ("Sara Sund", "/personer/sara-sund"),
        ("Hugo Holm", "/kommuner/beta"),
    ])
    func aPersonIsFoundAtTheirOwnPageUnlessUnpublished(name: String, expected: String) throws {
        let site = Site(registry: PersonalFeedFixture.registry(), publicURL: "https://kalender.example.se")
        let data = Data(Pages.searchIndex(site: site))
        let entries = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let entry = try #require(entries.first { $0["t"] as? String == name })
        #expect(entry["u"] as? String == expected)
        #expect(entry["k"] as? String == "Person")
    }
}

/// Who holds a seat depends on the day: the page lists the seats in force on the data's
/// day and those that begin later, each with its dates, and the script hides a seat on a
/// day it is not in force. Each name links to the person's page.
@Suite struct SeatTermTests {
    @Test func laterAndEndingSeatsCarryTheirDates() throws {
        let site = Site(registry: Fixture.registry, publicURL: "https://kalender.example.se")
        let html = try #require(Pages.page(at: "/kommuner/bjuv", site: site))
        // In force on 1 March 2026, the registry's newest document: Karin, until 1 June.
        #expect(html.contains("<li data-to=\"2026-06-01\"><h3><a href=\"/personer/karin-karlsson\">Karin"))
        #expect(html.contains("till och med 31 maj 2026"))
        // Later: Anders (acting) from 1 June to 1 July, Örjan from 1 August.
        #expect(
            html.contains(
                "<li data-from=\"2026-06-01\" data-to=\"2026-07-01\"><h3><a href=\"/personer/anders-berg\">Anders"
            ))
        #expect(html.contains("från 1 juni 2026, till och med 30 juni 2026"))
        #expect(html.contains("<li data-from=\"2026-08-01\"><h3><a href=\"/personer/orjan-odman\">Örjan"))
        let karin = try #require(html.range(of: "<h3><a href=\"/personer/karin-karlsson\">Karin"))
        let orjan = try #require(html.range(of: "<h3><a href=\"/personer/orjan-odman\">Örjan"))
        #expect(karin.lowerBound < orjan.lowerBound)
    }

    @Test func aSeatWithoutDatesHasNone() throws {
        let site = Site(registry: Fixture.registry, publicURL: "https://kalender.example.se")
        let html = try #require(Pages.page(at: "/kommuner/helsingborg", site: site))
        #expect(html.contains("<li><h3><a href=\"/personer/petra-holm\">Petra"))
    }

    /// The start page dates its directors as the seat lists do: Bjuv's director until
    /// 1 June, the acting one for June, a vacancy for July and the next from August.
    @Test func theStartPagesDirectorsCarryTheirDates() throws {
        let site = Site(registry: Fixture.registry, publicURL: "https://kalender.example.se")
        let html = try #require(Pages.page(at: "/", site: site))
        let lines = html.split(separator: "\n").filter { $0.contains("<a href=\"/kommuner/bjuv\">") }
        let bjuv = try #require(lines.first)
        #expect(
            bjuv.contains(
                "<div class=\"muted\" data-to=\"2026-06-01\">kommundirektör: "
                    + "<a href=\"/personer/karin-karlsson\">Karin Karlsson</a>, till och med 31 maj 2026</div>"
            ))
        #expect(
            bjuv.contains(
                "<div class=\"muted\" data-from=\"2026-06-01\" data-to=\"2026-07-01\">kommundirektör: "
                    + "<a href=\"/personer/anders-berg\">Anders Berg (tf)</a>, från 1 juni 2026, till och med 30 juni 2026</div>"
            ))
        #expect(
            bjuv.contains(
                "<div class=\"muted\" data-from=\"2026-07-01\" data-to=\"2026-08-01\">kommundirektör: vakant, "
                    + "från 1 juli 2026, till och med 31 juli 2026</div>"))
        #expect(
            bjuv.contains(
                "<div class=\"muted\" data-from=\"2026-08-01\">kommundirektör: <a href=\"/personer/orjan-odman\">"
            ))
        let helsingborg = try #require(
            html.split(separator: "\n").first { $0.contains("/kommuner/helsingborg\">") })
        #expect(
            helsingborg.contains("<div class=\"muted\">kommundirektör: <a href=\"/personer/petra-holm\">"))
    }

    /// A body's badges: the stage on the data's day (1 March 2026, before the network is
    /// proposed), then each later stage from its day; the script shows the one in force.
    @Test func aBodysLaterStagesAreBadgesWithTheirDates() throws {
        let site = Site(registry: Fixture.registry, publicURL: "https://kalender.example.se")
        let badges = Pages.statusBadges(
            try #require(Fixture.registry[Fixture.network]), on: Pages.dataDay(site))
        #expect(badges.map(\.badgeLabel) == ["ej föreslaget", "föreslaget", "aktivt", "avslutat"])
        #expect(badges.map(\.term.fromISO) == [nil, "2026-05-01", "2026-09-01", "2027-01-01"])
        #expect(badges.map(\.term.toISO) == ["2026-05-01", "2026-09-01", "2027-01-01", nil])
        let html = try #require(Pages.page(at: "/", site: site))
        #expect(
            html.contains(
                "<span data-from=\"2026-09-01\" data-to=\"2027-01-01\"><span class=\"status status-active\">aktivt</span> "
                    + "<span class=\"muted\">från 1 september 2026, till och med 31 december 2026</span></span>"
            ))
    }
}

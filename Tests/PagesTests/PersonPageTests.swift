import CalendarFeeds
import Pages
import Registry
import RegistryData
import Testing

@testable import RegistryFixtures

/// A page per person: what they represent today and over time, their upcoming meetings
/// and deadlines, and their feed; linked wherever their name appears, and absent for
/// someone whose schedule is withheld.
@Suite struct PersonPageTests {
    typealias P = PersonalFeedFixture

    static let site = Site(
        registry: P.registry(toveAlsoForBeta: true), publicURL: "https://kalender.example.se")

    static func page(_ path: String) throws -> String {
        try #require(Pages.page(at: path, site: site), "\(path)")
    }

    @Test func aPersonsPageShowsTheirSeatsOverTimeTheirEventsAndTheirFeed() throws {
        let html = try Self.page("/personer/tove-tell")
        #expect(html.contains("<h1>Tove Tell</h1>"))
        // Today: a director for Alfa; to come: the network for Beta.
        #expect(
            html.contains(
                "kommundirektör i <a href=\"/organ/direktorerna\">Direktörerna</a> för "
                    + "<a href=\"/kommuner/alfa\">Alfa</a></span> <span class=\"muted\">från 1 februari 2026</span>"
            ))
        #expect(html.contains("<h3>Kommande uppdrag</h3>"))
        #expect(html.contains("ledamot i <a href=\"/organ/natverket\">Nätverket</a>"))
        // Her upcoming events, as her feed holds them, and the feed itself.
        #expect(html.contains("Synpunkter på budgeten"))
        #expect(html.contains("webcal://kalender.example.se/feeds/people/tove-tell.ics"))
    }

    @Test func someoneWhoHasLeftShowsTheirPastSeat() throws {
        let html = try Self.page("/personer/lisa-lund")
        #expect(html.contains("har inget uppdrag i registret just nu"))
        #expect(html.contains("<h3>Tidigare uppdrag</h3>"))
        #expect(html.contains("till och med 31 januari 2026"))
    }

    @Test func aWithheldScheduleHasNoPageAndNoLink() throws {
        #expect(Pages.page(at: "/personer/hugo-holm", site: Self.site) == nil)
        #expect(!Self.site.siteMap.pages.contains(.person(P.hugo)))
        let body = try Self.page("/organ/direktorerna")
        #expect(body.contains("<h3>Hugo Holm</h3>"), "named, not linked")
        #expect(body.contains("<h3><a href=\"/personer/tove-tell\">Tove Tell</a></h3>"))
    }

    @Test func thePeoplesOwnPageListsEveryoneWithACalendar() throws {
        let html = try Self.page("/personer/")
        for person in ["jonna-jonsson", "lars-larsson", "lisa-lund", "sara-sund", "tove-tell"] {
            #expect(html.contains("href=\"/personer/\(person)\""), "\(person)")
        }
        #expect(!html.contains("Hugo Holm"))
    }

    @Test func aDecisionLinksThoseResponsibleToTheirPages() throws {
        let site = Site(registry: .familjenHelsingborg, publicURL: "https://kalender.example.se")
        let html = try #require(Pages.page(at: "/beslut/kdm-2026-04-10-energinatverk", site: site))
        #expect(
            html.contains(
                "Ansvariga: <a href=\"/personer/britt-nymberg\">Britt Nymberg</a>, "
                    + "<a href=\"/organ/arbetsgruppen-effektfragan\">"))
    }

    @Test func theRealDirectorsAreLinkedFromTheStartPage() throws {
        let site = Site(registry: .familjenHelsingborg, publicURL: "https://kalender.example.se")
        let home = try #require(Pages.page(at: "/", site: site))
        for person in Registry.familjenHelsingborg.memberships.filter({ $0.role == .director }).map(\.person)
        {
            #expect(home.contains("href=\"/personer/\(person.rawValue)\""), "\(person)")
        }
    }
}

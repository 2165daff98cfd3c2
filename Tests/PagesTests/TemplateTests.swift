import CalendarFeeds
import ExportFiles
import Registry
import RegistryData
import Testing

@testable import Pages

/// The templates: that they parse, that they escape whatever the data says, and what the
/// meeting pages and feed blocks show.
@Suite struct TemplateTests {
    static let site = Site(registry: .familjenHelsingborg, publicURL: "https://kalender.example.se")

    @Test func everyTemplateParses() throws {
        #expect(try Templates.parsedNames() == Templates.sources.map(\.name))
    }

    @Test func styleAndScriptAreTheOnlyInlineOnesAndAreVerbatim() {
        #expect(!PageAssets.style.isEmpty)
        #expect(!PageAssets.script.isEmpty)
        for file in Pages.files(site: Self.site) where file.path.hasSuffix(".html") {
            let html = String(decoding: file.bytes, as: UTF8.self)
            #expect(html.ranges(of: "<style").count == 1, "\(file.path)")
            #expect(html.ranges(of: "<script").count == 1, "\(file.path)")
            #expect(html.contains("<style>\(PageAssets.style)</style>"), "\(file.path)")
            #expect(html.contains("<script>\(PageAssets.script)</script>"), "\(file.path)")
        }
    }

    /// A registry where every text a page shows is markup: no template may let it through.
    static var markupRegistry: Registry {
        let evil = "<b>x</b>"
        var registry = Registry()
        let document = Document.ID("d")
        let source = Source(document, item: evil)
        registry.add(Document(document, title: evil, date: Day(2026, 1, 1), url: "javascript:alert(1)"))
        let municipality = Municipality.ID("x")
        registry.add(Municipality(municipality, name: evil, officialName: evil, source: source))
        let person = Person.ID("p")
        registry.add(Person(person, name: evil, source: source))
        let body = Body.ID("b")
        registry.add(
            Body(
                body, name: evil, kind: .directorsGroup, lifecycle: Lifecycle(active: .on(Day(2025, 1, 1))),
                purpose: evil, source: source))
        registry.add(Membership(person, in: body, as: .director, for: municipality, source: source))
        let meeting = Meeting.ID("m")
        registry.add(
            Meeting(
                meeting, of: body, title: evil,
                time: .timed(Day(2026, 1, 5), from: LocalTime(9), to: LocalTime(10)), place: evil,
                remote: evil, attendance: [Attendance(person, for: municipality, .present)],
                agenda: [AgendaItem(1, evil, summary: evil, presenters: [person])], source: source))
        registry.add(
            Meeting(
                Meeting.ID("n"), of: body, title: evil, time: .month(year: 2025, month: 12), source: source))
        registry.add(
            Decision(
                Decision.ID("beslut"), at: meeting, item: 1, title: evil, text: evil,
                deadline: Day(2026, 2, 1),
                actors: [.municipality(municipality)], source: source))
        return registry
    }

    @Test func markupInTheDataIsEscapedOnEveryPage() {
        let site = Site(registry: Self.markupRegistry, publicURL: "https://example.se")
        let files = Pages.files(site: site)
        #expect(files.map(\.path).contains("moten/m.html"))
        #expect(files.map(\.path).contains("moten/n.html"))
        for file in files {
            let html = String(decoding: file.bytes, as: UTF8.self)
            #expect(!html.contains("<b>x</b>"), "\(file.path)")
            #expect(!html.contains("javascript:"), "\(file.path)")
            // A record's page shows the record's text, escaped.
            if file.path.contains("/") && !file.path.hasSuffix("index.html") {
                #expect(html.contains("&lt;b&gt;x&lt;/b&gt;"), "\(file.path)")
            }
        }
    }

    @Test func aMeetingPageShowsTimePlaceAttendanceAgendaDecisionsAndSource() throws {
        let html = try #require(Pages.page(at: "/moten/kdm-2026-04-10", site: Self.site))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"sv\">"))
        #expect(html.contains("10 april 2026 kl. 8.30–10.30"))
        #expect(html.contains("Plats: Mindpark, Helsingborg"))
        #expect(html.contains("Delta på distans: Teams"))
        #expect(html.contains("<h3>Närvarande ("))
        #expect(html.contains("<h3>På distans ("))
        #expect(html.contains("<h3>Frånvarande ("))
        #expect(html.contains("<li><a href=\"/personer/agneta-fristedt\">Agneta Fristedt</a>, Bjuv</li>"))
        #expect(html.contains("<h3>Punkt 1: Mötets öppnande och incheckning</h3>"))
        #expect(html.contains("Sista dag: "))
        #expect(html.contains("href=\"/organ/kommundirektorerna\""))
        let minutes = try #require(Registry.familjenHelsingborg[Document.ID.minutes20260410])
        #expect(html.contains(minutes.title))
        #expect(!html.contains("Inställt."))
    }

    @Test func aMeetingKnownOnlyByMonthHasAPage() throws {
        let html = try #require(Pages.page(at: "/moten/kdm-2025-01", site: Self.site))
        #expect(html.contains("<p class=\"when-text\">januari 2025</p>"))
        #expect(html.contains("Effektfrågan"))
        #expect(html.contains("Ingen närvaro antecknad."))
    }

    @Test func unknownMeetingsHaveNoPage() {
        #expect(Pages.page(at: "/moten/finns-inte", site: Self.site) == nil)
        #expect(Pages.page(at: "/moten/", site: Self.site)?.contains("<h1>Möten</h1>") == true)
    }

    @Test func everyMeetingHasAPageAndTheEventTablesLinkToIt() throws {
        let paths = Set(Pages.files(site: Self.site).map(\.path))
        for meeting in Registry.familjenHelsingborg.meetings {
            #expect(paths.contains("moten/\(meeting.id.rawValue).html"), "\(meeting.id)")
        }
        let home = try #require(Pages.page(at: "/", site: Self.site))
        #expect(home.contains("<a href=\"/moten/kdm-2026-04-10\"><span>Kommundirektörsmöte"))
        let body = try #require(Pages.page(at: "/organ/kommundirektorerna", site: Self.site))
        #expect(body.contains("href=\"/moten/kdm-2025-01\""))
    }

    @Test func aMeetingsAddressIsUnderTheSitesPublicAddress() {
        #expect(
            Self.site.siteMap.url(.meeting(Meeting.ID("kdm-2026-04-10")))
                == "https://kalender.example.se/moten/kdm-2026-04-10")
    }

    @Test func feedBlocksSendToGooglesAddByAddressPageAndWarnAgainstDownloading() throws {
        let html = try #require(Pages.page(at: "/", site: Self.site))
        #expect(html.contains("href=\"https://calendar.google.com/calendar/u/0/r/settings/addbyurl\""))
        #expect(!html.contains("?cid="))
        #expect(html.contains("en nedladdad kopia uppdateras aldrig"))
        #expect(html.contains("Thunderbird"))
        #expect(html.contains("8:e till 24:e timme"))
    }

    /// Views hand Mustache their fields by name (`TemplateValue`) instead of Mustache's
    /// Mirror lookup: each field must come back as that lookup gives it, a nil optional as
    /// no value, and a name the view lacks as nothing, whichever type was seen first.
    @Test func aViewGivesEachFieldAsMirrorWouldAndNothingElse() {
        let term = SeatTerm(fromISO: "2026-09-01", toISO: nil, termText: "från 1 september 2026")
        let views: [any TemplateValue] = [
            term,
            StatusBadge(badgeStage: nil, badgeLabel: "föreslaget", term: term),
            StatusBadge(
                badgeStage: "active", badgeLabel: "aktivt",
                term: SeatTerm(fromISO: nil, toISO: nil, termText: nil)),
            ChangesView.Item(date: "10 april 2026", iso: "2026-04-10", text: "Mötet flyttades.", url: nil),
            ChangesView.Item(date: "1 maj 2026", iso: "2026-05-01", text: "Nytt beslut.", url: "/beslut/x"),
            FeedView(
                name: "Bjuv", description: "Möten", elementID: "feed-bjuv", url: "https://x/bjuv.ics",
                webcal: "webcal://x/bjuv.ics", google: "https://calendar.google.com"),
        ]
        for view in views {
            let fields = Mirror(reflecting: view).children.compactMap { child in
                child.label.map { ($0, child.value) }
            }
            #expect(!fields.isEmpty)
            for (name, value) in fields {
                let mirrored = Mirror(reflecting: value)
                let expected: Any? =
                    mirrored.displayStyle == .optional ? mirrored.children.first?.value : value
                let given = view.child(named: name)
                #expect(given.map { "\($0)" } == expected.map { "\($0)" }, "\(type(of: view)).\(name)")
            }
            #expect(view.child(named: "noSuchField") == nil, "\(type(of: view))")
        }
    }

    /// The templates link to the site's sections and open data through `frame.links`, so
    /// that the site map and the export stay the one place that spells an address: no
    /// template writes one out.
    @Test func noTemplateSpellsOutAnAddress() {
        let map = Self.site.siteMap
        let sections =
            SiteMap.Folder.allCases.map { SiteMap.path($0) }
            + [SiteMap.Page.about, .accessibility, .search].compactMap { map.path($0) }
            + [Publication.popoloFile, Publication.representativesFile, SiteMap.changeLogFile()].map {
                "/\($0)"
            }
        #expect(sections.count == SiteMap.Folder.allCases.count + 6)
        for (name, bytes) in Templates.sources {
            let text = String(decoding: bytes, as: UTF8.self)
            for path in sections {
                #expect(!text.contains("\"\(path)"), "Templates/\(name): \(path)")
            }
        }
    }
}

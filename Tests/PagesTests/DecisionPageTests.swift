import CalendarFeeds
import ExportFiles
import Foundation
import Pages
import Registry
import RegistryData
import Testing

@testable import RegistryFixtures

/// A page per decision with a status table, linked from its meeting's page, and what a
/// municipality has still to do on its own page.
@Suite struct DecisionPageTests {
    typealias A = ActionFixture
    typealias F = ValidationFixture

    static let path = "/beslut/\(F.decision.rawValue)"

    static func page(_ path: String, _ registry: Registry) throws -> String {
        try #require(Pages.page(at: path, site: Site(registry: registry, publicURL: A.publicURL)))
    }

    /// The table row of one asked party, from `<tr><th scope="row">` to `</tr>`.
    static func row(_ html: String, _ party: String) throws -> Substring {
        let start = try #require(
            html.range(of: "<tr><th scope=\"row\"><a href=\"/kommuner/\(party.lowercased())\">\(party)</a>"))
        let end = try #require(html[start.upperBound...].range(of: "</tr>"))
        return html[start.lowerBound..<end.upperBound]
    }

    @Test func theDecisionPageSaysWhatWasDecidedAndWhere() throws {
        let html = try Self.page(Self.path, A.registry())
        #expect(html.contains("<h1>Budget</h1>"))
        #expect(html.contains("<p>Att anta budgeten.</p>"))
        #expect(
            html.contains(
                "<a href=\"/moten/\(F.meeting.rawValue)\">Direktörsmöte, 10 april 2026 kl. 8.30–10.30</a>"))
        #expect(html.contains("<li>Sista dag: 30 april 2026</li>"))
        #expect(html.contains("<h2>Begärt: lämna synpunkter på budgeten</h2>"))
        #expect(html.contains("<caption>Svar på begäran att lämna synpunkter på budgeten</caption>"))
        #expect(html.contains("<th scope=\"col\">Tillfrågad</th>"))
        #expect(html.contains("Protokoll 2026-04-10, 10 april 2026"))
    }

    // What the registry records of Alfa, with and without its answer of 22 April: an open
    // row carries its due day, which the page's script words "försenat" once it has passed.
    @Test(arguments: [
        (
            false,
            "<td data-label=\"Läge\" data-due=\"2026-04-30\">inte svarat</td><td class=\"when\" data-label=\"Datum\">"
                + "senast 30 april 2026</td><td data-label=\"Svar\">–</td><td data-label=\"Källa\">–</td>"
        ),
        (
            true,
            "<td data-label=\"Läge\">har svarat</td><td class=\"when\" data-label=\"Datum\">22 april 2026</td>"
                + "<td data-label=\"Svar\">lämnat synpunkter</td><td data-label=\"Källa\">Brev från Alfa, 22 april 2026</td>"
        ),
    ])
    func statusTable(answered: Bool, cells: String) throws {
        let registry = answered ? A.registry(alfaAnswers: .gave("synpunkter")) : A.registry()
        let html = try Self.page(Self.path, registry)
        #expect(try Self.row(html, "Alfa").contains(cells))
    }

    @Test func theSummaryCountsAnswers() throws {
        let html = try Self.page(Self.path, A.registry(alfaAnswers: .gave("synpunkter")))
        #expect(html.contains("1 av 2 har svarat."))
        #expect(try Self.row(html, "Beta").contains("data-due=\"2026-04-30\">inte svarat</td>"))
    }

    @Test func theMeetingPageLinksEachDecision() throws {
        let html = try Self.page("/moten/\(F.meeting.rawValue)", A.registry())
        #expect(html.contains("<h3>Punkt 1: <a href=\"\(Self.path)\">Budget</a></h3>"))
    }

    @Test func theStaticExportWritesEveryDecisionsPage() {
        let registry = Registry.familjenHelsingborg
        let site = Site(registry: registry, publicURL: A.publicURL)
        let paths = Set(Pages.files(site: site).map(\.path))
        for decision in registry.decisions {
            #expect(paths.contains("beslut/\(decision.id.rawValue).html"))
            #expect(
                Pages.page(at: "/beslut/\(decision.id.rawValue)", site: site) != nil)
        }
        #expect(Pages.page(at: "/beslut/no-such-decision", site: site) == nil)
    }

    @Test func theRealScenario3PageHasARowPerAskedMunicipality() throws {
        let html = try Self.page(
            "/beslut/kdm-2026-04-10-scenario-3", .familjenHelsingborg)
        #expect(html.components(separatedBy: "<tr><th scope=\"row\">").count - 1 == 10)
        // An offer: who has given notice, never who is late (no due day for the script).
        #expect(html.contains("Inga besked ännu (10 tillfrågade)."))
        #expect(html.contains("<td data-label=\"Läge\">inte lämnat besked</td>"))
        #expect(!html.contains("data-due="))
        #expect(html.contains("<h2>Erbjudande: ansluta till den gemensamma lärplattformen"))
        #expect(html.contains("<h3>Registrets tolkning</h3>"))
        #expect(html.contains("<li>Sista dag: 30 april 2026 (tolkning)</li>"))
        #expect(!html.contains(">Helsingborg</a></th>"))
    }
}

/// What a municipality is asked to do and has not done, on its page.
@Suite struct OpenActionsPageTests {
    typealias A = ActionFixture
    typealias F = ValidationFixture

    static let section = "<section id=\"att-gora\">"

    @Test func anOpenActionLinksToItsDecision() throws {
        let html = try DecisionPageTests.page("/kommuner/beta", A.registry())
        #expect(html.contains(Self.section))
        #expect(
            html.contains(
                "<tr><th scope=\"row\">lämna synpunkter på budgeten</th><td data-label=\"Beslut\"><a href=\"/beslut/"
                    + "\(F.decision.rawValue)\">Budget</a></td><td class=\"when\" data-label=\"Senast\">30 april 2026</td>"
                    + "<td data-label=\"Läge\" data-due=\"2026-04-30\">inte svarat</td></tr>"))
    }

    @Test func anAnsweredActionIsNoLongerOpen() throws {
        let html = try DecisionPageTests.page(
            "/kommuner/alfa", A.registry(alfaAnswers: .gave("synpunkter")))
        #expect(html.contains("Inget som beslut begär av Alfa är obesvarat."))
        #expect(!html.contains("/beslut/\(F.decision.rawValue)\">Budget"))
    }

    @Test func theEarliestDueComesFirst() throws {
        var registry = A.registry()
        registry.add(
            ActionRequest(
                ActionRequest.ID("later"), of: F.decision, asked: [.municipality(F.beta)],
                what: "utse en kontaktperson",
                by: Day(2026, 6, 30), source: F.source))
        let html = try DecisionPageTests.page("/kommuner/beta", registry)
        let overdue = try #require(html.range(of: "lämna synpunkter på budgeten"))
        let later = try #require(html.range(of: "utse en kontaktperson"))
        #expect(overdue.lowerBound < later.lowerBound)
    }
}

/// "(tolkning)" after what the registry inferred, on the pages.
@Suite struct InferredOnPagesTests {
    @Test func inferredNamesAndRolesAreMarked() throws {
        let registry = Registry.familjenHelsingborg
        let body = try DecisionPageTests.page("/organ/energinatverket", registry)
        #expect(body.contains("<h1>Energinätverket (tolkning)</h1>"))
        // The minutes say "HR-cheferna", not that they are a network.
        let hr = try DecisionPageTests.page("/organ/hr-cheferna", registry)
        #expect(hr.contains("<p>nätverk (tolkning), "))
        let bjuv = try DecisionPageTests.page("/kommuner/bjuv", registry)
        #expect(bjuv.contains("kommundirektör (tolkning)"))
        // A person's page and the people overview mark it too.
        let agneta = try DecisionPageTests.page("/personer/agneta-fristedt", registry)
        #expect(agneta.contains("kommundirektör (tolkning)"))
        let people = try DecisionPageTests.page("/personer/", registry)
        #expect(people.contains("kommundirektör (tolkning), Kommundirektörerna, Bjuv"))
        let home = try DecisionPageTests.page("/", registry)
        #expect(home.contains(">Arbetsgruppen för personalutbildning (tolkning)</a>"))
        // The minutes give no titles.
        #expect(
            home.contains(
                "<div class=\"muted\">kommundirektör (tolkning): "
                    + "<a href=\"/personer/agneta-fristedt\">Agneta Fristedt</a></div>"))
        let meeting = try DecisionPageTests.page("/moten/kdm-2026-04-10", registry)
        #expect(meeting.contains("<li><h3>Punkt 2: <a href=\"/beslut/kdm-2026-04-10-scenario-3\">"))
        #expect(meeting.contains("<p><b>Sista dag: 30 april 2026 (tolkning)</b></p>"))
    }
}

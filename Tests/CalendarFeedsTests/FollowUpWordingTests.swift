import CalendarFeeds
import ICalendar
import Registry
import RegistryData
import Testing

@testable import RegistryFixtures

/// A deadline whose decision asks municipalities to act: each asked municipality's feed
/// says whether it has answered, every other feed how many have.
@Suite struct FollowUpWordingTests {
    typealias A = ActionFixture
    typealias F = ValidationFixture

    static func deadline(in registry: Registry) throws -> Event {
        try #require(registry.events().first { $0.origin == .deadline(F.decision) })
    }

    @Test func theAskedMunicipalitiesWordTheDeadlineTheirOwnWay() throws {
        let registry = A.registry()
        #expect(
            registry.municipalitiesWithOwnWording(of: try Self.deadline(in: registry)) == [F.alfa, F.beta])
        let meeting = try #require(registry.events().first { $0.kind == .meeting })
        #expect(registry.municipalitiesWithOwnWording(of: meeting).isEmpty)
        // A decision that asks nobody: one wording for every feed.
        let plain = F.registry()
        #expect(plain.municipalitiesWithOwnWording(of: try Self.deadline(in: plain)).isEmpty)
    }

    @Test func beforeAnyAnswer() throws {
        let registry = A.registry()
        let event = try Self.deadline(in: registry)
        let shared = registry.calendarEvent(event).description
        #expect(
            shared.contains(
                "Begärt: lämna synpunkter på budgeten, senast den 30 april 2026.\n0 av 2 har svarat.\n"))
        #expect(registry.calendarEvent(event, for: F.alfa).description.contains("\nAlfa har inte svarat.\n"))
        #expect(registry.calendarEvent(event, for: F.beta).description.contains("\nBeta har inte svarat.\n"))
        // Same UID, summary and time in every feed: only the text differs.
        let own = registry.calendarEvent(event, for: F.alfa)
        #expect(own.uid == registry.calendarEvent(event).uid)
        #expect(own.summary == registry.calendarEvent(event).summary)
        #expect(own.timing == registry.calendarEvent(event).timing)
    }

    @Test(arguments: [
        (
            ActionResponse.Answer.gave("synpunkter"), "1 av 2 har svarat: Alfa.",
            "Alfa har svarat den 22 april 2026 (lämnat synpunkter)."
        ),
        (.declined, "1 av 2 har svarat: Alfa.", "Alfa har avböjt den 22 april 2026."),
        (
            .askedForMoreTime(until: Day(2026, 5, 15)), "0 av 2 har svarat.",
            "Alfa har bett om anstånd till den 15 maj 2026."
        ),
    ])
    func afterAlfaAnswers(answer: ActionResponse.Answer, shared: String, alfa: String) throws {
        let registry = A.registry(alfaAnswers: answer)
        let event = try Self.deadline(in: registry)
        #expect(registry.calendarEvent(event).description.contains("\n\(shared)\n"))
        #expect(registry.calendarEvent(event, for: F.alfa).description.contains("\n\(alfa)\n"))
        #expect(registry.calendarEvent(event, for: F.beta).description.contains("\nBeta har inte svarat.\n"))
    }

    @Test func aMeetingReadsTheSameInAMunicipalitysFeed() throws {
        let registry = A.registry()
        let meeting = try #require(registry.events().first { $0.kind == .meeting })
        #expect(registry.calendarEvent(meeting, for: F.alfa) == registry.calendarEvent(meeting))
    }

    @Test func theDeadlineLinksToItsDecisionsPage() throws {
        let registry = A.registry()
        let shown = registry.calendarEvent(try Self.deadline(in: registry))
        #expect(shown.url == "\(A.publicURL)/beslut/\(F.decision.rawValue)")
        #expect(shown.description.hasSuffix("\n\(A.publicURL)/beslut/\(F.decision.rawValue)"))
    }
}

/// Small wording: the source's date in every citation, a body named mid-sentence in
/// lower case, and "(tolkning)" after what the registry inferred.
@Suite struct CalendarWordingTests {
    typealias F = ValidationFixture

    @Test func aCitationCarriesTheDocumentsDate() throws {
        let registry = ActionFixture.registry()
        for event in registry.events() {
            #expect(
                registry.calendarEvent(event).description.contains(
                    "Källa: Protokoll 2026-04-10, 10 april 2026"))
        }
        let real = Registry.familjenHelsingborg
        let deadline = try #require(real.events().first { $0.origin == .deadline(.scenario3) })
        #expect(
            real.calendarEvent(deadline).description.contains(
                "Källa: Kommundirektörmöte i Familjen Helsingborg, 10 april 2026, punkt 2"))
    }

    @Test(arguments: [
        ("Sekretariatet", Body.Kind.secretariat, "sekretariatet"),
        ("Arbetsgruppen för personalutbildning", .workingGroup, "arbetsgruppen för personalutbildning"),
        ("HR-cheferna", .network, "HR-cheferna"),
        ("Marknadsföreningen", .external, "Marknadsföreningen"),
        ("E.ON", .external, "E.ON"),
    ])
    func aBodyMidSentence(name: String, kind: Body.Kind, expected: String) {
        let body = Body(Body.ID("b"), name: name, kind: kind, lifecycle: .established, source: F.source)
        #expect(body.nameInSentence == expected)
    }

    @Test func aBodysFeedIsNamedAsItsPagesNameIt() throws {
        let feeds = Registry.familjenHelsingborg.standardFeeds()
        let secretariat = try #require(feeds.first { $0.path == "bodies/sekretariatet.ics" })
        #expect(secretariat.name == "Familjen Helsingborg: Sekretariatet")
        #expect(secretariat.description == "Möten samt sista dagar och startdatum för sekretariatet.")
        let network = try #require(feeds.first { $0.path == "bodies/energinatverket.ics" })
        #expect(network.name == "Familjen Helsingborg: Energinätverket (tolkning)")
        #expect(
            network.description == "Möten samt sista dagar och startdatum för energinätverket (tolkning).")
    }

    @Test func aStartDateReadsNaturally() throws {
        let real = Registry.familjenHelsingborg
        let start = try #require(
            real.events().first { $0.kind == .startDate && $0.person == .teodorIsaksson })
        let text = real.calendarEvent(start).description
        // The day before the post, so it cannot attach to the post's last noun; and not
        // "i sekretariatet", which the minutes do not say.
        #expect(text.hasPrefix("Teodor Isaksson börjar den 1 maj 2026 som samordnare för projektet"))
        #expect(!text.contains("i sekretariatet"))
    }

    @Test func inferredFactsAreMarkedAntaget() throws {
        let real = Registry.familjenHelsingborg
        let scenario3 = try #require(real.events().first { $0.origin == .deadline(.scenario3) })
        // The deadline is read from the scenario's description, not from the decision.
        #expect(real.calendarEvent(scenario3).description.contains("Sista dag: 30 april 2026 (tolkning)."))
        let proposal = try #require(real.events().first { $0.origin == .deadline(.energyNetworkProposal) })
        #expect(
            real.calendarEvent(proposal).description.contains(
                "Ansvariga: Britt Nymberg, Arbetsgruppen för effektfrågan (tolkning)"))
        // A start date in a body whose name is inferred.
        var registry = F.registryWithInferredFacts()
        registry.add(
            StaffAppointment(
                F.anna, in: Body.ID("natet"), title: "samordnare", starts: Day(2026, 6, 1), source: F.source))
        let start = try #require(
            registry.events().first { $0.kind == .startDate && $0.body == Body.ID("natet") })
        #expect(
            registry.calendarEvent(start).description.hasPrefix(
                "Anna Andersson börjar den 1 juni 2026 som samordnare."))
    }
}

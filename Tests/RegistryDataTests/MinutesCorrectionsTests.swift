import Registry
import RegistryData
import Testing

/// Each place where a second reading of the minutes of 10 April 2026 found the registry
/// saying more than they do, pinned: the data now says what the minutes say, or keeps the
/// registry's reading marked inferred with its reason. The minutes' line is quoted above
/// each test.
@Suite struct MinutesCorrectionsTests {
    let registry = Registry.familjenHelsingborg

    // Item 2: "övriga kommuner erbjuds att teckna option utan förpliktelser. Kan ansluta när
    // man önskar förutsatt att man tecknar fullmakt … senast den 30/4 2026"; "Att varje kommun
    // själv tar ställning till scenario/förslag 3".
    @Test func scenario3IsAnOfferEachMunicipalityTakesAPositionOn() throws {
        let decision = try #require(registry[Decision.ID.scenario3])
        #expect(decision.title == "Varje kommun tar ställning till scenario 3 (gemensam lärplattform)")
        #expect(
            decision.actors == [.everyMunicipality], "Helsingborg too; the HR managers are not responsible")
        let offer = try #require(registry[ActionRequest.ID.scenario3Fullmakt])
        #expect(offer.kind == .offer)
        #expect(
            !offer.asked.contains(.municipality(.helsingborg)), "Helsingborg procures, the others are offered"
        )
        #expect(registry.openActions(on: Day(2026, 12, 4)).allSatisfy { !$0.status.isOverdue })
    }

    // Item 3: "En eventuell samverkan inom Familjen inom energiområdet överlappar inte det
    // arbete som sker i Skånes effektkommission utan kommer komplettera det."
    @Test func theCollaborationOnEnergyIsPossibleAndWillComplementTheCommission() throws {
        let summary = try #require(registry[Meeting.ID.directors20260410]?.agenda[2].summary)
        #expect(summary.contains("En eventuell samverkan"))
        #expect(summary.contains("kommer att komplettera"))
        #expect(!summary.contains("ska komplettera"))
        let commission = try #require(registry[Body.ID.powerCommission]?.purpose)
        #expect(commission.contains("eventuell samverkan") && commission.contains("kommer att komplettera"))
    }

    // Item 3: "kommundirektörerna tar upp frågan kring ett eventuellt nytt nätverk den 22 maj".
    @Test func theNetworkIsPossibleNotDecided() throws {
        let decision = try #require(registry[Decision.ID.energyNetworkProposal])
        #expect(decision.title == "Förslag på syfte för ett eventuellt nytt nätverk inom energiområdet")
        #expect(try #require(registry[Body.ID.energyNetwork]?.purpose).contains("eventuellt"))
    }

    // Item 4: "Tf sekretariatschef berättar att …": no name.
    @Test func item4NamesThePostNotAPresenter() throws {
        let item = try #require(registry[Meeting.ID.directors20260410]?.agenda[3])
        #expect(item.presenters.isEmpty)
        #expect(item.summary?.hasPrefix("Tf sekretariatschefen berättade") == true)
    }

    // Item 5 is headed "Övriga frågor".
    @Test func item5KeepsItsHeading() throws {
        #expect(try #require(registry[Meeting.ID.directors20260410]?.agenda[4]).title == "Övriga frågor")
    }

    // Item 3: "uppdra till sekretariatschef att tillsammans med Helsingborgs stad inleda dialog".
    @Test func theDialogIsTheHeadOfTheSecretariatsWhichTheRegistryReadsAsTheSecretariat() throws {
        let decision = try #require(registry[Decision.ID.energyDialog2025])
        #expect(decision.actors.contains(.body(.secretariat)))
        #expect(decision.inferred.contains { $0.field == "actors" && $0.reason.contains("sekretariatschef") })
    }

    // Item 4, "Rapport från sekretariatet": "Teodor Isaksson ny samordnare …, börjar sin tjänst
    // 1 maj"; "Sofia Andersson Widen, ny administratör …, börjar sin tjänst 20 april". The
    // posts are reported under the secretariat's item; that they are in it is the registry's reading.
    @Test(arguments: [Person.ID.teodorIsaksson, .sofiaAnderssonWiden])
    func aNewPostInTheSecretariatIsTheRegistrysReading(person: Person.ID) throws {
        let appointment = try #require(registry.appointments.first { $0.person == person })
        #expect(appointment.body == .secretariat)
        #expect(appointment.isInferred("body"))
        let seat = try #require(registry.allSeats.first { $0.kind == .staff && $0.person.id == person })
        #expect(seat.role.inferred?.contains("Rapport från sekretariatet") == true)
    }

    // The minutes place none of these groups under the directors.
    @Test(arguments: [Body.ID.hrNetwork, .energyWorkingGroup, .energyNetwork])
    func aParentTheMinutesDoNotGiveIsMarked(id: Body.ID) throws {
        let body = try #require(registry[id])
        #expect(body.parent == .directors)
        #expect(body.isInferred("parent"))
    }

    // The minutes say "HR-cheferna"; the public address follows, and the old one redirects.
    @Test func theHRManagersAddressIsTheirNameAndTheOldOneIsKept() throws {
        let hr = try #require(registry[Body.ID.hrNetwork])
        #expect(hr.slug == "hr-cheferna")
        #expect(hr.formerSlugs == ["hr-chefsnatverket"])
    }
}

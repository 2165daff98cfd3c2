import Registry
import RegistryData
import Testing

/// The registry says what the minutes of 10 April 2026 say, and marks what it infers.
/// Each test quotes the minutes' wording (OCR text, `shared/seeds/`) it is pinned to.
@Suite struct SourceFidelityTests {
    let registry = Registry.familjenHelsingborg

    // "Att varje kommun själv tar ställning till scenario/förslag 3 (HR-cheferna är
    // välinformerade och kommer ta kontakt med respektive kommundirektör)"
    @Test func theScenario3DecisionIsWordedAsMinuted() throws {
        let decision = try #require(registry[Decision.ID.scenario3])
        #expect(
            decision.text
                == "Att varje kommun själv tar ställning till scenario/förslag 3 (HR-cheferna är "
                + "välinformerade och kommer ta kontakt med respektive kommundirektör).")
        #expect(decision.isInferred("deadline"))
    }

    // Scenario 3: "Helsingborg stad upphandlar LMS … och övriga kommuner erbjuds att teckna
    // option … förutsatt att man tecknar fullmakt om deltagande och företrädande senast den 30/4 2026."
    @Test func theFullmaktIsOfferedToTheTenOtherMunicipalitiesByThe30thOfApril() throws {
        let action = try #require(registry[ActionRequest.ID.scenario3Fullmakt])
        #expect(action.decision == .scenario3)
        #expect(action.by == Day(2026, 4, 30))
        #expect(action.kind == .offer)
        #expect(action.what.hasSuffix("genom att teckna fullmakt om deltagande och företrädande"))
        let asked = Set(action.asked)
        #expect(asked.count == 10)
        #expect(!asked.contains(.municipality(.helsingborg)))
        for municipality in registry.municipalities where municipality.id != .helsingborg {
            #expect(asked.contains(.municipality(municipality.id)), "\(municipality.name) is asked")
        }
        let summary = try #require(registry[Meeting.ID.directors20260410]?.agenda[1].summary)
        #expect(summary.contains("fullmakt om deltagande och företrädande senast 2026-04-30"))
    }

    // "Mötet beslutar att tf sekretariatschefen får uppdraget att föreslå detta för Marknadsföreningen"
    @Test func theMarketingFilmDecisionQuotesTheMinutes() throws {
        let film = try #require(registry[Decision.ID.marketingFilm])
        #expect(
            film.text == "Att tf sekretariatschefen får uppdraget att föreslå detta för Marknadsföreningen.")
        #expect(film.isInferred("actors"), "the minutes name the post, not the person")
    }

    // "Möjligen att man kan använda näringslivsföreträdare i filmen också."
    @Test func theFilmMayUseBusinessRepresentatives() throws {
        let item = try #require(registry[Meeting.ID.directors20260410]?.agenda.first { $0.number == 5 })
        #expect(item.summary?.contains("näringslivsföreträdare") == true)
        #expect(item.summary?.contains("landmärken som alla känner igen") == true)
    }

    // Scenario 4: "Gemensamt upphandlat system med lokala avtal med tillhörande arbetssätt för att
    // uppnå harmoniserade processer (likt HR-service center) med interkommunal samverkan för att
    // arbeta med gemensam förvaltningsorganisation"
    @Test func scenario4IsDescribed() throws {
        let summary = try #require(registry[Meeting.ID.directors20260410]?.agenda[1].summary)
        for words in [
            "gemensamt upphandlat system", "harmoniserade processer", "gemensam förvaltningsorganisation",
        ] {
            #expect(summary.contains(words))
        }
    }

    // "… i ett läge med ansträngd el- och effektförsörjning. Det begränsar och försvårar
    // näringslivets utveckling och samhällets omställning. Under punkten presenterades dels en
    // lägesbild dels exempel på hur andra samverkat för att möta denna utmaning"
    @Test func theJanuary2025ItemSaysWhatWasPresented() throws {
        let meeting = try #require(registry[Meeting.ID.directors202501])
        let summary = try #require(meeting.agenda.first?.summary)
        for words in [
            "ansträngd el- och effektförsörjning", "näringslivets utveckling och samhällets omställning",
            "hur andra samverkat",
        ] {
            #expect(summary.contains(words))
        }
        #expect(meeting.isInferred("agenda"), "the minutes say \"under punkten\", not its number or title")
        #expect(registry[Decision.ID.energyDialog2025]?.isInferred("item") == true)
    }

    // The minutes say "Arbetsgruppen", "en löst sammansatt grupp", "ett formellt nätverk",
    // "HR-cheferna": the registry's names for them are marked, or are the minutes' words.
    @Test(arguments: [Body.ID.staffTrainingGroup, .energyWorkingGroup, .energyNetwork])
    func namesTheMinutesDoNotGiveAreMarked(id: Body.ID) throws {
        let body = try #require(registry[id])
        #expect(body.isInferred("name"))
        #expect(body.displayName == body.name + " (tolkning)")
    }

    @Test func theHRManagersAreCalledWhatTheMinutesCallThem() throws {
        let hr = try #require(registry[Body.ID.hrNetwork])
        #expect(hr.name == "HR-cheferna")
        #expect(hr.isInferred("kind"))
    }

    // "Tf sekretariatschef berättar …" names no one; "Mikael Johansson, sekretariatet".
    @Test func mikaelJohanssonsPostsAreMarkedInferred() {
        let seats = registry.memberships.filter { $0.person == .mikaelJohansson }
        #expect(seats.count == 2)
        #expect(seats.allSatisfy { $0.isInferred("role") })
        #expect(
            seats.map(\.roleLabel).sorted() == ["sekreterare (tolkning)", "tf sekretariatschef (tolkning)"])
    }

    // "Föredragande: Anna Kronbert Helsingborg stad och Karl Lundberg Ängelholms kommun."
    // "Idag redovisade Britt Nymberg hur arbetet har gått"
    @Test(arguments: [Person.ID.annaKronbert, .karlLundberg, .brittNymberg])
    func presentersAreNotRecordedAsMembers(person: Person.ID) throws {
        let seat = try #require(registry.memberships.first { $0.person == person })
        #expect(seat.role == .presenter)
        #expect(seat.isInferred("body"))
    }

    // The attendance lists names and municipalities, no titles.
    @Test func directorsTitlesAreMarkedInferred() {
        let directors = registry.memberships.filter { $0.role == .director }
        #expect(directors.count == 11)
        #expect(directors.allSatisfy { $0.isInferred("role") && $0.roleLabel == "kommundirektör (tolkning)" })
    }

    // The minutes say only that the directors "tar upp frågan kring ett eventuellt nytt nätverk den 22 maj".
    @Test func theAgendaOf22MayIsMarkedInferred() throws {
        #expect(try #require(registry[Meeting.ID.directors20260522]).isInferred("agenda"))
    }

    // Nothing in the minutes says what the secretariat is for.
    @Test func theSecretariatHasNoInventedPurpose() throws {
        #expect(try #require(registry[Body.ID.secretariat]).purpose == nil)
    }

    // The heading reads "Kommundirektörmöte i Familjen Helsingborg".
    @Test func theDocumentIsTitledByItsHeading() throws {
        #expect(
            try #require(registry[Document.ID.minutes20260410]).title
                == "Kommundirektörmöte i Familjen Helsingborg")
    }

    // "Föredragande: Anna Kronbert": kept as spelt, with a note that it may be an OCR slip.
    @Test func aPossibleOCRSlipIsKeptAsSpelt() throws {
        #expect(try #require(registry[Person.ID.annaKronbert]).name == "Anna Kronbert")
    }

    // Every mark carries a reason; the validator counts them.
    @Test func theInferredFactsAreCounted() {
        #expect(registry.inferredCount == 31)
        #expect(registry.inferredFacts.allSatisfy { !$0.mark.reason.isEmpty })
        #expect(registry.validationSummary(of: []).hasSuffix("; 31 facts marked inferred."))
    }

    // The minutes report no notice yet: none is invented, and since scenario 3 is an offer
    // ("erbjuds … utan förpliktelser"), nobody is overdue, before or after 30 April.
    @Test func noNoticeIsRecordedAndNobodyIsOverdue() {
        #expect(registry.actionResponses.isEmpty)
        let open = registry.openActions(on: Day(2026, 12, 4))
        #expect(open.count == 10)
        #expect(open.allSatisfy { $0.status == .noNotice(by: Day(2026, 4, 30)) })
        let warnings = registry.validate(on: Day(2026, 12, 4)).filter { $0.rule == "overdue-actions" }
        #expect(warnings.isEmpty)
    }
}

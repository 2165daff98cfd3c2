import Registry
import RegistryData
import Testing

/// Every fact of the minutes of 10 April 2026 is in `Data/`, and right.
@Suite struct MinutesFactsTests {
    let registry = Registry.familjenHelsingborg

    @Test func theElevenMemberMunicipalitiesAreThereSpeltInFull() {
        let names = Set(registry.municipalities.map(\.name))
        #expect(
            names == [
                "Helsingborg", "Höganäs", "Ängelholm", "Båstad", "Örkelljunga", "Klippan", "Åstorp", "Bjuv",
                "Svalöv", "Landskrona", "Perstorp",
            ])
        #expect(registry.municipalities.count == 11)
    }

    @Test(arguments: [
        ("Ängelholm", "angelholm"), ("Åstorp", "astorp"), ("Örkelljunga", "orkelljunga"),
        ("Höganäs", "hoganas"),
        ("Båstad", "bastad"), ("Svalöv", "svalov"),
    ])
    func slugsAreLowerCaseASCII(name: String, slug: String) throws {
        let municipality = try #require(registry.municipalities.first { $0.name == name })
        #expect(municipality.slug == slug)
    }

    static let directors: [(String, String)] = [
        ("Carina Leffler", "Helsingborg"), ("Herman Crespín", "Höganäs"), ("Elin Ask", "Ängelholm"),
        ("Jonas Jönsson", "Båstad"), ("Ardiana Demjaha", "Örkelljunga"), ("Tomas Rikse", "Klippan"),
        ("Christer Pålsson", "Åstorp"), ("Agneta Fristedt", "Bjuv"), ("Åsa Simonsson", "Svalöv"),
        ("Pernilla Anderberg", "Landskrona"), ("Marie Appelqvist", "Perstorp"),
    ]

    @Test(arguments: directors)
    func eachMunicipalityHasItsDirectorOnTheMeetingDay(person: String, municipality: String) throws {
        let day = Day(2026, 4, 10)
        let seats = registry.memberships.filter {
            $0.role == .director && $0.isInForce(on: day) && registry[$0.municipality!]?.name == municipality
        }
        #expect(seats.count == 1)
        #expect(seats.first.flatMap { registry[$0.person]?.name } == person)
    }

    static let attendance: [(String, Attendance.Mode)] = [
        ("Jonas Jönsson", .present), ("Pernilla Anderberg", .present), ("Tomas Rikse", .remote),
        ("Ardiana Demjaha", .remote), ("Mikael Johansson", .present), ("Elin Ask", .present),
        ("Agneta Fristedt", .remote), ("Åsa Simonsson", .remote), ("Marie Appelqvist", .absent),
        ("Christer Pålsson", .absent), ("Herman Crespín", .absent), ("Carina Leffler", .absent),
    ]

    @Test(arguments: attendance)
    func attendanceOfTheTenthOfAprilIsAsMinuted(person: String, mode: Attendance.Mode) throws {
        let meeting = try #require(registry[Meeting.ID.directors20260410])
        let entry = try #require(meeting.attendance.first { registry[$0.person]?.name == person })
        #expect(entry.mode == mode)
        #expect(meeting.attendance.count == Self.attendance.count)
    }

    @Test func theMeetingWasAtMindparkFromHalfPastEightWithTeams() throws {
        let meeting = try #require(registry[Meeting.ID.directors20260410])
        #expect(meeting.time == .timed(Day(2026, 4, 10), from: LocalTime(8, 30), to: LocalTime(10, 30)))
        #expect(meeting.place == "Mindpark, Helsingborg")
        #expect(meeting.remote == "Teams")
        #expect(meeting.agenda.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(meeting.agenda[1].presenters == [.annaKronbert, .karlLundberg])
        #expect(meeting.agenda[2].presenters == [.brittNymberg])
        #expect(meeting.agenda[4].title == "Övriga frågor")
        #expect(meeting.agenda[4].summary?.contains("Marknadsföreningen vill göra en film") == true)
    }

    @Test func thePresentersComeFromHelsingborgAndAngelholm() {
        let seats = registry.memberships.filter { $0.body == .staffTrainingGroup }
        #expect(Set(seats.map(\.person)) == [.annaKronbert, .karlLundberg])
        #expect(seats.first { $0.person == .annaKronbert }?.municipality == .helsingborg)
        #expect(seats.first { $0.person == .karlLundberg }?.municipality == .angelholm)
    }

    @Test func theSecretariatIsLedByAnActingHead() throws {
        let head = try #require(
            registry.memberships.first { $0.body == .secretariat && $0.role == .secretariatHead })
        #expect(head.person == .mikaelJohansson)
        #expect(head.acting)
        #expect(registry[Person.ID.mikaelJohansson]?.email == "mikael.johansson4@helsingborg.se")
    }

    @Test(arguments: [
        ("Teodor Isaksson", Day(2026, 5, 1), "samordnare"),
        ("Sofia Andersson Widen", Day(2026, 4, 20), "administratör"),
    ])
    func theTwoNewStaffStartOnTheirDays(person: String, starts: Day, title: String) throws {
        let appointment = try #require(registry.appointments.first { registry[$0.person]?.name == person })
        #expect(appointment.starts == starts)
        #expect(appointment.body == .secretariat)
        #expect(appointment.title.hasPrefix(title))
    }

    @Test func theWorkingGroupsScenarioDecisionsAreRecorded() throws {
        let scenario2 = try #require(registry[Decision.ID.scenario2])
        #expect(scenario2.actors == [.body(.staffTrainingGroup)])
        #expect(scenario2.deadline == nil)
        let scenario3 = try #require(registry[Decision.ID.scenario3])
        #expect(scenario3.deadline == Day(2026, 4, 30))
        #expect(scenario3.actors == [.everyMunicipality], "\"varje kommun själv tar ställning\"")
        #expect(!scenario3.text.contains("fullmakt"), "the fullmakt sentence belongs to the scenario")
        let scenario4 = try #require(registry[Decision.ID.scenario4])
        #expect(scenario4.text.contains("längre fram"))
        let summary = try #require(registry[Meeting.ID.directors20260410]?.agenda[1].summary)
        for number in 1...4 { #expect(summary.contains("\(number):"), "scenario \(number) is described") }
    }

    @Test func theEnergyQuestionHasItsHistoryProposalAndNextMeeting() throws {
        let network = try #require(registry[Body.ID.energyNetwork])
        #expect(network.kind == .network)
        #expect(network.lifecycle.stage(on: Day(2026, 4, 10)) == .proposed)
        #expect(network.lifecycle.stage(on: Day(2026, 4, 9)) == nil)
        let next = try #require(registry[Meeting.ID.directors20260522])
        #expect(next.time == .day(Day(2026, 5, 22)))
        let proposal = try #require(registry[Decision.ID.energyNetworkProposal])
        #expect(proposal.deadline == Day(2026, 5, 22))
        #expect(proposal.actors.contains(.person(.brittNymberg)))
        let history = try #require(registry[Meeting.ID.directors202501])
        #expect(history.time == .month(year: 2025, month: 1))
        let dialog = try #require(registry[Decision.ID.energyDialog2025])
        #expect(dialog.actors.contains(.municipality(.helsingborg)))
    }

    @Test func theMarketingFilmIsHandedToTheActingHead() throws {
        let film = try #require(registry[Decision.ID.marketingFilm])
        #expect(film.actors == [.person(.mikaelJohansson)])
        #expect(film.text.contains("Marknadsföreningen"))
    }

    @Test(arguments: ["E.ON", "Öresundskraft", "Skånes effektkommission", "Marknadsföreningen"])
    func theExternalOrganisationsAreNamed(name: String) {
        #expect(registry.bodies.contains { $0.name == name && $0.kind == .external })
    }

    @Test func everyRecordCitesTheMinutes() {
        let sources =
            registry.municipalities.map(\.source) + registry.people.map(\.source)
            + registry.bodies.map(\.source)
            + registry.memberships.map(\.source) + registry.appointments.map(\.source)
            + registry.meetings.map(\.source)
            + registry.decisions.map(\.source)
        #expect(sources.allSatisfy { registry[$0.document] != nil })
    }

    @Test func recordsRememberTheirFileAndLine() throws {
        let bjuv = try #require(registry[Municipality.ID.bjuv])
        #expect(bjuv.location.path == "Data/Municipalities.swift")
        #expect(bjuv.location.line > 1)
    }
}

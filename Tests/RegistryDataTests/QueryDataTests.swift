import Registry
import RegistryData
import Testing

/// The queries against the real data of the 2026-04-10 minutes.
@Suite("Queries over the Familjen Helsingborg registry")
struct QueryDataTests {
    let registry = Registry.familjenHelsingborg
    let meetingDay = Day(2026, 4, 10)

    @Test("Bjuv is represented by Agneta Fristedt on 2026-04-10")
    func bjuv() throws {
        let bjuv = try registry.municipality(named: "Bjuv")
        let result = registry.representation(of: bjuv.id, on: meetingDay)
        #expect(result.director.holders.map(\.person.name) == ["Agneta Fristedt"])
        #expect(result.director.holders.first?.acting == false)
    }

    @Test(
        "the OCR text's 'Åstor' resolves to Åstorp and its director Christer Pålsson",
        arguments: ["Åstor", "astor", "ÅSTOR"])
    func astor(query: String) throws {
        let municipality = try registry.municipality(named: query)
        #expect(municipality.name == "Åstorp")
        let result = registry.representation(of: municipality.id, on: meetingDay)
        #expect(result.director.holders.map(\.person.name) == ["Christer Pålsson"])
    }

    @Test(
        "'Helsingborg stad', as the minutes write it, resolves to Helsingborg",
        arguments: ["helsingborg stad", "Helsingborg stad", "HELSINGBORGS STAD"])
    func helsingborgStad(query: String) throws {
        let municipality = try registry.municipality(named: query)
        #expect(municipality.name == "Helsingborg")
        #expect(
            registry.representation(of: municipality.id, on: meetingDay).director.holders.first?.person.name
                == "Carina Leffler")
    }

    @Test("every municipality answers to its name in any case, folded, and by slug")
    func everyMunicipalityResolves() throws {
        for municipality in registry.municipalities {
            for query in [
                municipality.name, municipality.name.uppercased(), Text.fold(municipality.name),
                municipality.slug, municipality.officialName,
            ] {
                #expect(try registry.municipality(named: query).id == municipality.id, "\(query)")
            }
        }
    }

    @Test("every one of the eleven municipalities has exactly one director on the meeting day")
    func elevenDirectors() {
        #expect(registry.municipalities.count == 11)
        for municipality in registry.municipalities {
            let result = registry.representation(of: municipality.id, on: meetingDay)
            #expect(result.director.holders.count == 1, "\(municipality.name)")
        }
    }

    @Test("the attendance list's people are the directors who represent those municipalities")
    func attendanceMatchesDirectors() throws {
        let report = registry.attendanceReport(meetings: [try registry.meeting(named: "2026-04-10").id])
        let attendees = try #require(report.meetings.first?.attendees)
        for attendee in attendees {
            guard let municipality = attendee.municipality else { continue }
            let director = registry.representation(of: municipality.id, on: meetingDay).director.holders.first
            #expect(director?.person == attendee.person)
        }
        let bjuv = try #require(report.municipalities.first { $0.municipality.name == "Bjuv" })
        #expect((bjuv.attended, bjuv.remote) == (1, 1))
        let perstorp = try #require(report.municipalities.first { $0.municipality.name == "Perstorp" })
        #expect((perstorp.attended, perstorp.absent) == (0, 1))
    }

    @Test(
        "people are found by part of their name, with or without diacritics",
        arguments: [
            ("crespin", "Herman Crespín"), ("Jonsson", "Jonas Jönsson"), ("åsa", "Åsa Simonsson"),
            ("fristedt agneta", "Agneta Fristedt"),
        ])
    func people(query: String, name: String) throws {
        #expect(try registry.person(named: query).name == name)
    }

    @Test("'Ander' is ambiguous between Pernilla Anderberg and Sofia Andersson Widen")
    func ambiguous() {
        let error = #expect(throws: QueryError.self) { try registry.person(named: "Ander") }
        #expect(error?.reason == .ambiguous)
        #expect(Set(error?.candidates ?? []) == ["Pernilla Anderberg", "Sofia Andersson Widen"])
    }

    @Test("Mikael Johansson is the acting head of the secretariat and the directors' secretary")
    func mikael() throws {
        let result = registry.representation(
            ofPerson: try registry.person(named: "Mikael").id, on: meetingDay)
        let head = try #require(result.current.first { $0.body.name == "Sekretariatet" })
        #expect(head.acting)
        #expect(result.current.contains { $0.body.name == "Kommundirektörerna" && !$0.acting })
    }

    @Test("the energy network is proposed from the meeting day and not before")
    func energyNetwork() throws {
        let network = try registry.body(named: "energinatverket")
        #expect(registry.bodyDetail(network.id, on: meetingDay).status.stage == .proposed)
        #expect(registry.bodyDetail(network.id, on: meetingDay.adding(days: -1)).status.stage == nil)
    }

    @Test("new secretariat staff are listed from their start day")
    func secretariatStaff() throws {
        let secretariat = try registry.body(named: "Sekretariatet")
        for appointment in registry.appointments {
            let before = registry.bodyDetail(secretariat.id, on: appointment.starts.adding(days: -1))
            let on = registry.bodyDetail(secretariat.id, on: appointment.starts)
            #expect(!before.staff.contains { $0.person.id == appointment.person })
            #expect(on.staff.contains { $0.person.id == appointment.person })
        }
    }

    @Test("the next 30 days from the meeting cover its meeting, both start dates and the 30 April deadline")
    func upcoming() {
        let report = registry.upcoming(from: meetingDay, days: 30)
        #expect(report.events.map(\.date) == report.events.map(\.date).sorted())
        #expect(report.events.filter { $0.kind == .startDate }.count == registry.appointments.count)
        #expect(report.events.contains { $0.kind == .deadline && $0.date == Day(2026, 4, 30) })
        #expect(report.events.first?.kind == .meeting)
        #expect(!report.events.contains { $0.date > Day(2026, 5, 10) })
    }
}

import ExportFiles
import Foundation
import Registry
import Testing

@testable import RegistryFixtures
@testable import samverkan

// The query results as the command line prints them: text reports and JSON.

@Suite struct RepresentationOutputTests {
    let registry = Fixture.registry

    @Test(
        "between two terms the director's seat is vacant, and the text says so",
        arguments: [Day(2026, 7, 1), Day(2026, 7, 31)])
    func vacancy(day: Day) {
        let result = registry.representation(of: Fixture.bjuv, on: day)
        #expect(result.director.vacant)
        #expect(result.director.holders.isEmpty)
        #expect(result.text.contains("Director: vacant"))
        #expect(JSONOutput.string(result).contains("\"vacant\" : true"))
    }

    @Test("a municipality that never had a director is vacant but still shows its other seats")
    func vacantButRepresented() throws {
        let before = registry.representation(of: Fixture.astorp, on: Day(2026, 8, 31))
        #expect(before.director.vacant)
        #expect(before.representatives.isEmpty)
        #expect(before.text.contains("No one represents Åstorp"))

        let after = registry.representation(of: Fixture.astorp, on: Day(2026, 9, 1))
        #expect(after.director.vacant)
        let seat = try #require(after.representatives.first)
        #expect(seat.person.id == Fixture.kim)
        #expect(seat.body.id == Fixture.network)
        #expect(after.text.contains("Kim Nyberg"))
    }

    @Test("two people sharing a role are both the director, in name order")
    func sharedRole() {
        let result = registry.representation(of: Fixture.angelholm, on: Day(2026, 4, 1))
        #expect(result.director.holders.map(\.person.id) == [Fixture.annaA, Fixture.kim])
        #expect(result.director.holders.allSatisfy { $0.shared })
        #expect(result.text.contains("Director: Anna Andersson (kommundirektör, shared) and Kim Nyberg"))
    }

    @Test("the acting director is marked acting in text and JSON")
    func actingRole() throws {
        let result = registry.representation(of: Fixture.bjuv, on: Day(2026, 6, 15))
        #expect(result.text.contains("Director: Anders Berg (kommundirektör, acting)\n"))
        #expect(result.text.contains("kommundirektör (acting)  2026-06-01  2026-06-30"))
        let decoded = try JSONDecoder().decode(
            MunicipalityRepresentation.self, from: Data(JSONOutput.string(result).utf8))
        #expect(decoded == result)
        #expect(decoded.director.holders.first?.acting == true)
    }

    @Test("a person's seats are current, upcoming or past relative to the day")
    func personTimeline() throws {
        let before = registry.representation(ofPerson: Fixture.anders, on: Day(2026, 5, 31))
        #expect(before.current.isEmpty)
        #expect(before.upcoming.map(\.from) == [Day(2026, 6, 1)])
        #expect(before.past.isEmpty)
        #expect(before.text.contains("No seat in any body on 2026-05-31."))

        let during = registry.representation(ofPerson: Fixture.anders, on: Day(2026, 6, 1))
        #expect(during.current.count == 1)

        let after = registry.representation(ofPerson: Fixture.anders, on: Day(2026, 7, 1))
        #expect(after.current.isEmpty)
        #expect(after.past.map(\.to) == [Day(2026, 7, 1)])
        #expect(after.text.contains("Past"))
    }

    @Test(
        "a body's status follows its lifecycle: not yet proposed, proposed, active, closed",
        arguments: [
            (Day(2026, 4, 30), nil, nil, "not yet proposed"),
            (Day(2026, 5, 1), Lifecycle.Stage.proposed, Day(2026, 5, 1), "proposed"),
            (Day(2026, 8, 31), .proposed, Day(2026, 5, 1), "proposed"),
            (Day(2026, 9, 1), .active, Day(2026, 9, 1), "active"),
            (Day(2027, 1, 1), .closed, Day(2027, 1, 1), "closed"),
        ])
    func bodyStatus(day: Day, stage: Lifecycle.Stage?, since: Day?, label: String) throws {
        let list = registry.bodyList(on: day)
        let network = try #require(list.bodies.first { $0.body.id == Fixture.network })
        #expect(network.status == BodyStatus(stage: stage, since: since))
        let line = try #require(
            list.text.split(separator: "\n").first { $0.hasPrefix(Fixture.network.rawValue) })
        #expect(line.contains(label), "\(line)")
        #expect(registry.bodyDetail(Fixture.network, on: day).status == network.status)
    }

    @Test("a body lists its members and its staff in force on the day")
    func bodyMembersAndStaff() {
        let april = registry.bodyDetail(Fixture.secretariat, on: Day(2026, 4, 30))
        #expect(april.members.map(\.person.id) == [Fixture.annaL])
        #expect(april.staff.isEmpty)
        #expect(april.text.contains("Staff: none on 2026-04-30"))

        let may = registry.bodyDetail(Fixture.secretariat, on: Day(2026, 5, 1))
        #expect(may.staff.map(\.person.id) == [Fixture.annaL])
        #expect(may.text.contains("samordnare"))

        let counts = registry.bodyList(on: Day(2026, 9, 1)).bodies.first { $0.body.id == Fixture.network }
        #expect(counts?.members == 1)
        #expect(counts?.staff == 1)
    }

    @Test("JSON writes absent values as null, so every object has the same keys")
    func explicitNulls() throws {
        let json = JSONOutput.string(registry.representation(of: Fixture.bjuv, on: Day(2026, 4, 1)))
        #expect(json.hasSuffix("}\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["date", "municipality", "director", "representatives"])
        let seat = try #require((object["representatives"] as? [[String: Any]])?.first)
        #expect(
            Set(seat.keys) == [
                "kind", "person", "body", "role", "municipality", "acting", "shared", "from", "to",
            ])
        #expect(seat["from"] is NSNull)
        #expect(seat["to"] as? String == "2026-06-01")
    }

    @Test(
        "every text report fits an 80-column terminal",
        arguments: [Day(2026, 4, 1), Day(2026, 6, 15), Day(2026, 9, 1)])
    func textWidth(day: Day) {
        var texts = registry.municipalities.map { registry.representation(of: $0.id, on: day).text }
        texts += registry.people.map { registry.representation(ofPerson: $0.id, on: day).text }
        texts += registry.bodies.map { registry.bodyDetail($0.id, on: day).text }
        texts.append(registry.bodyList(on: day).text)
        texts.append(registry.upcoming(from: day, days: 365).text)
        texts.append(registry.attendanceReport().text)
        for text in texts {
            #expect(Fixture.widest(text) <= 80, "\(text)")
            #expect(text.hasSuffix("\n"))
        }
    }
}

@Suite struct UpcomingOutputTests {
    let registry = Fixture.registry

    @Test("meetings known only by month are left out; a cancelled meeting is kept and marked")
    func monthOnlyAndCancelled() throws {
        let report = registry.upcoming(from: Day(2025, 1, 1), days: 800)
        #expect(!report.events.contains { $0.id == Fixture.history.rawValue })
        let cancelled = try #require(report.events.first { $0.id == Fixture.cancelled.rawValue })
        #expect(cancelled.status == .cancelled)
        #expect(report.text.contains("CANCELLED: Extramöte"))
    }

    @Test("times are shown as Europe/Stockholm wall-clock times")
    func times() throws {
        let report = registry.upcoming(from: Day(2026, 3, 20), days: 0)
        let meeting = try #require(report.events.first)
        #expect(meeting.start == LocalTime(8, 30))
        #expect(report.text.contains("08.30–10.00"), "a period, never a colon")
        #expect(report.text.contains("times in Europe/Stockholm"))
        #expect(registry.upcoming(from: Day(2020, 1, 1), days: 1).text.contains("Nothing on these days."))
    }
}

@Suite struct AttendanceOutputTests {
    let registry = Fixture.registry

    @Test("a municipality attended when anyone came for it; absent only when everyone listed was")
    func perMunicipality() throws {
        let report = registry.attendanceReport()
        #expect(report.meetings.map(\.meeting.id) == [Fixture.spring, Fixture.summer])
        func row(_ id: Municipality.ID) throws -> MunicipalityAttendance {
            try #require(report.municipalities.first { $0.municipality.id == id })
        }
        // Ängelholm: Kim in person while Anna was absent, then Anna remotely.
        let angelholm = try row(Fixture.angelholm)
        #expect((angelholm.attended, angelholm.present, angelholm.remote, angelholm.absent) == (2, 1, 1, 0))
        let helsingborg = try row(Fixture.helsingborg)
        #expect((helsingborg.attended, helsingborg.absent) == (1, 1))
        let astorp = try row(Fixture.astorp)
        #expect((astorp.meetings, astorp.attended, astorp.notRecorded) == (2, 0, 2))
        #expect(report.text.contains("2 of 2"))
    }

}

import Foundation
import Registry
import Testing

@Suite("Who represents whom, on any day")
struct RepresentationTests {
    let registry = Fixture.registry

    @Test(
        "a director's term runs from its start day, inclusive, to its end day, exclusive",
        arguments: [
            (Day(2025, 1, 1), Fixture.karin, false), (Day(2026, 5, 31), Fixture.karin, false),
            (Day(2026, 6, 1), Fixture.anders, true), (Day(2026, 6, 30), Fixture.anders, true),
            (Day(2026, 8, 1), Fixture.orjan, false), (Day(2030, 1, 1), Fixture.orjan, false),
        ])
    func directorOnBoundaryDays(day: Day, expected: Person.ID, acting: Bool) throws {
        let result = registry.representation(of: Fixture.bjuv, on: day)
        let holder = try #require(result.director.holders.first)
        #expect(result.director.holders.count == 1)
        #expect(result.director.vacant == false)
        #expect(holder.person.id == expected)
        #expect(holder.acting == acting)
        #expect(result.representatives.first == holder)
    }

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

    @Test("staff appointments count among a person's seats, from their start day")
    func staffSeats() throws {
        let before = registry.representation(ofPerson: Fixture.annaL, on: Day(2026, 4, 30))
        #expect(before.current.map(\.kind) == [.membership])
        #expect(before.upcoming.map(\.kind) == [.staff])
        let on = registry.representation(ofPerson: Fixture.annaL, on: Day(2026, 5, 1))
        let staff = try #require(on.current.first { $0.kind == .staff })
        #expect(staff.role.title == "samordnare")
        #expect(staff.role.key == RoleRef.staffKey)
    }

    @Test(
        "a body's status follows its lifecycle: not yet proposed, proposed, active, closed",
        arguments: [
            (Day(2026, 4, 30), nil, nil), (Day(2026, 5, 1), Lifecycle.Stage.proposed, Day(2026, 5, 1)),
            (Day(2026, 8, 31), .proposed, Day(2026, 5, 1)), (Day(2026, 9, 1), .active, Day(2026, 9, 1)),
            (Day(2027, 1, 1), .closed, Day(2027, 1, 1)),
        ])
    func bodyStatus(day: Day, stage: Lifecycle.Stage?, since: Day?) throws {
        let list = registry.bodyList(on: day)
        let network = try #require(list.bodies.first { $0.body.id == Fixture.network })
        #expect(network.status == BodyStatus(stage: stage, since: since))
        #expect(list.text.contains(stage?.rawValue ?? "not yet proposed"))
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

    @Test("the directors' group lists members by municipality in the registry's order")
    func memberOrder() {
        let detail = registry.bodyDetail(Fixture.directors, on: Day(2026, 4, 1))
        #expect(
            detail.members.compactMap(\.municipality?.id) == [
                Fixture.helsingborg, Fixture.angelholm, Fixture.angelholm, Fixture.bjuv,
            ])
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

import Foundation
import Registry
import Testing

@testable import RegistryFixtures

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

    @Test("the directors' group lists members by municipality in the registry's order")
    func memberOrder() {
        let detail = registry.bodyDetail(Fixture.directors, on: Day(2026, 4, 1))
        #expect(
            detail.members.compactMap(\.municipality?.id) == [
                Fixture.helsingborg, Fixture.angelholm, Fixture.angelholm, Fixture.bjuv,
            ])
    }

}

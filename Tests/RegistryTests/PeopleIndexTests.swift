import Registry
import Testing

@testable import RegistryFixtures

/// Who gets which events in their personal feed: the meetings of their bodies while they
/// sit there, the deadlines asked of them, their bodies or the municipality they
/// represent, and the start dates in their bodies; nobody whose schedule is withheld.
@Suite struct PeopleIndexTests {
    typealias P = PersonalFeedFixture

    static let expected: [(person: Person.ID, events: Set<String>)] = [
        // Joins the network for Alfa on 1 June: its August meeting, and the deadline asked of Alfa.
        (P.jonna, [P.networkAugust.rawValue, P.budget.rawValue]),
        // Leaves the network on 1 June: its April meeting and the start date of May, nothing after.
        (P.lars, [P.networkApril.rawValue, P.saraStarts.rawValue]),
        // Left the directors on 1 February: the January meeting only.
        (P.lisa, [P.directorsJanuary.rawValue]),
        // A director for Alfa from 1 February, and (here) in the network for Beta from 1 June.
        (
            P.tove,
            [
                P.directorsMarch.rawValue, P.directorsSeptember.rawValue, P.networkAugust.rawValue,
                P.budget.rawValue,
            ]
        ),
        // Staff from 1 May: her own start date and the network's meetings after it.
        (P.sara, [P.saraStarts.rawValue, P.networkAugust.rawValue]),
        // Withheld: in no event's list.
        (P.hugo, []),
    ]

    @Test(arguments: expected.map(\.person))
    func eachPersonGetsTheEventsOfTheirSeatsWhileTheyHoldThem(person: Person.ID) throws {
        let want = try #require(Self.expected.first { $0.person == person }).events
        let events = P.registry(toveAlsoForBeta: true).events()
        #expect(events.count == 7)
        let got = Set(events.filter { $0.people.contains(person) }.map(\.id))
        #expect(got == want, "\(person)")
    }

    @Test func someoneWhoHasLeftKeepsNothingAfterTheirLastDay() {
        let events = P.registry().events().filter { $0.people.contains(P.lars) }
        #expect(!events.isEmpty)
        #expect(events.allSatisfy { $0.day < Day(2026, 6, 1) })
    }

    @Test func aWithheldScheduleLeavesThePersonOutButNotTheirBody() {
        let events = P.registry().events()
        let directorsMeetings = events.filter { $0.body == P.directors && $0.kind == .meeting }
        #expect(directorsMeetings.count == 3)
        #expect(directorsMeetings.allSatisfy { $0.municipalities.contains(P.beta) }, "Hugo still seats Beta")
        #expect(events.allSatisfy { !$0.people.contains(P.hugo) })
    }
}

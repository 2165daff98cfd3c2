import CalendarFeeds
import ICalendar
import Registry
import Testing

/// A body that starts or closes on a known day is an all-day event among the start
/// dates, in its own feed and in the feeds of the municipalities with a seat in it.
struct BodyStageEventsTests {
    static let minutes = Document.ID("minutes")
    static let klippan = Municipality.ID("klippan")
    static let bjuv = Municipality.ID("bjuv")
    static let network = Body.ID("energinatverket")
    static let bo = Person.ID("bo")

    static var registry: Registry {
        var registry = Registry()
        let source = Source(minutes, item: "2")
        registry.add(Document(minutes, title: "Protokoll", date: Day(2026, 5, 22)))
        registry.add(Municipality(klippan, name: "Klippan", officialName: "Klippans kommun", source: source))
        registry.add(Municipality(bjuv, name: "Bjuv", officialName: "Bjuvs kommun", source: source))
        registry.add(Person(bo, name: "Bo Ek", source: source))
        registry.add(
            Body(
                network, name: "Energinätverket", kind: .network,
                lifecycle: Lifecycle(
                    proposed: .on(Day(2026, 4, 10)), active: .on(Day(2026, 9, 1)),
                    closed: .on(Day(2027, 6, 30))),
                source: source))
        registry.add(
            Membership(bo, in: network, as: .member, for: klippan, from: Day(2026, 9, 1), source: source))
        return registry
    }

    @Test func theStartAndTheEndAreEventsOfTheBodyAndItsMembersMunicipalities() {
        let events = Self.registry.events().filter { if case .bodyStage = $0.origin { true } else { false } }
        #expect(events.map(\.day) == [Day(2026, 9, 1), Day(2027, 6, 30)])
        #expect(events.allSatisfy { $0.kind == .startDate && $0.bodies == [Self.network] })
        #expect(events.allSatisfy { $0.municipalities == [Self.klippan] })
        #expect(events.map(\.id) == ["energinatverket.active", "energinatverket.closed"])
    }

    @Test func theyReadStartarAndAvslutas() {
        let registry = Self.registry
        let shown = registry.events().filter { if case .bodyStage = $0.origin { true } else { false } }.map {
            registry.calendarEvent($0)
        }
        #expect(shown.map(\.summary) == ["Startar: Energinätverket", "Avslutas: Energinätverket"])
        #expect(shown.first?.description.hasPrefix("Energinätverket startar den 1 september 2026.") == true)
        #expect(Set(shown.map(\.uid)).count == 2)
    }

    @Test func aProposalAloneIsNoEvent() {
        var registry = Registry()
        registry.add(
            Body(
                Self.network, name: "Energinätverket", kind: .network,
                lifecycle: Lifecycle(proposed: .on(Day(2026, 4, 10))), source: Source(Self.minutes)))
        #expect(registry.events().isEmpty)
    }
}

import CalendarFeeds
import ICalendar
import Registry
import RegistryData
import SyntheticRegistry
import Testing

@testable import ExportFiles
@testable import RegistryFixtures

/// Every value the ledgers write is formatted in one place and parsed back in one place:
/// each must read back as itself, over every record of the real registry and of a
/// synthetic one, and malformed text must not read as anything.
@Suite struct LedgerKeyTests {
    static let registries: [(name: String, registry: Registry)] = [
        ("real", .familjenHelsingborg), ("synthetic", SyntheticRegistry.make(events: 400, seed: 7)),
        ("answered", ActionFixture.registry(alfaAnswers: .askedForMoreTime(until: Day(2026, 5, 15)))),
    ]

    @Test(arguments: registries.map(\.name))
    func everyEventsUIDAndLedgerKeysReadBackAsThemselves(name: String) throws {
        let registry = try #require(Self.registries.first { $0.name == name }).registry
        let events = registry.events()
        #expect(!events.isEmpty)
        for event in events {
            let uid = EventUID(event)
            #expect(EventUID(uid.description) == uid)
            #expect(uid.description == registry.uid(event))
            for municipality in [nil] + registry.municipalities.map(\.slug) {
                let key = LedgerKey(uid: uid, municipality: municipality)
                #expect(LedgerKey(key.description) == key)
                #expect(LedgerKey(uid: uid.description, municipality: municipality) == key)
                #expect(key.eventUID == uid && key.municipality == municipality)
                #expect(key.shared == LedgerKey(uid: uid))
            }
            for person in registry.personalFeedHolders {
                let key = LedgerKey(uid: uid, person: person.id.rawValue)
                #expect(LedgerKey(key.description) == key)
                #expect(LedgerKey(uid: uid.description, person: person.id.rawValue) == key)
                #expect(key.eventUID == uid && key.person == person.id.rawValue)
            }
        }
    }

    @Test(arguments: registries.map(\.name))
    func everyEventsStateReadsBackFromItsLedgerLine(name: String) throws {
        let registry = try #require(Self.registries.first { $0.name == name }).registry
        let plan = ExportPlan(registry: registry, encoder: try ICalendarEncoder())
        #expect(!plan.events.isEmpty)
        var answers = 0
        for event in plan.events {
            let state = WordedEvent(event, plan: plan, previous: EventLedger()).state
            let line = (["uid@example", "0", "f", "2026-03-01T08:30:05Z", ""] + state.columns)
                .joined(separator: "\t")
            let read = Array(line.utf8).withUnsafeBufferPointer { buffer in
                var reader = EventLedgerLine()
                return reader.entry(buffer)
            }
            #expect(read?.1.state == state, "\(event.id)")
            answers += state.answers.count
        }
        if name == "answered" { #expect(answers == 1, "the fixture's answer is part of the state") }
    }

    @Test(arguments: registries.map(\.name))
    func everySeatReadsBackFromTheSeatLedger(name: String) throws {
        let registry = try #require(Self.registries.first { $0.name == name }).registry
        let ledger = SeatLedger(seats: registry.seatStates())
        #expect(!ledger.seats.isEmpty)
        #expect(try SeatLedger(tsv: ledger.tsv) == ledger)
    }

    @Test(arguments: [
        (
            "2026-05-22T09:00-11:00",
            Event.Timing.timed(Day(2026, 5, 22), from: LocalTime(9), to: LocalTime(11))
        ),
        ("2026-12-31T23:59-00:00", .timed(Day(2026, 12, 31), from: LocalTime(23, 59), to: LocalTime(0))),
        ("2026-05-22", .allDay(Day(2026, 5, 22))),
    ])
    func aTimingReadsBackAsItself(text: String, timing: Event.Timing) {
        #expect(timing.ledgerText == text)
        #expect(Self.timing(text) == timing)
    }

    /// The timing a ledger line's column `text` reads as, by the ledger's one reader.
    static func timing(_ text: String) -> Event.Timing? {
        var text = text
        return text.withUTF8 { EventLedgerLine.timing($0[...]) }
    }

    @Test(arguments: [
        "", "2026-05", "2026-05-22T", "2026-05-22T09:00", "2026-05-22T9:00-11:00", "2026-05-22T09:00-24:00",
        "2026-05-22X09:00-11:00", "22 maj 2026",
    ])
    func aMalformedTimingReadsAsNothing(text: String) {
        #expect(Self.timing(text) == nil)
    }

    @Test(arguments: [
        "", "kdm", "meeting-x@example.se", "meeting-@familjenhelsingborg.se",
        "lunch-x@familjenhelsingborg.se",
    ])
    func aForeignUIDIsNotOneOfTheRegistrys(text: String) {
        #expect(EventUID(text) == nil)
    }

    @Test(arguments: [
        ("meeting-a@example", LedgerKey(uid: "meeting-a@example")),
        (
            "deadline-b@example#municipalities/bjuv",
            LedgerKey(uid: "deadline-b@example", municipality: "bjuv")
        ),
        (
            "deadline-b@example#people/agneta-fristedt",
            LedgerKey(uid: "deadline-b@example", person: "agneta-fristedt")
        ),
        ("odd#uid", LedgerKey(uid: "odd#uid")),
        (
            "meeting-kdm-2026-04-10@familjenhelsingborg.se",
            LedgerKey(uid: EventUID(kind: .meeting, recordID: "kdm-2026-04-10"))
        ),
        (
            "deadline-a-very-long-decision-id-beslut-12@familjenhelsingborg.se#municipalities/bjuv",
            LedgerKey(
                uid: EventUID(kind: .deadline, recordID: "a-very-long-decision-id-beslut-12"),
                municipality: "bjuv")
        ),
        (
            "start-anna-2026@familjenhelsingborg.se#people/anna-svensson",
            LedgerKey(uid: EventUID(kind: .startDate, recordID: "anna-2026"), person: "anna-svensson")
        ),
        // No record ID: the UID does not read back as one of the registry's, so both are text.
        ("meeting-@familjenhelsingborg.se", LedgerKey(uid: EventUID(kind: .meeting, recordID: ""))),
    ])
    func aLedgerKeyReadsBackAsItself(text: String, key: LedgerKey) {
        #expect(LedgerKey(text) == key)
        #expect(key.description == text)
        #expect(LedgerKey(uid: key.uid) == key.shared)
    }

    @Test(arguments: [
        ("meeting-kdm@familjenhelsingborg.se", EventUID(kind: .meeting, recordID: "kdm")),
        ("meeting-a@example", nil), ("meeting-@familjenhelsingborg.se", nil),
    ])
    func aLedgerKeyHoldsARegistryUIDAsItsParts(text: String, uid: EventUID?) {
        let key = LedgerKey(uid: text, person: "anna")
        #expect(key.eventUID == uid)
        #expect(key.uid == text)
        #expect(key.shared == LedgerKey(uid: text))
        #expect(key.shared != key)
    }
}

import Registry
import Testing

@testable import RegistryFixtures

@Suite("What happens next")
struct UpcomingTests {
    let registry = Fixture.registry

    @Test("events are listed in date order, all-day events before timed ones on the same day")
    func order() {
        let report = registry.upcoming(from: Day(2026, 1, 1), days: 365)
        let keys = report.events.map { ($0.date, $0.start?.minutesSinceMidnight ?? -1) }
        #expect(keys.map(\.0) == keys.map(\.0).sorted())
        for (a, b) in zip(keys, keys.dropFirst()) where a.0 == b.0 { #expect(a.1 <= b.1) }
        #expect(report.timeZone == "Europe/Stockholm")
    }

    @Test(
        "the window covers the first day and the last day, both included",
        arguments: [
            (Day(2026, 6, 1), 0, ["d-all"]), (Day(2026, 5, 31), 1, ["d-all"]), (Day(2026, 5, 30), 1, []),
            (Day(2026, 6, 2), 10, ["m-2026-06-cancelled", "m-2026-06"]),
        ])
    func window(from: Day, days: Int, expected: [String]) {
        let report = registry.upcoming(from: from, days: days)
        #expect(report.events.map(\.id) == expected)
        #expect(report.through == from.adding(days: days))
    }

    @Test("kinds filter the events and are reported in a fixed order")
    func kinds() {
        let report = registry.upcoming(from: Day(2026, 1, 1), days: 365, kinds: [.startDate, .deadline])
        #expect(report.kinds == [.deadline, .startDate])
        #expect(Set(report.events.map(\.kind)) == [.deadline, .startDate])
        // A start date is a person's, or a body's start or end (the network's, which has no person).
        let starts = registry.upcoming(from: Day(2026, 1, 1), days: 365, kinds: [.startDate])
        #expect(starts.events.map(\.person?.id) == [Fixture.annaL, nil, Fixture.orjan, nil])
        #expect(starts.events.filter { $0.person == nil }.map(\.id) == ["network.active", "network.closed"])
    }

    @Test(
        "a municipality sees meetings of its bodies, deadlines that name it, and start dates in its bodies or of its people"
    )
    func municipalityFilter() {
        let bjuv = registry.upcoming(from: Day(2026, 1, 1), days: 365, municipality: Fixture.bjuv)
        // Örjan is Bjuv's director from 1 August, so his start in the network concerns Bjuv too.
        #expect(
            bjuv.events.map(\.id) == [
                "m-2026-03", "d-all", "m-2026-06-cancelled", "m-2026-06", "orjan-odman.network",
            ])

        // Åstorp sits only in the network, from 1 September: it sees every municipality's
        // deadline, the network's deadline, its new leader, its start and its end, no
        // directors' meeting.
        let astorp = registry.upcoming(from: Day(2026, 1, 1), days: 365, municipality: Fixture.astorp)
        #expect(
            astorp.events.map(\.id) == [
                "d-all", "network.active", "orjan-odman.network", "d-network", "network.closed",
            ])
        #expect(astorp.municipality?.name == "Åstorp")
    }

}

@Suite("Attendance")
struct AttendanceTests {
    let registry = Fixture.registry

    @Test("each meeting lists those present, then remote, then absent")
    func meetingLists() throws {
        let report = registry.attendanceReport(meetings: [Fixture.spring])
        let meeting = try #require(report.meetings.first)
        #expect(meeting.attendees.map(\.mode) == [.present, .present, .remote, .absent, .absent])
        #expect(meeting.attendees.first?.person.id == Fixture.kim)
        // Anna Lind heads the secretariat, but has no role in the directors' group.
        let annaL = try #require(meeting.attendees.first { $0.person.id == Fixture.annaL })
        #expect(annaL.role == nil)
        #expect(annaL.municipality == nil)
    }

    @Test("attendees carry their role in the meeting's body on the day")
    func roles() throws {
        let report = registry.attendanceReport(meetings: [Fixture.summer])
        let anders = try #require(report.meetings.first?.attendees.first { $0.person.id == Fixture.anders })
        #expect(anders.role?.key == Role.director.key)
        #expect(anders.municipality?.id == Fixture.bjuv)
    }
}

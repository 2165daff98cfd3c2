import CalendarFeeds
import ExportFiles
import ICalendar
import Registry
import Testing

/// What each kind of record becomes in a calendar, on a small registry built here.
@Suite struct CalendarEventsTests {
    static let minutes = Document.ID("minutes")
    static let bjuv = Municipality.ID("bjuv")
    static let klippan = Municipality.ID("klippan")
    static let directors = Body.ID("directors")
    static let network = Body.ID("network")
    static let anna = Person.ID("anna")
    static let bo = Person.ID("bo")

    static func registry(cancelled: Bool = false, minutesURL: String? = nil) -> Registry {
        var registry = Registry()
        let source = Source(minutes)
        registry.add(Document(minutes, title: "Protokoll", date: Day(2026, 4, 10), url: minutesURL))
        registry.add(Municipality(bjuv, name: "Bjuv", officialName: "Bjuvs kommun", source: source))
        registry.add(Municipality(klippan, name: "Klippan", officialName: "Klippans kommun", source: source))
        registry.add(Person(anna, name: "Anna Ek", source: source))
        registry.add(Person(bo, name: "Bo Ek", source: source))
        registry.add(
            Body(
                directors, name: "Direktörerna", kind: .directorsGroup, lifecycle: .established,
                source: source))
        registry.add(
            Body(network, name: "Nätverket", kind: .network, lifecycle: .established, source: source))
        registry.add(Membership(anna, in: directors, as: .director, for: bjuv, source: source))
        registry.add(
            Membership(bo, in: directors, as: .director, for: klippan, to: Day(2026, 5, 1), source: source))
        registry.add(
            Meeting(
                Meeting.ID("m1"), of: directors, title: "Direktörsmöte",
                time: .timed(Day(2026, 5, 22), from: LocalTime(8, 30), to: LocalTime(10)),
                place: "Mindpark", remote: "Teams", status: cancelled ? .cancelled : .scheduled,
                agenda: [AgendaItem(1, "Energi")], source: source))
        registry.add(
            Meeting(
                Meeting.ID("m2"), of: network, title: "Nätverksträff", time: .day(Day(2026, 6, 1)),
                source: source))
        registry.add(
            Meeting(
                Meeting.ID("m0"), of: network, title: "Historik", time: .month(year: 2025, month: 1),
                source: source))
        registry.add(
            Decision(
                Decision.ID("d1"), at: Meeting.ID("m1"), item: 1, title: "Svar", text: "Att svara.",
                deadline: Day(2026, 6, 30), actors: [.person(anna)], source: source))
        registry.add(
            StaffAppointment(bo, in: network, title: "samordnare", starts: Day(2026, 6, 1), source: source))
        return registry
    }

    @Test func meetingsKnownOnlyByMonthAreLeftOut() {
        let uids = Self.registry().calendarEvents().map(\.uid)
        #expect(uids.count == 4)
        #expect(!uids.contains { $0.contains("m0") })
    }

    @Test func aTimedMeetingKeepsLocalTimesPlaceAndAgenda() throws {
        let meeting = try #require(Self.registry().calendarEvents().first { $0.uid.hasPrefix("meeting-m1@") })
        #expect(meeting.timing == .timed(Day(2026, 5, 22), from: LocalTime(8, 30), to: LocalTime(10)))
        #expect(meeting.location == "Mindpark (även via Teams)")
        #expect(meeting.description.contains("1. Energi"))
        #expect(meeting.status == .confirmed)
        #expect(meeting.revised == Instant(Day(2026, 4, 10)))
    }

    @Test func theMinutesAreLinkedWhenTheirAddressIsKnown() throws {
        let url = "https://example.se/protokoll-2026-04-10.pdf"
        for event in Self.registry(minutesURL: url).calendarEvents() {
            #expect(event.description.contains("Källa: Protokoll, 10 april 2026: \(url)"), "\(event.uid)")
        }
        for event in Self.registry().calendarEvents() {
            #expect(event.description.contains("Källa: Protokoll, 10 april 2026"), "\(event.uid)")
            #expect(!event.description.contains("example.se"), "\(event.uid)")
        }
    }

    @Test func aMeetingWithoutATimeIsAnAllDayEvent() throws {
        let meeting = try #require(Self.registry().calendarEvents().first { $0.uid.hasPrefix("meeting-m2@") })
        #expect(meeting.timing == .allDay(Day(2026, 6, 1)))
        #expect(meeting.description.contains("Tiden är inte bestämd."))
    }

    @Test func aCancelledMeetingStaysWithStatusCancelled() throws {
        let meeting = try #require(
            Self.registry(cancelled: true).calendarEvents().first { $0.uid.hasPrefix("meeting-m1@") })
        #expect(meeting.status == .cancelled)
        #expect(meeting.summary.hasPrefix("INSTÄLLT: "))
    }

    @Test func aDeadlineIsAnAllDayEventWithAReminder() throws {
        let deadline = try #require(Self.registry().calendarEvents().first { $0.kind == .deadline })
        #expect(deadline.timing == .allDay(Day(2026, 6, 30)))
        #expect(deadline.summary == "Sista dag: Svar")
        #expect(deadline.alarm?.minutesBefore == 15 * 60)
        #expect(deadline.description.contains("Ansvariga: Anna Ek"))
    }

    @Test func municipalitiesFollowMembershipsOnTheEventsDay() throws {
        let events = Self.registry().calendarEvents()
        let meeting = try #require(events.first { $0.uid.hasPrefix("meeting-m1@") })
        // Bo's term for Klippan ended on 1 May; the meeting is on 22 May.
        #expect(meeting.municipalities == [Self.bjuv])
        let deadline = try #require(events.first { $0.kind == .deadline })
        #expect(deadline.municipalities == [Self.bjuv])
        #expect(deadline.bodies == [Self.directors])
    }

    /// The expectations are written out by hand from the registry above, not computed with
    /// the selection logic under test.
    @Test(arguments: [
        ("all.ics", ["meeting-m1", "meeting-m2", "start-bo.network", "deadline-d1"]),
        ("meetings.ics", ["meeting-m1", "meeting-m2"]),
        ("deadlines.ics", ["deadline-d1"]),
        ("start-dates.ics", ["start-bo.network"]),
        // Anna sits for Bjuv: her body's meeting and the deadline she must meet.
        ("municipalities/bjuv.ics", ["meeting-m1", "deadline-d1"]),
        // Bo's seat for Klippan ended on 1 May, before every event.
        ("municipalities/klippan.ics", []),
        ("bodies/network.ics", ["meeting-m2", "start-bo.network"]),
        ("bodies/directors.ics", ["meeting-m1", "deadline-d1"]),
    ])
    func feedsHoldExactlyTheirEvents(path: String, expected: [String]) throws {
        let files = try Self.registry().exportFiles(previous: Ledgers())
        let feed = try #require(files.first { $0.path == path })
        let uids = String(decoding: feed.bytes, as: UTF8.self).split(separator: "\r\n")
            .filter { $0.hasPrefix("UID:") }.map { String($0.dropFirst(4)) }
        #expect(uids == expected.map { "\($0)@familjenhelsingborg.se" })
    }

    @Test func cancellingAMeetingRaisesItsSequenceInTheFeed() throws {
        let before = try Self.registry().exportFiles(previous: Ledgers())
        let ledgerFile = try #require(before.first { $0.path == EventLedger.fileName })
        let ledger = try Ledgers(sequences: String(decoding: ledgerFile.bytes, as: UTF8.self))
        let after = try Self.registry(cancelled: true).exportFiles(previous: ledger)
        let feed = try #require(after.first { $0.path == "meetings.ics" })
        let lines = contentLines(feed.bytes)
        let start = try #require(lines.firstIndex(of: "UID:meeting-m1@familjenhelsingborg.se"))
        let event = lines[start...].prefix { $0 != "END:VEVENT" }
        #expect(event.contains("SEQUENCE:1"))
        #expect(event.contains("STATUS:CANCELLED"))
        let other = try #require(lines.firstIndex(of: "UID:meeting-m2@familjenhelsingborg.se"))
        #expect(lines[other...].prefix { $0 != "END:VEVENT" }.contains("SEQUENCE:0"))
    }

    @Test func allDayEventsEndOnTheNextDayAndDoNotBlockTime() throws {
        let files = try Self.registry().exportFiles(previous: Ledgers())
        let feed = try #require(files.first { $0.path == "deadlines.ics" })
        let lines = contentLines(feed.bytes)
        #expect(lines.contains("DTSTART;VALUE=DATE:20260630"))
        #expect(lines.contains("DTEND;VALUE=DATE:20260701"))
        #expect(lines.contains("TRANSP:TRANSPARENT"))
        #expect(lines.contains("BEGIN:VALARM"))
        #expect(lines.contains("TRIGGER:-PT15H"))
    }

    @Test func timedEventsCarryTheirZone() throws {
        let files = try Self.registry().exportFiles(previous: Ledgers())
        let feed = try #require(files.first { $0.path == "meetings.ics" })
        let lines = contentLines(feed.bytes)
        #expect(lines.contains("DTSTART;TZID=Europe/Stockholm:20260522T083000"))
        #expect(lines.contains("DTEND;TZID=Europe/Stockholm:20260522T100000"))
    }

    @Test func eventsComeInChronologicalOrderAllDayFirst() {
        let events = Self.registry().calendarEvents()
        let keys = events.map { event -> (Day, Int) in
            switch event.timing {
            case .allDay(let day): (day, -1)
            case .timed(let day, let from, _): (day, from.minutesSinceMidnight)
            }
        }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 })
    }
}

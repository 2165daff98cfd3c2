import CalendarFeeds
import ExportFiles
import Foundation
import ICalendar
import Registry
import RegistryData
import RegistryFixtures
import Testing

/// Every subscriber-visible change becomes one dated Swedish sentence, kept across
/// exports; the Atom documents carry them.
@Suite struct ChangeLogTests {
    static let first = Instant(Day(2026, 4, 20), hour: 10)
    static let second = Instant(Day(2026, 4, 21), hour: 9, minute: 30)

    /// The real data with meetings and decisions edited (nil: left out), plus `extra`.
    static func edited(
        meeting: (Meeting) -> Meeting? = { $0 }, decision: (Decision) -> Decision? = { $0 },
        extra: [Meeting] = []
    ) -> Registry {
        var registry = Registry.familjenHelsingborg.replacingMeetings(meeting).replacingDecisions(decision)
        for record in extra { registry.add(record) }
        return registry
    }

    static func meeting(
        _ meeting: Meeting, time: MeetingTime? = nil, place: String? = nil, status: Meeting.Status? = nil
    ) -> Meeting {
        Meeting(
            meeting.id, of: meeting.body, title: meeting.title, time: time ?? meeting.time,
            place: place ?? meeting.place, remote: meeting.remote, status: status ?? meeting.status,
            attendance: meeting.attendance, agenda: meeting.agenda, source: meeting.source)
    }

    /// The changes the export of `registry` at `now` adds to the real data's first export.
    static func changes(after registry: Registry) throws -> [ChangeEntry] {
        let encoder = try ICalendarEncoder()
        let base = Publication(registry: .familjenHelsingborg, previous: Ledgers(), encoder: encoder)
        #expect(base.changes.isEmpty, "the first export starts the log empty")
        let next = Publication(registry: registry, previous: base.ledger, encoder: encoder, now: first)
        return next.changes
    }

    static let may22 = Meeting.ID.directors20260522

    @Test func aMovedMeeting() throws {
        let changes = try Self.changes(
            after: Self.edited(meeting: {
                $0.id == Self.may22
                    ? Self.meeting($0, time: .timed(Day(2026, 5, 29), from: LocalTime(9), to: LocalTime(11)))
                    : $0
            }))
        #expect(
            changes.map(\.text) == [
                "Kommundirektörsmötet är flyttat från den 22 maj 2026 till den 29 maj kl. 9.00–11.00."
            ])
        #expect(changes.first?.kind == .moved)
        #expect(changes.first?.date == Self.first)
        #expect(changes.first?.url == "https://kalender.familjenhelsingborg.se/moten/kdm-2026-05-22")
        #expect(changes.first?.municipalities.contains("bjuv") == true)
    }

    @Test func aNewPlaceAndACancellation() throws {
        let placed = try Self.changes(
            after: Self.edited(meeting: {
                $0.id == Self.may22 ? Self.meeting($0, place: "Dunkers kulturhus") : $0
            }))
        #expect(placed.map(\.text) == ["Kommundirektörsmötet den 22 maj 2026 – ny plats: Dunkers kulturhus."])
        let cancelled = try Self.changes(
            after: Self.edited(meeting: { $0.id == Self.may22 ? Self.meeting($0, status: .cancelled) : $0 }))
        #expect(cancelled.map(\.text) == ["Kommundirektörsmötet den 22 maj 2026 är inställt."])
        #expect(cancelled.map(\.kind) == [.cancelled])
    }

    @Test func aNewMeetingAndARemovedOne() throws {
        let original = Registry.familjenHelsingborg[Self.may22]!
        let new = Meeting(
            Meeting.ID("kdm-2026-09-04"), of: original.body, title: "Kommundirektörsmöte",
            time: .timed(Day(2026, 9, 4), from: LocalTime(8, 30), to: LocalTime(10, 30)),
            place: "Mindpark, Helsingborg", source: original.source)
        let added = try Self.changes(after: Self.edited(extra: [new]))
        #expect(
            added.map(\.text) == [
                "Kommundirektörsmötet den 4 september 2026 kl. 8.30–10.30 är nytt i kalendern. "
                    + "Plats: Mindpark, Helsingborg."
            ])
        #expect(added.map(\.kind) == [.newMeeting])
        let removed = try Self.changes(after: Self.edited(meeting: { $0.id == Self.may22 ? nil : $0 }))
        #expect(removed.map(\.text) == ["Kommundirektörsmötet den 22 maj 2026 är borttaget ur kalendern."])
        #expect(removed.map(\.kind) == [.removed])
    }

    @Test func aNewStartDateAndANewDeadline() throws {
        let source = Registry.familjenHelsingborg[Self.may22]!.source
        var registry = Registry.familjenHelsingborg
        registry.add(Person(Person.ID("anna-svensson"), name: "Anna Svensson", source: source))
        registry.add(
            StaffAppointment(
                Person.ID("anna-svensson"), in: .secretariat, title: "samordnare", starts: Day(2026, 6, 1),
                source: source))
        registry.add(
            Decision(
                Decision.ID("kdm-2026-05-22-test"), at: Self.may22, item: 9,
                title: "Underlag om effektfrågan",
                text: "Kommunerna lämnar underlag.", deadline: Day(2026, 6, 15), source: source))
        let changes = try Self.changes(after: registry)
        #expect(Set(changes.map(\.kind)) == [.newStartDate, .deadlineSet, .newDecision])
        #expect(
            changes.map(\.text).contains(
                "Startdatumet för Anna Svensson, samordnare, den 1 juni 2026 är nytt i kalendern."))
        #expect(
            changes.map(\.text).contains(
                "Sista dagen för ”Underlag om effektfrågan” den 15 juni 2026 är ny i kalendern."))
        // The meeting that took the decision announces it in its own words.
        #expect(
            changes.map(\.text).contains(
                "Kommundirektörsmötet den 22 maj 2026 – nytt beslut: ”Underlag om effektfrågan”."))
    }

    @Test func aDeadlineMoved() throws {
        let changes = try Self.changes(
            after: Self.edited(decision: { decision in
                guard decision.deadline == Day(2026, 4, 30) else { return decision }
                return Decision(
                    decision.id, at: decision.meeting, item: decision.item, title: decision.title,
                    text: decision.text, deadline: Day(2026, 5, 8), actors: decision.actors,
                    source: decision.source)
            }))
        #expect(changes.count == 1)
        #expect(changes.first?.kind == .deadlineMoved)
        #expect(
            changes.first?.text.hasSuffix("”: den 8 maj 2026, i stället för den 30 april 2026.") == true)
        #expect(changes.first?.text.hasPrefix("Ny sista dag för ”") == true)
    }

    /// Bjuv's director replaced, as the comment in Data/Memberships.swift shows it done.
    @Test func aDirectorReplaced() throws {
        let newDirector = Person.ID("anna-berg")
        var registry = Registry.familjenHelsingborg.replacingMemberships { membership in
            guard membership.person == .agnetaFristedt, membership.role == .director else {
                return membership
            }
            return Membership(
                membership.person, in: membership.body, as: membership.role, for: membership.municipality,
                from: membership.from, to: Day(2026, 9, 1), source: membership.source)
        }
        let source = Source(Registry.familjenHelsingborg.documents[0].id)
        registry.add(Person(newDirector, name: "Anna Berg", source: source))
        registry.add(
            Membership(
                newDirector, in: .directors, as: .director, for: .bjuv, from: Day(2026, 9, 1), source: source)
        )
        let changes = try Self.changes(after: registry)
        #expect(changes.count == 1)
        let change = try #require(changes.first)
        #expect(change.kind == .replaced)
        #expect(change.municipalities == ["bjuv"])
        #expect(change.url == "https://kalender.familjenhelsingborg.se/kommuner/bjuv")
        #expect(
            change.text
                == "Bjuv har en ny kommundirektör i kommundirektörerna: Anna Berg efterträder Agneta Fristedt "
                + "från den 1 september 2026.")
        // The seat ledger reads back as written, so the next export sees no change.
        let encoder = try ICalendarEncoder()
        let base = Publication(registry: .familjenHelsingborg, previous: Ledgers(), encoder: encoder)
        let next = Publication(registry: registry, previous: base.ledger, encoder: encoder, now: Self.first)
        let seats = try #require(next.files.first { $0.path == "seats.tsv" })
        let ledger = try Ledgers(
            sequences: next.ledger.events.tsv, changes: next.ledger.changes.tsv,
            seats: String(decoding: seats.bytes, as: UTF8.self))
        #expect(ledger.seats == next.ledger.seats)
        let again = Publication(registry: registry, previous: ledger, encoder: encoder, now: Self.second)
        #expect(again.changes == next.changes)
    }

    @Test func theLogSurvivesReexportsAndIsNewestFirst() throws {
        let encoder = try ICalendarEncoder()
        let base = Publication(registry: .familjenHelsingborg, previous: Ledgers(), encoder: encoder)
        let moved = Self.edited(meeting: {
            $0.id == Self.may22
                ? Self.meeting($0, time: .timed(Day(2026, 5, 29), from: LocalTime(9), to: LocalTime(11))) : $0
        })
        let one = Publication(registry: moved, previous: base.ledger, encoder: encoder, now: Self.first)
        let again = Publication(registry: moved, previous: one.ledger, encoder: encoder, now: Self.second)
        #expect(again.changes == one.changes)
        let removed = Self.edited(meeting: { $0.id == Self.may22 ? nil : $0 })
        let two = Publication(registry: removed, previous: again.ledger, encoder: encoder, now: Self.second)
        #expect(two.changes.map(\.kind) == [.removed, .moved])
        // Read back from the TSV as the next export would.
        let tsv = try #require(two.files.first { $0.path == "changes.tsv" })
        let ledger = try Ledgers(
            sequences: two.ledger.events.tsv, changes: String(decoding: tsv.bytes, as: UTF8.self))
        #expect(ledger.changes == two.ledger.changes)
        let bjuv = try #require(Registry.familjenHelsingborg.municipalities.first { $0.slug == "bjuv" })
        #expect(two.changes(for: bjuv).count == 2)
        let atom = String(
            decoding: try #require(two.files.first { $0.path == "changes/bjuv.atom" }).bytes, as: UTF8.self)
        // The removal names the meeting as subscribers last saw it: moved to 29 May.
        #expect(
            atom.contains(
                "<title>Kommundirektörsmötet den 29 maj 2026 kl. 9.00–11.00 är borttaget ur kalendern.</title>"
            ))
        #expect(atom.contains("<updated>2026-04-21T09:30:00Z</updated>"))
    }

    @Test func aTimeThatBecomesKnownIsNotAMove() throws {
        let changes = try Self.changes(
            after: Self.edited(meeting: {
                $0.id == Self.may22
                    ? Self.meeting(
                        $0, time: .timed(Day(2026, 5, 22), from: LocalTime(8, 30), to: LocalTime(11)))
                    : $0
            }))
        #expect(changes.map(\.kind) == [.timeSet])
        #expect(
            changes.map(\.text) == [
                "Kommundirektörsmötet den 22 maj 2026 – tiden är nu bestämd: kl. 8.30–11.00."
            ])
    }

    /// A decision reworded: its deadline's SEQUENCE rises so calendars take the new text,
    /// and the log, which tells readers what happened to meetings and deadlines, stays quiet.
    @Test func aChangeOfWordingOnlyRaisesSequenceButIsNotAnnounced() throws {
        let encoder = try ICalendarEncoder()
        let base = Publication(registry: .familjenHelsingborg, previous: Ledgers(), encoder: encoder)
        let reworded = Self.edited(decision: { decision in
            guard decision.id == .energyNetworkProposal else { return decision }
            return Decision(
                decision.id, at: decision.meeting, item: decision.item, title: decision.title,
                text: decision.text + " Omformulerat.", deadline: decision.deadline, actors: decision.actors,
                source: decision.source, inferred: decision.inferred)
        })
        let next = Publication(registry: reworded, previous: base.ledger, encoder: encoder, now: Self.first)
        let event = try #require(reworded.events().first { $0.origin == .deadline(.energyNetworkProposal) })
        let key = LedgerKey(uid: reworded.uid(event))
        let before = try #require(base.ledger.events[key]?.sequence)
        #expect(next.ledger.events[key]?.sequence == before + 1)
        #expect(next.changes.isEmpty)
    }

    @Test func aNewAgendaItemAndAttendanceAreAnnouncedInTheirOwnWords() throws {
        let changes = try Self.changes(
            after: Self.edited(meeting: { meeting in
                guard meeting.id == Self.may22 else { return meeting }
                return Meeting(
                    meeting.id, of: meeting.body, title: meeting.title, time: meeting.time,
                    place: meeting.place,
                    remote: meeting.remote, status: meeting.status,
                    attendance: [Attendance(.agnetaFristedt, for: .bjuv, .present)],
                    agenda: meeting.agenda + [AgendaItem(2, "Budget 2027")], source: meeting.source,
                    inferred: meeting.inferred)
            }))
        #expect(Set(changes.map(\.kind)) == [.newAgendaItem, .attendanceRecorded])
        #expect(
            Set(changes.map(\.text)) == [
                "Kommundirektörsmötet den 22 maj 2026 – ny punkt på dagordningen: ”Budget 2027”.",
                "Kommundirektörsmötet den 22 maj 2026 – närvaron är nu antecknad.",
            ])
    }

    /// A log written before entries named their changes is rewritten once as it is read:
    /// each export's vague entries become one, and the header says so.
    @Test func theVagueHistoryIsRewrittenOnce() throws {
        let legacy = """
            # Change log written by `samverkan export`: date (UTC), UID, kind, municipalities, URL, text.
            # Commit it with the feeds; never edit it by hand.
            2026-12-04T16:11:19Z\tmeeting-a@x\tchanged\tbjuv\thttps://x/a\tMötet den 10 april 2026 har ändrats.
            2026-12-04T16:11:19Z\tstart-b@x\tchanged\tklippan\t\tStartdatumet för B den 1 maj 2026 har ändrats.
            2026-12-04T17:00:00Z\tmeeting-c@x\tcancelled\tbjuv\t\tKommundirektörsmötet den 22 maj 2026 är inställt.
            2026-12-04T17:21:03Z\tmeeting-a@x\tchanged\tbjuv\thttps://x/a\tMötet den 10 april 2026 har ändrats.

            """
        let history = try ChangeHistory(tsv: legacy)
        #expect(history.entries.map(\.kind) == [.textsUpdated, .cancelled, .textsUpdated])
        #expect(history.entries.first?.text == "Texterna i kalendern har uppdaterats.")
        #expect(history.entries.first?.municipalities == ["bjuv", "klippan"])
        #expect(history.tsv.contains("# History rewritten once"))
        // Read back, the rewritten log stays as it is.
        #expect(try ChangeHistory(tsv: history.tsv) == history)
    }

    /// Readers see the day in Europe/Stockholm: 23.30 on 20 April in Stockholm is 21.30 UTC.
    @Test func daysAreStockholmDays() {
        let late = ChangeEntry(
            date: Instant(Day(2026, 4, 20), hour: 22, minute: 30), uid: "u", kind: .cancelled,
            municipalities: [],
            text: "t", url: nil)
        #expect(late.day == Day(2026, 4, 21))
        #expect(ChangeLog.entries([late], since: Day(2026, 4, 21)) == [late])
        #expect(ChangeLog.entries([late], since: Day(2026, 4, 22)).isEmpty)
    }

    /// Every kind of change's sentence passes the wording scan (`WordingScan`).
    @Test func everyKindOfChangeIsWordedByTheRules() throws {
        let may22 = Registry.familjenHelsingborg[Self.may22]!
        let timed = MeetingTime.timed(Day(2026, 5, 22), from: LocalTime(8, 30), to: LocalTime(11))
        let edits: [Registry] = [
            Self.edited(meeting: { $0.id == Self.may22 ? Self.meeting($0, time: timed) : $0 }),
            Self.edited(meeting: {
                $0.id == Self.may22
                    ? Self.meeting($0, time: .timed(Day(2026, 5, 29), from: LocalTime(9), to: LocalTime(11)))
                    : $0
            }),
            Self.edited(meeting: {
                $0.id == Self.may22 ? Self.meeting($0, place: "Stadshuset, Helsingborg") : $0
            }),
            Self.edited(meeting: { $0.id == Self.may22 ? Self.meeting($0, status: .cancelled) : $0 }),
            Self.edited(meeting: { $0.id == Self.may22 ? nil : $0 }),
            Self.edited(extra: [
                Meeting(
                    Meeting.ID("kdm-2026-09-04"), of: may22.body, title: "Kommundirektörsmöte", time: timed,
                    place: "Mindpark, Helsingborg", agenda: [AgendaItem(1, "Budget 2027")],
                    source: may22.source)
            ]),
            Self.edited(decision: { decision in
                guard decision.deadline == Day(2026, 4, 30) else { return decision }
                return Decision(
                    decision.id, at: decision.meeting, item: decision.item, title: decision.title,
                    text: decision.text, deadline: Day(2026, 5, 8), actors: decision.actors,
                    source: decision.source)
            }),
        ]
        var kinds = Set<ChangeEntry.Kind>()
        for registry in edits {
            let scan = WordingScan(registry: registry)
            for change in try Self.changes(after: registry) {
                kinds.insert(change.kind)
                let findings = scan.scan(change.text, place: "change \(change.kind)", sentences: true)
                #expect(findings.isEmpty, "\(findings)")
            }
        }
        #expect(
            kinds.isSuperset(of: [
                .timeSet, .moved, .newPlace, .cancelled, .removed, .newMeeting, .deadlineMoved,
            ]))
    }

    @Test func xmlEscaping() {
        #expect(
            XMLText.escape("a & b < c > \"d\" 'e'") == "a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;")
        #expect(XMLText.escape("ok\u{1}\u{8}") == "ok")
        #expect(XMLText.escape("Åstorp\n") == "Åstorp\n")
    }
}

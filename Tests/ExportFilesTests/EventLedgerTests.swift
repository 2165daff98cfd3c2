import CalendarFeeds
import ICalendar
import Registry
import Testing

@testable import ExportFiles

/// A meeting event whose fields the tests vary one at a time.
private func event(
    _ uid: String = "meeting-a@example", summary: String = "Möte",
    timing: Event.Timing = .timed(Day(2026, 5, 22), from: LocalTime(9), to: LocalTime(10)),
    status: VEvent.Status = .confirmed, revised: Day = Day(2026, 4, 10)
) -> VEvent {
    VEvent(
        uid: uid, timing: timing, summary: summary, description: "", location: nil, category: "Möte",
        status: status, alarm: nil, revised: revised)
}

extension EventLedger {
    /// Assigns every event its SEQUENCE, as one export does.
    fileprivate mutating func assign(_ events: [VEvent]) -> [String: Int] {
        var sequences: [String: Int] = [:]
        for event in events {
            sequences[event.uid] =
                assign(
                    LedgerKey(uid: event.uid), fingerprint: Fingerprint.of(event, kind: .meeting),
                    documentRevised: event.revised, now: nil, state: nil
                ).sequence
        }
        return sequences
    }
}

@Suite struct EventLedgerTests {
    @Test func aNewEventStartsAtZero() {
        var ledger = EventLedger()
        #expect(ledger.assign([event()]) == ["meeting-a@example": 0])
    }

    @Test func anUnchangedEventKeepsItsSequence() {
        var ledger = EventLedger()
        _ = ledger.assign([event()])
        _ = ledger.assign([event(summary: "Ändrat")])
        #expect(ledger.assign([event(summary: "Ändrat")]) == ["meeting-a@example": 1])
    }

    @Test func onlyTheRevisionDateChangingDoesNotRaiseSequence() {
        var ledger = EventLedger()
        _ = ledger.assign([event()])
        #expect(ledger.assign([event(revised: Day(2026, 5, 1))]) == ["meeting-a@example": 0])
    }

    @Test(arguments: [
        ("time", event(timing: .timed(Day(2026, 5, 22), from: LocalTime(13), to: LocalTime(14)))),
        ("day", event(timing: .allDay(Day(2026, 5, 22)))),
        ("status", event(status: .cancelled)),
        ("text", event(summary: "Kommundirektörsmöte")),
    ])
    func aSignificantChangeRaisesSequenceByOne(change: String, changed: VEvent) {
        var ledger = EventLedger()
        _ = ledger.assign([event()])
        #expect(ledger.assign([changed]) == ["meeting-a@example": 1], "change of \(change)")
    }

    @Test func aRemovedEventThatReturnsContinuesUpward() {
        var ledger = EventLedger()
        _ = ledger.assign([event()])
        _ = ledger.assign([])
        #expect(ledger.assign([event(status: .cancelled)]) == ["meeting-a@example": 1])
    }

    @Test func theLedgerSurvivesItsTextForm() throws {
        var ledger = EventLedger()
        _ = ledger.assign([event(), event("deadline-b@example")])
        _ = ledger.assign([event(summary: "Nytt"), event("deadline-b@example")])
        let reread = try EventLedger(tsv: ledger.tsv)
        #expect(reread == ledger)
        #expect(reread[LedgerKey(uid: "meeting-a@example")]?.sequence == 1)
    }

    @Test(arguments: ["uid-only\n", "uid\tnot-a-number\tabc\n", "uid\t-1\tabc\n", "\t0\tabc\n"])
    func aMalformedLedgerNamesTheLine(text: String) {
        #expect(throws: LedgerError.self) { try EventLedger(tsv: "# header\n" + text) }
        do {
            _ = try EventLedger(tsv: "# header\n" + text)
        } catch {
            #expect(error.line == 2)
            #expect(error.description.hasPrefix("sequences.tsv:2:"))
        }
    }

    /// A ledger long enough to be read in several parts, one per core.
    static func longLedger(lines: Int) -> [String] {
        (0..<lines).map { "uid-\($0)@example\t\($0 % 7)\tfingerprint-\($0)" }
    }

    @Test(arguments: [
        1, EventLedger.linesPerPart, EventLedger.linesPerPart + 1, 3 * EventLedger.linesPerPart - 5,
    ])
    func aLongLedgerNamesItsFirstMalformedLine(malformed: Int) {
        var lines = Self.longLedger(lines: 3 * EventLedger.linesPerPart)
        lines[malformed - 1] = "uid\tnot-a-number\tabc"
        // A second malformed line further on: the first is the one named.
        lines[lines.count - 1] = "uid-only"
        do {
            _ = try EventLedger(tsv: lines.joined(separator: "\n") + "\n")
            Issue.record("line \(malformed) is malformed and was read")
        } catch {
            #expect(error.line == malformed)
        }
    }

    @Test func aLongLedgerReadsEveryLineAndALaterLineForTheSameUIDWins() throws {
        var lines = Self.longLedger(lines: 2 * EventLedger.linesPerPart + 100)
        lines.append("uid-3@example\t42\tnewer")
        let ledger = try EventLedger(tsv: lines.joined(separator: "\n") + "\n")
        #expect(ledger.entries.count == 2 * EventLedger.linesPerPart + 100)
        #expect(
            ledger[LedgerKey(uid: "uid-3@example")] == EventLedger.Entry(sequence: 42, fingerprint: "newer"))
        let last = 2 * EventLedger.linesPerPart + 99
        #expect(ledger[LedgerKey(uid: "uid-\(last)@example")]?.fingerprint == "fingerprint-\(last)")
        #expect(try EventLedger(tsv: ledger.tsv) == ledger)
    }

    /// Keys of every form a ledger holds: registry UIDs (held as their parts), others (as
    /// text), and each with a municipality's and a person's own line.
    static let keys: [LedgerKey] = [
        LedgerKey(uid: EventUID(kind: .meeting, recordID: "kdm-2026-04-10")),
        LedgerKey(uid: EventUID(kind: .deadline, recordID: "kdm-2026-04-10-beslut-1"), municipality: "bjuv"),
        LedgerKey(
            uid: EventUID(kind: .deadline, recordID: "kdm-2026-04-10-beslut-1"), person: "anna-svensson"),
        LedgerKey(uid: EventUID(kind: .startDate, recordID: "anna")),
        LedgerKey(uid: "meeting-a@example"), LedgerKey(uid: "deadline-b@example", municipality: "klippan"),
    ]

    @Test(arguments: 0...keys.count)
    func aLedgerReadsBackAsItselfWhateverItsKeysAndOrder(count: Int) throws {
        var ledger = EventLedger()
        var reversed = EventLedger()
        for (number, key) in Self.keys.prefix(count).enumerated() {
            _ = ledger.assign(
                key, fingerprint: "fingerprint-\(number)",
                documentRevised: Instant(secondsSinceEpoch: number),
                now: nil, state: nil)
        }
        for (number, key) in Self.keys.prefix(count).enumerated().reversed() {
            _ = reversed.assign(
                key, fingerprint: "fingerprint-\(number)",
                documentRevised: Instant(secondsSinceEpoch: number),
                now: nil, state: nil)
        }
        #expect(reversed == ledger)
        let reread = try EventLedger(tsv: ledger.tsv)
        #expect(reread == ledger)
        #expect(reread.tsv == ledger.tsv)
        #expect(reread.entries.count == count)
        for key in Self.keys.prefix(count) {
            #expect(reread[key] == ledger[key], "\(key)")
            #expect(reread[key] != nil, "\(key)")
        }
        if count > 0 {
            var changed = ledger
            _ = changed.assign(
                Self.keys[0], fingerprint: "changed", documentRevised: Instant(secondsSinceEpoch: 0),
                now: nil,
                state: nil)
            #expect(changed != ledger)
        }
    }

    @Test(arguments: [
        (EventUID(kind: .meeting, recordID: "kdm-2026-04-10"), false),
        (EventUID(kind: .deadline, recordID: "kdm-2026-04-10-beslut-1"), true),
        (EventUID(kind: .startDate, recordID: "anna"), false),
    ])
    func anEventHasOwnLinesWhenAMunicipalityOrPersonHasALine(uid: EventUID, hasOwnLines: Bool) throws {
        var ledger = EventLedger()
        for key in Self.keys {
            _ = ledger.assign(
                key, fingerprint: "f", documentRevised: Instant(secondsSinceEpoch: 0), now: nil, state: nil)
        }
        #expect(ledger.hasOwnLines(uid) == hasOwnLines)
        #expect(try EventLedger(tsv: ledger.tsv).hasOwnLines(uid) == hasOwnLines)
    }

    @Test func aMunicipalitysNewLineContinuesFromTheSharedLineOfARegistryUID() {
        let uid = EventUID(kind: .deadline, recordID: "kdm-2026-04-10-beslut-1")
        var ledger = EventLedger()
        let revised = Instant(secondsSinceEpoch: 0)
        _ = ledger.assign(
            LedgerKey(uid: uid), fingerprint: "a", documentRevised: revised, now: nil, state: nil)
        _ = ledger.assign(
            LedgerKey(uid: uid), fingerprint: "b", documentRevised: revised, now: nil, state: nil)
        let own = ledger.assign(
            LedgerKey(uid: uid.description, municipality: "bjuv"), fingerprint: "c", documentRevised: revised,
            now: nil, state: nil)
        #expect(own.sequence == 2)
    }
}

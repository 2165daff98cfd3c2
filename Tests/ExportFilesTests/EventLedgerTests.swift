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
}

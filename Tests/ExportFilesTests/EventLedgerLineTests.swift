import Foundation
import ICalendar
import Registry
import SyntheticRegistry
import Testing

@testable import ExportFiles

/// `EventLedgerLine`, the one reader of `sequences.tsv`: each line `EventLedger.tsv`
/// writes reads back into the entry that writes it again, and a line in any other form is
/// named as malformed, with its line number and text.
@Suite struct EventLedgerLineTests {
    /// The line's key and entry as the reader reads it from its bytes.
    static func read(_ line: String) -> (LedgerKey, EventLedger.Entry)? {
        Array(line.utf8).withUnsafeBufferPointer { buffer in
            var reader = EventLedgerLine()
            return reader.entry(buffer)
        }
    }

    /// The ledger holding the one line `line` reads as.
    static func ledger(_ line: String) throws -> EventLedger {
        let (key, entry) = try #require(read(line), "\(line)")
        var ledger = EventLedger()
        ledger.record(key, entry)
        return ledger
    }

    static let meeting =
        "meeting-kdm-2026-04-10@familjenhelsingborg.se\t2\t82ddca293d8dbab922c4f22bcec1e118\t2026-03-01T08:30:05Z\t"

    /// Lines in the written form, which the byte reader reads itself.
    static let written = [
        "uid@example\t0\tabc",
        "uid@example\t17\t82ddca293d8dbab922c4f22bcec1e118\t2026-03-01T08:30:05Z\t",
        "uid@example\t0\t82ddca293d8dbab922c4f22bcec1e118\t2026-03-01T08:30:05Z\t2026-04-01T00:00:00Z",
        meeting
            + "\t2026-05-22T09:00-11:00\tStadshuset, Bjuv\tCONFIRMED\tKommundirektörer\tbjuv,hoganas\thttps://x/y",
        meeting + "\t2024-02-29\t\tCANCELLED\tMöte\t\t\t\tagenda/1,decision/kdm-1,attendance",
        meeting + "\t2026-05-22\t\tCONFIRMED\tMöte\t\t\t\tagenda//2,decision/a/b",
        "deadline-kdm-2026-04-10-beslut-1@familjenhelsingborg.se\t0\tf\t2026-03-01T08:30:05Z\t\t2026-05-22\t\t"
            + "CONFIRMED\tSvar\tbjuv\t\tkdm-2026-04-10-svar municipality/bjuv 2026-04-22 gave",
        "deadline-x@familjenhelsingborg.se#municipalities/bjuv\t1\tf\t2026-03-01T08:30:05Z\t",
        "deadline-x@familjenhelsingborg.se#people/anna-a\t1\tf\t2026-03-01T08:30:05Z\t",
        "uid@example\t0\tf\t2026-03-01T08:30:05Z\t\t2026-05-22\t\tCONFIRMED\tMöte\t\t\t\t",
    ]

    @Test(arguments: written)
    func aWrittenLineReadsBackIntoTheEntryThatWritesIt(line: String) throws {
        let ledger = try Self.ledger(line)
        #expect(ledger.tsv == EventLedger.header + line + "\n")
        #expect(try EventLedger(tsv: ledger.tsv) == ledger)
    }

    /// Lines in a form `tsv` does not write: a sign, a one-digit hour, a doubled separator, a
    /// day or hour that does not exist, a status or fact it never writes, too few columns.
    static let other = [
        "uid@example\t+5\tabc",
        "uid@example\t-0\tabc",
        "uid@example\t0\tf\t2026-04-10TT00:00:0Z\t",
        "uid@example\t0\tf\t2026-04-10T0::00:00Z\t",
        "uid@example\t0\tf\t2026-03-01T08:30:05Z\t\t2026-05-22T9:00-11:00\t\tCONFIRMED\tMöte\t\t",
        "uid@example\t0\tf\t2026-03-01T08:30:05Z\t\t2026-05-22T09:00--11:00\t\tCONFIRMED\tMöte\t\t",
        "uid@example\t0\tf\t2026-03-01T08:30:05Z\t\t2026-05-22\t\tCONFIRMED\tMöte\t\t\t\tattendance/",
        "uid@example\t0\tf\t2026-03-01T08:30:05Z\t\t2026-05-22\t\tCONFIRMED\tMöte\t\t\t\t/agenda/1",
        "uid@example\t0\tf\t2026-03-01T08:30:05Z\t\t2026-05-22\t\tCONFIRMED\tMöte\t\t\t\tagenda/",
        "uid@example\t0\tf\t2026-02-30T00:00:00Z\t",
        "uid@example\t0\tf\t2026-03-01T24:00:00Z\t",
        "uid@example\t0\tf\t2026-03-01T08:30:05Z\t\t2026-05-22T09:00-24:00\t\tCONFIRMED\tMöte\t\t",
        "uid@example\t0\tf\t2026-03-01T08:30:05Z\t\t2026-05-22\t\tTENTATIVE\tMöte\t\t",
        "uid@example\t0\tf\t2026-03-01T08:30:05Z\t\t2026-05-22\t\tCONFIRMED\tMöte\t\t\tnot a record",
        "uid@example\t0\tf\t2026-03-01T08:30:05Z\t\t2026-05-22\t\tCONFIRMED\tMöte\t\t\t\tminutes/1",
        "uid@example\t0",
        "\t0\tabc",
        "uid@example\t0\tabc\t\t",
    ]

    @Test(arguments: other)
    func anyOtherLineIsNamedAsMalformed(line: String) throws {
        #expect(Self.read(line) == nil)
        let tsv = EventLedger.header + Self.written[0] + "\n" + line + "\n"
        let error = try #require(throws: LedgerError.self) { try EventLedger(tsv: tsv) }
        #expect(error.file == "sequences.tsv" && error.text == line)
        #expect(error.line == EventLedger.header.split(separator: "\n").count + 2)
    }

    @Test(arguments: [(events: 1_200, seed: UInt64(11))])
    func everyLineOfASyntheticExportReadsBackAsWritten(events: Int, seed: UInt64) throws {
        let registry = SyntheticRegistry.make(events: events, seed: seed)
        let publication = Publication(
            registry: registry, previous: Ledgers(), encoder: try ICalendarEncoder())
        let written = publication.ledger.events
        let lines = written.tsv.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.count == written.entries.count)
        #expect(lines.contains { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 13 })
        let read = try EventLedger(tsv: written.tsv)
        #expect(read == written)
        #expect(read.tsv == written.tsv)
    }

    @Test(arguments: ["#", "# a comment", "#\u{301} not a comment", "", "#ä", "x#"])
    func aLineIsSkippedExactlyWhenItIsBlankOrStartsWithTheCharacterHash(line: String) {
        let skipped = Array(line.utf8).withUnsafeBufferPointer { LedgerText.isBlankOrComment($0) }
        #expect(skipped == (line.isEmpty || line.hasPrefix("#")))
    }
}

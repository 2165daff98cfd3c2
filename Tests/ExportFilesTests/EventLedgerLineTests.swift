import Foundation
import ICalendar
import Registry
import SyntheticRegistry
import Testing

@testable import ExportFiles

/// `EventLedgerLine` reads the lines `EventLedger.tsv` writes from their bytes, and must
/// read each exactly as the general reader (`EventLedger.entry(_:)`) does; any other line
/// it leaves to the general reader.
@Suite struct EventLedgerLineTests {
    /// Both readers' results for one line: the byte reader's, and the general one's.
    static func read(_ line: String) -> (
        bytes: (LedgerKey, EventLedger.Entry)?, general: (LedgerKey, EventLedger.Entry)?
    ) {
        let bytes = Array(line.utf8)
        let fast = bytes.withUnsafeBufferPointer { buffer in
            var reader = EventLedgerLine()
            return reader.entry(buffer)
        }
        return (fast, EventLedger.entry(Substring(line)))
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
        "uid@example\t0\tf\t2026-03-01T08:30:05Z\t\t2026-05-22\t\tCONFIRMED\tMöte\t,bjuv,,höör,\t",
        "uid@example\t0\tf\t2026-03-01T08:30:05Z\t\t2026-05-22\t\tCONFIRMED\tMöte\t\t\t\t",
    ]

    @Test(arguments: written)
    func aWrittenLineIsReadFromItsBytesAsTheGeneralReaderReadsIt(line: String) throws {
        let (bytes, general) = Self.read(line)
        let fast = try #require(bytes)
        let expected = try #require(general)
        #expect(fast.0 == expected.0 && fast.0.description == expected.0.description)
        #expect(fast.1 == expected.1)
    }

    /// Lines the general reader accepts in a form `tsv` does not write, or rejects: the byte
    /// reader leaves each to it.
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
    func anyOtherLineIsLeftToTheGeneralReader(line: String) {
        #expect(Self.read(line).bytes == nil)
    }

    @Test(arguments: [(events: 1_200, seed: UInt64(11))])
    func everyLineOfASyntheticExportIsReadFromItsBytesAsTheGeneralReaderReadsIt(events: Int, seed: UInt64)
        throws
    {
        let registry = SyntheticRegistry.make(events: events, seed: seed)
        let publication = Publication(
            registry: registry, previous: Ledgers(), encoder: try ICalendarEncoder())
        let lines = publication.ledger.events.tsv.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.count == publication.ledger.events.entries.count)
        #expect(lines.contains { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 13 })
        for line in lines {
            let (bytes, general) = Self.read(String(line))
            #expect(bytes != nil && bytes?.0 == general?.0 && bytes?.1 == general?.1, "\(line)")
        }
    }

    @Test(arguments: ["#", "# a comment", "#\u{301} not a comment", "", "#ä", "x#"])
    func aLineIsSkippedExactlyWhenItIsBlankOrStartsWithTheCharacterHash(line: String) {
        let skipped = Array(line.utf8).withUnsafeBufferPointer { LedgerText.isBlankOrComment($0) }
        #expect(skipped == (line.isEmpty || line.hasPrefix("#")))
    }
}

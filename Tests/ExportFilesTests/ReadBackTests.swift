import CalendarFeeds
import Foundation
import ICalendar
import Registry
import RegistryData
import SyntheticRegistry
import Testing

@testable import ExportFiles

/// `serve` reads back what `export` rendered: the publication read from a folder must be
/// the one rendering gives, and any difference between the folder and the data must keep
/// it from being read back, named.
@Suite struct ReadBackTests {
    /// An export of `registry` written to a fresh folder, carried forward from `ledger`.
    static func exported(_ registry: Registry, previous ledger: Ledgers = Ledgers()) throws
        -> ExportDirectory
    {
        let directory = ExportDirectory(try temporaryFolder().appendingPathComponent("Exports"))
        try directory.replace(
            with: Publication(registry: registry, previous: ledger, encoder: try ICalendarEncoder()).files)
        return directory
    }

    /// - Parameter ahead: Whether the folder is read from before the registry is at hand,
    ///   as `serve` does (`ExportReading.start(_:)`), or from within the read-back.
    static func readBack(_ directory: ExportDirectory, _ registry: Registry, ahead: Bool = false) throws
        -> Publication
    {
        let reading = ahead ? ExportReading.start(directory) : nil
        return try Publication(
            readingBack: directory, registry: registry, encoder: try ICalendarEncoder(), reading: reading)
    }

    /// The files named by the mismatch `error` reports, if it is one.
    static func problems(_ error: any Error) -> [(path: String, reason: String)] {
        guard case .stale(let mismatch, _) = error as? ReadBackError else { return [] }
        return mismatch.problems
    }

    /// Everything `serve` takes from a publication, compared field by field.
    static func expectSame(_ read: Publication, _ rendered: Publication) {
        #expect(read.events == rendered.events)
        #expect(read.feeds == rendered.feeds)
        #expect(read.revisions == rendered.revisions)
        #expect(read.changes == rendered.changes)
        #expect(read.ledger == rendered.ledger)
        #expect(read.ownWording == rendered.ownWording)
        #expect(read.encodedEvents.count == rendered.encodedEvents.count)
        let differing = zip(read.encodedEvents, rendered.encodedEvents).enumerated().filter { $1.0 != $1.1 }
        #expect(
            differing.isEmpty, "events read back with other bytes, e.g. #\(differing.first?.offset ?? -1)")
        // The feeds and change logs, which the server answers with; the rest stays on disk.
        let served = rendered.files.filter { $0.path.hasSuffix(".ics") || $0.path.hasSuffix(".atom") }
        #expect(read.files.map(\.path).sorted() == served.map(\.path).sorted())
        let renderedByPath = Dictionary(uniqueKeysWithValues: served.map { ($0.path, $0) })
        for file in read.files {
            #expect(file == renderedByPath[file.path], "\(file.path) read back differs from rendering")
        }
    }

    @Test func theCommittedExportReadsBackAsRenderingGivesIt() throws {
        let directory = ExportDirectory(packageRoot.appendingPathComponent("Exports"))
        let registry = Registry.familjenHelsingborg
        let rendered = Publication(
            registry: registry, previous: try directory.previousLedger(), encoder: try ICalendarEncoder())
        let read = try Self.readBack(directory, registry)
        #expect(!read.ownWording.isEmpty, "the real data has municipalities' own wordings of deadlines")
        Self.expectSame(read, rendered)
    }

    @Test(arguments: [
        (events: 300, seed: UInt64(3), ahead: false), (events: 1_200, seed: UInt64(11), ahead: true),
    ])
    func aSyntheticExportReadsBackAsRenderingGivesIt(events: Int, seed: UInt64, ahead: Bool) throws {
        let registry = SyntheticRegistry.make(events: events, seed: seed)
        let directory = try Self.exported(registry)
        defer { try? FileManager.default.removeItem(at: directory.url.deletingLastPathComponent()) }
        let rendered = Publication(
            registry: registry, previous: try directory.previousLedger(), encoder: try ICalendarEncoder())
        Self.expectSame(try Self.readBack(directory, registry, ahead: ahead), rendered)
    }

    /// One way a folder can differ from what the data exports, and the path that must be
    /// named for it.
    struct Tampering: Sendable, CustomStringConvertible {
        let description: String
        let path: String
        let apply: @Sendable (URL) throws -> Void
    }

    static func edit(_ path: String, _ change: @escaping @Sendable (inout Data) -> Void)
        -> @Sendable (URL) throws
        -> Void
    {
        { folder in
            let url = folder.appendingPathComponent(path)
            var data = try Data(contentsOf: url)
            change(&data)
            try data.write(to: url)
        }
    }

    /// Replaces the first occurrence of `old` in the file at `path`.
    static func replace(_ path: String, _ old: String, with new: String) -> @Sendable (URL) throws -> Void {
        edit(path) { data in
            let range = data.range(of: Data(old.utf8))!
            data.replaceSubrange(range, with: Data(new.utf8))
        }
    }

    /// `change`, then the file's line in `revisions.tsv` made to record the changed bytes:
    /// what only a change of code (routing, envelope) would leave, since every edit by
    /// hand already fails the recorded fingerprint.
    static func recorded(_ path: String, _ change: @escaping @Sendable (URL) throws -> Void)
        -> @Sendable (URL)
        throws -> Void
    {
        { folder in
            try change(folder)
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(path)))
            let url = folder.appendingPathComponent(FileRevisions.fileName)
            let lines = try String(contentsOf: url, encoding: .utf8).split(
                separator: "\n", omittingEmptySubsequences: false)
            let updated = lines.map { line in
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count == 3, fields[0] == path else { return String(line) }
                return "\(fields[0])\t\(fields[1])\t\(Fingerprint.of(bytes))"
            }
            try updated.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        }
    }

    /// The feed's VEVENT blocks rearranged by `change`, between the same envelope.
    static func events(_ path: String, _ change: @escaping @Sendable (inout [[UInt8]]) -> Void)
        -> @Sendable (URL)
        throws -> Void
    {
        edit(path) { data in
            let bytes = Array(data)
            let begin = Array("BEGIN:VEVENT\r\n".utf8)
            let opening = bytes.firstRange(of: begin)!.lowerBound
            let closing = bytes.count - "END:VCALENDAR\r\n".utf8.count
            var blocks = VEventBlocks.ranges(in: bytes, from: opening, to: closing).map { Array(bytes[$0]) }
            change(&blocks)
            data = Data(bytes[..<opening] + blocks.flatMap { $0 } + bytes[closing...])
        }
    }

    static let tamperings: [Tampering] = [
        Tampering(
            description: "a letter inside an event", path: "municipalities/bjuv.ics",
            apply: replace("municipalities/bjuv.ics", "SUMMARY:", with: "SUMMARY:X")),
        Tampering(
            description: "the calendar's end", path: "municipalities/bjuv.ics",
            apply: edit("municipalities/bjuv.ics") { $0[$0.count - 3] = UInt8(ascii: "X") }),
        Tampering(
            description: "a feed removed", path: "bodies/kommundirektorerna.ics",
            apply: {
                try FileManager.default.removeItem(
                    at: $0.appendingPathComponent("bodies/kommundirektorerna.ics"))
            }),
        Tampering(
            description: "a gzip twin of another feed", path: "municipalities/bjuv.ics.gz",
            apply: { folder in
                let twin = folder.appendingPathComponent("municipalities/bjuv.ics.gz")
                try FileManager.default.removeItem(at: twin)
                try FileManager.default.copyItem(at: folder.appendingPathComponent("all.ics.gz"), to: twin)
            }),
        Tampering(
            description: "two events swapped, and recorded", path: "municipalities/bjuv.ics",
            apply: recorded("municipalities/bjuv.ics", events("municipalities/bjuv.ics") { $0.swapAt(0, 1) })),
        Tampering(
            description: "an event left out, and recorded", path: "meetings.ics",
            apply: recorded("meetings.ics", events("meetings.ics") { $0.removeLast() })),
        Tampering(
            description: "the calendar's name, and recorded", path: "deadlines.ics",
            apply: recorded(
                "deadlines.ics", replace("deadlines.ics", "X-WR-CALNAME:F", with: "X-WR-CALNAME:G"))),
        Tampering(
            description: "the change log's title", path: "changes.atom",
            apply: replace("changes.atom", "<title>", with: "<title>X")),
        Tampering(
            description: "the Popolo export", path: "popolo.json",
            apply: replace("popolo.json", "{", with: "{ ")),
        Tampering(
            description: "the spreadsheet", path: "representatives.csv",
            apply: edit("representatives.csv") { $0.append(contentsOf: Array("\r\n".utf8)) }),
        Tampering(
            description: "the spreadsheet's recorded fingerprint", path: "representatives.csv",
            apply: { folder in
                let url = folder.appendingPathComponent(FileRevisions.fileName)
                let text = try String(contentsOf: url, encoding: .utf8)
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                    guard line.hasPrefix("representatives.csv\t") else { return String(line) }
                    var fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(
                        String.init)
                    fields[2] = String(repeating: "0", count: fields[2].count)
                    return fields.joined(separator: "\t")
                }
                try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
            }),
        Tampering(
            description: "an event's ledger line", path: EventLedger.fileName,
            apply: { folder in
                let url = folder.appendingPathComponent(EventLedger.fileName)
                let text = try String(contentsOf: url, encoding: .utf8)
                // The first event line's fingerprint (its third column) replaced.
                var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let index = lines.firstIndex { !$0.hasPrefix("#") && !$0.isEmpty }!
                var fields = lines[index].split(separator: "\t", omittingEmptySubsequences: false).map(
                    String.init)
                fields[2] = String(repeating: "0", count: fields[2].count)
                lines[index] = fields.joined(separator: "\t")
                try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
            }),
    ]

    @Test(arguments: tamperings, [false, true])
    func aTamperedExportIsNotReadBack(_ tampering: Tampering, ahead: Bool) throws {
        let folder = try temporaryFolder().appendingPathComponent("Exports")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Exports"), to: folder)
        try tampering.apply(folder)
        #expect {
            try Self.readBack(ExportDirectory(folder), Registry.familjenHelsingborg, ahead: ahead)
        } throws: { error in
            Self.problems(error).contains { $0.path == tampering.path }
        }
    }

    @Test func anExportOfOtherDataIsNotReadBack() throws {
        let moved = Registry.familjenHelsingborg.replacingMeetings { meeting in
            guard meeting.id == .directors20260522 else { return meeting }
            return Meeting(
                meeting.id, of: meeting.body, title: meeting.title,
                time: .timed(Day(2026, 5, 29), from: LocalTime(9), to: LocalTime(11)),
                agenda: meeting.agenda, source: meeting.source)
        }
        let directory = ExportDirectory(packageRoot.appendingPathComponent("Exports"))
        let uid = moved.uid(try #require(moved.events().first { $0.origin == .meeting(.directors20260522) }))
        #expect {
            try Self.readBack(directory, moved)
        } throws: { error in
            Self.problems(error).contains { $0.path == EventLedger.fileName && $0.reason.contains(uid) }
        }
        // The other way round: the moved meeting's export is not the real data's.
        let other = try ReadBackTests.exported(moved, previous: try directory.previousLedger())
        defer { try? FileManager.default.removeItem(at: other.url.deletingLastPathComponent()) }
        _ = try Self.readBack(other, moved)
        #expect(throws: ReadBackError.self) { try Self.readBack(other, Registry.familjenHelsingborg) }
    }

    @Test func anEventRemovedFromTheDataIsNamed() throws {
        let fewer = Registry.familjenHelsingborg.replacingMeetings { $0.id == .directors20260522 ? nil : $0 }
        let directory = ExportDirectory(packageRoot.appendingPathComponent("Exports"))
        let uid = Registry.familjenHelsingborg.uid(
            try #require(
                Registry.familjenHelsingborg.events().first { $0.origin == .meeting(.directors20260522) }))
        #expect {
            try Self.readBack(directory, fewer)
        } throws: { error in
            Self.problems(error).contains { $0.path == EventLedger.fileName && $0.reason.contains(uid) }
        }
    }

    @Test func aFolderWithoutLedgerIsNotReadBack() throws {
        let empty = ExportDirectory(try temporaryFolder())
        defer { try? FileManager.default.removeItem(at: empty.url) }
        #expect {
            try Self.readBack(empty, Registry.familjenHelsingborg)
        } throws: { error in
            guard case .noLedger = error as? ReadBackError else { return false }
            return "\(error)".contains("sequences.tsv is missing")
        }
        try Data("not a ledger line\n".utf8).write(
            to: empty.url.appendingPathComponent(EventLedger.fileName))
        #expect {
            try Self.readBack(empty, Registry.familjenHelsingborg)
        } throws: { error in
            guard case .unreadableLedger = error as? ReadBackError else { return false }
            return true
        }
    }
}

import ExportFiles
import Foundation
import HTTPTypes
import HummingbirdCore
import ICalendar
import NIOCore
import Registry
import RegistryData
import RegistryServer
import Testing

/// A feed whose bytes change must never be answered `304 Not Modified` to a client that
/// revalidates with the date it last saw (Apple Calendar sends `If-Modified-Since`).
/// The scenario of issue 10: the meeting of 22 May moves to 29 May 09:00–11:00, still
/// citing the minutes of 10 April; then the meeting is removed altogether.
@Suite struct StaleNotModifiedTests {
    static let moved = Instant(Day(2030, 1, 7), hour: 10, minute: 15, second: 7)
    static let removed = Instant(Day(2030, 1, 8), hour: 8)

    /// The real data, with the meeting of 22 May replaced (nil: left out).
    static func registry(replacingMay22 with: Meeting?) -> Registry {
        Registry.familjenHelsingborg.replacingMeetings { meeting in
            meeting.id == .directors20260522 ? with : meeting
        }
    }

    static var movedMeeting: Meeting {
        let meeting = Registry.familjenHelsingborg[Meeting.ID.directors20260522]!
        return Meeting(
            meeting.id, of: meeting.body, title: meeting.title,
            time: .timed(Day(2026, 5, 29), from: LocalTime(9), to: LocalTime(11)),
            agenda: meeting.agenda, source: meeting.source)
    }

    /// Exports `registry` over `folder` as `samverkan export` does, at `now`.
    static func export(_ registry: Registry, to folder: URL, now: Instant) throws {
        let directory = ExportDirectory(folder)
        let publication = Publication(
            registry: registry, previous: try directory.previousLedger(), encoder: try ICalendarEncoder(),
            now: now)
        try directory.replace(with: publication.files)
    }

    static func scratchCopyOfExports() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("samverkan-304-\(UUID())")
        try FileManager.default.copyItem(at: exportsURL, to: folder)
        return folder
    }

    static func modificationTime(_ url: URL) throws -> Int {
        let date = try #require(
            try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date)
        return Int(date.timeIntervalSince1970)
    }

    /// GETs `path` from a server over `folder` with `registry`, conditionally when `since`.
    static func get(
        _ path: String, registry: Registry, folder: URL, since: String?
    ) async throws -> (status: HTTPResponse.Status, lastModified: String?, body: String) {
        let (state, configuration) = try makeState(registry: registry, exportsPath: folder.path)
        let app = RegistryService(state: state, configuration: configuration, logger: quietLogger)
        return try await app.test(.inProcess) { client in
            var headers: HTTPFields = [:]
            if let since { headers[.ifModifiedSince] = since }
            let response = try await client.execute(uri: path, method: .get, headers: headers)
            return (response.status, response.headers[.lastModified], response.body.text)
        }
    }

    @Test func aMovedMeetingIsNeverAnswered304() async throws {
        let folder = try Self.scratchCopyOfExports()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try await Self.get(
            "/feeds/all.ics", registry: .familjenHelsingborg, folder: folder, since: nil)
        let cached = try #require(before.lastModified)

        let movedRegistry = Self.registry(replacingMay22: Self.movedMeeting)
        try Self.export(movedRegistry, to: folder, now: Self.moved)
        for path in ["all.ics", "meetings.ics", "bodies/kommundirektorerna.ics"] {
            let after = try await Self.get(
                "/feeds/\(path)", registry: movedRegistry, folder: folder, since: cached)
            #expect(after.status == .ok, "\(path)")
            #expect(after.lastModified == "Mon, 07 Jan 2030 10:15:07 GMT", "\(path)")
            #expect(after.body.contains("DTSTART;TZID=Europe/Stockholm:20260529T090000"), "\(path)")
            #expect(after.body.contains("LAST-MODIFIED:20300107T101507Z"), "\(path)")
            #expect(after.body.contains("DTSTAMP:20300107T101507Z"), "\(path)")
            // nginx answers from the file's mtime: the same instant.
            #expect(
                try Self.modificationTime(folder.appendingPathComponent(path))
                    == Self.moved.secondsSinceEpoch, "\(path)")
            // Revalidating with the new date: now 304 is right.
            let again = try await Self.get(
                "/feeds/\(path)", registry: movedRegistry, folder: folder, since: after.lastModified)
            #expect(again.status == .notModified, "\(path)")
        }
        // Unchanged events keep the date of their document.
        let unchanged = try await Self.get(
            "/feeds/start-dates.ics", registry: movedRegistry, folder: folder, since: cached)
        #expect(unchanged.status == .notModified)

        // Exporting the same data again changes nothing, whatever the clock says.
        let ledger = try String(contentsOf: folder.appendingPathComponent("sequences.tsv"), encoding: .utf8)
        try Self.export(movedRegistry, to: folder, now: Instant(Day(2031, 6, 1)))
        #expect(
            try String(contentsOf: folder.appendingPathComponent("sequences.tsv"), encoding: .utf8) == ledger)
        #expect(
            try Self.modificationTime(folder.appendingPathComponent("all.ics"))
                == Self.moved.secondsSinceEpoch)
    }

    @Test func aRemovedRecordIsNeverAnswered304() async throws {
        let folder = try Self.scratchCopyOfExports()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try await Self.get(
            "/feeds/meetings.ics", registry: .familjenHelsingborg, folder: folder, since: nil)
        let cached = try #require(before.lastModified)

        let without = Self.registry(replacingMay22: nil)
        try Self.export(without, to: folder, now: Self.removed)
        for path in ["all.ics", "meetings.ics", "bodies/kommundirektorerna.ics"] {
            let after = try await Self.get("/feeds/\(path)", registry: without, folder: folder, since: cached)
            #expect(after.status == .ok, "\(path)")
            #expect(after.lastModified == "Tue, 08 Jan 2030 08:00:00 GMT", "\(path)")
            #expect(!after.body.contains("kdm-2026-05-22"), "\(path)")
            #expect(
                try Self.modificationTime(folder.appendingPathComponent(path))
                    == Self.removed.secondsSinceEpoch, "\(path)")
        }
        let ledger = try String(contentsOf: folder.appendingPathComponent("sequences.tsv"), encoding: .utf8)
        // The removed meeting's line keeps its last SEQUENCE and gains the removal's date.
        let line = try #require(
            ledger.split(separator: "\n").first { $0.hasPrefix("meeting-kdm-2026-05-22@") })
        #expect(line.split(separator: "\t", omittingEmptySubsequences: false)[4] == "2030-01-08T08:00:00Z")

        // A custom feed that held it is newer than the removal too.
        let custom = try await Self.get(
            "/feeds/custom.ics?kind=meetings,deadlines&municipality=bjuv", registry: without, folder: folder,
            since: cached)
        #expect(custom.status == .ok)
    }
}

// A test-only stand-in for the secretariat editing Data/ and running `samverkan export`:
// exports the real data with one change over an export folder, through the same
// `Publication` and `ExportDirectory` as `samverkan export`, at a fixed instant.
//
//     stale-export-probe moved|removed FOLDER NOW
//
// moved:   the meeting of 22 May moves to 29 May 09:00–11:00, still citing the minutes
//          of 10 April. removed: the meeting of 22 May is left out altogether.
// NOW is the export's instant, e.g. 2026-04-20T10:15:07Z. scripts/stale-304-test.sh runs
// it between requests to nginx.

import ExportFiles
import Foundation
import ICalendar
import Registry
import RegistryData

let arguments = CommandLine.arguments
guard arguments.count == 4, ["moved", "removed"].contains(arguments[1]),
    let now = Instant(iso: arguments[3])
else {
    FileHandle.standardError.write(Data("usage: stale-export-probe moved|removed FOLDER NOW\n".utf8))
    exit(2)
}

// The real data with the meeting of 22 May moved to 29 May 09:00–11:00, or left out;
// every other record, the public address included, as it is.
let registry = Registry.familjenHelsingborg.replacingMeetings { meeting in
    guard meeting.id == .directors20260522 else { return meeting }
    guard arguments[1] == "moved" else { return nil }
    return Meeting(
        meeting.id, of: meeting.body, title: meeting.title,
        time: .timed(Day(2026, 5, 29), from: LocalTime(9), to: LocalTime(11)),
        agenda: meeting.agenda, source: meeting.source)
}

do {
    let directory = ExportDirectory(URL(fileURLWithPath: arguments[2]))
    let publication = Publication(
        registry: registry, previous: try directory.previousLedger(), encoder: try ICalendarEncoder(),
        now: now)
    try directory.replace(with: publication.files)
} catch {
    FileHandle.standardError.write(Data("stale-export-probe: \(error)\n".utf8))
    exit(1)
}

import CalendarFeeds
import ExportFiles
import Foundation
import ICalendar
import Registry

/// An event with the words a calendar shows: the derivation and the wording together,
/// as the tests look at them.
struct WordedEvent {
    let event: Event
    let calendar: VEvent

    var uid: String { calendar.uid }
    var kind: Event.Kind { event.kind }
    var timing: Event.Timing { event.timing }
    var summary: String { calendar.summary }
    var description: String { calendar.description }
    var location: String? { calendar.location }
    var status: VEvent.Status { calendar.status }
    var alarm: VEvent.Alarm? { calendar.alarm }
    var revised: Instant { calendar.revised }
    var municipalities: Set<Municipality.ID> { event.municipalities }
    var bodies: Set<Body.ID> { event.bodies }
}

extension Registry {
    /// Every event in order, with its calendar wording.
    func calendarEvents() -> [WordedEvent] {
        events().map { WordedEvent(event: $0, calendar: calendarEvent($0)) }
    }

    /// The files `samverkan export` writes, carried forward from `ledger`.
    func exportFiles(previous ledger: Ledgers) throws -> [ExportFile] {
        Publication(registry: self, previous: ledger, encoder: try ICalendarEncoder()).files
    }
}

/// Content lines: CRLF-separated lines, unfolded (a line starting with a space continues
/// the one before).
func contentLines(_ bytes: [UInt8]) -> [String] {
    var lines: [String] = []
    for line in String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n") {
        if line.hasPrefix(" "), !lines.isEmpty {
            lines[lines.count - 1] += line.dropFirst()
        } else if !line.isEmpty {
            lines.append(line)
        }
    }
    return lines
}

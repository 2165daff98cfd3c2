import CLibical
import Registry
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns feeds of `CalendarEvent`s into iCalendar bytes through libical.
///
/// This is the only type that touches libical, and it owns every pointer it creates.
/// libical is not thread-safe (its zone cache and error state are global), so an encoder
/// is not `Sendable`, and every call into libical holds one process-wide lock: tests that
/// run in parallel and a server rendering custom feeds can never interleave inside it.
///
/// The calendar envelope (properties and VTIMEZONE) is serialized once by libical and
/// each event is serialized on its own and written between the envelope's halves, so
/// memory stays proportional to one event, not to the whole feed.
public final class ICalendarEncoder {
    /// The collaboration's time zone, named as calendars expect it.
    public static let timeZoneID = "Europe/Stockholm"

    private let zone: OpaquePointer
    private let vtimezone: OwnedComponent

    /// Resolves Europe/Stockholm from the system's zoneinfo (package `tzdata`).
    public init() throws(ExportError) {
        (zone, vtimezone) = try libical.withLock { _ throws(ExportError) in try Self.loadZone() }
    }

    private static func loadZone() throws(ExportError) -> (OpaquePointer, OwnedComponent) {
        guard let zone = icaltimezone_get_builtin_timezone(Self.timeZoneID),
            let owned = icaltimezone_get_component(zone)
        else { throw .timeZoneUnavailable(Self.timeZoneID) }
        // The zone owns its component: clone before changing it.
        let vtimezone = OwnedComponent(icalcomponent_new_clone(owned))
        // libical names built-in zones "/freeassociation.sourceforge.net/Europe/Stockholm";
        // calendars expect the plain Olson name in TZID.
        if let tzid = icalcomponent_get_first_property(vtimezone.pointer, ICAL_TZID_PROPERTY) {
            icalproperty_set_tzid(tzid, Self.timeZoneID)
        }
        // Keep one yearly standard/daylight pair (the shape Outlook reads) instead of
        // every transition since 1879.
        var from = icaltime_null_time()
        from.year = 2000
        from.month = 1
        from.day = 1
        icaltimezone_truncate_vtimezone(vtimezone.pointer, from, icaltime_null_time(), 1)
        mergeSplitObservances(vtimezone.pointer)
        return (zone, vtimezone)
    }

    /// zoneinfo splits each rule at 2037; merge observances that differ only by that
    /// split (same kind, offsets, name and rule but for UNTIL) into one open-ended rule,
    /// leaving the single yearly standard/daylight pair clients handle best.
    private static func mergeSplitObservances(_ vtimezone: OpaquePointer) {
        var kept: [String: OpaquePointer] = [:]
        var redundant: [OpaquePointer] = []
        var child = icalcomponent_get_first_component(vtimezone, ICAL_ANY_COMPONENT)
        while let observance = child {
            child = icalcomponent_get_next_component(vtimezone, ICAL_ANY_COMPONENT)
            guard let rule = icalcomponent_get_first_property(observance, ICAL_RRULE_PROPERTY),
                let from = icalcomponent_get_first_property(observance, ICAL_TZOFFSETFROM_PROPERTY),
                let to = icalcomponent_get_first_property(observance, ICAL_TZOFFSETTO_PROPERTY)
            else { continue }
            var recurrence = icalproperty_get_rrule(rule)
            recurrence.until = icaltime_null_time()
            guard let ruleText = icalrecurrencetype_as_string_r(&recurrence) else { continue }
            defer { icalmemory_free_buffer(ruleText) }
            let key = [
                "\(icalcomponent_isa(observance).rawValue)", "\(icalproperty_get_tzoffsetfrom(from))",
                "\(icalproperty_get_tzoffsetto(to))", String(cString: ruleText),
            ].joined(separator: " ")
            if let earlier = kept[key] {
                // Components come in DTSTART order: the earlier one absorbs this one.
                let earlierRule = icalcomponent_get_first_property(earlier, ICAL_RRULE_PROPERTY)
                icalproperty_set_rrule(earlierRule, recurrence)
                redundant.append(observance)
            } else {
                kept[key] = observance
            }
        }
        for observance in redundant {
            icalcomponent_remove_component(vtimezone, observance)
            icalcomponent_free(observance)
        }
    }

    /// Encodes one feed to bytes.
    public func encode(_ feed: Feed, events: [CalendarEvent], sequences: [String: Int]) -> [UInt8] {
        var bytes: [UInt8] = []
        encode(feed, events: events, sequences: sequences) { chunk in bytes.append(contentsOf: chunk) }
        return bytes
    }

    /// Encodes one feed, handing its bytes to `write` piece by piece.
    public func encode(
        _ feed: Feed, events: [CalendarEvent], sequences: [String: Int],
        to write: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) rethrows {
        try libical.withLock { _ in try encodeLocked(feed, events: events, sequences: sequences, to: write) }
    }

    private func encodeLocked(
        _ feed: Feed, events: [CalendarEvent], sequences: [String: Int],
        to write: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) rethrows {
        let envelope = calendarEnvelope(feed)
        let closing = Array("END:VCALENDAR\r\n".utf8)
        try envelope.withUnsafeBufferPointer { whole in
            precondition(whole.count >= closing.count && Array(whole.suffix(closing.count)) == closing)
            try write(UnsafeBufferPointer(rebasing: whole.dropLast(closing.count)))
            for event in events {
                let component = eventComponent(event, sequence: sequences[event.uid] ?? 0)
                try component.serialized(to: write)
            }
            try write(UnsafeBufferPointer(rebasing: whole.suffix(closing.count)))
        }
    }

    /// The VCALENDAR with its properties and VTIMEZONE, serialized by libical.
    private func calendarEnvelope(_ feed: Feed) -> [UInt8] {
        let calendar = OwnedComponent(icalcomponent_new(ICAL_VCALENDAR_COMPONENT))
        calendar.add(icalproperty_new_version("2.0"))
        calendar.add(icalproperty_new_prodid("-//Familjen Helsingborg//Samverkan//SV"))
        calendar.add(icalproperty_new_calscale("GREGORIAN"))
        calendar.add(icalproperty_new_name(feed.name))
        calendar.add(icalproperty_new_description(feed.description))
        calendar.add(Self.xProperty("X-WR-CALNAME", feed.name))
        calendar.add(Self.xProperty("X-WR-CALDESC", feed.description))
        calendar.add(Self.xProperty("X-WR-TIMEZONE", Self.timeZoneID))
        var hour = icaldurationtype_null_duration()
        hour.hours = 1
        let refresh = icalproperty_new_refreshinterval(hour)
        icalproperty_add_parameter(refresh, icalparameter_new_value(ICAL_VALUE_DURATION))
        calendar.add(refresh)
        calendar.add(Self.xProperty("X-PUBLISHED-TTL", "PT1H"))
        icalcomponent_add_component(calendar.pointer, icalcomponent_new_clone(vtimezone.pointer))
        var bytes: [UInt8] = []
        calendar.serialized { bytes.append(contentsOf: $0) }
        return bytes
    }

    private func eventComponent(_ event: CalendarEvent, sequence: Int) -> OwnedComponent {
        let component = OwnedComponent(icalcomponent_new(ICAL_VEVENT_COMPONENT))
        component.add(icalproperty_new_uid(event.uid))
        // Without METHOD, DTSTAMP means "last revised": it comes from the data, not the clock.
        component.add(icalproperty_new_dtstamp(utcMidnight(event.revised)))
        component.add(icalproperty_new_lastmodified(utcMidnight(event.revised)))
        component.add(icalproperty_new_sequence(Int32(clamping: sequence)))
        switch event.timing {
        case .timed(let day, let from, let to):
            component.add(zoned(icalproperty_new_dtstart(local(day, from))))
            component.add(zoned(icalproperty_new_dtend(local(day, to))))
        case .allDay(let day):
            // DTEND is exclusive: the next day. Outlook breaks when it equals DTSTART.
            component.add(icalproperty_new_dtstart(date(day)))
            component.add(icalproperty_new_dtend(date(day.adding(days: 1))))
            component.add(icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT))
        }
        component.add(icalproperty_new_summary(event.summary))
        component.add(icalproperty_new_description(event.description))
        if let location = event.location { component.add(icalproperty_new_location(location)) }
        component.add(icalproperty_new_categories(event.kind.label))
        component.add(
            icalproperty_new_status(
                event.status == .cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED))
        if let alarm = event.alarm {
            let valarm = icalcomponent_new(ICAL_VALARM_COMPONENT)
            icalcomponent_add_property(valarm, icalproperty_new_action(ICAL_ACTION_DISPLAY))
            var before = icaldurationtype_null_duration()
            before.is_neg = 1
            before.hours = UInt32(alarm.minutesBefore / 60)
            before.minutes = UInt32(alarm.minutesBefore % 60)
            icalcomponent_add_property(
                valarm,
                icalproperty_new_trigger(icaltriggertype(time: icaltime_null_time(), duration: before)))
            icalcomponent_add_property(valarm, icalproperty_new_description(alarm.description))
            icalcomponent_add_component(component.pointer, valarm)
        }
        return component
    }

    /// A local time in Europe/Stockholm, built from its fields (never from a time_t,
    /// which libical 3.0.16 would leave marked as UTC).
    private func local(_ day: Day, _ time: LocalTime) -> icaltimetype {
        var value = icaltime_null_time()
        value.year = Int32(day.year)
        value.month = Int32(day.month)
        value.day = Int32(day.day)
        value.hour = Int32(time.hour)
        value.minute = Int32(time.minute)
        value.zone = zone
        return value
    }

    /// Adds the TZID parameter libical leaves out, so the time is not floating.
    private func zoned(_ property: OpaquePointer?) -> OpaquePointer? {
        icalproperty_add_parameter(property, icalparameter_new_tzid(Self.timeZoneID))
        return property
    }

    private func date(_ day: Day) -> icaltimetype {
        var value = icaltime_null_date()
        value.year = Int32(day.year)
        value.month = Int32(day.month)
        value.day = Int32(day.day)
        return value
    }

    private func utcMidnight(_ day: Day) -> icaltimetype {
        var value = icaltime_null_time()
        value.year = Int32(day.year)
        value.month = Int32(day.month)
        value.day = Int32(day.day)
        value.zone = icaltimezone_get_utc_timezone()
        return value
    }

    /// libical 3.0.16 does not escape `,` and `;` in X- properties: keep them out.
    private static func xProperty(_ name: String, _ value: String) -> OpaquePointer? {
        let words = value.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " })
        let safe = words.joined(separator: " ")
        let property = icalproperty_new_x(safe)
        icalproperty_set_x_name(property, name)
        return property
    }
}

/// Serializes every use of libical in the process.
private let libical = Mutex(())

/// An `icalcomponent` this module owns and frees.
private final class OwnedComponent {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer?) {
        guard let pointer else { fatalError("libical could not allocate a component") }
        self.pointer = pointer
    }

    deinit { icalcomponent_free(pointer) }

    func add(_ property: OpaquePointer?) {
        icalcomponent_add_property(pointer, property)
    }

    /// Serializes with the reentrant `_r` variant (the plain one returns ring-buffer
    /// memory) and repairs libical 3.0.16's folding slips before handing bytes on.
    func serialized(to write: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        guard let text = icalcomponent_as_ical_string_r(pointer) else { return }
        defer { icalmemory_free_buffer(text) }
        let length = strlen(text)
        try text.withMemoryRebound(to: UInt8.self, capacity: length) { start in
            try FoldRepair.write(UnsafeBufferPointer(start: start, count: length), to: write)
        }
    }
}

/// Undoes two folding slips of libical 3.0.16 (fixed upstream in 4.0.3): a fold placed
/// inside a line's CRLF (`CR CR LF SP LF`) and an empty continuation line before a
/// line's end (`CR LF SP CR LF`). Both become a plain CRLF; nothing else changes.
enum FoldRepair {
    static func write(
        _ bytes: UnsafeBufferPointer<UInt8>, to sink: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) rethrows {
        let cr: UInt8 = 13
        let lf: UInt8 = 10
        let sp: UInt8 = 32
        var segmentStart = 0
        var index = 0
        let count = bytes.count
        while index + 4 < count {
            guard bytes[index] == cr else {
                index += 1
                continue
            }
            let foldInsideLineEnd =
                bytes[index + 1] == cr && bytes[index + 2] == lf && bytes[index + 3] == sp
                && bytes[index + 4] == lf
            let emptyContinuation =
                bytes[index + 1] == lf && bytes[index + 2] == sp && bytes[index + 3] == cr
                && bytes[index + 4] == lf
            if foldInsideLineEnd || emptyContinuation {
                // Keep everything before, emit one CRLF, skip the five bytes.
                try sink(UnsafeBufferPointer(rebasing: bytes[segmentStart..<index]))
                try [cr, lf].withUnsafeBufferPointer { try sink($0) }
                index += 5
                segmentStart = index
            } else {
                index += 1
            }
        }
        try sink(UnsafeBufferPointer(rebasing: bytes[segmentStart..<count]))
    }
}

public enum ExportError: Error, CustomStringConvertible {
    case timeZoneUnavailable(String)

    public var description: String {
        switch self {
        case .timeZoneUnavailable(let id):
            "libical cannot load the time zone \(id): install the tzdata package (apt-get install -y tzdata)"
        }
    }
}

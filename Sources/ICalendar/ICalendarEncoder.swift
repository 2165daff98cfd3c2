import CLibical
import NIOConcurrencyHelpers
public import Registry

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns `VEvent`s and calendar headers into iCalendar bytes through libical.
///
/// Every pointer it creates is owned here and freed before a call returns, except the
/// VTIMEZONE it keeps, which its owner frees. libical is not thread-safe (its error
/// state and ring buffers are global), so each call holds one process-wide lock while it
/// builds and serializes, and releases it before handing bytes back: no caller's code
/// ever runs under the lock. An encoder is not `Sendable`: keep it in one isolation
/// domain and share its bytes.
///
/// The VTIMEZONE comes from the system's tz database through `ZoneInfo`, never from
/// libical's built-in zones, so libical keeps no zone cache to free.
public final class ICalendarEncoder {
    public let zone: ZoneInfo
    private let vtimezone: OwnedComponent

    /// - Parameter zone: The zone every timed event is local to.
    public init(zone: ZoneInfo) {
        self.zone = zone
        self.vtimezone = libical.withLock { VTimeZone.component(zone) }
    }

    /// Resolves the collaboration's zone from the system's tz database.
    public convenience init() throws(ZoneInfoError) {
        self.init(zone: try ZoneInfo.collaborationZone())
    }

    /// The bytes of one VEVENT. Its bytes are the same in every feed that holds it.
    public func encode(_ event: VEvent, sequence: Int) -> [UInt8] {
        libical.withLock { eventComponent(event, sequence: sequence).serialized() }
    }

    /// A feed's calendar envelope, split where its events go: properties and VTIMEZONE
    /// before, `END:VCALENDAR` after.
    public func envelope(_ header: VCalendarHeader) -> (opening: [UInt8], closing: [UInt8]) {
        let whole = libical.withLock { calendarEnvelope(header) }
        let closing = Array("END:VCALENDAR\r\n".utf8)
        precondition(whole.count >= closing.count && Array(whole.suffix(closing.count)) == closing)
        return (Array(whole.dropLast(closing.count)), closing)
    }

    /// A whole calendar: the envelope around the events' bytes, in order.
    public func calendar(_ header: VCalendarHeader, events: [(VEvent, sequence: Int)]) -> [UInt8] {
        let (opening, closing) = envelope(header)
        var bytes = opening
        for (event, sequence) in events { bytes += encode(event, sequence: sequence) }
        return bytes + closing
    }

    /// The VCALENDAR with its properties and VTIMEZONE, serialized by libical.
    private func calendarEnvelope(_ header: VCalendarHeader) -> [UInt8] {
        let calendar = OwnedComponent(icalcomponent_new(ICAL_VCALENDAR_COMPONENT))
        calendar.add(icalproperty_new_version("2.0"))
        calendar.add(icalproperty_new_prodid("-//Familjen Helsingborg//Samverkan//SV"))
        calendar.add(icalproperty_new_calscale("GREGORIAN"))
        calendar.add(icalproperty_new_name(header.name))
        calendar.add(icalproperty_new_description(header.description))
        calendar.add(Self.xProperty("X-WR-CALNAME", header.name))
        calendar.add(Self.xProperty("X-WR-CALDESC", header.description))
        calendar.add(Self.xProperty("X-WR-TIMEZONE", zone.name))
        var hour = icaldurationtype_null_duration()
        hour.hours = 1
        let refresh = icalproperty_new_refreshinterval(hour)
        icalproperty_add_parameter(refresh, icalparameter_new_value(ICAL_VALUE_DURATION))
        calendar.add(refresh)
        calendar.add(Self.xProperty("X-PUBLISHED-TTL", "PT1H"))
        icalcomponent_add_component(calendar.pointer, icalcomponent_new_clone(vtimezone.pointer))
        return calendar.serialized()
    }

    private func eventComponent(_ event: VEvent, sequence: Int) -> OwnedComponent {
        let component = OwnedComponent(icalcomponent_new(ICAL_VEVENT_COMPONENT))
        component.add(icalproperty_new_uid(event.uid))
        // Without METHOD, DTSTAMP means "last revised": the revision the ledger records.
        component.add(icalproperty_new_dtstamp(utc(event.revised)))
        component.add(icalproperty_new_lastmodified(utc(event.revised)))
        component.add(icalproperty_new_sequence(Int32(clamping: sequence)))
        switch event.timing {
        case .timed(let day, let from, let to):
            component.add(zoned(icalproperty_new_dtstart(local(day, from))))
            component.add(zoned(icalproperty_new_dtend(local(day, to))))
            // A cancelled meeting stays in the feed but no longer blocks the time.
            if event.status == .cancelled { component.add(icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT)) }
        case .allDay(let day):
            // DTEND is exclusive: the next day. Outlook breaks when it equals DTSTART.
            component.add(icalproperty_new_dtstart(date(day)))
            component.add(icalproperty_new_dtend(date(day.adding(days: 1))))
            component.add(icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT))
        }
        component.add(icalproperty_new_summary(event.summary))
        component.add(icalproperty_new_description(event.description))
        if let location = event.location { component.add(icalproperty_new_location(location)) }
        if let url = event.url { component.add(icalproperty_new_url(url)) }
        component.add(icalproperty_new_categories(event.category))
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

    /// A wall-clock time in the feed's zone, written with the TZID parameter (`zoned`).
    private func local(_ day: Day, _ time: LocalTime) -> icaltimetype { Self.icalTime(day, time) }

    /// Adds the TZID parameter that names the feed's VTIMEZONE, so the time is not floating.
    private func zoned(_ property: OpaquePointer?) -> OpaquePointer? {
        icalproperty_add_parameter(property, icalparameter_new_tzid(zone.name))
        return property
    }

    private func date(_ day: Day) -> icaltimetype { Self.icalTime(day, nil) }

    private func utc(_ instant: Instant) -> icaltimetype {
        var value = Self.icalTime(
            instant.day, LocalTime(instant.hour, instant.minute), zone: icaltimezone_get_utc_timezone())
        value.second = Int32(instant.second)
        return value
    }

    /// A libical time built from its fields: a date when `time` is nil, else a date-time,
    /// floating unless `zone` is given. Never from a time_t, which libical 3.0.16 would
    /// leave marked as UTC whatever the zone.
    static func icalTime(_ day: Day, _ time: LocalTime?, zone: OpaquePointer? = nil) -> icaltimetype {
        var value = time == nil ? icaltime_null_date() : icaltime_null_time()
        value.year = Int32(day.year)
        value.month = Int32(day.month)
        value.day = Int32(day.day)
        if let time {
            value.hour = Int32(time.hour)
            value.minute = Int32(time.minute)
        }
        value.zone = zone
        return value
    }

    /// libical 3.0.16 does not escape `,` and `;` in X- properties: keep them out.
    /// Runs of whitespace become one space, so that no tab is left at either end for
    /// libical's parser to trim. Nil when nothing is left (an empty value makes libical's
    /// parser drop the property with an X-LIC-ERROR).
    static func xProperty(_ name: String, _ value: String) -> OpaquePointer? {
        let words = value.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace })
        let safe = words.joined(separator: " ")
        guard !safe.isEmpty else { return nil }
        let property = icalproperty_new_x(safe)
        icalproperty_set_x_name(property, name)
        return property
    }
}

import CLibical
import NIOConcurrencyHelpers

/// The text a calendar carries, as libical's own parser reads it back.
///
/// Only what a subscriber reads is kept: the calendar's name and description and each
/// event's UID, summary, description, location and alarm texts. A value is nil when the
/// property is missing or libical found no value in it.
public struct DecodedCalendar: Hashable, Sendable {
    public struct Event: Hashable, Sendable {
        public let uid: String?
        public let summary: String?
        public let description: String?
        public let location: String?
        /// The DESCRIPTION of each VALARM, in order.
        public let alarmDescriptions: [String?]

        public init(
            uid: String?, summary: String?, description: String?, location: String?,
            alarmDescriptions: [String?]
        ) {
            self.uid = uid
            self.summary = summary
            self.description = description
            self.location = location
            self.alarmDescriptions = alarmDescriptions
        }
    }

    /// NAME (RFC 7986).
    public let name: String?
    /// The calendar's DESCRIPTION.
    public let description: String?
    /// X-WR-CALNAME, the older name some clients read instead of NAME.
    public let calendarName: String?
    public let events: [Event]
    /// The X-LIC-ERROR properties libical inserts where it could not parse a line.
    public let parseErrors: [String]

    public init(
        name: String?, description: String?, calendarName: String?, events: [Event], parseErrors: [String]
    ) {
        self.name = name
        self.description = description
        self.calendarName = calendarName
        self.events = events
        self.parseErrors = parseErrors
    }
}

/// Reads iCalendar bytes with libical, for tests and checks of what the encoder wrote.
///
/// libical is not an independent oracle for its own output (python `icalendar` is the
/// one in `Tests/Oracles/`), but it is what libical-based clients such as Evolution read.
public enum ICalendarDecoder {
    /// Parses one VCALENDAR.
    ///
    /// - Parameter bytes: the file's bytes, UTF-8 with CRLF line ends.
    /// - Returns: the text properties, copied out of libical's memory.
    public static func decode(_ bytes: [UInt8]) throws(ICalendarDecodingError) -> DecodedCalendar {
        let decoded = libical.withLock {
            Result { () throws(ICalendarDecodingError) in try decodeLocked(bytes) }
        }
        return try decoded.get()
    }

    private static func decodeLocked(_ bytes: [UInt8]) throws(ICalendarDecodingError) -> DecodedCalendar {
        guard !bytes.contains(0) else { throw .containsNUL }
        let parsed = (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { icalparser_parse_string($0.baseAddress) }
        }
        guard let parsed else { throw .notICalendar }
        let calendar = OwnedComponent(parsed)
        guard icalcomponent_isa(calendar.pointer) == ICAL_VCALENDAR_COMPONENT else { throw .notICalendar }

        var events: [DecodedCalendar.Event] = []
        var child = icalcomponent_get_first_component(calendar.pointer, ICAL_VEVENT_COMPONENT)
        while let event = child {
            var alarms: [String?] = []
            var alarm = icalcomponent_get_first_component(event, ICAL_VALARM_COMPONENT)
            while let valarm = alarm {
                alarms.append(try text(valarm, ICAL_DESCRIPTION_PROPERTY, icalproperty_get_description))
                alarm = icalcomponent_get_next_component(event, ICAL_VALARM_COMPONENT)
            }
            events.append(
                DecodedCalendar.Event(
                    uid: try text(event, ICAL_UID_PROPERTY, icalproperty_get_uid),
                    summary: try text(event, ICAL_SUMMARY_PROPERTY, icalproperty_get_summary),
                    description: try text(event, ICAL_DESCRIPTION_PROPERTY, icalproperty_get_description),
                    location: try text(event, ICAL_LOCATION_PROPERTY, icalproperty_get_location),
                    alarmDescriptions: alarms))
            child = icalcomponent_get_next_component(calendar.pointer, ICAL_VEVENT_COMPONENT)
        }
        return DecodedCalendar(
            name: try text(calendar.pointer, ICAL_NAME_PROPERTY, icalproperty_get_name),
            description: try text(calendar.pointer, ICAL_DESCRIPTION_PROPERTY, icalproperty_get_description),
            calendarName: try xProperty(calendar.pointer, "X-WR-CALNAME"),
            events: events,
            parseErrors: try parseErrors(calendar.pointer))
    }

    /// The value of the component's first property of `kind`, copied into a Swift string.
    private static func text(
        _ component: OpaquePointer, _ kind: icalproperty_kind,
        _ value: (OpaquePointer?) -> UnsafePointer<CChar>?
    ) throws(ICalendarDecodingError) -> String? {
        guard let property = icalcomponent_get_first_property(component, kind) else { return nil }
        return try copy(value(property))
    }

    private static func xProperty(_ component: OpaquePointer, _ name: String) throws(ICalendarDecodingError)
        -> String?
    {
        var next = icalcomponent_get_first_property(component, ICAL_X_PROPERTY)
        while let property = next {
            if let xName = icalproperty_get_x_name(property), String(cString: xName) == name {
                return try copy(icalproperty_get_x(property))
            }
            next = icalcomponent_get_next_property(component, ICAL_X_PROPERTY)
        }
        return nil
    }

    /// X-LIC-ERROR texts anywhere in the tree, depth first.
    private static func parseErrors(_ component: OpaquePointer) throws(ICalendarDecodingError) -> [String] {
        var errors: [String] = []
        var next = icalcomponent_get_first_property(component, ICAL_XLICERROR_PROPERTY)
        while let property = next {
            errors.append(try copy(icalproperty_get_xlicerror(property)) ?? "")
            next = icalcomponent_get_next_property(component, ICAL_XLICERROR_PROPERTY)
        }
        var child = icalcomponent_get_first_component(component, ICAL_ANY_COMPONENT)
        while let inner = child {
            errors += try parseErrors(inner)
            child = icalcomponent_get_next_component(component, ICAL_ANY_COMPONENT)
        }
        return errors
    }

    /// Copies a libical string, refusing bytes that are not UTF-8 (a fold inside a
    /// multi-byte character would show up here).
    private static func copy(_ pointer: UnsafePointer<CChar>?) throws(ICalendarDecodingError) -> String? {
        guard let pointer else { return nil }
        guard let string = String(validatingCString: pointer) else { throw .invalidUTF8 }
        return string
    }
}

public enum ICalendarDecodingError: Error, CustomStringConvertible {
    case containsNUL
    case notICalendar
    case invalidUTF8

    public var description: String {
        switch self {
        case .containsNUL: "the bytes contain NUL, which no iCalendar file may"
        case .notICalendar: "libical found no VCALENDAR in the bytes"
        case .invalidUTF8: "libical returned a value that is not valid UTF-8"
        }
    }
}

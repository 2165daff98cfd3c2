public import Registry

/// One event as a subscriber sees it, in Swedish, before it becomes iCalendar bytes.
///
/// Everything a calendar shows is decided here, in plain Swift; the libical layer only
/// encodes it. The same value always encodes to the same bytes.
public struct CalendarEvent: Hashable, Sendable {
    /// What kind of event this is; each kind has its own feed.
    public enum Kind: String, Hashable, Sendable, CaseIterable, Comparable {
        case meeting = "meetings"
        case deadline = "deadlines"
        case startDate = "start-dates"

        /// Swedish label, used as the event's CATEGORIES.
        public var label: String {
            switch self {
            case .meeting: "Möte"
            case .deadline: "Sista dag"
            case .startDate: "Startdatum"
            }
        }

        public static func < (a: Kind, b: Kind) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// When the event happens.
    public enum Timing: Hashable, Sendable {
        /// Local times in Europe/Stockholm on one day.
        case timed(Day, from: LocalTime, to: LocalTime)
        /// A whole day (DTEND is the next day, exclusive).
        case allDay(Day)

        public var day: Day {
            switch self {
            case .timed(let day, _, _), .allDay(let day): day
            }
        }
    }

    public enum Status: String, Hashable, Sendable {
        case confirmed = "CONFIRMED"
        case cancelled = "CANCELLED"
    }

    /// Stable across exports: derived from the record's ID, never from time or order.
    public let uid: String
    public let kind: Kind
    public let timing: Timing
    public let summary: String
    public let description: String
    public let location: String?
    public let status: Status
    /// Deadlines remind the day before; calendars that honour alarms show it.
    public let alarm: Alarm?
    /// The date of the document the facts come from: DTSTAMP and LAST-MODIFIED.
    public let revised: Day
    /// The municipalities whose feeds include this event.
    public let municipalities: Set<Municipality.ID>
    /// The bodies whose feeds include this event.
    public let bodies: Set<Body.ID>

    public init(
        uid: String, kind: Kind, timing: Timing, summary: String, description: String,
        location: String?, status: Status, alarm: Alarm?, revised: Day,
        municipalities: Set<Municipality.ID>, bodies: Set<Body.ID>
    ) {
        self.uid = uid
        self.kind = kind
        self.timing = timing
        self.summary = summary
        self.description = description
        self.location = location
        self.status = status
        self.alarm = alarm
        self.revised = revised
        self.municipalities = municipalities
        self.bodies = bodies
    }

    /// A display reminder, `minutesBefore` the event starts.
    public struct Alarm: Hashable, Sendable {
        public let minutesBefore: Int
        public let description: String

        public init(minutesBefore: Int, description: String) {
            self.minutesBefore = minutesBefore
            self.description = description
        }
    }

    /// Everything a subscriber would notice changing: a change here raises SEQUENCE.
    /// DTSTAMP and LAST-MODIFIED are left out on purpose (they follow from the change).
    public var significantFields: [String] {
        let timingText: String
        switch timing {
        case .timed(let day, let from, let to): timingText = "\(day)T\(from)-\(to)"
        case .allDay(let day): timingText = "\(day)"
        }
        return [
            uid, kind.rawValue, timingText, summary, description, location ?? "", status.rawValue,
            alarm.map { "\($0.minutesBefore) \($0.description)" } ?? "",
        ]
    }
}

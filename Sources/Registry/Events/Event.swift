/// Something that happens on a day: a meeting, a decision's deadline, a staff start date.
///
/// The one derivation of events from the registry's records. Feeds, pages, `upcoming`
/// and the JSON API all start from these values; calendar wording, UIDs and bytes come
/// after, in the modules that write them.
public struct Event: Hashable, Sendable {
    /// What kind of event this is. The raw values are the one vocabulary of kinds used on
    /// the command line, in the JSON API, in feed addresses and in feed queries.
    public enum Kind: String, Hashable, Sendable, CaseIterable, Comparable, Codable {
        case meeting = "meetings"
        case deadline = "deadlines"
        case startDate = "start-dates"

        /// Swedish singular label: "Möte", "Sista dag", "Startdatum".
        public var label: String {
            switch self {
            case .meeting: "Möte"
            case .deadline: "Sista dag"
            case .startDate: "Startdatum"
            }
        }

        /// Swedish plural: "möten", "sista dagar", "startdatum".
        public var pluralLabel: String {
            switch self {
            case .meeting: "möten"
            case .deadline: "sista dagar"
            case .startDate: "startdatum"
            }
        }

        public static func < (a: Kind, b: Kind) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// The record the event comes from.
    public enum Origin: Hashable, Sendable {
        case meeting(Meeting.ID)
        case deadline(Decision.ID)
        case startDate(StaffAppointment.ID)
        /// A body that starts (`active`) or closes (`closed`) on a known day: it appears
        /// among the start dates, in the body's own feed and its members' municipalities'.
        case bodyStage(Body.ID, Lifecycle.Stage)
    }

    /// When the event happens.
    public enum Timing: Hashable, Sendable {
        /// Local times in Europe/Stockholm on one day.
        case timed(Day, from: LocalTime, to: LocalTime)
        /// A whole day; for a meeting, a day whose time is not yet known.
        case allDay(Day)

        public var day: Day {
            switch self {
            case .timed(let day, _, _), .allDay(let day): day
            }
        }

        public var start: LocalTime? {
            if case .timed(_, let from, _) = self { from } else { nil }
        }

        public var end: LocalTime? {
            if case .timed(_, _, let to) = self { to } else { nil }
        }
    }

    public let origin: Origin
    public let timing: Timing
    /// The meeting's title, the decision's title, or "name, post" for a start date.
    public let title: String
    public let status: Meeting.Status
    public let place: String?
    /// How to join remotely, for a meeting that offers it.
    public let remote: String?
    /// The meeting's body, the body that took the decision, or the body the person joins.
    public let body: Body.ID?
    /// The person who starts, for a start date.
    public let person: Person.ID?
    /// The municipalities the event concerns (see `SeatIndex`).
    public let municipalities: Set<Municipality.ID>
    /// The bodies the event belongs to: its own body and any body that must act.
    public let bodies: Set<Body.ID>
    /// The people whose personal feed holds the event (see `PeopleIndex`).
    public let people: EventPeople
    public let source: Source

    public var kind: Kind {
        switch origin {
        case .meeting: .meeting
        case .deadline: .deadline
        case .startDate, .bodyStage: .startDate
        }
    }

    /// The ID of the record the event comes from.
    public var id: String {
        switch origin {
        case .meeting(let id): id.rawValue
        case .deadline(let id): id.rawValue
        case .startDate(let id): id.rawValue
        case .bodyStage(let id, let stage): "\(id.rawValue).\(stage.rawValue)"
        }
    }

    public var day: Day { timing.day }
    public var isCancelled: Bool { status == .cancelled }
}

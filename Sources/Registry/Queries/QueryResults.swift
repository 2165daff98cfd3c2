// The results of the registry's queries. Their JSON forms are a documented API
// (docs/queries.md): the CLI prints them with `--json` and the HTTP server's /api
// serves them. Keys are camelCase; an absent value is written as `null`, never left out,
// so every object of a type has the same keys.

/// A person, as other results mention them.
public struct PersonRef: Codable, Hashable, Sendable {
    public let id: Person.ID
    public let name: String

    public init(id: Person.ID, name: String) {
        self.id = id
        self.name = name
    }

    public init(_ person: Person) { self.init(id: person.id, name: person.name) }
}

/// A municipality, as other results mention it.
public struct MunicipalityRef: Codable, Hashable, Sendable {
    public let id: Municipality.ID
    public let name: String
    public let officialName: String

    public init(id: Municipality.ID, name: String, officialName: String) {
        self.id = id
        self.name = name
        self.officialName = officialName
    }

    public init(_ municipality: Municipality) {
        self.init(id: municipality.id, name: municipality.name, officialName: municipality.officialName)
    }
}

/// A body, as other results mention it: its name as written, and, when the registry
/// inferred the name, why (`inferred`), as data rather than text inside the name.
public struct BodyRef: Codable, Hashable, Sendable {
    public let id: Body.ID
    public let name: String
    public let kind: Body.Kind
    /// Why the registry gave the body this name, when its source does not; null otherwise.
    @ExplicitNull public private(set) var inferred: String?

    public init(id: Body.ID, name: String, kind: Body.Kind, inferred: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.inferred = inferred
    }

    public init(_ body: Body) {
        self.init(
            id: body.id, name: body.name, kind: body.kind,
            inferred: body.inferred.first { $0.field == "name" }?.reason)
    }

    /// The name as text readers see it: "Energinätverket (tolkning)" when it is inferred.
    public var displayName: String { inferred == nil ? name : name + Inferred.marker }
}

/// A role: a stable ASCII key, the Swedish title readers see, and, when the registry
/// inferred the role (or the seat), why.
public struct RoleRef: Codable, Hashable, Sendable {
    public let key: String
    public let title: String
    /// Why the registry states this role or seat, when its source does not; null otherwise.
    @ExplicitNull public private(set) var inferred: String?

    public init(key: String, title: String, inferred: String? = nil) {
        self.key = key
        self.title = title
        self.inferred = inferred
    }

    public init(_ role: Role) { self.init(key: role.key, title: role.title) }

    /// The title as text readers see it: "kommundirektör (tolkning)" when it is inferred.
    public var displayTitle: String { inferred == nil ? title : title + Inferred.marker }

    /// The key of every staff appointment; its title is the post's.
    public static let staffKey = "staff"
}

/// One person's place in one body: a membership, or a staff appointment.
///
/// `from` is the first day in force and `to` the first day no longer in force; `null`
/// means "since before the registry's records" and "still in force".
public struct Seat: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable {
        case membership
        case staff
    }

    public let kind: Kind
    public let person: PersonRef
    public let body: BodyRef
    public let role: RoleRef
    /// The municipality the person sits for, if any.
    @ExplicitNull public private(set) var municipality: MunicipalityRef?
    /// Acting ("tf", tillförordnad) rather than appointed.
    public let acting: Bool
    /// A role held together with someone else on purpose.
    public let shared: Bool
    @ExplicitNull public private(set) var from: Day?
    @ExplicitNull public private(set) var to: Day?

    public init(
        kind: Kind, person: PersonRef, body: BodyRef, role: RoleRef, municipality: MunicipalityRef?,
        acting: Bool, shared: Bool, from: Day?, to: Day?
    ) {
        self.kind = kind
        self.person = person
        self.body = body
        self.role = role
        self.municipality = municipality
        self.acting = acting
        self.shared = shared
        self.from = from
        self.to = to
    }

    public var term: DayRange { DayRange(from: from, to: to) }
}

/// Who represents a municipality on a day: `samverkan who`.
public struct MunicipalityRepresentation: Codable, Hashable, Sendable {
    /// The municipality's director on the day: one person, two sharing the role, or none.
    public struct Director: Codable, Hashable, Sendable {
        public let vacant: Bool
        public let holders: [Seat]

        public init(holders: [Seat]) {
            self.vacant = holders.isEmpty
            self.holders = holders
        }
    }

    public let date: Day
    public let municipality: MunicipalityRef
    public let director: Director
    /// Every seat held for the municipality on the day, the director's first, then by body
    /// in the registry's order.
    public let representatives: [Seat]

    public init(date: Day, municipality: MunicipalityRef, director: Director, representatives: [Seat]) {
        self.date = date
        self.municipality = municipality
        self.director = director
        self.representatives = representatives
    }
}

/// What a person represents: `samverkan represents`.
public struct PersonRepresentation: Codable, Hashable, Sendable {
    public let date: Day
    public let person: PersonRef
    /// Seats in force on the day.
    public let current: [Seat]
    /// Seats that begin after the day, soonest first.
    public let upcoming: [Seat]
    /// Seats that ended on or before the day, latest first.
    public let past: [Seat]

    public init(date: Day, person: PersonRef, current: [Seat], upcoming: [Seat], past: [Seat]) {
        self.date = date
        self.person = person
        self.current = current
        self.upcoming = upcoming
        self.past = past
    }
}

/// A body's stage on a day and since when. `stage` is `null` before the body was
/// proposed; `since` is `null` when the stage began before the registry's records.
public struct BodyStatus: Codable, Hashable, Sendable {
    @ExplicitNull public private(set) var stage: Lifecycle.Stage?
    @ExplicitNull public private(set) var since: Day?

    public init(stage: Lifecycle.Stage?, since: Day?) {
        self.stage = stage
        self.since = since
    }

    /// The English word for the stage, or "not yet proposed".
    public var label: String { stage?.rawValue ?? "not yet proposed" }
}

/// One line of `samverkan bodies`.
public struct BodySummary: Codable, Hashable, Sendable {
    public let body: BodyRef
    @ExplicitNull public private(set) var parent: BodyRef?
    public let status: BodyStatus
    /// Memberships in force on the day.
    public let members: Int
    /// Staff appointments in force on the day.
    public let staff: Int

    public init(body: BodyRef, parent: BodyRef?, status: BodyStatus, members: Int, staff: Int) {
        self.body = body
        self.parent = parent
        self.status = status
        self.members = members
        self.staff = staff
    }
}

/// All bodies on a day: `samverkan bodies`.
public struct BodyList: Codable, Hashable, Sendable {
    public let date: Day
    public let bodies: [BodySummary]

    public init(date: Day, bodies: [BodySummary]) {
        self.date = date
        self.bodies = bodies
    }
}

/// One body on a day, with its members and staff: `samverkan body`.
public struct BodyDetail: Codable, Hashable, Sendable {
    /// A stage the body has reached or is planned to reach; `on` is `null` for a stage
    /// begun before the registry's records.
    public struct Milestone: Codable, Hashable, Sendable {
        public let stage: Lifecycle.Stage
        @ExplicitNull public private(set) var on: Day?

        public init(stage: Lifecycle.Stage, on: Day?) {
            self.stage = stage
            self.on = on
        }
    }

    public let date: Day
    public let body: BodyRef
    @ExplicitNull public private(set) var parent: BodyRef?
    @ExplicitNull public private(set) var municipality: MunicipalityRef?
    @ExplicitNull public private(set) var purpose: String?
    public let status: BodyStatus
    public let milestones: [Milestone]
    /// Memberships in force on the day.
    public let members: [Seat]
    /// Staff appointments in force on the day.
    public let staff: [Seat]

    public init(
        date: Day, body: BodyRef, parent: BodyRef?, municipality: MunicipalityRef?, purpose: String?,
        status: BodyStatus, milestones: [Milestone], members: [Seat], staff: [Seat]
    ) {
        self.date = date
        self.body = body
        self.parent = parent
        self.municipality = municipality
        self.purpose = purpose
        self.status = status
        self.milestones = milestones
        self.members = members
        self.staff = staff
    }
}

/// Something that happens on a day: a meeting, a decision's deadline, a staff start date.
/// Times are local to Europe/Stockholm; `start` and `end` are `null` for all-day events
/// and for meetings whose time is not yet known.
public struct UpcomingEvent: Codable, Hashable, Sendable {
    public let kind: Event.Kind
    /// The meeting's, decision's or appointment's ID.
    public let id: String
    public let date: Day
    @ExplicitNull public private(set) var start: LocalTime?
    @ExplicitNull public private(set) var end: LocalTime?
    public let title: String
    /// The meeting's body, the body that took the decision, or the body the person joins.
    @ExplicitNull public private(set) var body: BodyRef?
    /// The person who starts, for a start date.
    @ExplicitNull public private(set) var person: PersonRef?
    @ExplicitNull public private(set) var place: String?
    @ExplicitNull public private(set) var remote: String?
    public let status: Meeting.Status

    public init(
        kind: Event.Kind, id: String, date: Day, start: LocalTime?, end: LocalTime?, title: String,
        body: BodyRef?, person: PersonRef?, place: String?, remote: String?, status: Meeting.Status
    ) {
        self.kind = kind
        self.id = id
        self.date = date
        self.start = start
        self.end = end
        self.title = title
        self.body = body
        self.person = person
        self.place = place
        self.remote = remote
        self.status = status
    }
}

/// What happens from one day through another: `samverkan upcoming`.
public struct UpcomingReport: Codable, Hashable, Sendable {
    /// The first day covered.
    public let from: Day
    /// The last day covered (inclusive).
    public let through: Day
    /// The zone of every time in the report: always "Europe/Stockholm".
    public let timeZone: String
    /// The municipality the events were chosen for, if any.
    @ExplicitNull public private(set) var municipality: MunicipalityRef?
    public let kinds: [Event.Kind]
    public let events: [UpcomingEvent]

    public init(
        from: Day, through: Day, municipality: MunicipalityRef?, kinds: [Event.Kind],
        events: [UpcomingEvent]
    ) {
        self.from = from
        self.through = through
        self.timeZone = "Europe/Stockholm"
        self.municipality = municipality
        self.kinds = kinds
        self.events = events
    }
}

/// A meeting, as the attendance report mentions it.
public struct MeetingRef: Codable, Hashable, Sendable {
    public let id: Meeting.ID
    public let title: String
    public let body: BodyRef
    /// The day, or `null` when only the month is known.
    @ExplicitNull public private(set) var date: Day?
    @ExplicitNull public private(set) var start: LocalTime?
    @ExplicitNull public private(set) var end: LocalTime?
    @ExplicitNull public private(set) var place: String?
    public let status: Meeting.Status

    public init(
        id: Meeting.ID, title: String, body: BodyRef, date: Day?, start: LocalTime?, end: LocalTime?,
        place: String?, status: Meeting.Status
    ) {
        self.id = id
        self.title = title
        self.body = body
        self.date = date
        self.start = start
        self.end = end
        self.place = place
        self.status = status
    }
}

/// One line of a meeting's attendance list.
public struct Attendee: Codable, Hashable, Sendable {
    public let person: PersonRef
    /// The municipality the person attended for, as the minutes say.
    @ExplicitNull public private(set) var municipality: MunicipalityRef?
    /// The person's role in the meeting's body on the day, if they have one.
    @ExplicitNull public private(set) var role: RoleRef?
    public let mode: Attendance.Mode

    public init(person: PersonRef, municipality: MunicipalityRef?, role: RoleRef?, mode: Attendance.Mode) {
        self.person = person
        self.municipality = municipality
        self.role = role
        self.mode = mode
    }
}

/// Who came to one meeting, in person or remotely, and who was absent.
public struct MeetingAttendance: Codable, Hashable, Sendable {
    public let meeting: MeetingRef
    /// In the order the minutes list them: present, then remote, then absent.
    public let attendees: [Attendee]

    public init(meeting: MeetingRef, attendees: [Attendee]) {
        self.meeting = meeting
        self.attendees = attendees
    }
}

/// How often one municipality attended the meetings in a report.
///
/// A municipality attended a meeting when someone attended for it, in person or remotely
/// (`present` + `remote` = `attended`); it was `absent` when everyone listed for it was;
/// `notRecorded` counts meetings whose minutes do not list it at all.
public struct MunicipalityAttendance: Codable, Hashable, Sendable {
    public let municipality: MunicipalityRef
    /// Meetings in the report (those with attendance recorded).
    public let meetings: Int
    public let attended: Int
    public let present: Int
    public let remote: Int
    public let absent: Int
    public let notRecorded: Int

    public init(
        municipality: MunicipalityRef, meetings: Int, present: Int, remote: Int, absent: Int, notRecorded: Int
    ) {
        self.municipality = municipality
        self.meetings = meetings
        self.attended = present + remote
        self.present = present
        self.remote = remote
        self.absent = absent
        self.notRecorded = notRecorded
    }
}

/// Attendance at one or more meetings: `samverkan attendance`.
public struct AttendanceReport: Codable, Hashable, Sendable {
    public let meetings: [MeetingAttendance]
    public let municipalities: [MunicipalityAttendance]

    public init(meetings: [MeetingAttendance], municipalities: [MunicipalityAttendance]) {
        self.meetings = meetings
        self.municipalities = municipalities
    }
}

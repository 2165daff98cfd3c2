/// A meeting of a body, with its attendance and agenda.
public struct Meeting: Record, Hashable {
    public typealias ID = RecordID<Meeting>

    public enum Status: String, Hashable, Sendable, CaseIterable {
        case scheduled
        case cancelled
    }

    public let id: ID
    public let body: Body.ID
    /// What a calendar shows: "Kommundirektörsmöte".
    public let title: String
    public let time: MeetingTime
    public let place: String?
    /// How to join remotely, when that is offered ("Teams").
    public let remote: String?
    public let status: Status
    public let attendance: [Attendance]
    public let agenda: [AgendaItem]
    /// Fields the registry inferred rather than read in its source.
    public let inferred: [Inferred]
    public let source: Source
    public let location: SourceLocation

    public init(
        _ id: ID, of body: Body.ID, title: String, time: MeetingTime, place: String? = nil,
        remote: String? = nil, status: Status = .scheduled, attendance: [Attendance] = [],
        agenda: [AgendaItem] = [], source: Source, inferred: [Inferred] = [], filePath: String = #filePath,
        line: Int = #line
    ) {
        self.id = id
        self.body = body
        self.title = title
        self.time = time
        self.place = place
        self.remote = remote
        self.status = status
        self.attendance = attendance
        self.agenda = agenda
        self.inferred = inferred
        self.source = source
        self.location = SourceLocation(filePath: filePath, line: line)
    }

    public var isCancelled: Bool { status == .cancelled }
}

/// When a meeting takes place, as precisely as is known.
public enum MeetingTime: Hashable, Sendable {
    /// Start and end in Europe/Stockholm on one day.
    case timed(Day, from: LocalTime, to: LocalTime)
    /// The day is set, the time is not yet known.
    case day(Day)
    /// Only the month is known (typical of history recalled in later minutes).
    case month(year: Int, month: Int)

    /// The day, when known: what a calendar can place.
    public var day: Day? {
        switch self {
        case .timed(let day, _, _), .day(let day): day
        case .month: nil
        }
    }

    /// A day to sort by: the first of the month when only the month is known.
    public var sortDay: Day {
        switch self {
        case .timed(let day, _, _), .day(let day): day
        case .month(let year, let month): Day(year, month, 1)
        }
    }

    public var start: LocalTime? {
        if case .timed(_, let from, _) = self { from } else { nil }
    }
}

/// How a person took part in a meeting.
public struct Attendance: Hashable, Sendable {
    public enum Mode: String, Hashable, Sendable, CaseIterable {
        case present
        case remote
        case absent

        public var label: String {
            switch self {
            case .present: "närvarande"
            case .remote: "på distans"
            case .absent: "frånvarande"
            }
        }
    }

    public let person: Person.ID
    /// The municipality the person attended for, as the minutes say.
    public let municipality: Municipality.ID?
    public let mode: Mode

    public init(_ person: Person.ID, for municipality: Municipality.ID? = nil, _ mode: Mode) {
        self.person = person
        self.municipality = municipality
        self.mode = mode
    }
}

/// One item on a meeting's agenda.
public struct AgendaItem: Hashable, Sendable {
    public let number: Int
    public let title: String
    public let summary: String?
    public let presenters: [Person.ID]

    public init(_ number: Int, _ title: String, summary: String? = nil, presenters: [Person.ID] = []) {
        self.number = number
        self.title = title
        self.summary = summary
        self.presenters = presenters
    }
}

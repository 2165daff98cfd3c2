public import Registry

extension Registry {
    /// Every event the registry implies, in chronological order: meetings whose day is
    /// known, decision deadlines, and staff start dates.
    ///
    /// Meetings known only by month (history recalled in later minutes) have no day to
    /// place in a calendar and are left out.
    public func calendarEvents() -> [CalendarEvent] { Array(calendarEventStream()) }

    /// The same events as `calendarEvents()`, derived one at a time while iterating, so
    /// an export of a large registry holds one event in memory, not all of them. Only
    /// the order (a small key per event) is computed up front.
    public func calendarEventStream() -> CalendarEventStream { CalendarEventStream(self) }

    fileprivate func meetingEvent(_ meeting: Meeting, _ directory: SeatIndex) -> CalendarEvent? {
        let timing: CalendarEvent.Timing
        switch meeting.time {
        case .timed(let day, let from, let to): timing = .timed(day, from: from, to: to)
        case .day(let day): timing = .allDay(day)
        case .month: return nil
        }
        let bodyName = self[meeting.body]?.name ?? meeting.body.rawValue
        var lines = [bodyName]
        if case .allDay = timing { lines.append("Tid ej fastställd.") }
        if let remote = meeting.remote { lines.append("Distansdeltagande: \(remote)") }
        if meeting.isCancelled { lines.append("Mötet är inställt.") }
        if !meeting.agenda.isEmpty {
            lines.append("")
            lines.append("Dagordning:")
            for item in meeting.agenda { lines.append("\(item.number). \(item.title)") }
        }
        lines.append("")
        lines.append(citation(meeting.source))

        var place = meeting.place
        if let remote = meeting.remote {
            place = place.map { "\($0) (även via \(remote))" } ?? remote
        }
        return CalendarEvent(
            uid: Self.uid("meeting", meeting.id.rawValue),
            kind: .meeting,
            timing: timing,
            summary: (meeting.isCancelled ? "INSTÄLLT: " : "") + meeting.title,
            description: lines.joined(separator: "\n"),
            location: place,
            status: meeting.isCancelled ? .cancelled : .confirmed,
            alarm: nil,
            revised: revised(meeting.source) ?? timing.day,
            municipalities: directory.municipalities(concernedBy: meeting, on: timing.day),
            bodies: [meeting.body]
        )
    }

    fileprivate func deadlineEvent(_ decision: Decision, _ directory: SeatIndex)
        -> CalendarEvent?
    {
        guard let deadline = decision.deadline else { return nil }
        let meeting = self[decision.meeting]
        var bodies: Set<Body.ID> = []
        if let meeting { bodies.insert(meeting.body) }
        var actorNames: [String] = []
        for actor in decision.actors {
            switch actor {
            case .person(let person): actorNames.append(self[person]?.name ?? person.rawValue)
            case .body(let body):
                actorNames.append(self[body]?.name ?? body.rawValue)
                bodies.insert(body)
            case .municipality(let municipality):
                actorNames.append(self[municipality]?.name ?? municipality.rawValue)
            case .everyMunicipality: actorNames.append("varje kommun")
            }
        }
        var lines = [decision.text, ""]
        if !actorNames.isEmpty { lines.append("Ansvariga: \(actorNames.joined(separator: ", "))") }
        if let meeting {
            let when = meeting.time.day.map { " \($0.swedishText)" } ?? ""
            lines.append("Beslut: \(meeting.title)\(when), punkt \(decision.item)")
        }
        lines.append(citation(decision.source))
        return CalendarEvent(
            uid: Self.uid("deadline", decision.id.rawValue),
            kind: .deadline,
            timing: .allDay(deadline),
            summary: "Sista dag: \(decision.title)",
            description: lines.joined(separator: "\n"),
            location: nil,
            status: .confirmed,
            alarm: CalendarEvent.Alarm(
                minutesBefore: 15 * 60, description: "Sista dag i morgon: \(decision.title)"),
            revised: revised(decision.source) ?? deadline,
            municipalities: directory.municipalities(concernedBy: decision, on: deadline),
            bodies: bodies
        )
    }

    fileprivate func startDateEvent(
        _ appointment: StaffAppointment, _ directory: SeatIndex
    ) -> CalendarEvent {
        let name = self[appointment.person]?.name ?? appointment.person.rawValue
        let bodyName = self[appointment.body]?.name ?? appointment.body.rawValue
        let description = [
            "\(name) börjar som \(appointment.title) i \(bodyName) den \(appointment.starts.swedishText).",
            "",
            citation(appointment.source),
        ]
        return CalendarEvent(
            uid: Self.uid("start", appointment.id.rawValue),
            kind: .startDate,
            timing: .allDay(appointment.starts),
            summary: "Börjar: \(name), \(appointment.title)",
            description: description.joined(separator: "\n"),
            location: nil,
            status: .confirmed,
            alarm: nil,
            revised: revised(appointment.source) ?? appointment.starts,
            municipalities: directory.municipalities(concernedBy: appointment),
            bodies: [appointment.body]
        )
    }

    /// "Källa: Protokoll …, punkt 3".
    private func citation(_ source: Source) -> String {
        let title = self[source.document]?.title ?? source.document.rawValue
        return "Källa: \(title)" + (source.item.map { ", punkt \($0)" } ?? "")
    }

    /// A UID from the record's kind and ID: the same record keeps its UID forever.
    static func uid(_ kind: String, _ id: String) -> String {
        "\(kind)-\(id)@familjenhelsingborg.se"
    }
}

/// The registry's events in chronological order (day, all-day before timed, start time,
/// UID), each derived from its record when the iteration reaches it.
public struct CalendarEventStream: Sequence, Sendable {
    /// A record that yields an event, and where it sorts.
    private struct Entry: Sendable {
        enum Source: Sendable {
            case meeting(Int)
            case deadline(Int)
            case startDate(Int)
        }
        let source: Source
        let day: Day
        let minute: Int
        let uid: String
    }

    private let registry: Registry
    private let directory: SeatIndex
    private let entries: [Entry]

    init(_ registry: Registry) {
        self.registry = registry
        self.directory = SeatIndex(registry)
        var entries: [Entry] = []
        entries.reserveCapacity(
            registry.meetings.count + registry.decisions.count + registry.appointments.count)
        for (index, meeting) in registry.meetings.enumerated() {
            guard let day = meeting.time.day else { continue }
            let minute = meeting.time.start?.minutesSinceMidnight ?? -1
            entries.append(
                Entry(
                    source: .meeting(index), day: day, minute: minute,
                    uid: Registry.uid("meeting", meeting.id.rawValue)))
        }
        for (index, decision) in registry.decisions.enumerated() {
            guard let deadline = decision.deadline else { continue }
            entries.append(
                Entry(
                    source: .deadline(index), day: deadline, minute: -1,
                    uid: Registry.uid("deadline", decision.id.rawValue)))
        }
        for (index, appointment) in registry.appointments.enumerated() {
            entries.append(
                Entry(
                    source: .startDate(index), day: appointment.starts, minute: -1,
                    uid: Registry.uid("start", appointment.id.rawValue)))
        }
        entries.sort { a, b in
            if a.day != b.day { return a.day < b.day }
            if a.minute != b.minute { return a.minute < b.minute }
            return a.uid < b.uid
        }
        self.entries = entries
    }

    /// How many events the stream yields.
    public var underestimatedCount: Int { entries.count }

    public func makeIterator() -> Iterator { Iterator(stream: self) }

    public struct Iterator: IteratorProtocol {
        private let stream: CalendarEventStream
        private var position = 0

        fileprivate init(stream: CalendarEventStream) { self.stream = stream }

        public mutating func next() -> CalendarEvent? {
            while position < stream.entries.count {
                defer { position += 1 }
                if let event = stream.event(stream.entries[position]) { return event }
            }
            return nil
        }
    }

    private func event(_ entry: Entry) -> CalendarEvent? {
        switch entry.source {
        case .meeting(let index): registry.meetingEvent(registry.meetings[index], directory)
        case .deadline(let index): registry.deadlineEvent(registry.decisions[index], directory)
        case .startDate(let index): registry.startDateEvent(registry.appointments[index], directory)
        }
    }
}

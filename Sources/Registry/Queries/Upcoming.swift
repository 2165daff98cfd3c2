// What happens next: meetings, decision deadlines and staff start dates, in date order.

extension Registry {
    /// Events from `from` through `from + days` (both days included), in date order.
    ///
    /// - Parameters:
    ///   - from: The first day covered: today in Europe/Stockholm, as the caller knows it.
    ///   - days: How many days after `from` to cover; 0 covers `from` alone.
    ///   - municipality: When given, only the events that concern it (see `concerns`).
    ///   - kinds: The kinds of event to include.
    public func upcoming(
        from: Day, days: Int, municipality: Municipality.ID? = nil,
        kinds: [UpcomingEvent.Kind] = UpcomingEvent.Kind.allCases
    ) -> UpcomingReport {
        let through = from.adding(days: max(0, days))
        let chosen = UpcomingEvent.Kind.allCases.filter(kinds.contains)
        let events = allEvents.filter { event in
            chosen.contains(event.kind) && from <= event.date && event.date <= through
                && (municipality.map { concerns(event, municipality: $0) } ?? true)
        }
        return UpcomingReport(
            from: from, through: through, municipality: municipality.flatMap(ref), kinds: chosen,
            events: events)
    }

    /// Every event whose day is known, in date order: all-day events first on a day, then
    /// by start time, kind, title and ID. Meetings known only by month are left out.
    public var allEvents: [UpcomingEvent] {
        var events: [UpcomingEvent] = []
        for meeting in uniqueMeetings {
            guard let day = meeting.time.day else { continue }
            var end: LocalTime?
            if case .timed(_, _, let to) = meeting.time { end = to }
            events.append(
                UpcomingEvent(
                    kind: .meeting, id: meeting.id.rawValue, date: day, start: meeting.time.start, end: end,
                    title: meeting.title, body: ref(meeting.body), person: nil, place: meeting.place,
                    remote: meeting.remote, status: meeting.status))
        }
        for decision in uniqueDecisions {
            guard let deadline = decision.deadline else { continue }
            events.append(
                UpcomingEvent(
                    kind: .deadline, id: decision.id.rawValue, date: deadline, start: nil, end: nil,
                    title: decision.title, body: self[decision.meeting].map { ref($0.body) }, person: nil,
                    place: nil, remote: nil, status: .scheduled))
        }
        for appointment in appointments {
            let person = ref(appointment.person)
            events.append(
                UpcomingEvent(
                    kind: .startDate, id: appointment.id.rawValue, date: appointment.starts, start: nil,
                    end: nil, title: "\(person.name) börjar som \(appointment.title)",
                    body: ref(appointment.body), person: person, place: nil, remote: nil, status: .scheduled))
        }
        let kindOrder = Dictionary(
            uniqueKeysWithValues: UpcomingEvent.Kind.allCases.enumerated().map { ($1, $0) })
        func key(_ event: UpcomingEvent) -> (Day, Int, Int, String, String) {
            (
                event.date, event.start.map { $0.minutesSinceMidnight + 1 } ?? 0, kindOrder[event.kind]!,
                Text.fold(event.title), event.id
            )
        }
        return events.sorted { key($0) < key($1) }
    }

    /// Whether an event concerns a municipality:
    ///
    /// - a meeting, when the municipality holds a seat in the meeting's body on its day or
    ///   is on its attendance list;
    /// - a deadline, when the decision names the municipality, every municipality, a
    ///   person who holds a seat for it, or a body in which it holds a seat;
    /// - a start date, when the body belongs to the municipality or it holds a seat there.
    public func concerns(_ event: UpcomingEvent, municipality: Municipality.ID) -> Bool {
        let seats = memberships.filter { $0.municipality == municipality && $0.isInForce(on: event.date) }
        let bodies = Set(seats.map(\.body))
        switch event.kind {
        case .meeting:
            guard let meeting = self[Meeting.ID(event.id)] else { return false }
            return bodies.contains(meeting.body)
                || meeting.attendance.contains { $0.municipality == municipality }
        case .deadline:
            guard let decision = self[Decision.ID(event.id)] else { return false }
            let people = Set(seats.map(\.person))
            return decision.actors.contains { actor in
                switch actor {
                case .everyMunicipality: true
                case .municipality(let id): id == municipality
                case .person(let id): people.contains(id)
                case .body(let id): bodies.contains(id)
                }
            }
        case .startDate:
            guard let body = event.body?.id else { return false }
            return self[body]?.municipality == municipality || bodies.contains(body)
        }
    }
}

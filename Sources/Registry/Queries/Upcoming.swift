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
        let seats = SeatIndex(self)
        let events = events(from: from, through: through).filter { event in
            chosen.contains(event.kind)
                && (municipality.map { concerns(event, municipality: $0, seats: seats) } ?? true)
        }
        return UpcomingReport(
            from: from, through: through, municipality: municipality.flatMap(ref), kinds: chosen,
            events: events)
    }

    /// Every event whose day is known, in date order: all-day events first on a day, then
    /// by start time, kind, title and ID. Meetings known only by month are left out.
    public var allEvents: [UpcomingEvent] { events(from: nil, through: nil) }

    /// The events whose day lies in a range (either end open), in the order of `allEvents`.
    /// Records outside the range are skipped before anything is built or sorted, so a
    /// 30-day window of a large registry costs little.
    func events(from: Day?, through: Day?) -> [UpcomingEvent] {
        func inRange(_ day: Day) -> Bool {
            from.map { $0 <= day } ?? true && through.map { day <= $0 } ?? true
        }
        var events: [UpcomingEvent] = []
        for meeting in uniqueMeetings {
            guard let day = meeting.time.day, inRange(day) else { continue }
            var end: LocalTime?
            if case .timed(_, _, let to) = meeting.time { end = to }
            events.append(
                UpcomingEvent(
                    kind: .meeting, id: meeting.id.rawValue, date: day, start: meeting.time.start, end: end,
                    title: meeting.title, body: ref(meeting.body), person: nil, place: meeting.place,
                    remote: meeting.remote, status: meeting.status))
        }
        for decision in uniqueDecisions {
            guard let deadline = decision.deadline, inRange(deadline) else { continue }
            events.append(
                UpcomingEvent(
                    kind: .deadline, id: decision.id.rawValue, date: deadline, start: nil, end: nil,
                    title: decision.title, body: self[decision.meeting].map { ref($0.body) }, person: nil,
                    place: nil, remote: nil, status: .scheduled))
        }
        for appointment in appointments where inRange(appointment.starts) {
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
        // Keys computed once per event, not once per comparison: folding titles is not free.
        return events.map { (key($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Whether an event concerns a municipality, by the rules of `SeatIndex` (the same
    /// that decide what a municipality's calendar feed holds).
    public func concerns(_ event: UpcomingEvent, municipality: Municipality.ID) -> Bool {
        concerns(event, municipality: municipality, seats: SeatIndex(self))
    }

    func concerns(_ event: UpcomingEvent, municipality: Municipality.ID, seats: SeatIndex) -> Bool {
        switch event.kind {
        case .meeting:
            guard let meeting = self[Meeting.ID(event.id)] else { return false }
            return seats.municipalities(concernedBy: meeting, on: event.date).contains(municipality)
        case .deadline:
            guard let decision = self[Decision.ID(event.id)] else { return false }
            return seats.municipalities(concernedBy: decision, on: event.date).contains(municipality)
        case .startDate:
            let appointment = appointments.first { $0.id.rawValue == event.id }
            return appointment.map { seats.municipalities(concernedBy: $0).contains(municipality) } ?? false
        }
    }
}

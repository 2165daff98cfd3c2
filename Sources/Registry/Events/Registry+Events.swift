extension Registry {
    /// Every event the registry implies, in the one order used everywhere: by day, all-day
    /// events before timed ones, then by start time, kind and ID.
    ///
    /// Meetings known only by month (history recalled in later minutes) have no day to
    /// place and are left out. A record whose ID was written twice yields one event (the
    /// first record; the validator reports the second).
    public func events() -> [Event] {
        var sets = EventSets(SeatIndex(self))
        let people = PeopleIndex(self)
        let requests = Dictionary(grouping: uniqueActionRequests, by: \.decision)
        var events: [Event] = []
        // Room for every event at once and little more: the array lives as long as they do.
        events.reserveCapacity(
            meetings.count + decisions.count(where: { $0.deadline != nil }) + appointments.count
                + 2 * bodies.count)
        for meeting in uniqueMeetings {
            if let event = event(meeting, &sets, people) { events.append(event) }
        }
        for decision in uniqueDecisions {
            if let event = event(decision, &sets, people, requests[decision.id] ?? []) {
                events.append(event)
            }
        }
        for appointment in uniqueAppointments { events.append(event(appointment, &sets, people)) }
        for body in uniqueBodies { events += self.events(body, &sets, people) }
        Event.sort(&events)
        return events
    }

    private func event(_ meeting: Meeting, _ sets: inout EventSets, _ people: PeopleIndex) -> Event? {
        let timing: Event.Timing
        switch meeting.time {
        case .timed(let day, let from, let to): timing = .timed(day, from: from, to: to)
        case .day(let day): timing = .allDay(day)
        case .month: return nil
        }
        return Event(
            origin: .meeting(meeting.id), timing: timing, title: meeting.title, status: meeting.status,
            place: meeting.place, remote: meeting.remote, body: meeting.body, person: nil,
            municipalities: sets.municipalities(sets.seats.marks(concernedBy: meeting, on: timing.day)),
            bodies: sets.bodies(meeting.body), people: people.people(attending: meeting, on: timing.day),
            source: meeting.source)
    }

    private func event(
        _ decision: Decision, _ sets: inout EventSets, _ people: PeopleIndex, _ requests: [ActionRequest]
    ) -> Event? {
        guard let deadline = decision.deadline else { return nil }
        let body = self[decision.meeting]?.body
        var bodies: Set<Body.ID> = body.map { [$0] } ?? []
        for case .body(let actor) in decision.actors { bodies.insert(actor) }
        return Event(
            origin: .deadline(decision.id), timing: .allDay(deadline), title: decision.title,
            status: .scheduled, place: nil, remote: nil, body: body, person: nil,
            municipalities: sets.municipalities(sets.seats.marks(concernedBy: decision, on: deadline)),
            bodies: sets.bodies(bodies),
            people: people.people(askedBy: decision, requests: requests, bodies: bodies, on: deadline),
            source: decision.source)
    }

    private func event(
        _ appointment: StaffAppointment, _ sets: inout EventSets, _ people: PeopleIndex
    ) -> Event {
        let name = self[appointment.person]?.name ?? appointment.person.rawValue
        return Event(
            origin: .startDate(appointment.id), timing: .allDay(appointment.starts),
            title: "\(name), \(appointment.title)", status: .scheduled, place: nil, remote: nil,
            body: appointment.body, person: appointment.person,
            municipalities: sets.municipalities(sets.seats.marks(concernedBy: appointment)),
            bodies: sets.bodies(appointment.body), people: people.people(startingWith: appointment),
            source: appointment.source)
    }
}

extension Registry {
    /// A body's start and end, when each has a known day. It concerns the municipalities
    /// with a seat in it, and the people who sit in it, on its first day, or on its last day
    /// when it closes.
    fileprivate func events(_ body: Body, _ sets: inout EventSets, _ people: PeopleIndex) -> [Event] {
        let stages: [(Lifecycle.Stage, Lifecycle.Start?)] = [
            (.active, body.lifecycle.active), (.closed, body.lifecycle.closed),
        ]
        return stages.compactMap { stage, start in
            guard let day = start?.day else { return nil }
            let inForce = stage == .closed ? day.adding(days: -1) : day
            let seated = sets.seats.marks(in: body.id, on: inForce, owner: body.municipality)
            return Event(
                origin: .bodyStage(body.id, stage), timing: .allDay(day), title: body.name,
                status: .scheduled,
                place: nil, remote: nil, body: body.id, person: nil,
                municipalities: sets.municipalities(seated), bodies: sets.bodies(body.id),
                people: people.people(sittingIn: body.id, on: inForce), source: body.source)
        }
    }
}

extension Event {
    /// What `precedes` compares, taken out of the event once: sorting the keys moves
    /// small values instead of whole events.
    private struct SortKey: Comparable {
        let day: Day
        let minute: Int
        let kind: Int
        let id: String
        /// The event's place in the list being sorted: equal keys keep their order.
        let position: Int

        init(_ event: Event, at position: Int) {
            day = event.day
            minute = event.timing.start?.minutesSinceMidnight ?? -1
            kind = Kind.allCases.firstIndex(of: event.kind)!
            id = event.id
            self.position = position
        }

        static func < (a: SortKey, b: SortKey) -> Bool {
            if a.day != b.day { return a.day < b.day }
            if a.minute != b.minute { return a.minute < b.minute }
            if a.kind != b.kind { return a.kind < b.kind }
            if a.id != b.id { return a.id < b.id }
            return a.position < b.position
        }
    }

    /// Puts `events` in `precedes` order (events that neither precedes keep their order):
    /// the keys are sorted in place, then the events are moved into place by following the
    /// cycles of that permutation, so no second array of events or of keys is ever held.
    static func sort(_ events: inout [Event]) {
        var order = events.enumerated().map { SortKey($1, at: $0) }
        order.sort()
        var placed = [Bool](repeating: false, count: events.count)
        for start in events.indices where !placed[start] {
            // Along the cycle, the event first at `start` travels forward one swap at a
            // time while each slot receives the event that belongs there.
            var current = start
            while true {
                placed[current] = true
                let next = order[current].position
                if next == start { break }
                events.swapAt(current, next)
                current = next
            }
        }
    }

    /// The order of every list of events: day, all-day before timed, start time, kind, ID.
    public static func precedes(_ a: Event, _ b: Event) -> Bool {
        if a.day != b.day { return a.day < b.day }
        let aMinute = a.timing.start?.minutesSinceMidnight ?? -1
        let bMinute = b.timing.start?.minutesSinceMidnight ?? -1
        if aMinute != bMinute { return aMinute < bMinute }
        if a.kind != b.kind { return a.kind < b.kind }
        return a.id < b.id
    }
}

extension [Event] {
    /// The events from `from` through `through` (both included), found by binary search:
    /// the array must be in `Event.precedes` order, as `Registry.events()` returns it.
    public func between(_ from: Day, and through: Day) -> ArraySlice<Event> {
        func firstIndex(onOrAfter day: Day) -> Int {
            var low = startIndex
            var high = endIndex
            while low < high {
                let middle = (low + high) / 2
                if self[middle].day < day { low = middle + 1 } else { high = middle }
            }
            return low
        }
        let lower = firstIndex(onOrAfter: from)
        let upper = Swift.max(lower, firstIndex(onOrAfter: through.adding(days: 1)))
        return self[lower..<upper]
    }
}

// What happens next: meetings, decision deadlines and staff start dates, in date order.

extension Registry {
    /// Events from `from` through `from + days` (both days included), in date order.
    ///
    /// - Parameters:
    ///   - from: The first day covered: today in Europe/Stockholm, as the caller knows it.
    ///   - days: How many days after `from` to cover; 0 covers `from` alone.
    ///   - municipality: When given, only the events that concern it (see `SeatIndex`).
    ///   - kinds: The kinds of event to include.
    ///   - events: The registry's events, when the caller has derived them already.
    public func upcoming(
        from: Day, days: Int, municipality: Municipality.ID? = nil,
        kinds: Set<Event.Kind> = Set(Event.Kind.allCases), events: [Event]? = nil
    ) -> UpcomingReport {
        let through = from.adding(days: max(0, days))
        let chosen = Event.Kind.allCases.filter(kinds.contains)
        let selected = (events ?? self.events()).between(from, and: through).filter { event in
            kinds.contains(event.kind) && (municipality.map(event.municipalities.contains) ?? true)
        }
        return UpcomingReport(
            from: from, through: through, municipality: municipality.flatMap(ref), kinds: chosen,
            events: selected.map(upcomingEvent))
    }

    /// An event as `upcoming` reports it, with names instead of IDs.
    public func upcomingEvent(_ event: Event) -> UpcomingEvent {
        UpcomingEvent(
            kind: event.kind, id: event.id, date: event.day, start: event.timing.start,
            end: event.timing.end, title: event.title, body: event.body.map(ref),
            person: event.person.map(ref), place: event.place, remote: event.remote, status: event.status)
    }
}

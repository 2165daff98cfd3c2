import CalendarFeeds
import Registry

extension Pages {
    /// A person's page: what they represent today and over time (`represents`), their
    /// upcoming meetings and deadlines (what their personal feed holds), and the feed's
    /// subscribe block.
    static func person(_ person: Person, site: Site) -> String {
        let representation = site.registry.representation(ofPerson: person.id, on: dataDay(site))
        let assignment = { (seat: Seat) in Self.assignment(seat, site: site) }
        let current = representation.current.map(assignment)
        let upcoming = representation.upcoming.map(assignment)
        let past = representation.past.map(assignment)
        let selection = FeedSelection(person: person.id)
        let view = PersonView(
            frame: Frame(
                site: site, title: "\(person.name) – Familjen Helsingborg", heading: person.name,
                description:
                    "\(person.name) i Familjen Helsingborg: uppdrag, kommande möten och sista dagar, "
                    + "och en egen kalender att prenumerera på.",
                crumbs: [Frame.crumb(.person)]),
            personName: person.name, current: current, hasCurrent: !current.isEmpty,
            upcomingAssignments: upcoming, hasUpcomingAssignments: !upcoming.isEmpty, past: past,
            hasPast: !past.isEmpty, events: events(site, selection),
            feed: site.feedIndex.standard(selection).map { feedView($0, site: site) })
        return Templates.render(view, "person")
    }

    /// One seat: the role, the body, the municipality it is held for, and its term.
    static func assignment(_ seat: Seat, site: Site) -> PersonView.Assignment {
        PersonView.Assignment(
            role: seat.acting ? "\(seat.role.displayTitle) (tf)" : seat.role.displayTitle,
            bodyName: seat.body.displayName,
            bodyPath: site.path(.body(seat.body.id)), forMunicipality: seat.municipality?.name,
            municipalityPath: seat.municipality.flatMap { site.path(.municipality($0.id)) },
            term: termText(from: seat.from, to: seat.to))
    }

    /// "sedan 1 februari 2026", "från 1 juni 2026", "till och med 31 maj 2026",
    /// "1 februari 2026 – 31 maj 2026": the last day is the one before `to`.
    static func termText(from: Day?, to: Day?) -> String {
        let last = to.map { $0.adding(days: -1).swedishText }
        switch (from, last) {
        case (let from?, let last?): return "\(from.swedishText) – \(last)"
        case (let from?, nil): return "från \(from.swedishText)"
        case (nil, let last?): return "till och med \(last)"
        case (nil, nil): return "sedan före registrets början"
        }
    }
}

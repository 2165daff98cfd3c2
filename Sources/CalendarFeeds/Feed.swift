public import ICalendar
public import Registry

/// Which events a feed holds: any combination of kinds, narrowed to one municipality,
/// one body and/or one person's own events (`Event.people`). Equal selections give equal
/// feeds, byte for byte.
public struct FeedSelection: Hashable, Sendable {
    public let kinds: Set<Event.Kind>
    public let municipality: Municipality.ID?
    public let body: Body.ID?
    public let person: Person.ID?

    public init(
        kinds: Set<Event.Kind> = Set(Event.Kind.allCases),
        municipality: Municipality.ID? = nil, body: Body.ID? = nil, person: Person.ID? = nil
    ) {
        self.kinds = kinds
        self.municipality = municipality
        self.body = body
        self.person = person
    }

    public func includes(_ event: Event) -> Bool {
        kinds.contains(event.kind)
            && municipality.map { event.municipalities.contains($0) } ?? true
            && body.map { event.bodies.contains($0) } ?? true
            && person.map { event.people.contains($0) } ?? true
    }
}

/// A published calendar: where it lives, what it is called, and what it holds.
///
/// Feeds stay small however long the registry grows: the current feeds hold events from
/// the start of the previous year on (`Registry.feedWindowStart`), and each finished year
/// also has an archive feed of its own (`archive/2025.ics`).
public struct Feed: Hashable, Sendable {
    /// Which days a feed holds.
    public enum Period: Hashable, Sendable {
        /// Events on or after this day.
        case since(Day)
        /// Events of one calendar year: an archive.
        case year(Int)

        public func contains(_ day: Day) -> Bool {
            switch self {
            case .since(let start): day >= start
            case .year(let year): day.year == year
            }
        }
    }

    /// Relative path under `Exports/` and `/feeds/`: `municipalities/bjuv.ics`.
    public let path: String
    /// The calendar's name in the subscriber's list (NAME and X-WR-CALNAME).
    public let name: String
    /// DESCRIPTION and X-WR-CALDESC. Worded without `,` and `;`: libical 3.0.16 does not
    /// escape them in X- properties, so the encoder leaves them out of X-WR-CALDESC.
    public let description: String
    public let selection: FeedSelection
    public let period: Period
    /// For a feed kept only so that its published address keeps answering (an outside
    /// organisation's): the path of the feed to subscribe to instead. Listings leave it out.
    public let replacedBy: String?

    public init(
        path: String, name: String, description: String, selection: FeedSelection, period: Period,
        replacedBy: String? = nil
    ) {
        self.path = path
        self.name = name
        self.description = description
        self.selection = selection
        self.period = period
        self.replacedBy = replacedBy
    }

    /// Whether the feed is only an old address that says where to subscribe instead.
    public var isRetired: Bool { replacedBy != nil }

    /// Whether the feed holds `event`: selected, and within its period.
    public func holds(_ event: Event) -> Bool { period.contains(event.day) && selection.includes(event) }

    /// Whether this is a yearly archive rather than a current feed.
    public var isArchive: Bool {
        if case .year = period { return true }
        return false
    }

    static let collaboration = "Familjen Helsingborg"

    /// Where a person's own feed lives: `people/agneta-fristedt.ics`.
    public static func personalPath(_ person: Person) -> String { "people/\(person.id.rawValue).ics" }

    /// Where any selection is served (`/feeds/custom.ics?kind=…&municipality=…&body=…`).
    public static let customPath = "custom.ics"

    /// NAME, DESCRIPTION and their X-WR twins.
    public var header: VCalendarHeader { VCalendarHeader(name: name, description: description) }
}

extension Registry {
    /// The first day the current feeds hold: 1 January of the year before the newest
    /// document's. Earlier events are only in the yearly archives. Derived from the data,
    /// not the clock, so the same data always exports the same feeds.
    public var feedWindowStart: Day { Day(latestRevision.year - 1, 1, 1) }

    /// The people with a feed of their own, by ID: everyone who holds or has held a
    /// membership or a staff appointment, unless their schedule is not published.
    public var personalFeedHolders: [Person] {
        var seen = Set<Person.ID>()
        return people.filter { hasPersonalSchedule($0.id) && seen.insert($0.id).inserted }
            .sorted { $0.id.rawValue < $1.id.rawValue }
    }

    /// The finished years that get an archive feed: every year before the newest
    /// document's in which something happened, oldest first.
    public func archiveYears(_ events: [Event]) -> [Int] {
        let current = latestRevision.year
        return Set(events.lazy.map(\.day.year).filter { $0 < current }).sorted()
    }

    /// The feeds `samverkan export` writes and the server serves, in a fixed order:
    /// everything, one per kind, one per municipality, one per body, one per person
    /// (`personalFeedHolders`), then the yearly archives.
    ///
    /// - Parameter events: `events()`, when the caller has them already.
    public func standardFeeds(events: [Event]? = nil) -> [Feed] {
        let name = Feed.collaboration
        let current = Feed.Period.since(feedWindowStart)
        var feeds = [
            Feed(
                path: "all.ics", name: name,
                description: "Möten samt sista dagar och startdatum i \(name).",
                selection: FeedSelection(), period: current),
            Feed(
                path: "meetings.ics", name: "\(name): möten",
                description: "Möten i \(name)s organ och nätverk.",
                selection: FeedSelection(kinds: [.meeting]), period: current),
            Feed(
                path: "deadlines.ics", name: "\(name): sista dagar",
                description: "Sista dagar som följer av beslut i \(name).",
                selection: FeedSelection(kinds: [.deadline]), period: current),
            Feed(
                path: "start-dates.ics", name: "\(name): startdatum",
                description: "När ny personal börjar i \(name).",
                selection: FeedSelection(kinds: [.startDate]), period: current),
        ]
        for municipality in municipalities.sorted(by: { $0.slug < $1.slug }) {
            feeds.append(
                Feed(
                    path: "municipalities/\(municipality.slug).ics",
                    name: "\(name): \(municipality.name)",
                    description: "Det som rör \(municipality.officialName) i \(name).",
                    selection: FeedSelection(municipality: municipality.id), period: current))
        }
        feeds += bodies.sorted(by: { $0.slug < $1.slug }).map { bodyFeed($0, period: current) }
        for person in personalFeedHolders {
            feeds.append(
                Feed(
                    path: Feed.personalPath(person), name: "\(name): \(person.name)",
                    description: "Möten samt sista dagar och startdatum för \(person.name) i \(name).",
                    selection: FeedSelection(person: person.id), period: current))
        }
        for year in archiveYears(events ?? self.events()) {
            feeds.append(
                Feed(
                    path: "archive/\(year).ics", name: "\(name): arkiv \(year)",
                    description: "Allt som hände i \(name) under \(year).",
                    selection: FeedSelection(), period: .year(year)))
        }
        return feeds
    }
}

extension Registry {
    /// A body's feed. An outside organisation has no calendar here: its published address
    /// stays, empty, and says where to subscribe instead.
    func bodyFeed(_ body: Body, period: Feed.Period) -> Feed {
        let name = Feed.collaboration
        guard body.kind == .external else {
            return Feed(
                path: "bodies/\(body.slug).ics", name: "\(name): \(body.displayName)",
                description: "Möten samt sista dagar och startdatum för \(body.nameInSentence).",
                selection: FeedSelection(body: body.id), period: period)
        }
        let instead = publicURL.map { "\($0)/\(SiteMap.feedsFolder)/all.ics" } ?? "all.ics"
        return Feed(
            path: "bodies/\(body.slug).ics", name: "\(name): \(body.name) (ingen egen kalender)",
            description:
                "\(body.name) är en organisation utanför \(name) och har ingen kalender här. "
                + "Prenumerera i stället på \(name)s kalender: \(instead)",
            selection: FeedSelection(kinds: [], body: body.id), period: period, replacedBy: "all.ics")
    }
}

extension Registry {
    /// The feed for any selection: the standard feed when one holds exactly it, else a
    /// feed named from the selection in a fixed order, so the name never depends on how a
    /// query was written ("Familjen Helsingborg: Bjuv – möten och sista dagar").
    public func feed(for selection: FeedSelection, among standard: FeedIndex) -> Feed {
        if let feed = standard.standard(selection) { return feed }
        var scope: [String] = []
        if let id = selection.municipality { scope.append(self[id]?.name ?? id.rawValue) }
        if let id = selection.body { scope.append(self[id]?.displayName ?? id.rawValue) }
        if let id = selection.person { scope.append(self[id]?.name ?? id.rawValue) }
        let kinds = selection.kinds.sorted()
        let kindText =
            kinds.count == Event.Kind.allCases.count
            ? "allt" : kinds.map(\.pluralLabel).joined(separator: " och ")
        let title = (scope.isEmpty ? "" : scope.joined(separator: " / ") + " – ") + kindText
        return Feed(
            path: Feed.customPath, name: "\(Feed.collaboration): \(title)",
            description: "Eget urval ur \(Feed.collaboration)s kalender: \(title).",
            selection: selection, period: .since(feedWindowStart))
    }
}

public import Registry

/// Which events a feed holds: any combination of kinds, narrowed to one municipality
/// and/or one body. Equal selections give equal feeds, byte for byte.
public struct FeedSelection: Hashable, Sendable {
    public let kinds: Set<CalendarEvent.Kind>
    public let municipality: Municipality.ID?
    public let body: Body.ID?

    public init(
        kinds: Set<CalendarEvent.Kind> = Set(CalendarEvent.Kind.allCases),
        municipality: Municipality.ID? = nil, body: Body.ID? = nil
    ) {
        self.kinds = kinds
        self.municipality = municipality
        self.body = body
    }

    public func includes(_ event: CalendarEvent) -> Bool {
        kinds.contains(event.kind)
            && municipality.map { event.municipalities.contains($0) } ?? true
            && body.map { event.bodies.contains($0) } ?? true
    }
}

/// A published calendar: where it lives, what it is called, and what it holds.
public struct Feed: Hashable, Sendable {
    /// Relative path under `Exports/` and `/feeds/`: `municipalities/bjuv.ics`.
    public let path: String
    /// The calendar's name in the subscriber's list (NAME and X-WR-CALNAME).
    public let name: String
    public let description: String
    public let selection: FeedSelection

    public init(path: String, name: String, description: String, selection: FeedSelection) {
        self.path = path
        self.name = name
        self.description = description
        self.selection = selection
    }

    static let collaboration = "Familjen Helsingborg"
}

extension Registry {
    /// The feeds `samverkan export` writes and the server serves, in a fixed order:
    /// everything, one per kind, one per municipality, one per body.
    public func standardFeeds() -> [Feed] {
        let name = Feed.collaboration
        var feeds = [
            Feed(
                path: "all.ics", name: name,
                description: "Möten, sista dagar och startdatum i \(name).",
                selection: FeedSelection()),
            Feed(
                path: "meetings.ics", name: "\(name): möten",
                description: "Möten i \(name)s organ och nätverk.",
                selection: FeedSelection(kinds: [.meeting])),
            Feed(
                path: "deadlines.ics", name: "\(name): sista dagar",
                description: "Sista dagar som följer av beslut i \(name).",
                selection: FeedSelection(kinds: [.deadline])),
            Feed(
                path: "start-dates.ics", name: "\(name): startdatum",
                description: "När ny personal börjar i \(name).",
                selection: FeedSelection(kinds: [.startDate])),
        ]
        for municipality in municipalities.sorted(by: { $0.slug < $1.slug }) {
            feeds.append(
                Feed(
                    path: "municipalities/\(municipality.slug).ics",
                    name: "\(name): \(municipality.name)",
                    description: "Det som rör \(municipality.officialName) i \(name).",
                    selection: FeedSelection(municipality: municipality.id)))
        }
        for body in bodies.sorted(by: { $0.slug < $1.slug }) {
            feeds.append(
                Feed(
                    path: "bodies/\(body.slug).ics",
                    name: "\(name): \(body.name)",
                    description: "Möten, sista dagar och startdatum för \(body.name).",
                    selection: FeedSelection(body: body.id)))
        }
        return feeds
    }
}

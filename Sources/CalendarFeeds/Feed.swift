public import ICalendar
public import Registry

/// Which events a feed holds: any combination of kinds, narrowed to one municipality
/// and/or one body. Equal selections give equal feeds, byte for byte.
public struct FeedSelection: Hashable, Sendable {
    public let kinds: Set<Event.Kind>
    public let municipality: Municipality.ID?
    public let body: Body.ID?

    public init(
        kinds: Set<Event.Kind> = Set(Event.Kind.allCases),
        municipality: Municipality.ID? = nil, body: Body.ID? = nil
    ) {
        self.kinds = kinds
        self.municipality = municipality
        self.body = body
    }

    public func includes(_ event: Event) -> Bool {
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
    /// DESCRIPTION and X-WR-CALDESC. Worded without `,` and `;`: libical 3.0.16 does not
    /// escape them in X- properties, so the encoder leaves them out of X-WR-CALDESC.
    public let description: String
    public let selection: FeedSelection

    public init(path: String, name: String, description: String, selection: FeedSelection) {
        self.path = path
        self.name = name
        self.description = description
        self.selection = selection
    }

    static let collaboration = "Familjen Helsingborg"

    /// NAME, DESCRIPTION and their X-WR twins.
    public var header: VCalendarHeader { VCalendarHeader(name: name, description: description) }
}

extension Registry {
    /// The feeds `samverkan export` writes and the server serves, in a fixed order:
    /// everything, one per kind, one per municipality, one per body.
    public func standardFeeds() -> [Feed] {
        let name = Feed.collaboration
        var feeds = [
            Feed(
                path: "all.ics", name: name,
                description: "Möten samt sista dagar och startdatum i \(name).",
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
                    name: "\(name): \(body.displayName)",
                    description: "Möten samt sista dagar och startdatum för \(body.nameInSentence).",
                    selection: FeedSelection(body: body.id)))
        }
        return feeds
    }
}

extension Registry {
    /// The feed for any selection: the standard feed when one holds exactly it, else a
    /// feed named from the selection in a fixed order, so the name never depends on how a
    /// query was written ("Familjen Helsingborg: Bjuv – möten och sista dagar").
    public func feed(for selection: FeedSelection, among standard: [Feed]) -> Feed {
        if let feed = standard.first(where: { $0.selection == selection }) { return feed }
        var scope: [String] = []
        if let id = selection.municipality { scope.append(self[id]?.name ?? id.rawValue) }
        if let id = selection.body { scope.append(self[id]?.displayName ?? id.rawValue) }
        let kinds = selection.kinds.sorted()
        let kindText =
            kinds.count == Event.Kind.allCases.count
            ? "allt" : kinds.map(\.pluralLabel).joined(separator: " och ")
        let title = (scope.isEmpty ? "" : scope.joined(separator: " / ") + " – ") + kindText
        return Feed(
            path: "custom.ics", name: "\(Feed.collaboration): \(title)",
            description: "Eget urval ur \(Feed.collaboration)s kalender: \(title).",
            selection: selection)
    }
}

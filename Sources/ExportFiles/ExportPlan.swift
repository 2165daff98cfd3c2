import CalendarFeeds
import ICalendar
import Registry

/// The first step of an export, and of reading one back: the events, the feeds, which
/// feeds hold which event, and each feed's envelope. It depends on the registry alone.
struct ExportPlan: Sendable {
    let registry: Registry
    /// In `Event.precedes` order.
    let events: [Event]
    /// The standard feeds, in the order of their files.
    let feeds: [Feed]
    let routing: FeedRouting
    /// Each municipality's slug, worked out once for all events.
    let slugs: [Municipality.ID: String]
    /// Who represents which municipality when: the wording of each personal feed.
    let seats: SeatIndex
    /// What libical writes around each feed's events, in `feeds` order.
    let envelopes: [(opening: [UInt8], closing: [UInt8])]
    /// The newest document's date: the revision of whatever nothing newer dates.
    let latest: Instant
    /// Each meeting's decisions, in the registry's order, gathered once for all meetings.
    let decisionsByMeeting: [Meeting.ID: [Decision]]

    init(registry: Registry, encoder: ICalendarEncoder, events: [Event]? = nil) {
        self.registry = registry
        let events = events ?? registry.events()
        self.events = events
        feeds = registry.standardFeeds(events: events)
        routing = FeedRouting(feeds)
        slugs = Dictionary(
            registry.municipalities.map { ($0.id, $0.slug) }, uniquingKeysWith: { first, _ in first })
        seats = SeatIndex(registry)
        envelopes = feeds.map { encoder.envelope($0.header) }
        latest = Instant(registry.latestRevision)
        decisionsByMeeting = Dictionary(grouping: registry.decisions, by: \.meeting)
    }

    /// The files that depend on the registry alone: the spreadsheet and the Popolo export.
    static func registryFiles(_ registry: Registry, zone: ZoneInfo) -> [(path: String, bytes: [UInt8])] {
        [
            (Publication.representativesFile, Array(registry.representativesCSV().utf8)),
            (Publication.popoloFile, registry.popolo(zone: zone).json),
        ]
    }

    /// The standard feeds' events, by position in `events`, from each event's feeds.
    func members(_ feedsOfEvent: some Sequence<[Int]>) -> [[Int]] {
        var members = [[Int]](repeating: [], count: feeds.count)
        for (position, held) in feedsOfEvent.enumerated() {
            for index in held { members[index].append(position) }
        }
        return members
    }
}

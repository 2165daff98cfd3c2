import CalendarFeeds
public import ExportFiles
import ICalendar
public import Registry

/// What one person's weekly digest says, in Swedish: their meetings and deadlines in the
/// week and the one after, what their municipality has overdue, and the changes to their
/// events since their last digest; each item with its page.
public struct DigestContent: Sendable {
    /// One line of the digest.
    public struct Item: Hashable, Sendable {
        /// "tisdag 19 maj 2026 kl. 9.00–11.00", "senast 30 april 2026".
        public let when: String
        public let text: String
        /// The item's page.
        public let url: String?
    }

    public let person: Person
    public let week: Week
    public let meetings: [Item]
    public let deadlines: [Item]
    public let overdue: [Item]
    public let changes: [Item]
    /// The overdue items this digest mentions (`REQUEST#MUNICIPALITY`), for the state file.
    public let overdueKeys: [String]
    /// The person's feed and page.
    public let feedURL: String
    public let pageURL: String?

    /// Nothing to say: no meeting or deadline in the two weeks, nothing overdue to repeat,
    /// and no change since the last digest.
    public var isEmpty: Bool { meetings.isEmpty && deadlines.isEmpty && overdue.isEmpty && changes.isEmpty }

    /// - Parameters:
    ///   - events: `registry.events()`.
    ///   - changes: The change log, newest first.
    ///   - since: The last digest sent to the person (or seven days before `now`).
    ///   - overdueMentioned: The week each overdue item was last mentioned to the person:
    ///     an item still open is repeated at most every fourth week.
    public init(
        person: Person, week: Week, registry: Registry, events: [Event], changes: [ChangeEntry],
        since: Instant, now: Instant, overdueMentioned: [String: Week]
    ) {
        let siteMap = SiteMap(registry: registry)
        let seats = SeatIndex(registry)
        let theirs = events.filter { $0.people.contains(person.id) }
        let window = theirs.between(week.monday, and: week.lastDayOfNextWeek)
        func item(_ event: Event) -> Item {
            let wording = registry.wordingMunicipality(of: event, for: person.id, seats: seats)
            let shown =
                wording.map { registry.calendarEvent(event, for: $0) } ?? registry.calendarEvent(event)
            let text = shown.summary + (shown.location.map { ", \($0)" } ?? "")
            return Item(when: Self.when(event.timing), text: text, url: shown.url)
        }
        self.person = person
        self.week = week
        meetings = window.filter { $0.kind == .meeting }.map(item)
        deadlines = window.filter { $0.kind != .meeting }.map(item)
        let overdue = Self.overdue(
            of: person.id, week: week, registry: registry, seats: seats, siteMap: siteMap,
            mentioned: overdueMentioned)
        self.overdue = overdue.map(\.item)
        overdueKeys = overdue.map(\.key)
        let uids = Set(theirs.map { registry.uid($0) })
        self.changes = changes.filter { entry in
            entry.date > since && entry.date <= now
                && uids.contains(String(entry.uid.prefix { $0 != "#" }))
        }.reversed().map { Item(when: $0.date.day.swedishText, text: $0.text, url: $0.url) }
        let feed = registry.feed(
            for: FeedSelection(person: person.id), among: FeedIndex(registry.standardFeeds(events: events)))
        feedURL = siteMap.url(feed)
        pageURL = siteMap.url(.person(person.id))
    }

    /// What the municipalities the person represents on Monday have overdue that day, and
    /// was not mentioned to them in the three weeks before.
    static func overdue(
        of person: Person.ID, week: Week, registry: Registry, seats: SeatIndex, siteMap: SiteMap,
        mentioned: [String: Week]
    ) -> [(key: String, item: Item)] {
        let represented = seats.municipalities(representedBy: person, on: week.monday).sorted()
        return represented.flatMap { municipality in
            registry.openActions(on: week.monday, municipality: municipality).filter(\.status.isOverdue)
                .compactMap { standing -> (String, Item)? in
                    let key = "\(standing.request.id.rawValue)#\(municipality.rawValue)"
                    if let last = mentioned[key], week < last.adding(weeks: 4) { return nil }
                    let decision = registry[standing.request.decision]
                    let title = decision.map { " (”\($0.title)”)" } ?? ""
                    return (
                        key,
                        Item(
                            when: "senast \(standing.status.dueDay.swedishText)",
                            text: "\(standing.partyName): \(standing.request.what)\(title)",
                            url: siteMap.url(.decision(standing.request.decision)))
                    )
                }
        }
    }

    /// "tisdag 19 maj 2026 kl. 9.00–11.00", "fredag 22 maj 2026".
    static func when(_ timing: Event.Timing) -> String {
        let weekdays = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
        let day = "\(weekdays[timing.day.weekday - 1]) \(timing.day.swedishText)"
        guard let from = timing.start, let to = timing.end else { return day }
        return "\(day) kl. \(from.swedishText)–\(to.swedishText)"
    }
}

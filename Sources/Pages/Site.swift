public import CalendarFeeds
public import ExportFiles
public import Registry

/// What every page needs: the registry, its feeds and events, and the public address
/// subscribe links point at. Built once; pages are pure functions of it and a date.
public struct Site: Sendable {
    public var registry: Registry { siteMap.registry }
    /// `https://kalender.example.se`, no trailing slash.
    public var publicURL: String { siteMap.publicURL }
    /// Where each page and feed lives, under `publicURL`.
    public let siteMap: SiteMap
    /// The standard feeds, by path and by selection.
    public let feedIndex: FeedIndex
    public var feeds: [Feed] { feedIndex.feeds }
    /// The registry's events, in order: derived once, by whoever rendered the feeds.
    public let events: [Event]
    /// The change log, newest first ("Senaste ändringar", `/api/changes`).
    public let changes: [ChangeEntry]

    public init(
        registry: Registry, publicURL: String, feeds: [Feed], events: [Event], changes: [ChangeEntry] = []
    ) {
        self.siteMap = SiteMap(registry: registry, publicURL: publicURL)
        self.feedIndex = FeedIndex(feeds)
        self.events = events
        self.changes = changes
    }

    /// `https://…/feeds/municipalities/bjuv.ics`.
    public func feedURL(_ feed: Feed) -> String { siteMap.url(feed) }

    /// The same address with the scheme replaced by `webcal`, which calendar apps open
    /// as a subscription.
    public func webcalURL(_ feed: Feed) -> String {
        let url = feedURL(feed)
        guard let range = url.firstRange(of: "://") else { return "webcal://" + url }
        return "webcal" + url[range.lowerBound...]
    }

    /// Google Calendar's own settings page for adding a calendar by its address, where
    /// the reader pastes the `https://` address. Google documents this page; the older
    /// `calendar/r?cid=` link is undocumented and reported to fail.
    public static let googleAddByURL = "https://calendar.google.com/calendar/u/0/r/settings/addbyurl"

    /// `https://…/changes.atom`, or one municipality's `https://…/changes/bjuv.atom`.
    public func changesURL(_ municipality: Municipality? = nil) -> String {
        siteMap.changeLogURL(municipality)
    }

    /// The page's path on the site (`/moten/kdm-2026-04-10`), for links between pages.
    func path(_ page: SiteMap.Page) -> String? { siteMap.path(page) }

    /// The latest events before `day`, latest first, at most `limit`.
    func recent(before day: Day, matching selection: FeedSelection = FeedSelection(), limit: Int = 5)
        -> [Event]
    {
        Array(events.reversed().lazy.filter { $0.day < day && selection.includes($0) }.prefix(limit))
    }

    /// Events on or after `day`, in order, at most `limit`.
    func upcoming(from day: Day, matching selection: FeedSelection = FeedSelection(), limit: Int = 10)
        -> [Event]
    {
        Array(events.lazy.filter { $0.day >= day && selection.includes($0) }.prefix(limit))
    }
}

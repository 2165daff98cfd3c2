public import CalendarFeeds
public import Registry

/// What every page needs: the registry, its feeds and events, and the public address
/// subscribe links point at. Built once; pages are pure functions of it and a date.
public struct Site: Sendable {
    public let registry: Registry
    /// `https://kalender.example.se`, no trailing slash.
    public let publicURL: String
    public let feeds: [Feed]
    /// The registry's events, in order: derived once, by whoever rendered the feeds.
    public let events: [Event]

    public init(registry: Registry, publicURL: String, feeds: [Feed], events: [Event]) {
        self.registry = registry
        var url = publicURL
        while url.hasSuffix("/") { url.removeLast() }
        self.publicURL = url
        self.feeds = feeds
        self.events = events
    }

    /// `https://…/feeds/municipalities/bjuv.ics`.
    public func feedURL(_ feed: Feed) -> String { "\(publicURL)/feeds/\(feed.path)" }

    /// The same address with the scheme replaced by `webcal`, which calendar apps open
    /// as a subscription.
    public func webcalURL(_ feed: Feed) -> String {
        let url = feedURL(feed)
        guard let range = url.firstRange(of: "://") else { return "webcal://" + url }
        return "webcal" + url[range.lowerBound...]
    }

    public func feed(for selection: FeedSelection) -> Feed? { feeds.first { $0.selection == selection } }

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

extension Municipality {
    /// The page's path on the server and (with `.html`) in a static export.
    var pagePath: String { "/kommuner/\(slug)" }
}

extension Body {
    var pagePath: String { "/organ/\(slug)" }
}

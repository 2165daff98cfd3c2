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

    /// Google Calendar's "add by URL" link for the feed: `cid=` and the `webcal://`
    /// address, percent-encoded. Google fetches the feed itself, so it must be public.
    public func googleCalendarURL(_ feed: Feed) -> String {
        "https://calendar.google.com/calendar/r?cid=" + Self.percentEncoded(webcalURL(feed))
    }

    /// `https://…/changes.atom`, or one municipality's `https://…/changes/bjuv.atom`.
    public func changesURL(_ municipality: Municipality? = nil) -> String {
        siteMap.changeLogURL(municipality)
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters.
    static func percentEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF")
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.append(Character(Unicode.Scalar(byte)))
            default:
                result += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
        }
        return result
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

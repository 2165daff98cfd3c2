public import CalendarFeeds
public import ExportFiles
import ICalendar
import NIOConcurrencyHelpers
public import Pages
public import Registry

/// Builds feeds for any selection a subscriber asks for, from the events the publication
/// already encoded: a custom feed is the encoded events it selects between an envelope,
/// so nothing is worded, fingerprinted or encoded again at request time.
///
/// Selections are canonical values (`FeedSelection` is a set of kinds plus optional IDs),
/// so the same set in any parameter order hits the same cache entry and yields the same
/// bytes and ETag. A selection that equals a standard feed is answered with that feed.
/// libical is reached only through `ICalendarEncoder`, which holds libical's own lock.
public final class CustomFeedRenderer: Sendable {
    private let registry: Registry
    private let standardFeeds: FeedIndex
    private let events: [Event]
    private let encodedEvents: [[UInt8]]
    private let revised: [Instant]
    /// Municipalities' and people's own wordings of events, by index (see
    /// `Publication.ownWording`).
    private let ownWording: [Int: [WordingScope: EncodedEvent]]
    /// The newest removal the ledger records: a custom feed that held the event must not
    /// look older than its removal.
    private let newestRemoval: Instant?
    private let zone: ZoneInfo
    private let cache = NIOLockedValueBox<[FeedSelection: CachedResource]>([:])
    /// The number of distinct selections is bounded by the registry (kinds × municipalities
    /// × bodies), but a large registry makes each feed large: keep at most this many.
    private let cacheLimit: Int

    /// - Parameters:
    ///   - site: The registry and its standard feeds.
    ///   - publication: The rendered export whose encoded events custom feeds reuse.
    ///   - zone: The feeds' time zone.
    public init(site: Site, publication: Publication, zone: ZoneInfo, cacheLimit: Int = 256) {
        self.registry = site.registry
        self.standardFeeds = site.feedIndex
        self.events = publication.events
        self.encodedEvents = publication.encodedEvents
        self.revised = publication.revisions
        self.ownWording = publication.ownWording
        self.newestRemoval = publication.ledger.events.newestRemoval
        self.zone = zone
        self.cacheLimit = cacheLimit
    }

    /// The feed for `selection`, rendered once and then kept.
    public func resource(for selection: FeedSelection, standard catalog: FeedCatalog) -> CachedResource {
        if let standard = catalog.standard(selection) { return standard.resource }
        if let cached = cache.withLockedValue({ $0[selection] }) { return cached }
        let feed = registry.feed(for: selection, among: standardFeeds)
        let (opening, closing) = ICalendarEncoder(zone: zone).envelope(feed.header)
        var bytes = opening
        var lastModified: Instant? = newestRemoval
        for index in events.indices where feed.holds(events[index]) {
            // A person's or municipality's selection gets its own wording of a deadline, as
            // in its feed.
            let encoded = Publication.encodedEvent(
                own: ownWording[index], for: selection,
                shared: EncodedEvent(bytes: encodedEvents[index], revised: revised[index]))
            bytes += encoded.bytes
            lastModified = max(lastModified ?? encoded.revised, encoded.revised)
        }
        bytes += closing
        let resource = CachedResource(
            bytes: bytes, contentType: CachedResource.calendarType,
            cacheControl: CachedResource.feedCacheControl,
            lastModified: lastModified ?? Instant(registry.latestRevision))
        cache.withLockedValue { cache in
            if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[selection] = resource
        }
        return resource
    }
}

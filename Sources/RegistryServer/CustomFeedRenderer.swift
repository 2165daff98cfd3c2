public import CalendarExport
import Registry

/// Renders feeds for any selection a subscriber asks for, one at a time.
///
/// libical is not thread-safe, so the encoder lives inside this actor and never leaves
/// it; callers get bytes. Selections are canonical values (`FeedSelection` is a set of
/// kinds plus optional IDs), so the same set in any parameter order hits the same cache
/// entry and yields the same bytes and ETag. A selection that equals a standard feed is
/// answered with that feed, byte for byte.
public actor CustomFeedRenderer {
    private let encoder: ICalendarEncoder
    private let registry: Registry
    private let catalog: FeedCatalog
    private let events: [CalendarEvent]
    private let sequences: [String: Int]
    private var cache: [FeedSelection: CachedResource] = [:]
    /// The number of distinct selections is bounded by the registry (kinds × municipalities
    /// × bodies), but a large registry makes each feed large: keep at most this many.
    private let cacheLimit: Int

    /// - Parameters:
    ///   - site: Its registry and the events already derived from it (not derived again).
    ///   - ledger: The previous export's ledger, so SEQUENCE matches the standard feeds.
    public init(site: Site, ledger: SequenceLedger, catalog: FeedCatalog, cacheLimit: Int = 256)
        throws(ExportError)
    {
        self.encoder = try ICalendarEncoder()
        self.registry = site.registry
        self.catalog = catalog
        var ledger = ledger
        self.sequences = ledger.assign(site.events)
        self.events = site.events
        self.cacheLimit = cacheLimit
    }

    /// The feed for `selection`: the standard one when it exists, else rendered once.
    public func resource(for selection: FeedSelection) -> CachedResource {
        if let standard = catalog.standard(selection) { return standard.resource }
        if let cached = cache[selection] { return cached }
        let feed = Self.feed(for: selection, in: registry)
        let selected = events.filter(selection.includes)
        let resource = CachedResource(
            bytes: encoder.encode(feed, events: selected, sequences: sequences),
            contentType: CachedResource.calendarType, cacheControl: CachedResource.feedCacheControl,
            lastModified: selected.map(\.revised).max() ?? registry.latestRevision)
        if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
        cache[selection] = resource
        return resource
    }

    /// A name built from the selection in a fixed order, so it never depends on how the
    /// query was written: "Familjen Helsingborg: Bjuv – möten och sista dagar". No commas
    /// or semicolons: libical 3.0.16 does not escape them in X-WR-CALNAME.
    static func feed(for selection: FeedSelection, in registry: Registry) -> Feed {
        var scope: [String] = []
        if let id = selection.municipality { scope.append(registry[id]?.name ?? id.rawValue) }
        if let id = selection.body { scope.append(registry[id]?.name ?? id.rawValue) }
        let kinds = selection.kinds.sorted()
        let kindText =
            kinds.count == CalendarEvent.Kind.allCases.count
            ? "allt" : kinds.map(\.pluralLabel).joined(separator: " och ")
        let title = (scope.isEmpty ? "" : scope.joined(separator: " / ") + " – ") + kindText
        return Feed(
            path: "custom.ics", name: "Familjen Helsingborg: \(title)",
            description: "Eget urval ur Familjen Helsingborgs kalender: \(title).",
            selection: selection)
    }
}

extension CalendarEvent.Kind {
    /// "möten", "sista dagar", "startdatum": how a feed's name lists its kinds.
    var pluralLabel: String {
        switch self {
        case .meeting: "möten"
        case .deadline: "sista dagar"
        case .startDate: "startdatum"
        }
    }
}

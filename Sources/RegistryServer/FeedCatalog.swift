public import CalendarExport
public import Registry

/// Every standard feed, rendered once: the same files `samverkan export` writes, in the
/// same order, as cached responses. Immutable after start-up, so it is shared freely.
public struct FeedCatalog: Sendable {
    public struct Entry: Sendable {
        public let feed: Feed
        public let resource: CachedResource
    }

    /// In `standardFeeds()` order: everything, kinds, municipalities, bodies.
    public let entries: [Entry]
    private let byPath: [String: Int]
    private let bySelection: [FeedSelection: Int]

    /// Renders the standard feeds through `exportFiles(previous:)`, so the bytes are the
    /// export's bytes, SEQUENCE numbers included.
    ///
    /// - Parameters:
    ///   - registry: The registry to render.
    ///   - ledger: The ledger of the `Exports/` folder being served alongside.
    public init(registry: Registry, ledger: SequenceLedger) throws(ExportError) {
        let files = try registry.exportFiles(previous: ledger)
        let byFilePath = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var entries: [Entry] = []
        for feed in registry.standardFeeds() {
            guard let file = byFilePath[feed.path] else { continue }
            entries.append(
                Entry(
                    feed: feed,
                    resource: CachedResource(
                        bytes: file.bytes, contentType: CachedResource.calendarType,
                        cacheControl: CachedResource.feedCacheControl, lastModified: file.lastModified)))
        }
        self.entries = entries
        self.byPath = Dictionary(
            entries.enumerated().map { ($1.feed.path, $0) }, uniquingKeysWith: { first, _ in first })
        self.bySelection = Dictionary(
            entries.enumerated().map { ($1.feed.selection, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The feed at `path` under `/feeds/` (`municipalities/bjuv.ics`), matched exactly.
    public subscript(path: some StringProtocol) -> Entry? {
        byPath[String(path)].map { entries[$0] }
    }

    /// The standard feed that holds exactly `selection`, if there is one.
    public func standard(_ selection: FeedSelection) -> Entry? {
        bySelection[selection].map { entries[$0] }
    }
}

public import CalendarFeeds
import Dispatch
public import ExportFiles
import NIOConcurrencyHelpers

/// Every standard feed as a cached response: the files `samverkan export` writes, in the
/// same order. Immutable after start-up, so it is shared freely.
public struct FeedCatalog: Sendable {
    public struct Entry: Sendable {
        public let feed: Feed
        public let resource: CachedResource
    }

    /// The feeds, found by path or selection (`FeedIndex`).
    private let index: FeedIndex
    /// Each feed's response, by its position in `index.feeds`; nil when no file held it.
    private let resources: [CachedResource?]
    /// The Atom change logs by path (`changes.atom`, `changes/bjuv.atom`).
    private let changeLogs: [String: CachedResource]

    /// Turns a publication's files into responses, a file per core at a time: each file's
    /// bytes are released as soon as its response buffer holds them, so start-up never
    /// holds two copies of every feed.
    ///
    /// - Parameters:
    ///   - feeds: The standard feeds, indexed.
    ///   - files: The publication's files (taken from it); those that are neither feeds
    ///     nor Atom change logs are dropped.
    ///   - fingerprints: The ledger's record of each file (`FileRevisions.records`): its
    ///     fingerprint is the feed's ETag, so no feed is hashed twice.
    public init(
        feeds index: FeedIndex, files: consuming [ExportFile],
        fingerprints: [String: FileRevisions.Record] = [:]
    ) {
        // Two at a time, each taken from the list as its turn comes: copying a large
        // export into response buffers is most of the work, and each file is released as
        // soon as its buffer holds it.
        let remaining = NIOLockedValueBox<[ExportFile]>(consume files)
        let made = NIOLockedValueBox(
            (
                feeds: [CachedResource?](repeating: nil, count: index.feeds.count),
                changeLogs: [String: CachedResource]()
            ))
        DispatchQueue.concurrentPerform(iterations: remaining.withLockedValue { $0.count }) { _ in
            guard let file = remaining.withLockedValue({ $0.popLast() }) else { return }
            if file.path.hasSuffix(".atom") {
                let resource = CachedResource(
                    bytes: file.bytes, contentType: CachedResource.atomType,
                    cacheControl: CachedResource.feedCacheControl, lastModified: file.lastModified)
                made.withLockedValue { $0.changeLogs[file.path] = resource }
                return
            }
            guard let position = index.position(ofPath: file.path) else { return }
            let resource = CachedResource(
                bytes: file.bytes, contentType: CachedResource.calendarType,
                cacheControl: CachedResource.feedCacheControl, lastModified: file.lastModified,
                fingerprint: fingerprints[file.path]?.fingerprint)
            made.withLockedValue { $0.feeds[position] = resource }
        }
        (resources, changeLogs) = made.withLockedValue { $0 }
        self.index = index
    }

    /// The response of the feed at `path` under `/feeds/` (`municipalities/bjuv.ics`),
    /// matched exactly: the resource alone, as every feed request asks for it.
    public func resource(atPath path: some StringProtocol) -> CachedResource? {
        index.position(ofPath: path).flatMap { resources[$0] }
    }

    /// The Atom change log at `path` (`changes.atom`, `changes/bjuv.atom`), matched exactly.
    public func changeLog(_ path: some StringProtocol) -> CachedResource? { changeLogs[String(path)] }

    /// The standard feed that holds exactly `selection`, if there is one.
    public func standard(_ selection: FeedSelection) -> Entry? {
        index.position(of: selection).flatMap(entry)
    }

    private func entry(_ position: Int) -> Entry? {
        resources[position].map { Entry(feed: index.feeds[position], resource: $0) }
    }
}

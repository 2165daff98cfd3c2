import CalendarFeeds
public import ExportFiles
import Foundation
import ICalendar
public import Logging
import Pages
public import Registry

/// Why `samverkan serve` will not start.
public struct ServerStartError: Error, CustomStringConvertible {
    public let description: String
}

/// Everything the server answers from, ready before the first request: the
/// server holds no state a request can change, so replicas started from the same data
/// and `Exports/` answer alike.
public struct ServerState: Sendable {
    /// The collaboration's zone, from the system's tz database: "today" for the pages and API.
    let zone: ZoneInfo
    let site: Site
    let catalog: FeedCatalog
    let renderer: CustomFeedRenderer
    /// The export's record of each file: the pages' Last-Modified.
    let revisions: FileRevisions
    /// `popolo.json` and `representatives.csv`, as the export writes them.
    let dataFiles: [(path: String, bytes: [UInt8])]
    /// The search page's index (`sok.json`).
    let searchIndex: [UInt8]

    /// Reads back the export in `configuration.exportsPath`: what `samverkan export`
    /// rendered, after checking that it is what the registry exports
    /// (`Publication.init(readingBack:…)`). With `allowStaleExports`, an export that is
    /// missing or stale is rendered here instead, against whatever ledger there is.
    ///
    /// - Throws: `ServerStartError` when tzdata is missing, or when the export folder or its
    ///   ledger is missing, unreadable or not what the data exports (unless
    ///   `allowStaleExports`): serving then would restart or contradict SEQUENCE numbers
    ///   that subscribers already hold.
    /// - Parameter reading: The export folder's files, read since before the registry was
    ///   built (`ExportReading.start(_:)`); read here when nil.
    public init(
        registry: Registry, configuration: ServerConfiguration, logger: Logger, reading: ExportReading? = nil
    ) throws {
        let clock = ContinuousClock()
        let started = clock.now
        let zone: ZoneInfo
        do { zone = try ZoneInfo.collaborationZone() } catch {
            throw ServerStartError(description: error.description)
        }
        let exports = ExportDirectory(URL(fileURLWithPath: configuration.exportsPath))
        let folder = configuration.exportsPath
        let encoder = ICalendarEncoder(zone: zone)
        var publication: Publication
        let how: String
        do {
            publication = try Publication(
                readingBack: exports, registry: registry, encoder: encoder, reading: reading)
            how = "read back from \(folder)/ and checked"
        } catch {
            let ledger: Ledgers
            let problem: String
            switch error {
            case .unreadableLedger(let message): throw ServerStartError(description: "\(folder)/\(message)")
            case .noLedger(let found):
                (ledger, problem) = (found, "\(folder)/\(EventLedger.fileName) is missing or empty")
            case .stale(let mismatch, let found):
                (ledger, problem) = (found, "\(folder)/ is not what the data exports (\(mismatch))")
            }
            let message =
                problem + ". Run `samverkan export` (and commit \(folder)/) before serving, or start with "
                + "--allow-stale-exports to serve anyway."
            guard configuration.allowStaleExports else { throw ServerStartError(description: message) }
            logger.warning("\(message)")
            // Rendered here instead, without the feeds' gzip twins (the server compresses
            // on first request).
            publication = Publication(
                registry: registry, previous: ledger, encoder: encoder, feedTwins: false)
            how = "rendered"
        }
        let read = clock.now
        let site = Site(
            registry: registry, publicURL: configuration.resolvedPublicURL, feeds: publication.feeds,
            events: publication.events, changes: publication.changes)
        // The search index is built on another core while the feeds become responses.
        let indexing = Parallel.background { Pages.searchIndex(site: site) }
        let renderer = CustomFeedRenderer(site: site, publication: publication, zone: zone)
        self.catalog = FeedCatalog(
            feeds: site.feedIndex, files: publication.takeFiles(),
            fingerprints: publication.ledger.files.records)
        self.site = site
        self.renderer = renderer
        self.zone = zone
        self.revisions = publication.ledger.files
        self.dataFiles = publication.dataFiles
        self.searchIndex = indexing.value()
        logger.info(
            "start-up: \(publication.events.count) events \(how) in \(read - started), responses built in \(clock.now - read)"
        )
    }
}

import CalendarFeeds
import ExportFiles
import Foundation
import HTTPTypes
import HummingbirdCore
import ICalendar
public import Logging
import NIOCore
import NIOPosix
import Pages
public import Registry
public import ServiceLifecycle

/// How `samverkan serve` runs: where to listen, what address subscribe links carry,
/// which `Exports/` folder it must agree with, and what day it is.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The address people reach the server at; subscribe links are built from it.
    /// Defaults to `http://HOST:PORT`.
    public var publicURL: String?
    /// The export folder served alongside: its `sequences.tsv` gives SEQUENCE numbers,
    /// so the served bytes equal its files.
    public var exportsPath: String
    /// Serve even when the export folder or its ledger is missing or stale. SEQUENCE
    /// numbers then start from whatever ledger there is, which subscribers may see as
    /// changes going backwards: for trying things out, never for production.
    public var allowStaleExports: Bool
    /// Today in Europe/Stockholm; tests pass a fixed day. Nil: from the system clock, in
    /// the zone the server loaded at start-up.
    public var today: (@Sendable () -> Day)?
    /// Timeouts, the connection ceiling and the shutdown bound (Server/ServerLimits.swift).
    public var limits: ServerLimits

    public init(
        host: String = "127.0.0.1", port: Int = 8080, publicURL: String? = nil,
        exportsPath: String = "Exports", allowStaleExports: Bool = false,
        today: (@Sendable () -> Day)? = nil, limits: ServerLimits = ServerLimits()
    ) {
        self.host = host
        self.port = port
        self.publicURL = publicURL
        self.exportsPath = exportsPath
        self.allowStaleExports = allowStaleExports
        self.today = today
        self.limits = limits
    }

    var resolvedPublicURL: String { publicURL ?? "http://\(host):\(port)" }
}

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

    /// Reads back the export in `configuration.exportsPath`: what `samverkan export`
    /// rendered, after checking that it is what the registry exports
    /// (`Publication.init(readingBack:…)`). With `allowStaleExports`, an export that is
    /// missing or stale is rendered here instead, against whatever ledger there is.
    ///
    /// - Throws: `ServerStartError` when tzdata is missing, or when the export folder or its
    ///   ledger is missing, unreadable or not what the data exports (unless
    ///   `allowStaleExports`): serving then would restart or contradict SEQUENCE numbers
    ///   that subscribers already hold.
    public init(registry: Registry, configuration: ServerConfiguration, logger: Logger) throws {
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
            publication = try Publication(readingBack: exports, registry: registry, encoder: encoder)
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
        let renderer = CustomFeedRenderer(site: site, publication: publication, zone: zone)
        self.catalog = FeedCatalog(
            feeds: site.feedIndex, files: publication.takeFiles(),
            fingerprints: publication.ledger.files.records)
        self.site = site
        self.renderer = renderer
        self.zone = zone
        self.revisions = publication.ledger.files
        self.dataFiles = Publication.dataFiles(registry, zone: zone)
        logger.info(
            "start-up: \(publication.events.count) events \(how) in \(read - started), responses built in \(clock.now - read)"
        )
    }
}

/// `samverkan serve` as a service: Hummingbird's HTTP/1.1 server with the connection guard
/// (``ServerLimits/http1Server(logger:)``), every request answered by one
/// ``ServerResponder``.
public struct RegistryService: Service {
    let responder: ServerResponder
    var configuration: ServerConfiguration
    let logger: Logger
    /// Told the port actually bound, once the server listens: `--port 0` picks a free one.
    var onListening: @Sendable (Int) async -> Void

    /// - Parameters:
    ///   - state: What was read back (or rendered) at start-up.
    ///   - configuration: Address, public URL, clock and limits.
    ///   - logger: Where request lines go.
    public init(
        state: ServerState, configuration: ServerConfiguration,
        logger: Logger = Logger(label: "samverkan.serve")
    ) {
        self.responder = ServerResponder(state: state, configuration: configuration)
        self.configuration = configuration
        self.logger = logger
        // One line on stdout with the port actually bound, so scripts can start the server
        // with --port 0 and read where it listens.
        self.onListening = { [host = configuration.host] port in
            FileHandle.standardOutput.write(
                Data("samverkan serve: listening on http://\(host):\(port)\n".utf8))
        }
    }

    public func run() async throws {
        let (responder, logger, dates) = (self.responder, self.logger, DateHeader())
        let (onListening, port) = (self.onListening, configuration.port)
        let server = try configuration.limits.http1Server(logger: logger).buildServer(
            configuration: .init(address: .hostname(configuration.host, port: port), serverName: nil),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: logger,
            responder: { (request, writer: consuming ResponseWriter, _) in
                var response = responder.respond(to: request, logger: logger)
                response.headers[.date] = dates.now
                try await writer.write(response: response.head, body: response.body)
            },
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) })
        try await server.run()
    }
}

extension ServerResponder {
    /// Every route over what `state` holds; tests call it without a socket.
    init(state: ServerState, configuration: ServerConfiguration) {
        let zone = state.zone
        let missingPage = MissingPageAnswer(site: state.site)
        self.init(
            pages: PageController(
                site: state.site, revisions: state.revisions, dataFiles: state.dataFiles,
                missingPage: missingPage),
            feeds: FeedController(catalog: state.catalog, renderer: state.renderer, site: state.site),
            api: APIController(site: state.site, today: configuration.today ?? { zone.today() }),
            errors: PlainErrorAnswer(missingPage: missingPage))
    }
}

/// Reads the export back (`ServerState`), then serves until the process is told to stop
/// (SIGINT/SIGTERM), shutting down gracefully within the limits' shutdown timeout.
public func runServer(registry: Registry, configuration: ServerConfiguration) async throws {
    let logger = Logger(label: "samverkan.serve")
    let state = try ServerState(registry: registry, configuration: configuration, logger: logger)
    let service = RegistryService(state: state, configuration: configuration, logger: logger)
    logger.info("\(configuration.limits.summary)")
    try await runUntilSignalled(service, limits: configuration.limits, logger: logger)
}

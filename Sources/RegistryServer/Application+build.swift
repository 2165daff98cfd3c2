import CalendarExport
import Foundation
public import Hummingbird
public import Logging
public import Registry

/// How `samverkan serve` runs: where to listen, what address subscribe links carry,
/// which `Exports/` folder to take SEQUENCE numbers from, and what day it is.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The address people reach the server at; subscribe links are built from it.
    /// Defaults to `http://HOST:PORT`.
    public var publicURL: String?
    /// The export folder served alongside: its `sequences.tsv` gives SEQUENCE numbers,
    /// so the served bytes equal its files.
    public var exportsPath: String
    /// Today in Europe/Stockholm; tests pass a fixed day.
    public var today: @Sendable () -> Day
    /// Timeouts, the connection ceiling and the shutdown bound (Server/ServerLimits.swift).
    public var limits: ServerLimits

    public init(
        host: String = "127.0.0.1", port: Int = 8080, publicURL: String? = nil,
        exportsPath: String = "Exports",
        today: @escaping @Sendable () -> Day = StockholmClock.today,
        limits: ServerLimits = ServerLimits()
    ) {
        self.host = host
        self.port = port
        self.publicURL = publicURL
        self.exportsPath = exportsPath
        self.today = today
        self.limits = limits
    }

    var resolvedPublicURL: String { publicURL ?? "http://\(host):\(port)" }
}

/// The application `samverkan serve` runs. Everything is rendered here, before the
/// first request: the server holds no state that a request can change, so any number
/// of replicas started from the same data answer alike.
///
/// - Parameters:
///   - registry: The registry to serve.
///   - configuration: Address, public URL, exports folder and clock.
///   - logger: Where request lines go.
public func buildApplication(
    registry: Registry, configuration: ServerConfiguration, logger: Logger = Logger(label: "samverkan.serve")
) throws -> some ApplicationProtocol {
    let router = try buildRouter(registry: registry, configuration: configuration, logger: logger)
    return Application(
        router: router,
        server: configuration.limits.http1Server(logger: logger),
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port), serverName: nil),
        logger: logger)
}

/// The router with every route and middleware, without a socket: tests drive it with
/// `app.test(.router)`.
public func buildRouter(
    registry: Registry, configuration: ServerConfiguration, logger: Logger = Logger(label: "samverkan.serve")
) throws -> Router<BasicRequestContext> {
    let exports = ExportDirectory(URL(fileURLWithPath: configuration.exportsPath))
    let ledger = try exports.previousLedger()
    let catalog = try FeedCatalog(registry: registry, ledger: ledger)
    if FileManager.default.fileExists(atPath: exports.url.path) {
        let stale = exports.differences(
            from: catalog.entries.map {
                ExportFile(
                    path: $0.feed.path, bytes: Array(buffer: $0.resource.identity),
                    lastModified: $0.resource.lastModified)
            }
        ).filter { $0.hasSuffix(".ics") }
        if !stale.isEmpty {
            let message =
                "\(configuration.exportsPath)/ differs from the data in \(stale.count) feed(s), e.g. "
                + "\(stale[0]); served feeds follow the data. Run `samverkan export`."
            logger.warning("\(message)")
        }
    }
    let site = Site(registry: registry, publicURL: configuration.resolvedPublicURL)
    let renderer = try CustomFeedRenderer(site: site, ledger: ledger, catalog: catalog)

    let router = Router(options: .autoGenerateHeadEndpoints)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: PlainErrorMiddleware())
    router.add(middleware: RequestGuardMiddleware())
    PageController(site: site, today: configuration.today).addRoutes(to: router)
    FeedController(catalog: catalog, renderer: renderer, site: site).addRoutes(to: router)
    APIController(site: site, today: configuration.today).addRoutes(to: router.group("api"))
    return router
}

/// Today's date in Europe/Stockholm, from the system clock and zoneinfo.
public enum StockholmClock {
    @Sendable public static func today() -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Stockholm") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}

/// Builds the application and runs it until the process is told to stop (SIGINT/SIGTERM),
/// shutting down gracefully within the limits' shutdown timeout, then frees libical's
/// time-zone cache, so a leak check of a server run shows none of libical's memory (the
/// server has stopped: no encoder runs again).
public func runServer(registry: Registry, configuration: ServerConfiguration) async throws {
    let logger = Logger(label: "samverkan.serve")
    let app = try buildApplication(registry: registry, configuration: configuration, logger: logger)
    logger.info("\(configuration.limits.summary)")
    try await runUntilSignalled(app, limits: configuration.limits, logger: logger)
    LibicalCache.release()
}

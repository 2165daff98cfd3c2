import CSystemShims
public import ExportFiles
import Foundation
import HTTPTypes
import HummingbirdCore
public import Logging
import NIOCore
import NIOPosix
public import Registry
public import ServiceLifecycle

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
                searchIndex: state.searchIndex, missingPage: missingPage),
            feeds: FeedController(catalog: state.catalog, renderer: state.renderer, site: state.site),
            api: APIController(site: state.site, today: configuration.today ?? { zone.today() }),
            errors: PlainErrorAnswer(missingPage: missingPage))
    }
}

/// Reads the export back (`ServerState`), then serves until the process is told to stop
/// (SIGINT/SIGTERM), shutting down gracefully within the limits' shutdown timeout.
///
/// - Parameter reading: The export folder's files, read while the registry was built
///   (`ExportReading.start(_:)`, before touching the registry).
public func runServer(
    registry: Registry, configuration: ServerConfiguration, reading: ExportReading? = nil
) async throws {
    let logger = Logger(label: "samverkan.serve")
    let state = try ServerState(
        registry: registry, configuration: configuration, logger: logger, reading: reading)
    let service = RegistryService(state: state, configuration: configuration, logger: logger)
    csystem_release_freed_memory()
    logger.info("\(configuration.limits.summary)")
    try await runUntilSignalled(service, limits: configuration.limits, logger: logger)
}

/// A short name for logs and the service group, which would otherwise print the service
/// field by field: the whole state, minutes of CPU at 100,000 events.
extension RegistryService: CustomStringConvertible {
    public var description: String { "RegistryService(\(configuration.host):\(configuration.port))" }
}

public import HummingbirdCore
public import Logging
import NIOCore
public import ServiceLifecycle
import UnixSignals

extension ServerLimits {
    /// Hummingbird's HTTP/1.1 server with these limits: every accepted connection gets a
    /// ``ConnectionGuardHandler`` (header and idle timeouts, the ceiling, the shutdown
    /// bound) in place of Hummingbird's own `idleTimeout`, which counts one timeout for
    /// both and cannot shed.
    public func http1Server(logger: Logger) -> HTTPServerBuilder {
        let registry = ConnectionRegistry(maxConnections: maxConnections, logger: logger)
        let limits = self
        return .http1(
            configuration: .init(
                additionalChannelHandlers: [ConnectionGuardHandler(limits: limits, registry: registry)],
                idleTimeout: nil))
    }

    /// One line for the log at start-up.
    public var summary: String {
        let limit = Self.descriptorLimit().map { "descriptor limit \($0)" } ?? "no descriptor limit"
        return
            "limits: header timeout \(Self.seconds(headerTimeout)), idle timeout \(Self.seconds(idleTimeout)), "
            + "at most \(maxConnections) connections (\(limit)), shutdown timeout \(Self.seconds(shutdownTimeout))"
    }

    static func seconds(_ duration: Duration) -> String {
        let millis =
            duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        return millis % 1000 == 0 ? "\(millis / 1000) s" : "\(Double(millis) / 1000) s"
    }
}

/// Runs `service` until SIGTERM or SIGINT, then shuts down gracefully: the listening socket
/// closes at once (a proxy's next attempt goes to another instance), requests in flight
/// and any that arrive on an open connection within a second are answered with
/// `Connection: close` and their connections close after the response, idle connections
/// close after that second; once ``ServerLimits/shutdownTimeout`` has passed, whatever is
/// left is closed. Returns when every connection is gone.
public func runUntilSignalled(_ service: some Service, limits: ServerLimits, logger: Logger) async throws {
    var configuration = ServiceGroupConfiguration(
        services: [service], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
    // Backstops only: the connection handlers close everything at the shutdown timeout.
    configuration.maximumGracefulShutdownDuration = limits.shutdownTimeout + .seconds(5)
    configuration.maximumCancellationDuration = .seconds(5)
    try await ServiceGroup(configuration: configuration).run()
    logger.info("stopped")
}

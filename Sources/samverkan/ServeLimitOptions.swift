import ArgumentParser
import RegistryServer

/// `serve`'s defences against slow, idle and too many clients, and its shutdown bound.
struct ServeLimitOptions: ParsableArguments {
    @Option(help: "Seconds a new connection may take to send its request line and headers.")
    var headerTimeout: Double = Double(ServerLimits.defaultHeaderTimeout.components.seconds)

    @Option(
        help: "Seconds a keep-alive connection may sit between requests (until the next head is complete).")
    var idleTimeout: Double = Double(ServerLimits.defaultIdleTimeout.components.seconds)

    @Option(
        help: """
            Open connections at most; past it the oldest idle one is closed, or the new one \
            if none is idle (default: min(descriptor limit − reserve, 10000), now \
            \(ServerLimits.defaultMaxConnections())).
            """)
    var maxConnections: Int?

    @Option(
        help: "Seconds requests in flight may take to finish after SIGTERM before the server exits anyway.")
    var shutdownTimeout: Double = Double(ServerLimits.defaultShutdownTimeout.components.seconds)

    func validate() throws {
        for (name, value) in [
            ("--header-timeout", headerTimeout), ("--idle-timeout", idleTimeout),
            ("--shutdown-timeout", shutdownTimeout),
        ] where !(value > 0 && value <= 86_400) {
            throw ValidationError("\(name) must be more than 0 and at most 86400 seconds.")
        }
        if let maxConnections, maxConnections < 1 {
            throw ValidationError("--max-connections must be at least 1.")
        }
        if let maxConnections, let limit = ServerLimits.descriptorLimit(), maxConnections >= limit {
            throw ValidationError(
                "--max-connections must stay below the descriptor limit (\(limit)); "
                    + "leave room for the log and the listening socket.")
        }
    }

    var limits: ServerLimits {
        ServerLimits(
            headerTimeout: .milliseconds(Int64(headerTimeout * 1000)),
            idleTimeout: .milliseconds(Int64(idleTimeout * 1000)),
            maxConnections: maxConnections ?? ServerLimits.defaultMaxConnections(),
            shutdownTimeout: .milliseconds(Int64(shutdownTimeout * 1000)))
    }
}

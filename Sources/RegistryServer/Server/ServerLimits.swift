import Foundation

/// How long the server waits for clients and how many it holds at once: the defences
/// against clients that connect and then send slowly, or nothing at all.
///
/// The defaults follow nginx where nginx has one (keep-alive 75 s), and are stricter
/// where a calendar client needs less: a feed request is one short GET that arrives in a
/// single packet, so 20 s for the request line and headers leaves a slow phone link
/// ample time, where nginx's `client_header_timeout` allows 60 s.
public struct ServerLimits: Sendable, Equatable {
    /// From accepting a connection until its first request line and every header have
    /// arrived; bytes arriving do not extend it.
    public var headerTimeout: Duration
    /// From the end of an answer until the next request head is complete: how long a
    /// keep-alive connection may sit between requests (or stall in the next one).
    public var idleTimeout: Duration
    /// Open connections at most. Past it, accepting a new connection closes the one that
    /// has waited longest without a request in progress (as nginx reuses its oldest
    /// keep-alive connection); if every connection has a request in progress, the new one
    /// is closed at once. Either way the server never runs out of descriptors.
    public var maxConnections: Int
    /// After SIGTERM: how long requests in flight may take to finish before their
    /// connections are closed anyway.
    public var shutdownTimeout: Duration

    public static let defaultHeaderTimeout: Duration = .seconds(20)
    public static let defaultIdleTimeout: Duration = .seconds(75)
    public static let defaultShutdownTimeout: Duration = .seconds(10)
    /// Enough for far more subscribers than poll at one moment; every connection costs a
    /// descriptor and some kilobytes.
    public static let connectionCap = 10_000

    public init(
        headerTimeout: Duration = defaultHeaderTimeout, idleTimeout: Duration = defaultIdleTimeout,
        maxConnections: Int = defaultMaxConnections(), shutdownTimeout: Duration = defaultShutdownTimeout
    ) {
        self.headerTimeout = headerTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
        self.shutdownTimeout = shutdownTimeout
    }

    /// The process's descriptor limit (soft `RLIMIT_NOFILE`), or nil when unlimited or
    /// unknown.
    public static func descriptorLimit() -> Int? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else {
            return nil
        }
        return Int(clamping: limit.rlim_cur)
    }

    /// Descriptors kept for everything that is not a client: the listening socket, the
    /// event loops' epoll and wake-up descriptors, standard output for the log, files
    /// opened at start-up. A tenth of the limit, at least 64.
    public static func reserve(below limit: Int) -> Int { max(64, limit / 10) }

    /// `min(limit − reserve, 10,000)`, at least 1: with the usual limit of 1,024 that is
    /// 922; with 20,000 it is 10,000.
    public static func defaultMaxConnections(descriptorLimit: Int? = descriptorLimit()) -> Int {
        guard let limit = descriptorLimit else { return connectionCap }
        return max(1, min(connectionCap, limit - reserve(below: limit)))
    }
}

public import Registry

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

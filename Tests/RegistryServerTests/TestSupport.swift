import CalendarFeeds
import ExportFiles
import Foundation
import ICalendar
import Logging
import NIOCore
import Pages
import Registry
import RegistryData
import RegistryServer

/// The package root, found from this file's path, so tests read the committed Exports/.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let exportsURL = packageRoot.appendingPathComponent("Exports")

/// A fixed "today" so that page content does not depend on when the tests run.
let testDay = Day(2026, 4, 20)

let quietLogger: Logger = {
    var logger = Logger(label: "test")
    logger.logLevel = .warning
    return logger
}()

/// What the server renders at start-up for the real data against the committed Exports/.
func makeState(
    registry: Registry = .familjenHelsingborg, publicURL: String = "https://kalender.example.se",
    exportsPath: String = exportsURL.path, allowStale: Bool = false
) throws -> (ServerState, ServerConfiguration) {
    let configuration = ServerConfiguration(
        publicURL: publicURL, exportsPath: exportsPath, allowStaleExports: allowStale, today: { testDay })
    return (
        try ServerState(registry: registry, configuration: configuration, logger: quietLogger), configuration
    )
}

/// The state with the defaults, rendered once and shared, as the server shares one state
/// across concurrent requests: rendering every feed and page is what costs most here.
let sharedState = Result { try makeState() }

/// An application over the shared state, or over a state of its own when `fresh` (for a
/// test that must share no cache with another application).
func makeApplication(
    publicURL: String = "https://kalender.example.se", fresh: Bool = false
) throws -> RegistryService {
    let (state, configuration) =
        fresh || publicURL != "https://kalender.example.se"
        ? try makeState(publicURL: publicURL) : try sharedState.get()
    return RegistryService(state: state, configuration: configuration, logger: quietLogger)
}

func exportedBytes(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: exportsURL.appendingPathComponent(path)))
}

extension ByteBuffer {
    var bytes: [UInt8] { Array(buffer: self) }
    var text: String { String(buffer: self) }
}

extension Site {
    /// A site whose feeds and events are derived here, as the export and the server do.
    init(registry: Registry, publicURL: String) {
        self.init(
            registry: registry, publicURL: publicURL, feeds: registry.standardFeeds(),
            events: registry.events())
    }

    /// The site the server builds over the committed `Exports/`: with its change log.
    static func overCommittedExports(_ registry: Registry, publicURL: String) throws -> Site {
        let ledger = try ExportDirectory(exportsURL).previousLedger()
        let publication = Publication(registry: registry, previous: ledger, encoder: try ICalendarEncoder())
        return Site(
            registry: registry, publicURL: publicURL, feeds: publication.feeds, events: publication.events,
            changes: publication.changes)
    }
}

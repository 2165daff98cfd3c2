import ArgumentParser
import ExportFiles
import Foundation
import ICalendar
import Registry
import RegistryServer
import SyntheticRegistry

/// The server side of the large-feed serving benchmark (`scripts/bench-serve.sh --events N`):
/// `samverkan serve` for a synthetic registry of N events instead of the compiled-in one.
///
/// It first writes the registry's export to `--exports`, through the same
/// `Publication` and `ExportDirectory.replace(with:)` as `samverkan export`, so
/// nginx can serve the identical files; then it starts the server as `samverkan serve`
/// does, reading that export back, and serves on `--host`:`--port` until SIGINT/SIGTERM.
struct ServeSynthetic: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-synthetic",
        abstract: "Export a synthetic N-event registry to a folder, then serve it over HTTP."
    )

    @Option(help: "Events in the synthetic registry.")
    var events = 100_000

    @Option(help: "Seed of the synthetic registry.")
    var seed: UInt64 = 42

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(help: "The export folder to write (replaced) and take SEQUENCE numbers from.")
    var exports = FileManager.default.temporaryDirectory.appendingPathComponent("samverkan-synthetic-export")
        .path

    @Flag(
        help: ArgumentHelp(
            "Serve the export already in --exports instead of writing it first.",
            discussion:
                "Start-up is then what `samverkan serve` does: read the folder back, check it against the data, listen."
        ))
    var reuseExports = false

    func validate() throws {
        guard events > 0 else { throw ValidationError("--events must be positive.") }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0…65535.") }
    }

    func run() async throws {
        let started = ContinuousClock.now
        // As `samverkan serve` does: the export in place is read while the registry is built.
        let reading = reuseExports ? ExportReading.start(ExportDirectory(URL(fileURLWithPath: exports))) : nil
        let registry = SyntheticRegistry.make(events: events, seed: seed)
        let built = ContinuousClock.now
        if reuseExports {
            let message =
                "serve-synthetic: \(events) events (seed \(seed)) built in \(built - started), serving the "
                + "export already in \(exports); reading it back\n"
            FileHandle.standardError.write(Data(message.utf8))
        } else {
            let files = Publication(
                registry: registry, previous: Ledgers(), encoder: try ICalendarEncoder()
            ).files
            try ExportDirectory(URL(fileURLWithPath: exports)).replace(with: files)
            let megabytes = files.reduce(0) { $0 + $1.bytes.count } / 1_000_000
            let message =
                "serve-synthetic: \(events) events (seed \(seed)) built in \(built - started), \(files.count) "
                + "files, \(megabytes) MB exported to \(exports) in \(ContinuousClock.now - built); reading it back\n"
            FileHandle.standardError.write(Data(message.utf8))
        }
        // The export is written and dropped before the server reads it back.
        try await runServer(
            registry: registry,
            configuration: ServerConfiguration(host: host, port: port, exportsPath: exports), reading: reading
        )
    }
}

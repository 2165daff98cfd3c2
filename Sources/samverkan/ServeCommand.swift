import ArgumentParser
import ExportFiles
import Foundation
import Registry
import RegistryData
import RegistryServer

/// `samverkan serve`: the feeds, the JSON API and the web page over HTTP.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the calendar feeds, the JSON API and the web page over HTTP.",
        discussion: """
            At start-up the feeds `samverkan export` wrote to Exports/ are read back, after \
            checking that they are what the compiled-in registry exports, and served from \
            memory. The server keeps \
            no state, so replicas behind a load balancer answer alike. For many subscribers, \
            serve Exports/ with nginx or a CDN instead (see deploy/).
            """
    )

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one (the line printed at start names it).")
    var port: Int = 8080

    @Option(
        help:
            "The address subscribers use, for subscribe links (default: the registry's, Data/Configuration.swift)."
    )
    var publicURL: String?

    @Option(help: "The export folder whose sequences.tsv gives SEQUENCE numbers.")
    var exports: String = "Exports"

    @Flag(help: "Start even when the export folder is missing or not what the data exports.")
    var allowStaleExports = false

    @OptionGroup(title: "Limits") var limits: ServeLimitOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0…65535.") }
        if let publicURL, !(publicURL.hasPrefix("http://") || publicURL.hasPrefix("https://")) {
            throw ValidationError("--public-url must start with http:// or https://.")
        }
    }

    func run() async throws {
        do {
            // The export is read while the registry is built.
            let reading = ExportReading.start(ExportDirectory(URL(fileURLWithPath: exports)))
            try await runServer(
                registry: .familjenHelsingborg,
                configuration: ServerConfiguration(
                    host: host, port: port, publicURL: publicURL ?? Registry.familjenHelsingborg.publicURL,
                    exportsPath: exports, allowStaleExports: allowStaleExports, limits: limits.limits),
                reading: reading)
        } catch let error as ServerStartError {
            printError("samverkan serve: \(error.description)")
            throw ExitCode.failure
        }
    }
}

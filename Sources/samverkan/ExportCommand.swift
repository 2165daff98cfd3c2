import ArgumentParser
import ExportFiles
import Foundation
import ICalendar
import Pages
import Registry
import RegistryData

/// `samverkan export`: writes the feeds to `Exports/`, or checks that they are fresh.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the calendar feeds and other exports to a folder (default Exports/).",
        discussion: """
            Validates Data/ first and writes nothing when it has errors. The folder is replaced \
            atomically: readers see the old set or the new one, never a mix. SEQUENCE numbers \
            are carried forward from the folder's sequences.tsv.
            """
    )

    @Option(name: .shortAndLong, help: "The folder to write.")
    var output: String = "Exports"

    @Option(
        help: ArgumentHelp(
            "The address the web pages' subscribe links carry (default: the registry's, Data/Configuration.swift).",
            discussion: "E.g. https://kalender.example.se. Links between pages are root-relative either way.")
    )
    var publicURL: String?

    @Flag(help: "Write nothing; exit 1 and list the files if the folder is not what the data would export.")
    var check = false

    func validate() throws {
        if let publicURL, !(publicURL.hasPrefix("http://") || publicURL.hasPrefix("https://")) {
            throw ValidationError("--public-url must start with http:// or https://.")
        }
    }

    func run() throws {
        let registry = Registry.familjenHelsingborg
        // Nothing wrong may reach a subscriber: validate first, write nothing on errors.
        let diagnostics = registry.validate()
        for diagnostic in diagnostics { printError(diagnostic.description) }
        if diagnostics.hasErrors {
            printError("\(registry.validationSummary(of: diagnostics)); nothing was written to \(output)/.")
            throw ExitCode.failure
        }
        let directory = ExportDirectory(URL(fileURLWithPath: output))
        let ledger: Ledgers
        do {
            ledger = try directory.previousLedger()
        } catch {
            printError("error: \(output)/\(error)")
            throw ExitCode.failure
        }
        let zone: ZoneInfo
        do { zone = try ZoneInfo.collaborationZone() } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        // The one clock read of an export: the revision of whatever it sees change.
        let now = Instant(secondsSinceEpoch: Int(Date().timeIntervalSince1970))
        var publication = Publication(
            registry: registry, previous: ledger, encoder: ICalendarEncoder(zone: zone), now: now)
        // The pages are the same bytes whatever day this runs: nothing in them reads the clock.
        let site = Site(
            registry: registry, publicURL: publicURL ?? registry.publicURL ?? "", feeds: publication.feeds,
            events: publication.events, changes: publication.changes)
        publication.add(Pages.files(site: site), now: now)
        let files = publication.files
        if check {
            let stale = directory.differences(from: files)
            guard stale.isEmpty else {
                var message = "error: \(output)/ is not what Data/ exports; these files differ:\n"
                for path in stale { message += "  \(output)/\(path)\n" }
                message += "Run `swift run samverkan export` and commit \(output)/."
                printError(message)
                throw ExitCode.failure
            }
            printOut("\(output)/ is up to date (\(files.count) files).")
            return
        }
        try directory.replace(with: files)
        printOut("Wrote \(files.count) files to \(output)/.")
    }
}

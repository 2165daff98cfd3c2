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
            "Also write the web pages (index.html and a folder per kind of page) for a static host.",
            discussion: "Subscribe links point at this address, e.g. https://kalender.example.se."))
    var publicURL: String?

    @Option(
        help: ArgumentHelp(
            "The day the pages speak for (default: today in Europe/Stockholm).", valueName: "YYYY-MM-DD"))
    var asOf: Day?

    @Flag(help: "Write nothing; exit 1 and list the files if the folder is not what the data would export.")
    var check = false

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
        let publication = Publication(
            registry: registry, previous: ledger, encoder: ICalendarEncoder(zone: zone), now: now)
        var files = publication.files
        if let publicURL {
            let site = Site(
                registry: registry, publicURL: publicURL, feeds: publication.feeds,
                events: publication.events,
                changes: publication.changes)
            files += Pages.files(site: site, on: asOf ?? zone.today())
        } else if asOf != nil {
            printError("error: --as-of needs --public-url (it dates the pages)")
            throw ExitCode.failure
        }
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

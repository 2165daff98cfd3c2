import ArgumentParser
import ExportFiles
import Foundation
import Registry

/// `samverkan changes`: the change log the exports kept (`Exports/changes.tsv`), newest
/// first.
struct ChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "List the changes subscribers saw (moved, cancelled, new …), newest first.",
        discussion: "Read from the export folder's changes.tsv, which each `samverkan export` extends."
    )

    @Option(
        help: ArgumentHelp(
            "Only changes on or after this day (in Europe/Stockholm).", valueName: "YYYY-MM-DD"))
    var since: Day?

    @Option(help: "The export folder.")
    var exports: String = "Exports"

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let ledger: Ledgers
        do {
            ledger = try ExportDirectory(URL(fileURLWithPath: exports)).previousLedger()
        } catch {
            printError("error: \(exports)/\(error)")
            throw ExitCode.failure
        }
        let entries = ChangeLog.entries(ledger.changes.newestFirst, since: since)
        if json {
            Console.write(JSONOutput.string(entries))
            return
        }
        if entries.isEmpty {
            printOut("No changes" + (since.map { " since \($0)" } ?? "") + ".")
            return
        }
        for entry in entries {
            printOut("\(entry.day)  \(entry.text)")
        }
    }
}

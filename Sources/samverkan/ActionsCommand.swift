import ArgumentParser
import ExportFiles
import Registry

/// `samverkan actions [--municipality NAME] [--on DATE] [--json]`
struct ActionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions",
        abstract: "What decisions ask municipalities and bodies to do that is still open, overdue first.",
        discussion:
            "One row per asked party that has neither answered nor declined on the day, with the day it was due."
    )

    @Option(name: .long, help: "Only what this municipality is asked to do.")
    var municipality: String?

    @OptionGroup var options: AsOfOptions

    func run() throws {
        try CommandSupport.output {
            let registry = CommandSupport.registry
            let day = try options.day()
            let chosen = try municipality.map { try registry.municipality(named: $0) }
            let result = OpenActionsResult(registry, on: day, municipality: chosen)
            return options.json ? JSONOutput.string(result) : result.report
        }
    }
}

extension OpenActionsResult {
    /// "overdue 3 d", "not yet due", or for an offer "no notice yet".
    static func statusWords(_ row: Row) -> String {
        switch row.status {
        case "overdue": "overdue \(row.daysOverdue) d"
        case "no-notice": "no notice yet"
        default: "not yet due"
        }
    }

    /// The text `samverkan actions` prints: a count, then a table, overdue first.
    var report: String {
        let scope = municipalityName.map { " for \($0)" } ?? ""
        guard !open.isEmpty else { return "Nothing open\(scope) on \(date).\n" }
        let overdue = open.count { $0.status == "overdue" }
        var out = "Open actions\(scope) on \(date): \(open.count), \(overdue) overdue\n\n"
        out += TextTable(
            headers: ["Status", "Due", "Who", "Asked (decision)"],
            rows: open.map { row in
                [
                    Self.statusWords(row), row.due,
                    row.party.name, "\(row.what) (\(row.decision))",
                ]
            }
        ).render(width: 80)
        return out
    }
}

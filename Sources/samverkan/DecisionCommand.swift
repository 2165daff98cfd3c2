import ArgumentParser
import ExportFiles
import Registry

/// `samverkan decision ID [--on DATE] [--json]`
struct DecisionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decision",
        abstract: "One decision: its text, what it asks, and where each asked party stands.",
        discussion: "One row per asked party: answered, declined, not yet due or overdue on the day."
    )

    @Argument(help: "The decision's ID (kdm-2026-04-10-scenario-3), or the start of one.")
    var id: String

    @OptionGroup var options: AsOfOptions

    func run() throws {
        try CommandSupport.output {
            let registry = CommandSupport.registry
            let day = try options.day()
            let decision = try registry.decision(named: id)
            let result = DecisionResult(registry.followUp(of: decision, on: day), in: registry)
            return options.json ? JSONOutput.string(result) : result.report
        }
    }
}

extension DecisionResult {
    /// The text `samverkan decision` prints: the decision, then a table per action.
    var report: String {
        func paragraph(_ text: String) -> String {
            TextTable.wrap(text, width: 80).joined(separator: "\n") + "\n"
        }
        var out = paragraph("\(title) (\(id))")
        out += paragraph(
            "Decided \(decided ?? "on an unknown day") at \(meeting), item \(item)"
                + (deadline.map { "; deadline \($0)" } ?? ""))
        out += "\n" + paragraph(text)
        for mark in inferred { out += paragraph("Inferred \(mark.field): \(mark.reason)") }
        if actions.isEmpty { return out + "\nAsks no one to act.\n" }
        for action in actions {
            if action.kind == "offer" {
                out += "\n" + paragraph("Offered: \(action.what), by \(action.by)")
                out += "On \(date): \(action.answered) of \(action.asked) have given notice\n\n"
            } else {
                out += "\n" + paragraph("Asked: \(action.what), by \(action.by)")
                out +=
                    "On \(date): \(action.answered) of \(action.asked) have answered, \(action.overdue) overdue\n\n"
            }
            out += TextTable(
                headers: ["Who", "Status", "Date", "Answer"],
                rows: action.rows.map { row in
                    [
                        row.party.name, Self.statusWords[row.status] ?? row.status, row.statusDate,
                        row.responses.map { "\($0.label) (\($0.on), \($0.source))" }.joined(separator: "; "),
                    ]
                }
            ).render(width: 80)
        }
        return out
    }

    static let statusWords = [
        "answered": "answered", "declined": "declined", "not-yet-due": "not yet due", "overdue": "overdue",
        "no-notice": "no notice yet",
    ]
}

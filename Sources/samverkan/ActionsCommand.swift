import ArgumentParser
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
            return options.json ? JSONOutput.string(result) : result.text
        }
    }
}

/// A party asked to act, as JSON names it: `{"kind": "municipality", "id": "bjuv", "name": "Bjuv"}`.
struct PartyResult: Codable, Hashable {
    /// "municipality" or "body".
    let kind: String
    let id: String
    let name: String

    init(_ party: ActionRequest.Party, in registry: Registry) {
        switch party {
        case .municipality(let id): (kind, self.id) = ("municipality", id.rawValue)
        case .body(let id): (kind, self.id) = ("body", id.rawValue)
        }
        name = registry.name(of: party)
    }
}

/// What `samverkan actions` prints with `--json`.
struct OpenActionsResult: Codable, Hashable {
    struct Row: Codable, Hashable {
        let action: String
        let decision: String
        let decisionTitle: String
        let what: String
        let party: PartyResult
        /// "overdue" or "not-yet-due".
        let status: String
        /// The day the party must act by: the deadline, or the end of the extra time it asked for.
        let due: String
        /// Days past `due` on `date`; 0 when not yet due.
        let daysOverdue: Int
    }

    let date: String
    /// The municipality's ID and name, when the list is for one.
    let municipality: String?
    let municipalityName: String?
    let open: [Row]

    init(_ registry: Registry, on day: Day, municipality: Municipality?) {
        date = day.description
        self.municipality = municipality?.id.rawValue
        municipalityName = municipality?.name
        open = registry.openActions(on: day, municipality: municipality?.id).map { standing in
            let due = standing.status.dueDay
            return Row(
                action: standing.request.id.rawValue, decision: standing.request.decision.rawValue,
                decisionTitle: registry[standing.request.decision]?.title ?? standing.request.decision.rawValue,
                what: standing.request.what, party: PartyResult(standing.party, in: registry),
                status: standing.status.key, due: due.description,
                daysOverdue: standing.status.isOverdue ? due.days(until: day) : 0)
        }
    }

    var text: String {
        let scope = municipalityName.map { " for \($0)" } ?? ""
        guard !open.isEmpty else { return "Nothing open\(scope) on \(date).\n" }
        let overdue = open.count { $0.status == "overdue" }
        var out = "Open actions\(scope) on \(date): \(open.count), \(overdue) overdue\n\n"
        out += TextTable(
            headers: ["Status", "Due", "Who", "What", "Decision"],
            rows: open.map { row in
                [
                    row.status == "overdue" ? "overdue \(row.daysOverdue) d" : "not yet due", row.due,
                    row.party.name, row.what, row.decision,
                ]
            }
        ).render(width: 110)
        return out
    }
}

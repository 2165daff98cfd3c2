import ArgumentParser
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
            return options.json ? JSONOutput.string(result) : result.text
        }
    }
}

/// What `samverkan decision` prints with `--json`.
struct DecisionResult: Codable, Hashable {
    struct InferredField: Codable, Hashable {
        let field: String
        let reason: String
    }

    struct Response: Codable, Hashable {
        /// "gave", "declined" or "asked-for-more-time".
        let answer: String
        /// In Swedish: "gav fullmakt", "avböjde", "bad om anstånd till 2026-05-15".
        let label: String
        let on: String
        let source: String
    }

    struct Row: Codable, Hashable {
        let party: PartyResult
        /// "answered", "declined", "not-yet-due" or "overdue".
        let status: String
        /// The day answered or declined, or the day due while open.
        let statusDate: String
        let responses: [Response]
    }

    struct Action: Codable, Hashable {
        let id: String
        let what: String
        let by: String
        let asked: Int
        /// How many asked parties have answered or declined by `date`.
        let answered: Int
        let overdue: Int
        let rows: [Row]
    }

    let date: String
    let id: String
    let title: String
    let text: String
    let meeting: String
    let item: Int
    let decided: String?
    let deadline: String?
    let inferred: [InferredField]
    let actions: [Action]

    init(_ followUp: DecisionFollowUp, in registry: Registry) {
        let decision = followUp.decision
        date = followUp.date.description
        id = decision.id.rawValue
        title = decision.title
        text = decision.text
        meeting = decision.meeting.rawValue
        item = decision.item
        decided = followUp.decided?.description
        deadline = decision.deadline?.description
        inferred = decision.inferred.map { InferredField(field: $0.field, reason: $0.reason) }
        actions = registry.actionRequests(of: decision.id).map { request in
            let rows = followUp.rows.filter { $0.request.id == request.id }
            return Action(
                id: request.id.rawValue, what: request.what, by: request.by.description, asked: rows.count,
                answered: rows.count { !$0.status.isOpen }, overdue: rows.count { $0.status.isOverdue },
                rows: rows.map { standing in
                    Row(
                        party: PartyResult(standing.party, in: registry), status: standing.status.key,
                        statusDate: standing.status.dueDay.description,
                        responses: standing.responses.map { response in
                            let title = registry[response.source.document]?.title ?? response.source.document.rawValue
                            return Response(
                                answer: response.answer.key, label: response.answer.label,
                                on: response.on.description,
                                source: response.source.item.map { "\(title), punkt \($0)" } ?? title)
                        })
                })
        }
    }

    var text: String {
        var out = "\(title) (\(id))\n"
        out += "Decided \(decided ?? "on an unknown day") at \(meeting), item \(item)"
        out += (deadline.map { "; deadline \($0)" } ?? "") + "\n\n"
        out += TextTable.wrap(text, width: 100).joined(separator: "\n") + "\n"
        for mark in inferred { out += "(antaget) \(mark.field): \(mark.reason)\n" }
        if actions.isEmpty { return out + "\nAsks no one to act.\n" }
        for action in actions {
            out += "\nAsked: \(action.what), by \(action.by)\n"
            out += "On \(date): \(action.answered) of \(action.asked) have answered, \(action.overdue) overdue\n\n"
            out += TextTable(
                headers: ["Who", "Status", "Date", "Answer"],
                rows: action.rows.map { row in
                    [
                        row.party.name, Self.statusWords[row.status] ?? row.status, row.statusDate,
                        row.responses.map { "\($0.label) (\($0.on), \($0.source))" }.joined(separator: "; "),
                    ]
                }
            ).render(width: 110)
        }
        return out
    }

    static let statusWords = [
        "answered": "answered", "declined": "declined", "not-yet-due": "not yet due", "overdue": "overdue",
    ]
}

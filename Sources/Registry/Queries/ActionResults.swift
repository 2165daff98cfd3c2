// The JSON shapes of `samverkan actions --json` and `samverkan decision ID --json`, which
// `/api/actions` and `/api/decisions/ID` answer with too. The command line adds the text.

/// A party asked to act, as JSON names it: `{"kind": "municipality", "id": "bjuv", "name": "Bjuv"}`.
public struct PartyResult: Codable, Hashable, Sendable {
    /// "municipality" or "body".
    public let kind: String
    public let id: String
    public let name: String

    public init(_ party: ActionRequest.Party, in registry: Registry) {
        switch party {
        case .municipality(let id): (kind, self.id) = ("municipality", id.rawValue)
        case .body(let id): (kind, self.id) = ("body", id.rawValue)
        }
        name = registry.name(of: party)
    }
}

/// What is open on a day: `samverkan actions --json`, `/api/actions`.
public struct OpenActionsResult: Codable, Hashable, Sendable {
    public struct Row: Codable, Hashable, Sendable {
        public let action: String
        public let decision: String
        public let decisionTitle: String
        public let what: String
        public let party: PartyResult
        /// "overdue" or "not-yet-due".
        public let status: String
        /// The day the party must act by: the deadline, or the end of the extra time it asked for.
        public let due: String
        /// Days past `due` on `date`; 0 when not yet due.
        public let daysOverdue: Int
    }

    public let date: String
    /// The municipality's ID and name, when the list is for one.
    @ExplicitNull public private(set) var municipality: String?
    @ExplicitNull public private(set) var municipalityName: String?
    public let open: [Row]

    public init(_ registry: Registry, on day: Day, municipality: Municipality?) {
        date = day.description
        self.municipality = municipality?.id.rawValue
        municipalityName = municipality?.name
        open = registry.openActions(on: day, municipality: municipality?.id).map { standing in
            let due = standing.status.dueDay
            return Row(
                action: standing.request.id.rawValue, decision: standing.request.decision.rawValue,
                decisionTitle: registry[standing.request.decision].map {
                    $0.displayed($0.title, field: "title")
                }
                    ?? standing.request.decision.rawValue,
                what: standing.request.what, party: PartyResult(standing.party, in: registry),
                status: standing.status.key, due: due.description,
                daysOverdue: standing.status.isOverdue ? due.days(until: day) : 0)
        }
    }
}

/// One decision and where each asked party stands: `samverkan decision ID --json`,
/// `/api/decisions/ID`.
public struct DecisionResult: Codable, Hashable, Sendable {
    public struct InferredField: Codable, Hashable, Sendable {
        public let field: String
        public let reason: String
    }

    public struct Response: Codable, Hashable, Sendable {
        /// "gave", "declined" or "asked-for-more-time".
        public let answer: String
        /// In Swedish, as feeds and pages say it: "lämnat fullmakt", "avböjt", "bett om anstånd
        /// till den 15 maj 2026".
        public let label: String
        public let on: String
        public let source: String
    }

    public struct Row: Codable, Hashable, Sendable {
        public let party: PartyResult
        /// "answered", "declined", "not-yet-due", "overdue", or for an offer "no-notice".
        public let status: String
        /// The day answered or declined, or the day due while open.
        public let statusDate: String
        public let responses: [Response]
    }

    public struct Action: Codable, Hashable, Sendable {
        public let id: String
        /// "request" (answer by `by`, overdue after it) or "offer" (take up by `by`, never overdue).
        public let kind: String
        public let what: String
        public let by: String
        public let asked: Int
        /// How many asked parties have answered or declined by `date`.
        public let answered: Int
        public let overdue: Int
        public let rows: [Row]
    }

    public let date: String
    public let id: String
    public let title: String
    public let text: String
    public let meeting: String
    public let item: Int
    @ExplicitNull public private(set) var decided: String?
    @ExplicitNull public private(set) var deadline: String?
    /// The decision's fields the registry inferred, with the reason for each.
    public let inferred: [InferredField]
    public let actions: [Action]

    public init(_ followUp: DecisionFollowUp, in registry: Registry) {
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
                id: request.id.rawValue, kind: request.kind.rawValue, what: request.what,
                by: request.by.description, asked: rows.count,
                answered: rows.count { !$0.status.isOpen }, overdue: rows.count { $0.status.isOverdue },
                rows: rows.map { standing in
                    Row(
                        party: PartyResult(standing.party, in: registry), status: standing.status.key,
                        statusDate: standing.status.dueDay.description,
                        responses: standing.responses.map { response in
                            let title =
                                registry[response.source.document]?.title ?? response.source.document.rawValue
                            return Response(
                                answer: response.answer.key, label: response.answer.label,
                                on: response.on.description,
                                source: response.source.item.map { "\(title), punkt \($0)" } ?? title)
                        })
                })
        }
    }
}

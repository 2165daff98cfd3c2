// Following decisions up: who was asked to act, who has answered, and what is overdue,
// on any day. Pure values; the command line and the API format them.

/// One asked party of one action, as it stands on a day.
public struct ActionStanding: Hashable, Sendable {
    public let request: ActionRequest
    public let party: ActionRequest.Party
    /// The party's name as readers know it: "Bjuv", "Kommundirektörerna".
    public let partyName: String
    public let status: ActionStatus
    /// The party's responses to the action given on or before the day, oldest first.
    public let responses: [ActionResponse]
}

/// A decision with what it asks and where each asked party stands on a day.
public struct DecisionFollowUp: Hashable, Sendable {
    public let decision: Decision
    /// The day of the meeting that took the decision, when known.
    public let decided: Day?
    public let date: Day
    /// One row per asked party, per action, in the order the registry lists them.
    public let rows: [ActionStanding]

    /// How many of the asked parties have answered or declined: the 6 of "6 av 10 har svarat".
    public var answeredCount: Int { rows.count { !$0.status.isOpen } }
}

extension Registry {
    /// The actions a decision asks for, in the order they were added.
    public func actionRequests(of decision: Decision.ID) -> [ActionRequest] {
        uniqueActionRequests.filter { $0.decision == decision }
    }

    /// The day the decision behind `request` was taken, when the meeting's day is known.
    public func decisionDay(of request: ActionRequest) -> Day? {
        self[request.decision].flatMap { self[$0.meeting] }.flatMap(\.time.day)
    }

    /// The name readers know a party by: the municipality's or the body's name (with
    /// " (tolkning)" when the body's name is inferred), or its ID when it is not in the registry.
    public func name(of party: ActionRequest.Party) -> String {
        switch party {
        case .municipality(let id): self[id]?.name ?? id.rawValue
        case .body(let id): self[id]?.displayName ?? id.rawValue
        }
    }

    /// Where each party `request` asks stands on `day`.
    public func standings(of request: ActionRequest, on day: Day) -> [ActionStanding] {
        let answers = actionResponses.filter { $0.request == request.id && $0.on <= day }
        var seen: Set<ActionRequest.Party> = []
        return request.asked.compactMap { party in
            guard seen.insert(party).inserted else { return nil }
            return ActionStanding(
                request: request, party: party, partyName: name(of: party),
                status: request.status(of: party, on: day, responses: answers),
                responses: answers.filter { $0.party == party }.sorted { $0.on < $1.on })
        }
    }

    /// What is still open on `day`: every asked party that has neither answered nor
    /// declined, of every action whose decision was taken by then. Overdue first, then by
    /// the day due and the action; within an action, in the order it asks the parties.
    ///
    /// - Parameter municipality: only what this municipality is asked to do.
    public func openActions(on day: Day, municipality: Municipality.ID? = nil) -> [ActionStanding] {
        let open = uniqueActionRequests.filter { request in
            decisionDay(of: request).map { $0 <= day } ?? true
        }
        .flatMap { standings(of: $0, on: day) }
        .filter { standing in
            standing.status.isOpen && (municipality.map { standing.party == .municipality($0) } ?? true)
        }
        return open.enumerated().sorted { a, b in
            let keyA = (
                a.element.status.isOverdue ? 0 : 1, a.element.status.dueDay, a.element.request.id.rawValue
            )
            let keyB = (
                b.element.status.isOverdue ? 0 : 1, b.element.status.dueDay, b.element.request.id.rawValue
            )
            return keyA < keyB || (keyA == keyB && a.offset < b.offset)
        }
        .map(\.element)
    }

    /// One decision and, per action it asks for, where each asked party stands on `day`.
    public func followUp(of decision: Decision, on day: Day) -> DecisionFollowUp {
        DecisionFollowUp(
            decision: decision, decided: self[decision.meeting]?.time.day, date: day,
            rows: actionRequests(of: decision.id).flatMap { standings(of: $0, on: day) })
    }

    /// The decision a reader means by `query`: its ID ("kdm-2026-04-10-scenario-3") or the
    /// start of one.
    ///
    /// - Throws: `QueryError` naming the closest IDs, or all of them when none is close.
    public func decision(named query: String) throws(QueryError) -> Decision {
        let all = Array(uniqueDecisions)
        let matcher = NameMatcher(all) { [$0.id.rawValue] }
        switch matcher.match(query) {
        case .found(let decision):
            return decision
        case .ambiguous(let candidates):
            throw QueryError(
                .ambiguous, kind: "decision", query: query, candidates: candidates.map(\.id.rawValue))
        case .notFound(let suggestions) where suggestions.isEmpty:
            throw QueryError(
                .notFoundListingAll, kind: "decision", query: query, candidates: all.map(\.id.rawValue))
        case .notFound(let suggestions):
            throw QueryError(
                .notFound, kind: "decision", query: query, candidates: suggestions.map(\.id.rawValue))
        }
    }

    var uniqueActionRequests: [ActionRequest] { actionRequests.filter { self[$0.id] == $0 } }
}

extension ActionStatus {
    /// The day the status turns on: the due day of an open action, the day of an answer.
    public var dueDay: Day {
        switch self {
        case .answered(let day), .declined(let day), .notYetDue(let day), .overdue(let day),
            .noNotice(let day):
            day
        }
    }
}

extension Registry {
    /// Where each party `request` asks stands by everything the registry records,
    /// whatever the day: the statuses a calendar can state without reading a clock.
    /// A party that has not answered is "not yet due" or "overdue" by the latest day
    /// the registry knows of; callers that word it for a calendar say only "has not answered".
    public func recordedStandings(of request: ActionRequest) -> [ActionStanding] {
        let latest = actionResponses.filter { $0.request == request.id }.map(\.on).max()
        return standings(of: request, on: max(request.by, latest ?? request.by))
    }

    /// Every response recorded to the actions of `decision`, as records of what a
    /// calendar shows, sorted by their text. What subscribers are told follows from
    /// these, so a change among them is a change to word in the change log.
    public func responseRecords(of decision: Decision.ID) -> [ResponseRecord] {
        let requests = Set(actionRequests(of: decision).map(\.id))
        guard !requests.isEmpty else { return [] }
        return actionResponses.filter { requests.contains($0.request) }
            .map(ResponseRecord.init).sorted()
    }
}

/// All of a response that a calendar shows: which request, who, on which day, and the
/// kind of answer (with the day more time was asked until). Kept in the export's ledger
/// to tell which answers are new.
public struct ResponseRecord: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Answer: Hashable, Sendable {
        case gave
        case declined
        case askedForMoreTime(until: Day)
    }

    public let request: ActionRequest.ID
    public let party: ActionRequest.Party
    public let on: Day
    public let answer: Answer

    public init(request: ActionRequest.ID, party: ActionRequest.Party, on: Day, answer: Answer) {
        self.request = request
        self.party = party
        self.on = on
        self.answer = answer
    }

    public init(_ response: ActionResponse) {
        let answer: Answer =
            switch response.answer {
            case .gave: .gave
            case .declined: .declined
            case .askedForMoreTime(let until): .askedForMoreTime(until: until)
            }
        self.init(request: response.request, party: response.party, on: response.on, answer: answer)
    }

    /// `kdm-2026-04-10-scenario-3-fullmakt municipality/bjuv 2026-04-22 gave`
    /// (`asked-for-more-time:2026-05-15` for more time).
    public var description: String {
        let answer =
            switch self.answer {
            case .gave: "gave"
            case .declined: "declined"
            case .askedForMoreTime(let until): "asked-for-more-time:\(until)"
            }
        return "\(request.rawValue) \(party.key) \(on) \(answer)"
    }

    /// The record `text` spells (`description`'s form), or nil.
    public init?(_ text: some StringProtocol) {
        let fields = text.split(separator: " ")
        guard fields.count == 4, let party = ActionRequest.Party(key: fields[1]), let on = Day(iso: fields[2])
        else { return nil }
        let answer: Answer
        switch fields[3] {
        case "gave": answer = .gave
        case "declined": answer = .declined
        case let word where word.hasPrefix("asked-for-more-time:"):
            guard let until = Day(iso: word.dropFirst("asked-for-more-time:".count)) else { return nil }
            answer = .askedForMoreTime(until: until)
        default: return nil
        }
        self.init(request: ActionRequest.ID(String(fields[0])), party: party, on: on, answer: answer)
    }

    /// In the order of their text, as the ledger lists them.
    public static func < (a: ResponseRecord, b: ResponseRecord) -> Bool { a.description < b.description }
}

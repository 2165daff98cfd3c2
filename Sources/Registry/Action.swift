/// What a decision asks of named municipalities or bodies, and by when: "the municipalities
/// other than Helsingborg give a power of attorney by 30 April".
///
/// Each asked party answers with an `ActionResponse`; `status(of:on:in:)` says, on any
/// day, who has answered, who has declined, who is not yet due and who is overdue.
public struct ActionRequest: Record, Hashable {
    public typealias ID = RecordID<ActionRequest>

    /// Who is asked to act: a municipality or a body.
    public enum Party: Hashable, Sendable, Comparable {
        case municipality(Municipality.ID)
        case body(Body.ID)

        /// `municipality 'bjuv'`, for messages.
        public var label: String {
            switch self {
            case .municipality(let id): "municipality '\(id.rawValue)'"
            case .body(let id): "body '\(id.rawValue)'"
            }
        }

        /// The party's ID with its kind: `municipality/bjuv`, `body/sekretariatet`.
        public var key: String {
            switch self {
            case .municipality(let id): "municipality/\(id.rawValue)"
            case .body(let id): "body/\(id.rawValue)"
            }
        }

        /// The party `key` names: `municipality/bjuv`, `body/sekretariatet`.
        public init?(key: some StringProtocol) {
            let parts = key.split(separator: "/", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            switch parts[0] {
            case "municipality": self = .municipality(Municipality.ID(String(parts[1])))
            case "body": self = .body(Body.ID(String(parts[1])))
            default: return nil
            }
        }

        public static func < (a: Party, b: Party) -> Bool { a.key < b.key }
    }

    /// Everyone in the collaboration, without listing them: `asked: .everyMunicipality`.
    public enum Everyone: Hashable, Sendable {
        /// Every member municipality, as the registry lists them, now and when one is added.
        case everyMunicipality
    }

    public let id: ID
    public let decision: Decision.ID
    /// Who must act, in the order the registry lists them. For a request that asks every
    /// municipality, the registry fills this in as it adds the request and each municipality.
    public internal(set) var asked: [Party]
    /// Whether the request asks every municipality (`asked: .everyMunicipality`).
    public private(set) var asksEveryMunicipality: Bool
    /// A request the asked must answer by its day, or an offer they may take up by it.
    public let kind: Kind

    /// What the decision does: asks (and a party that has not answered by the day is
    /// overdue), or offers (and a party that has not answered has not given notice yet:
    /// "varje kommun tar själv ställning").
    public enum Kind: String, Hashable, Sendable {
        case request
        case offer
    }
    /// What is asked, in Swedish: "teckna fullmakt om deltagande och företrädande".
    public let what: String
    /// The last day to act (included).
    public let by: Day
    public let source: Source
    public let location: SourceLocation

    public init(
        _ id: ID, of decision: Decision.ID, asked: [Party], what: String, by: Day, kind: Kind = .request,
        source: Source, filePath: String = #filePath, line: Int = #line
    ) {
        self.id = id
        self.decision = decision
        self.asked = asked
        self.asksEveryMunicipality = false
        self.kind = kind
        self.what = what
        self.by = by
        self.source = source
        self.location = SourceLocation(filePath: filePath, line: line)
    }

    /// A request to every municipality, which need not be listed:
    ///
    ///     add(ActionRequest(.budgetViews, of: .budget2027, asked: .everyMunicipality,
    ///                       what: "lämna synpunkter", by: Day(2026, 10, 15), source: …))
    public init(
        _ id: ID, of decision: Decision.ID, asked: Everyone, what: String, by: Day, kind: Kind = .request,
        source: Source, filePath: String = #filePath, line: Int = #line
    ) {
        self.init(
            id, of: decision, asked: [], what: what, by: by, kind: kind, source: source, filePath: filePath,
            line: line)
        asksEveryMunicipality = true
    }
}

/// One asked party's answer to an `ActionRequest`, with the day and the document it came in.
public struct ActionResponse: Record, Hashable {
    public typealias ID = RecordID<ActionResponse>

    /// How the party answered.
    public enum Answer: Hashable, Sendable {
        /// Did what was asked: `.gave("fullmakt")`.
        case gave(String)
        /// Said no.
        case declined
        /// Asked for more time, until the day given (included).
        case askedForMoreTime(until: Day)

        /// Swedish words for readers, as feeds and pages word them: "lämnat fullmakt",
        /// "avböjt", "bett om anstånd till den 15 maj 2026".
        public var label: String {
            switch self {
            case .gave(let what): "lämnat \(what)"
            case .declined: "avböjt"
            case .askedForMoreTime(let until): "bett om anstånd till den \(until.swedishText)"
            }
        }

        /// A stable word for JSON: "gave", "declined", "asked-for-more-time".
        public var key: String {
            switch self {
            case .gave: "gave"
            case .declined: "declined"
            case .askedForMoreTime: "asked-for-more-time"
            }
        }
    }

    public let party: ActionRequest.Party
    public let request: ActionRequest.ID
    public let answer: Answer
    /// The day the answer was given.
    public let on: Day
    /// Fields the registry inferred rather than read in its source: `on` when the source
    /// reports the answer but not its day, so it is not reported as late.
    public let inferred: [Inferred]
    public let source: Source
    public let location: SourceLocation

    /// - Parameters:
    ///   - party: Who answered: `.municipality(.bjuv)`.
    ///   - request: The action it answers.
    public init(
        _ party: ActionRequest.Party, to request: ActionRequest.ID, answer: Answer, on: Day,
        source: Source, inferred: [Inferred] = [], filePath: String = #filePath, line: Int = #line
    ) {
        self.party = party
        self.request = request
        self.answer = answer
        self.on = on
        self.inferred = inferred
        self.source = source
        self.location = SourceLocation(filePath: filePath, line: line)
    }

    /// Derived from who answered what and when, so staff do not have to invent one.
    public var id: ID {
        let party =
            switch party {
            case .municipality(let id): id.rawValue
            case .body(let id): id.rawValue
            }
        return ID("\(request.rawValue).\(party).\(on)")
    }
}

/// Where one asked party stands on a given day.
public enum ActionStatus: Hashable, Sendable {
    /// Did what was asked, on that day.
    case answered(on: Day)
    /// Said no, on that day.
    case declined(on: Day)
    /// Has not answered, and the day it must act by (the deadline, or the end of the
    /// extra time it asked for) has not passed.
    case notYetDue(due: Day)
    /// Has not answered, and the day it had to act by has passed.
    case overdue(due: Day)
    /// Has not answered an offer, which it may take up by the day given: never overdue,
    /// since nothing was demanded of it.
    case noNotice(by: Day)

    /// A stable word for JSON and sorting: "answered", "declined", "not-yet-due", "overdue".
    public var key: String {
        switch self {
        case .answered: "answered"
        case .declined: "declined"
        case .notYetDue: "not-yet-due"
        case .overdue: "overdue"
        case .noNotice: "no-notice"
        }
    }

    /// Swedish words for readers: "har svarat 2026-04-22", "försenad (senast 2026-04-30)".
    public var label: String {
        switch self {
        case .answered(let on): "har svarat \(on)"
        case .declined(let on): "har avböjt \(on)"
        case .notYetDue(let due): "ej svarat (senast \(due))"
        case .overdue(let due): "försenad (senast \(due))"
        case .noNotice(let by): "har inte lämnat besked (senast \(by))"
        }
    }

    /// Swedish words for readers of an offer's or a request's standing, as a table cell:
    /// "har anslutit sig", "har tackat nej", "inte lämnat besked" for an offer; "har svarat",
    /// "har avböjt", "inte svarat", "försenat" for a request.
    public func phrase(for kind: ActionRequest.Kind) -> String {
        switch (self, kind) {
        case (.answered, .offer): "har anslutit sig"
        case (.declined, .offer): "har tackat nej"
        case (.answered, .request): "har svarat"
        case (.declined, .request): "har avböjt"
        case (.notYetDue, _): "inte svarat"
        case (.overdue, _): "försenat"
        case (.noNotice, _): "inte lämnat besked"
        }
    }

    /// Whether the party still has to act or decide: not yet due, overdue, or no notice.
    public var isOpen: Bool {
        switch self {
        case .notYetDue, .overdue, .noNotice: true
        case .answered, .declined: false
        }
    }

    public var isOverdue: Bool {
        if case .overdue = self { true } else { false }
    }
}

extension ActionRequest {
    /// Where `party` stands on `day`, from the responses given on or before that day.
    ///
    /// The latest response counts: a gift or a refusal closes the action for the party;
    /// asking for more time moves its due day to the day asked for. A party that has not
    /// answered is overdue from the day after its due day.
    ///
    /// - Parameter responses: any responses; those to other actions or from other parties
    ///   are ignored.
    public func status(of party: Party, on day: Day, responses: [ActionResponse]) -> ActionStatus {
        var due = by
        let known = responses.filter { $0.request == id && $0.party == party && $0.on <= day }
        for response in known.sorted(by: { $0.on < $1.on }) {
            switch response.answer {
            case .gave: return .answered(on: response.on)
            case .declined: return .declined(on: response.on)
            case .askedForMoreTime(let until): due = max(due, until)
            }
        }
        if kind == .offer { return .noNotice(by: due) }
        return day > due ? .overdue(due: due) : .notYetDue(due: due)
    }
}

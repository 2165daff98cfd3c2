public import ICalendar
public import Registry

/// What a subscriber saw of an event at the last export: enough to word its next change.
public struct EventState: Hashable, Sendable {
    public let timing: Event.Timing
    public let location: String
    public let status: VEvent.Status
    public let title: String
    /// Slugs of the municipalities the event concerns, sorted.
    public let municipalities: [String]
    public let url: String
    /// For a deadline, the answers recorded to what its decision asks, sorted; empty for
    /// anything else.
    public let answers: [ResponseRecord]
    /// For a meeting, its agenda items, decisions and attendance record, by key; nil for
    /// anything else, and in lines written before the ledger kept them.
    public let facts: [Fact]?

    /// Something recorded about a meeting that the change log announces when it is new.
    public struct Fact: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable {
            case agendaItem = "agenda"
            case decision
            case attendance
        }

        public let kind: Kind
        /// `agenda/2`, `decision/kdm-2026-04-10-scenario-3`, `attendance`: what the ledger keeps.
        public let key: String
        /// The item's or decision's title, as the change log words it; empty when read back.
        public let words: String

        public init(_ kind: Kind, id: String? = nil, words: String = "") {
            self.kind = kind
            self.key = id.map { "\(kind.rawValue)/\($0)" } ?? kind.rawValue
            self.words = words
        }

        /// The fact of `kind` whose key, `key`, is already spelt as `init(_:id:words:)` would.
        init(_ kind: Kind, key: String) {
            self.kind = kind
            self.key = key
            self.words = ""
        }

        /// By key: a reworded item is the same fact.
        public static func == (a: Fact, b: Fact) -> Bool { a.key == b.key }
        public func hash(into hasher: inout Hasher) { hasher.combine(key) }
    }

    public init(
        timing: Event.Timing, location: String, status: VEvent.Status, title: String,
        municipalities: [String],
        url: String, answers: [ResponseRecord] = [], facts: [Fact]? = nil
    ) {
        self.timing = timing
        self.location = location
        self.status = status
        self.title = title
        self.municipalities = municipalities
        self.url = url
        self.answers = answers
        self.facts = facts
    }

    /// The ledger columns after `removed`; the answers only when there are some or facts
    /// follow, and a meeting's facts last, so other lines keep their eleven columns.
    var columns: [String] {
        var columns = [
            timing.ledgerText, location, status.rawValue, title, municipalities.joined(separator: ","), url,
        ]
        if !answers.isEmpty || facts != nil {
            columns.append(answers.map(\.description).joined(separator: ","))
        }
        if let facts { columns.append(facts.map(\.key).joined(separator: ",")) }
        return columns.map(ChangeEntry.clean)
    }
}

extension Event.Timing {
    /// `2026-05-22T09:00-11:00` or `2026-05-22`: how the ledger and the content
    /// fingerprint write a timing.
    var ledgerText: String {
        switch self {
        case .timed(let day, let from, let to): "\(day)T\(from)-\(to)"
        case .allDay(let day): "\(day)"
        }
    }
}

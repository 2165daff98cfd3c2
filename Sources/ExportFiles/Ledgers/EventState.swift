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

    public init(
        timing: Event.Timing, location: String, status: VEvent.Status, title: String,
        municipalities: [String],
        url: String, answers: [ResponseRecord] = []
    ) {
        self.timing = timing
        self.location = location
        self.status = status
        self.title = title
        self.municipalities = municipalities
        self.url = url
        self.answers = answers
    }

    /// The ledger columns after `removed`; the answers only when there are some, so other
    /// lines keep their eleven columns.
    var columns: [String] {
        ([
            timing.ledgerText, location, status.rawValue, title, municipalities.joined(separator: ","), url,
        ] + (answers.isEmpty ? [] : [answers.map(\.description).joined(separator: ",")])).map(
            ChangeEntry.clean)
    }

    /// The state `columns` wrote, or nil when they are not such columns.
    init?(columns: ArraySlice<Substring>) {
        guard columns.count == 6 || columns.count == 7 else { return nil }
        let values = Array(columns)
        guard let timing = Event.Timing(ledgerText: values[0]),
            let status = VEvent.Status(rawValue: String(values[2]))
        else { return nil }
        var answers: [ResponseRecord] = []
        if values.count == 7 {
            for text in values[6].split(separator: ",") {
                guard let record = ResponseRecord(text) else { return nil }
                answers.append(record)
            }
        }
        self.init(
            timing: timing, location: String(values[1]), status: status, title: String(values[3]),
            municipalities: values[4].split(separator: ",").map(String.init), url: String(values[5]),
            answers: answers)
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

    /// The timing `ledgerText` wrote, or nil.
    init?(ledgerText text: some StringProtocol) {
        guard let day = Day(iso: text.prefix(10)) else { return nil }
        let rest = text.dropFirst(10)
        if rest.isEmpty {
            self = .allDay(day)
            return
        }
        let clock = rest.dropFirst().split(separator: "-")
        guard rest.first == "T", clock.count == 2, let from = LocalTime(ledgerText: clock[0]),
            let to = LocalTime(ledgerText: clock[1])
        else { return nil }
        self = .timed(day, from: from, to: to)
    }
}

extension LocalTime {
    /// `09:00`, as `description` writes it.
    init?(ledgerText text: some StringProtocol) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hour = Int(parts[0]),
            let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        self.init(hour, minute)
    }
}

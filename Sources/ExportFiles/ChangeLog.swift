public import Registry

/// One subscriber-visible change, in a plain Swedish sentence, dated by the export that
/// saw it: "Kommundirektörsmötet den 22 maj 2026 är flyttat till den 29 maj kl. 09.00–11.00."
///
/// Entries are kept in `Exports/changes.tsv`, committed with the feeds, so the history
/// survives re-exports; each export only appends what it saw change. The log started
/// empty with the first export that kept it (no seeding: the events already published
/// were not changes anyone needed to hear about).
public struct ChangeEntry: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case newMeeting = "new-meeting"
        case moved
        case newPlace = "new-place"
        case cancelled
        case reinstated
        case deadlineSet = "deadline-set"
        case deadlineMoved = "deadline-moved"
        case newStartDate = "new-start-date"
        case startDateMoved = "start-date-moved"
        case removed
        case changed
        /// A director or other representative of a municipality replaced.
        case replaced
        /// An asked municipality or body answered what a decision asks (or declined, or
        /// asked for more time).
        case answered
    }

    /// When the export saw the change.
    public let date: Instant
    /// The calendar event's UID.
    public let uid: String
    public let kind: Kind
    /// Slugs of the municipalities the event concerns (for the per-municipality logs).
    public let municipalities: [String]
    public let text: String
    /// The event's page, when it has one.
    public let url: String?

    public init(
        date: Instant, uid: String, kind: Kind, municipalities: [String], text: String, url: String?
    ) {
        self.date = date
        self.uid = uid
        self.kind = kind
        self.municipalities = municipalities
        self.text = text
        self.url = url
    }

    /// A stable Atom id: the UID and the instant, as a tag: URI (RFC 4151).
    public var atomID: String {
        "tag:familjenhelsingborg.se,2026:samverkan/change/\(uid)/\(date.secondsSinceEpoch)"
    }

    static let header =
        "# Change log written by `samverkan export`: date (UTC), UID, kind, municipalities, URL, text.\n"
        + "# Commit it with the feeds; never edit it by hand.\n"

    var tsvLine: String {
        [
            date.description, uid, kind.rawValue, municipalities.joined(separator: ","), url ?? "",
            Self.clean(text),
        ].joined(separator: "\t") + "\n"
    }

    init?(tsvLine line: Substring) {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == 6, let date = Instant(iso: fields[0]),
            let kind = Kind(rawValue: String(fields[2]))
        else { return nil }
        self.init(
            date: date, uid: String(fields[1]), kind: kind,
            municipalities: fields[3].split(separator: ",").map(String.init),
            text: String(fields[5]), url: fields[4].isEmpty ? nil : String(fields[4]))
    }

    static func clean(_ text: String) -> String {
        // Most text has nothing to replace: no control byte, and no lead byte of U+0085
        // (C2 85) or U+2028/U+2029 (E2 80 A8/A9), the other line breaks.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0xC2 || $0 == 0xE2 }) else { return text }
        return String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }
}

/// What a subscriber saw of an event at the last export: enough to word a change.
public struct EventState: Hashable, Sendable {
    /// `2026-05-22T09:00-11:00` or `2026-05-22`.
    public let timing: String
    public let location: String
    public let status: String
    public let title: String
    public let municipalities: [String]
    public let url: String
    /// For a deadline, the answers recorded to what its decision asks, one
    /// `ActionResponse.recordKey` each, sorted; empty for anything else.
    public let answers: [String]

    /// The ledger columns after `removed`; the answers only when there are some, so other
    /// lines keep their eleven columns.
    var columns: [String] {
        ([timing, location, status, title, municipalities.joined(separator: ","), url]
            + (answers.isEmpty ? [] : [answers.joined(separator: ",")])).map(ChangeEntry.clean)
    }

    init(
        timing: String, location: String, status: String, title: String, municipalities: [String],
        url: String,
        answers: [String] = []
    ) {
        self.timing = timing
        self.location = location
        self.status = status
        self.title = title
        self.municipalities = municipalities
        self.url = url
        self.answers = answers
    }

    init?(columns: ArraySlice<Substring>) {
        guard columns.count == 6 || columns.count == 7 else { return nil }
        let values = columns.map(String.init)
        self.init(
            timing: values[0], location: values[1], status: values[2], title: values[3],
            municipalities: values[4].split(separator: ",").map(String.init), url: values[5],
            answers: values.count == 7 ? values[6].split(separator: ",").map(String.init) : [])
    }
}

/// A change the ledger cannot word by itself, worded by whoever knows the registry: an
/// answer to what a decision asks ("Bjuv har svarat på … den 22 april 2026.").
public struct ChangeNote: Hashable, Sendable {
    public let kind: ChangeEntry.Kind
    /// Slugs of the municipalities whose feeds show the change.
    public let municipalities: [String]
    public let text: String

    public init(kind: ChangeEntry.Kind, municipalities: [String], text: String) {
        self.kind = kind
        self.municipalities = municipalities
        self.text = text
    }
}

/// Swedish sentences for changes.
enum ChangeWording {
    /// "Kommundirektörsmötet" from "Kommundirektörsmöte"; other titles "mötet X".
    static func definite(_ title: String) -> String {
        title.hasSuffix("möte") ? title + "t" : "Mötet \(title)"
    }

    /// "22 maj 2026" from `2026-05-22…`.
    static func day(_ timing: String) -> Day? { Day(iso: timing.prefix(10)) }

    /// "den 29 maj kl. 09.00–11.00" (year left out when it is `sameYearAs`'s).
    static func when(_ timing: String, sameYearAs other: Day? = nil) -> String {
        guard let day = day(timing) else { return timing }
        var text = day.swedishText
        if let other, other.year == day.year {
            text = text.split(separator: " ").prefix(2).joined(separator: " ")
        }
        var result = "den \(text)"
        // `2026-05-29T09:00-11:00`
        if timing.count > 10 {
            let clock = timing.dropFirst(11).split(separator: "-")
            if clock.count == 2 {
                result += " kl. \(clock[0].replacingColon)–\(clock[1].replacingColon)"
            }
        }
        return result
    }

    static func sentence(kind: ChangeEntry.Kind, eventKind: Event.Kind, old: EventState?, new: EventState)
        -> String
    {
        let title = new.title
        switch kind {
        case .newMeeting:
            return "Nytt möte: \(title) \(when(new.timing))"
                + (new.location.isEmpty ? "." : " i \(new.location).")
        case .moved:
            let from = old.map { when($0.timing) } ?? ""
            return
                "\(definite(title)) \(from) är flyttat till \(when(new.timing, sameYearAs: old.flatMap { day($0.timing) }))."
        case .newPlace:
            return "\(definite(title)) \(when(new.timing)) hålls nu i \(new.location)."
        case .cancelled:
            return "\(definite(title)) \(when(new.timing)) är inställt."
        case .reinstated:
            return "\(definite(title)) \(when(new.timing)) blir av som planerat."
        case .deadlineSet:
            return "Ny sista dag: \(title) \(when(new.timing))."
        case .deadlineMoved:
            return "Sista dagen för \(title) är flyttad från \(old.map { when($0.timing) } ?? "") till "
                + "\(when(new.timing))."
        case .newStartDate:
            return "Nytt startdatum: \(title) \(when(new.timing))."
        case .startDateMoved:
            return "Startdatumet för \(title) är flyttat från \(old.map { when($0.timing) } ?? "") till "
                + "\(when(new.timing))."
        case .removed:
            switch eventKind {
            case .meeting: return "\(definite(title)) \(when(new.timing)) är borttaget ur kalendern."
            case .deadline: return "Sista dagen för \(title) \(when(new.timing)) är borttagen ur kalendern."
            case .startDate: return "Startdatumet för \(title) \(when(new.timing)) är borttaget ur kalendern."
            }
        case .replaced:
            return ""  // Worded from the seat, not an event (Seats.swift).
        case .answered:
            return "Svaren på \(title) har ändrats."
        case .changed:
            switch eventKind {
            case .meeting: return "\(definite(title)) \(when(new.timing)) har ändrats."
            case .deadline: return "Sista dagen för \(title) \(when(new.timing)) har ändrats."
            case .startDate: return "Startdatumet för \(title) \(when(new.timing)) har ändrats."
            }
        }
    }

    /// Which change `new` is from `old` (nil `old`: a new event).
    static func kind(eventKind: Event.Kind, old: EventState?, new: EventState) -> ChangeEntry.Kind {
        guard let old else {
            switch eventKind {
            case .meeting: return .newMeeting
            case .deadline: return .deadlineSet
            case .startDate: return .newStartDate
            }
        }
        if old.status != new.status { return new.status == "CANCELLED" ? .cancelled : .reinstated }
        if old.timing != new.timing {
            switch eventKind {
            case .meeting: return .moved
            case .deadline: return .deadlineMoved
            case .startDate: return .startDateMoved
            }
        }
        if old.location != new.location && !new.location.isEmpty && eventKind == .meeting { return .newPlace }
        return .changed
    }
}

extension Substring {
    fileprivate var replacingColon: String { String(map { $0 == ":" ? "." : $0 }) }
}

extension Event.Kind {
    /// From the UID prefix the calendar wording gives each kind.
    static func fromUID(_ uid: String) -> Event.Kind {
        if uid.hasPrefix("deadline-") { return .deadline }
        if uid.hasPrefix("start-") { return .startDate }
        return .meeting
    }
}

/// Filters over the change log, for the CLI, the API and the pages.
public enum ChangeLog {
    /// `entries` (in their order) dated on or after `since` (UTC day); all when nil.
    public static func entries(_ entries: some Sequence<ChangeEntry>, since: Day?) -> [ChangeEntry] {
        guard let since else { return Array(entries) }
        let start = Instant(since)
        return entries.filter { $0.date >= start }
    }

    /// `entries` that concern one municipality (by slug).
    public static func entries(_ entries: some Sequence<ChangeEntry>, municipality slug: String)
        -> [ChangeEntry]
    {
        entries.filter { $0.municipalities.contains(slug) }
    }
}

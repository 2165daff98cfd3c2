import ICalendar
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

    static func clean(_ text: String) -> String {
        // Most text has nothing to replace: no control byte, and no lead byte of U+0085
        // (C2 85) or U+2028/U+2029 (E2 80 A8/A9), the other line breaks.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0xC2 || $0 == 0xE2 }) else { return text }
        return String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
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

    /// "den 29 maj kl. 09.00–11.00" (year left out when it is `sameYearAs`'s).
    static func when(_ timing: Event.Timing, sameYearAs other: Day? = nil) -> String {
        let day = timing.day
        var text = day.swedishText
        if let other, other.year == day.year {
            text = text.split(separator: " ").prefix(2).joined(separator: " ")
        }
        var result = "den \(text)"
        if case .timed(_, let from, let to) = timing {
            result += " kl. \(clock(from))–\(clock(to))"
        }
        return result
    }

    /// "09.00": the Swedish clock in running text.
    private static func clock(_ time: LocalTime) -> String {
        "\(Day.pad(time.hour, 2)).\(Day.pad(time.minute, 2))"
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
                "\(definite(title)) \(from) är flyttat till \(when(new.timing, sameYearAs: old?.timing.day))."
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
            return ""  // Worded from the seat, not an event (`ChangeDetection.replacements`).
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
        if old.status != new.status { return new.status == .cancelled ? .cancelled : .reinstated }
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

import ICalendar
public import Registry

/// One subscriber-visible change, in a plain Swedish sentence, dated by the export that
/// saw it: "Kommundirektörsmötet är flyttat från den 22 maj 2026 kl. 8.30–10.30 till den
/// 29 maj kl. 9.00–11.00." A change only of wording, links or citations raises the event's
/// SEQUENCE but is not announced.
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
        /// A meeting's time, unknown until now, is set on the same day.
        case timeSet = "time-set"
        case newAgendaItem = "new-agenda-item"
        case newDecision = "new-decision"
        case attendanceRecorded = "attendance-recorded"
        /// Only in entries written before the log named its changes; history rewritten
        /// once turns them into `textsUpdated`.
        case changed
        /// The calendar's texts were updated, nothing about an event changed: one entry
        /// per export, only in history rewritten once.
        case textsUpdated = "texts-updated"
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

    /// The day in Europe/Stockholm the export saw the change: the day readers are shown.
    public var day: Day { ChangeLog.zone?.day(atUTC: Int64(date.secondsSinceEpoch)) ?? date.day }

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

/// Swedish sentences for changes: each names what changed ("är flyttat från … till …",
/// "tiden är nu bestämd: kl. 8.30–11.00", "ny plats: …"), in running text ("kl. 8.30").
enum ChangeWording {
    /// "Kommundirektörsmötet" from "Kommundirektörsmöte"; other titles "mötet ”X”".
    static func definite(_ title: String) -> String {
        title.hasSuffix("möte") ? title + "t" : "Mötet ”\(title)”"
    }

    /// "den 29 maj 2026 kl. 9.00–11.00" (year left out when it is `sameYearAs`'s).
    static func when(_ timing: Event.Timing, sameYearAs other: Day? = nil) -> String {
        let day = timing.day
        var text = day.swedishText
        if let other, other.year == day.year {
            text = text.split(separator: " ").prefix(2).joined(separator: " ")
        }
        var result = "den \(text)"
        if let clock = clock(timing) { result += " \(clock)" }
        return result
    }

    /// "kl. 9.00–11.00": hours without a leading zero in running text; nil for a whole day.
    static func clock(_ timing: Event.Timing) -> String? {
        guard case .timed(_, let from, let to) = timing else { return nil }
        return "kl. \(from.swedishText)–\(to.swedishText)"
    }

    /// What the event is called at the start of a sentence: "Kommundirektörsmötet",
    /// "Sista dagen för ”Titel”", "Startdatumet för Anna Svensson, samordnare,".
    static func subject(_ eventKind: Event.Kind, title: String) -> String {
        switch eventKind {
        case .meeting: definite(title)
        case .deadline: "Sista dagen för ”\(title)”"
        case .startDate: "Startdatumet för \(title)" + (title.contains(",") ? "," : "")
        }
    }

    static func sentence(kind: ChangeEntry.Kind, eventKind: Event.Kind, old: EventState?, new: EventState)
        -> String
    {
        let title = new.title
        let subject = subject(eventKind, title: title)
        let before = old.map { when($0.timing) } ?? ""
        switch kind {
        case .newMeeting:
            return "\(subject) \(when(new.timing)) är nytt i kalendern."
                + (new.location.isEmpty ? "" : " Plats: \(new.location).")
        case .moved:
            return
                "\(subject) är flyttat från \(before) till \(when(new.timing, sameYearAs: old?.timing.day))."
        case .timeSet:
            return "\(subject) \(when(.allDay(new.timing.day))) – tiden är nu bestämd: "
                + "\(clock(new.timing) ?? "hela dagen")."
        case .newPlace:
            return "\(subject) \(when(new.timing)) – ny plats: \(new.location)."
        case .cancelled:
            return "\(subject) \(when(new.timing)) är inställt."
        case .reinstated:
            return "\(subject) \(when(new.timing)) blir av som planerat."
        case .deadlineSet:
            return "\(subject) \(when(new.timing)) är ny i kalendern."
        case .deadlineMoved:
            return "Ny sista dag för ”\(title)”: \(when(new.timing)), i stället för \(before)."
        case .newStartDate:
            return "\(subject) \(when(new.timing)) är nytt i kalendern."
        case .startDateMoved:
            return "\(subject) är flyttat från \(before) till \(when(new.timing))."
        case .removed:
            let gone = eventKind == .deadline ? "borttagen" : "borttaget"
            return "\(subject) \(when(new.timing)) är \(gone) ur kalendern."
        case .newAgendaItem, .newDecision, .attendanceRecorded, .replaced, .answered, .changed, .textsUpdated:
            return ""  // Worded from what was added (`factSentence`), a seat, an answer or the history.
        }
    }

    /// A new agenda item, decision or attendance record of a meeting, in its own words:
    /// "Kommundirektörsmötet den 22 maj 2026 – ny punkt på dagordningen: ”Effektfrågan”."
    static func factSentence(_ fact: EventState.Fact, title: String, timing: Event.Timing) -> String {
        let subject = "\(definite(title)) \(when(timing))"
        switch fact.kind {
        case .agendaItem: return "\(subject) – ny punkt på dagordningen: ”\(fact.words)”."
        case .decision: return "\(subject) – nytt beslut: ”\(fact.words)”."
        case .attendance: return "\(subject) – närvaron är nu antecknad."
        }
    }

    /// Which change `new` is from `old` (nil `old`: a new event); `.changed` when only its
    /// words, links or citations changed, which the log does not announce.
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
            case .meeting:
                if case .allDay(let day) = old.timing, day == new.timing.day { return .timeSet }
                return .moved
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
    /// `entries` (in their order) dated on or after `since` (a day in Europe/Stockholm);
    /// all when nil.
    public static func entries(_ entries: some Sequence<ChangeEntry>, since: Day?) -> [ChangeEntry] {
        guard let since else { return Array(entries) }
        return entries.filter { $0.day >= since }
    }

    /// Europe/Stockholm, read once: readers are shown the day a change was seen there.
    /// Without tzdata (which the export itself needs) days fall back to UTC.
    static let zone: ZoneInfo? = try? ZoneInfo.collaborationZone()

    /// `entries` that concern one municipality (by slug).
    public static func entries(_ entries: some Sequence<ChangeEntry>, municipality slug: String)
        -> [ChangeEntry]
    {
        entries.filter { $0.municipalities.contains(slug) }
    }
}

public import Registry

/// One VEVENT as a subscriber sees it, in the words it will carry: what the encoder
/// turns into bytes. The same value always encodes to the same bytes.
public struct VEvent: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable {
        case confirmed = "CONFIRMED"
        case cancelled = "CANCELLED"
    }

    /// A display reminder, `minutesBefore` the event starts.
    public struct Alarm: Hashable, Sendable {
        public let minutesBefore: Int
        public let description: String

        public init(minutesBefore: Int, description: String) {
            self.minutesBefore = minutesBefore
            self.description = description
        }
    }

    /// Stable across exports: derived from the record's ID, never from time or order.
    public let uid: String
    /// Local times in the feed's zone, or a whole day (DTEND is the next day, exclusive).
    public let timing: Event.Timing
    public let summary: String
    public let description: String
    public let location: String?
    /// CATEGORIES: the kind of event, in Swedish.
    public let category: String
    public let status: Status
    public let alarm: Alarm?
    /// URL: the event's page (also the last line of `description`, for clients that
    /// ignore URL).
    public var url: String?
    /// DTSTAMP and LAST-MODIFIED: when the event's content was last revised (the export
    /// replaces the wording's document date with the revision its ledger records).
    public var revised: Instant

    /// An event revised at midnight UTC of `revised`.
    public init(
        uid: String, timing: Event.Timing, summary: String, description: String, location: String?,
        category: String, status: Status, alarm: Alarm?, revised: Day, url: String? = nil
    ) {
        self.init(
            uid: uid, timing: timing, summary: summary, description: description, location: location,
            category: category, status: status, alarm: alarm, revised: Instant(revised), url: url)
    }

    public init(
        uid: String, timing: Event.Timing, summary: String, description: String, location: String?,
        category: String, status: Status, alarm: Alarm?, revised: Instant, url: String? = nil
    ) {
        self.url = url
        self.uid = uid
        self.timing = timing
        self.summary = summary
        self.description = description
        self.location = location
        self.category = category
        self.status = status
        self.alarm = alarm
        self.revised = revised
    }
}

/// The calendar-level properties of a feed: NAME, DESCRIPTION and their X-WR twins.
public struct VCalendarHeader: Hashable, Sendable {
    public let name: String
    public let description: String

    public init(name: String, description: String) {
        self.name = name
        self.description = description
    }
}

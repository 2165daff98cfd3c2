public import Registry

/// What the parser read in a set of minutes, before any of it is matched to the
/// registry: the words as written, each with the line it came from.
public struct ParsedMinutes: Sendable {
    /// The document's own heading: "Kommundirektörmöte i Familjen Helsingborg".
    public var title: String?
    public var titleLine: Int?
    /// The meeting's day, from the date line or "Tid och plats".
    public var date: Day?
    public var dateLine: Int?
    public var time: (from: LocalTime, to: LocalTime)?
    public var place: String?
    public var placeLine: Int?
    /// A contact address printed on the minutes.
    public var email: String?
    public var attendees: [ListedAttendee] = []
    public var items: [ParsedItem] = []
    /// Lines the parser could not place, in order.
    public var notUnderstood: [MinutesLine] = []
    /// Lines after the end of the minutes (a signature page), counted, not read.
    public var skippedAfterEnd: Int = 0
    /// Which layout the headings matched: "kommundirektörmöte" (numbered items,
    /// "Närvarande", "Mötet beslutar") or "sammanträdesprotokoll" ("Beslutande", "§").
    public var layout: Layout = .unknown

    public enum Layout: String, Sendable {
        case numberedItems = "numrerade punkter"
        case paragraphs = "sammanträdesprotokoll med §"
        case unknown = "okänd"
    }

    public init() {}

    /// Whether anything at all looked like minutes: a date, someone present, an item.
    public var looksLikeMinutes: Bool {
        date != nil && (!attendees.isEmpty || !items.isEmpty)
    }
}

/// A person as an attendance list writes them: "Tomas Rikse, Klippan via TEAMS".
public struct ListedAttendee: Hashable, Sendable {
    public let name: String
    /// What follows the name: a municipality, "sekretariatet", a party, a title.
    public let affiliation: String?
    public let mode: Attendance.Mode
    public let line: Int
}

/// A numbered item (or §) of the minutes.
public struct ParsedItem: Sendable {
    public let number: Int
    public let title: String
    public let line: Int
    /// The summary's lines, verbatim.
    public var summary: [MinutesLine] = []
    /// Names after "Föredragande:", and people the summary says reported.
    public var presenters: [(name: String, affiliation: String?, line: Int)] = []
    /// Each "att …" under "Mötet beslutar", verbatim.
    public var decisions: [ParsedDecision] = []

    public init(number: Int, title: String, line: Int) {
        self.number = number
        self.title = title
        self.line = line
    }
}

/// One decision as minuted.
public struct ParsedDecision: Hashable, Sendable {
    /// "att …" as written, continuation lines joined.
    public var text: String
    public let line: Int
    /// Reported inside a summary ("På mötet beslutades att …"): taken at an earlier meeting.
    public let reported: Bool
}

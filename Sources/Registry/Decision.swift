/// A decision taken under an agenda item, possibly with a deadline and people who must act.
public struct Decision: Record, Hashable {
    public typealias ID = RecordID<Decision>

    /// Who must act on a decision.
    public enum Actor: Hashable, Sendable {
        case person(Person.ID)
        case body(Body.ID)
        case municipality(Municipality.ID)
        /// Each member municipality on its own.
        case everyMunicipality
    }

    public let id: ID
    public let meeting: Meeting.ID
    /// The agenda item's number within the meeting.
    public let item: Int
    /// A short Swedish title for lists and calendars.
    public let title: String
    /// The decision as minuted.
    public let text: String
    public let deadline: Day?
    public let actors: [Actor]
    /// Fields the registry inferred rather than read in its source.
    public let inferred: [Inferred]
    public let source: Source
    public let location: SourceLocation

    public init(
        _ id: ID, at meeting: Meeting.ID, item: Int, title: String, text: String,
        deadline: Day? = nil, actors: [Actor] = [], source: Source,
        inferred: [Inferred] = [], filePath: String = #filePath, line: Int = #line
    ) {
        self.id = id
        self.meeting = meeting
        self.item = item
        self.title = title
        self.text = text
        self.deadline = deadline
        self.actors = actors
        self.inferred = inferred
        self.source = source
        self.location = SourceLocation(filePath: filePath, line: line)
    }
}

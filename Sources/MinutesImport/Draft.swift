public import Registry

/// A record the importer would add to `Data/`, or a record of `Data/` it would change,
/// with the line of the minutes it comes from and what a reviewer should check.
public struct Draft: Sendable {
    /// The record, as the registry's own value.
    public enum Record: Sendable {
        case document(Document)
        case person(Person)
        case membership(Membership)
        case staff(StaffAppointment)
        case meeting(Meeting)
        case decision(Decision)
        case request(ActionRequest)
        case response(ActionResponse)
        case body(Body)
    }

    /// Whether the draft adds a record or replaces one `Data/` already holds (a placeholder
    /// meeting, a membership that ends, a body that starts), keeping its ID.
    public enum Change: Sendable, Equatable {
        case add
        /// Replaces the record written at this place in `Data/`.
        case replace(SourceLocation)
    }

    /// From 1, in the order of the review.
    public var number: Int
    public var record: Record
    public var change: Change
    /// The line of the minutes it comes from.
    public var line: Int?
    /// What the reviewer should check: a name matched loosely, a new person, a guess.
    public var notes: [String]
    /// What the reviewer corrected, as the review shows it: "deadline = 1 maj 2026".
    public var corrected: [String] = []

    public init(_ record: Record, change: Change = .add, line: Int?, notes: [String] = []) {
        self.number = 0
        self.record = record
        self.change = change
        self.line = line
        self.notes = notes
    }

    /// The kind of record in Swedish, for the review: "person", "möte", "beslut".
    public var kindLabel: String {
        switch record {
        case .document: "dokument"
        case .person: "person"
        case .membership: "uppdrag"
        case .staff: "startdatum"
        case .meeting: "möte"
        case .decision: "beslut"
        case .request(let record): record.kind == .offer ? "erbjudande" : "begäran"
        case .response: "svar"
        case .body: "organ"
        }
    }

    /// The record's ID as `Data/` writes it, for records that have one.
    public var idText: String {
        switch record {
        case .document(let record): record.id.rawValue
        case .person(let record): record.id.rawValue
        case .membership(let record): record.id.rawValue
        case .staff(let record): record.id.rawValue
        case .meeting(let record): record.id.rawValue
        case .decision(let record): record.id.rawValue
        case .request(let record): record.id.rawValue
        case .response(let record): record.id.rawValue
        case .body(let record): record.id.rawValue
        }
    }
}

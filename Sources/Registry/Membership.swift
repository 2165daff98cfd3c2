/// A person's seat in a body: in which role, on behalf of which municipality, and when.
///
/// A membership is in force from `from` (inclusive) to `to` (exclusive); a nil `from`
/// means it began before the registry's records, a nil `to` that it has not ended.
public struct Membership: Record, Hashable {
    public typealias ID = RecordID<Membership>

    public let person: Person.ID
    public let body: Body.ID
    public let role: Role
    public let municipality: Municipality.ID?
    public let from: Day?
    public let to: Day?
    /// Acting ("tf", tillförordnad) rather than appointed.
    public let acting: Bool
    /// Marks a role two people hold together on purpose, so overlapping terms are not an error.
    public let shared: Bool
    /// Fields the registry inferred rather than read in its source.
    public let inferred: [Inferred]
    public let source: Source
    public let location: SourceLocation

    public init(
        _ person: Person.ID, in body: Body.ID, as role: Role, for municipality: Municipality.ID? = nil,
        from: Day? = nil, to: Day? = nil, acting: Bool = false, shared: Bool = false, source: Source,
        inferred: [Inferred] = [], filePath: String = #filePath, line: Int = #line
    ) {
        self.person = person
        self.body = body
        self.role = role
        self.municipality = municipality
        self.from = from
        self.to = to
        self.acting = acting
        self.shared = shared
        self.inferred = inferred
        self.source = source
        self.location = SourceLocation(filePath: filePath, line: line)
    }

    /// Derived from what the membership is, so staff do not have to invent one.
    public var id: ID {
        var parts = [person.rawValue, body.rawValue, role.key]
        if let municipality { parts.append(municipality.rawValue) }
        if let from { parts.append(from.description) }
        return ID(parts.joined(separator: "."))
    }

    public var term: DayRange { DayRange(from: from, to: to) }

    public func isInForce(on day: Day) -> Bool { term.contains(day) }
}

/// A role in a body. Declared once (`Role.director`) so a misspelt role does not compile.
public struct Role: Hashable, Sendable, CustomStringConvertible {
    /// A stable ASCII key for IDs and JSON.
    public let key: String
    /// The Swedish title shown to readers.
    public let title: String

    public init(key: String, title: String) {
        self.key = key
        self.title = title
    }

    public var description: String { title }

    public static let director = Role(key: "director", title: "kommundirektör")
    public static let head = Role(key: "head", title: "chef")
    public static let secretariatHead = Role(key: "secretariat-head", title: "sekretariatschef")
    public static let member = Role(key: "member", title: "ledamot")
    public static let lead = Role(key: "lead", title: "sammankallande")
    public static let presenter = Role(key: "presenter", title: "föredragande")
}

/// A staff appointment: a person starts in a post on a given day.
public struct StaffAppointment: Record, Hashable {
    public typealias ID = RecordID<StaffAppointment>

    public let person: Person.ID
    public let body: Body.ID
    /// The post, in Swedish: "samordnare för externa medel".
    public let title: String
    public let starts: Day
    public let ends: Day?
    /// Fields the registry inferred rather than read in its source: `starts` when the
    /// minutes give a day without a year, or only "i maj".
    public let inferred: [Inferred]
    public let source: Source
    public let location: SourceLocation
    private let explicitID: ID?

    public init(
        _ person: Person.ID, in body: Body.ID, title: String, starts: Day, ends: Day? = nil,
        id: ID? = nil, source: Source, inferred: [Inferred] = [], filePath: String = #filePath,
        line: Int = #line
    ) {
        self.person = person
        self.body = body
        self.title = title
        self.starts = starts
        self.ends = ends
        self.explicitID = id
        self.inferred = inferred
        self.source = source
        self.location = SourceLocation(filePath: filePath, line: line)
    }

    /// Person and body, unless given: a moved start date keeps the same calendar event.
    public var id: ID { explicitID ?? ID("\(person.rawValue).\(body.rawValue)") }

    public var term: DayRange { DayRange(from: starts, to: ends) }
}

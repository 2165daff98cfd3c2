/// The people whose personal feed holds an event (see `PeopleIndex`), held as the groups
/// they come from and the event's day rather than as a set of names. The groups (a body's
/// members and staff, a municipality's representatives) are shared by every event, so a
/// meeting of a body of a thousand costs a few words, not a set of a thousand names; those
/// who read the names, such as the feed routing, pay for them when they read.
public struct EventPeople: Sequence, Hashable, Sendable {
    /// The terms of one body's or municipality's seats, or of every representative's.
    final class Group: Sendable {
        fileprivate let terms: [(person: Person.ID, term: DayRange)]
        fileprivate let byPerson: [Person.ID: [DayRange]]

        init(_ terms: [(person: Person.ID, term: DayRange)]) {
            self.terms = terms
            byPerson = Dictionary(grouping: terms, by: \.person).mapValues { $0.map(\.term) }
        }

        /// Whether `person` holds one of these seats on `day`.
        fileprivate func seats(_ person: Person.ID, on day: Day) -> Bool {
            byPerson[person]?.contains { $0.contains(day) } ?? false
        }
    }

    private let groups: [Group]
    private let day: Day
    /// People named on their own: a decision's person, the person who starts.
    private let named: [Person.ID]

    init(_ groups: [Group], on day: Day, named: [Person.ID] = []) {
        self.groups = groups
        self.day = day
        self.named = named
    }

    /// The people, each once.
    public var members: Set<Person.ID> {
        var members = Set(named)
        for group in groups {
            for (person, term) in group.terms where term.contains(day) { members.insert(person) }
        }
        return members
    }

    public func contains(_ person: Person.ID) -> Bool {
        named.contains(person) || groups.contains { $0.seats(person, on: day) }
    }

    public var isEmpty: Bool {
        named.isEmpty && !groups.contains { $0.terms.contains { $0.term.contains(day) } }
    }

    public func makeIterator() -> Set<Person.ID>.Iterator { members.makeIterator() }

    public static func == (a: EventPeople, b: EventPeople) -> Bool { a.members == b.members }

    public func hash(into hasher: inout Hasher) { hasher.combine(members) }
}

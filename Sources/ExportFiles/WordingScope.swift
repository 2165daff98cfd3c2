public import CalendarFeeds
public import Registry

/// Whose own wording of an event a feed carries instead of the shared one: a
/// municipality's (whether it has answered what a deadline asks) or a person's (the
/// wording of the municipality they represent). Each has its own ledger line.
public enum WordingScope: Hashable, Sendable {
    case municipality(Municipality.ID)
    case person(Person.ID)
}

extension FeedSelection {
    /// The own wording a feed of this selection looks for first: its person's, else its
    /// municipality's; nil for a feed that carries the shared wording only.
    public var wordingScopes: [WordingScope] {
        (person.map { [.person($0)] } ?? []) + (municipality.map { [.municipality($0)] } ?? [])
    }
}

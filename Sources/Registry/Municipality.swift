/// A member municipality of the collaboration.
public struct Municipality: Record, Hashable {
    public typealias ID = RecordID<Municipality>

    public let id: ID
    /// The short name people use: "Ängelholm".
    public let name: String
    /// The formal name: "Ängelholms kommun", "Helsingborgs stad".
    public let officialName: String
    /// Other forms seen in documents, e.g. "Helsingborg stad".
    public let aliases: [String]
    /// Lower-case ASCII for file names and URLs: "Ängelholm" -> "angelholm". Worked out
    /// once here: feeds, routes and the ledger ask for it for every event.
    public let slug: String
    public let source: Source
    public let location: SourceLocation

    public init(
        _ id: ID, name: String, officialName: String, aliases: [String] = [], source: Source,
        filePath: String = #filePath, line: Int = #line
    ) {
        self.id = id
        self.name = name
        self.officialName = officialName
        self.aliases = aliases
        self.slug = Text.slug(name)
        self.source = source
        self.location = SourceLocation(filePath: filePath, line: line)
    }
}

/// A document facts come from: minutes, a notice, a decision.
public struct Document: Record, Hashable {
    public typealias ID = RecordID<Document>

    public let id: ID
    public let title: String
    /// The date the document was issued. It is also when the facts citing it were last
    /// revised, which makes DTSTAMP and LAST-MODIFIED come from the data, not the clock.
    public let date: Day
    public let url: String?
    public let location: SourceLocation
    public var source: Source { Source(id) }

    public init(
        _ id: ID, title: String, date: Day, url: String? = nil,
        filePath: String = #filePath, line: Int = #line
    ) {
        self.id = id
        self.title = title
        self.date = date
        self.url = url
        self.location = SourceLocation(filePath: filePath, line: line)
    }
}

/// A citation: which document, and optionally which item in it (`§ 3`).
public struct Source: Hashable, Sendable {
    public let document: Document.ID
    public let item: String?

    public init(_ document: Document.ID, item: String? = nil) {
        self.document = document
        self.item = item
    }
}

public import Registry

/// The outcome of reading a set of minutes against the registry: the drafts, in review
/// order, and what could not be used.
public struct ImportPlan: Sendable {
    public var parsed: ParsedMinutes
    public var drafts: [Draft]
    /// The document the drafts cite.
    public var document: Document.ID?
    /// Things read but not drafted, each with its line: a seat held by someone else, a
    /// deadline the importer could not attach to a decision.
    public var remarks: [(line: Int?, text: String)]

    public init(
        parsed: ParsedMinutes, drafts: [Draft], document: Document.ID?, remarks: [(line: Int?, text: String)]
    ) {
        self.parsed = parsed
        self.drafts = drafts
        self.document = document
        self.remarks = remarks
    }
}

/// Turns parsed minutes into drafted records: the document, the meeting with its
/// attendance and agenda, new people, directors' seats, decisions with their deadlines,
/// start dates, placeholder meetings, answers to open requests and new seat holders.
/// Every record cites the document and its item; every guess is marked `Inferred`.
public struct Drafter {
    let registry: Registry
    let names: NameResolver
    var parsed: ParsedMinutes
    var drafts: [Draft] = []
    var remarks: [(line: Int?, text: String)] = []
    var newPeople: [Person] = []
    /// Notes about a line, attached at the end to the draft made from it (or the meeting).
    var pendingNotes: [(line: Int, text: String)] = []
    var document: Document.ID!
    var meeting: Meeting.ID!
    var body: Body.ID?
    var date: Day!

    /// Drafts the records `parsed` implies, against `registry`.
    ///
    /// - Parameter documentID: The new document's ID; by default `kdm-YYYY-MM-DD` for a
    ///   directors' meeting, else the heading's first words and the date.
    public static func plan(_ parsed: ParsedMinutes, registry: Registry, documentID: String? = nil)
        -> ImportPlan
    {
        var drafter = Drafter(registry: registry, names: NameResolver(registry), parsed: parsed)
        guard let date = parsed.date else {
            return ImportPlan(parsed: parsed, drafts: [], document: nil, remarks: [])
        }
        drafter.date = date
        drafter.draftDocument(documentID)
        drafter.draftMeeting()
        drafter.draftDecisions()
        drafter.draftSentences()
        drafter.attachPendingNotes()
        for index in drafter.drafts.indices { drafter.drafts[index].number = index + 1 }
        return ImportPlan(
            parsed: parsed, drafts: drafter.drafts, document: drafter.document, remarks: drafter.remarks)
    }

    /// Puts each pending note on the draft made from its line, else on the meeting's.
    mutating func attachPendingNotes() {
        for (line, text) in pendingNotes {
            if let index = drafts.firstIndex(where: { $0.line == line }) {
                drafts[index].notes.append(text)
            } else if let index = drafts.firstIndex(where: {
                if case .meeting = $0.record { true } else { false }
            }) {
                drafts[index].notes.append("Rad \(line): \(text)")
            } else {
                remarks.append((line, text))
            }
        }
    }

    /// Whether the heading names the directors' meeting.
    var isDirectorsMeeting: Bool { Text.fold(parsed.title ?? "").contains("kommundirektor") }

    mutating func draftDocument(_ given: String?) {
        let prefix =
            isDirectorsMeeting
            ? "kdm"
            : Text.slug(parsed.title ?? "protokoll").split(separator: "-").prefix(2)
                .joined(separator: "-")
        let id = Document.ID(given ?? "\(prefix)-\(date!)")
        document = id
        let title = parsed.title ?? "Protokoll"
        drafts.append(Draft(.document(Document(id, title: title, date: date)), line: parsed.titleLine))
    }

    /// The source of a fact read under item `item` (nil: the minutes as a whole).
    func source(_ item: Int?) -> Source { Source(document, item: item.map(String.init)) }

    /// The body that met: the directors for a "Kommundirektörmöte", else a body the
    /// heading names.
    mutating func meetingBody() -> Body.ID? {
        if isDirectorsMeeting, let directors = registry.bodies.first(where: { $0.kind == .directorsGroup }) {
            return directors.id
        }
        let heading = Text.fold(parsed.title ?? "")
        return registry.bodies.first { heading.contains(Text.fold($0.name)) }?.id
    }
}

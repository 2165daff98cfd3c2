/// Everything the registry knows, as plain values.
///
/// `Data/` builds one with a sequence of `add` calls, one statement per record: each
/// statement type-checks on its own, so compile time grows linearly with the data.
/// Lookups by ID are constant time; when an ID was written twice the first record wins
/// and the validator reports the second.
public struct Registry: Sendable {
    public private(set) var documents: [Document] = []
    public private(set) var municipalities: [Municipality] = []
    public private(set) var people: [Person] = []
    public private(set) var bodies: [Body] = []
    public private(set) var memberships: [Membership] = []
    public private(set) var appointments: [StaffAppointment] = []
    public private(set) var meetings: [Meeting] = []
    public private(set) var decisions: [Decision] = []
    public private(set) var actionRequests: [ActionRequest] = []
    public private(set) var actionResponses: [ActionResponse] = []

    private var documentIndex: [Document.ID: Int] = [:]
    private var municipalityIndex: [Municipality.ID: Int] = [:]
    private var personIndex: [Person.ID: Int] = [:]
    private var bodyIndex: [Body.ID: Int] = [:]
    private var meetingIndex: [Meeting.ID: Int] = [:]
    private var decisionIndex: [Decision.ID: Int] = [:]
    private var appointmentIndex: [StaffAppointment.ID: Int] = [:]
    private var actionRequestIndex: [ActionRequest.ID: Int] = [:]
    /// Everyone with a membership or a staff appointment, kept as they are added.
    private var seatedPeople: Set<Person.ID> = []

    /// The public address of the registry's site and feeds, without a trailing slash
    /// (`https://kalender.familjenhelsingborg.se`): calendar events link to their pages
    /// under it, and `serve` links to it unless told otherwise. Set in `Data/`.
    public private(set) var publicURL: String?
    /// Who publishes the site and how to reach them (`/om`, `/tillganglighet`). Set in `Data/`.
    public private(set) var publisher: Publisher?

    public init() {}

    /// Sets who publishes the site.
    public mutating func configure(publisher: Publisher) {
        self.publisher = publisher
    }

    /// The secretariat's address: the weekly digest comes from it, and a reader who wants
    /// no more digests writes to it. Set in `Data/`.
    public private(set) var secretariatEmail: String?

    /// Sets the secretariat's address for the digest.
    public mutating func configure(secretariatEmail: String) { self.secretariatEmail = secretariatEmail }

    /// Sets the public address (a trailing slash is dropped).
    public mutating func configure(publicURL: String) {
        var url = publicURL
        while url.hasSuffix("/") { url.removeLast() }
        self.publicURL = url
    }

    public mutating func add(_ record: Document) {
        documentIndex[record.id] = documentIndex[record.id] ?? documents.count
        documents.append(record)
    }

    public mutating func add(_ record: Municipality) {
        let isNew = municipalityIndex[record.id] == nil
        municipalityIndex[record.id] = municipalityIndex[record.id] ?? municipalities.count
        municipalities.append(record)
        guard isNew else { return }
        for index in actionRequests.indices where actionRequests[index].asksEveryMunicipality {
            actionRequests[index].asked.append(.municipality(record.id))
        }
    }

    public mutating func add(_ record: Person) {
        personIndex[record.id] = personIndex[record.id] ?? people.count
        people.append(record)
    }

    public mutating func add(_ record: Body) {
        bodyIndex[record.id] = bodyIndex[record.id] ?? bodies.count
        bodies.append(record)
    }

    public mutating func add(_ record: Membership) {
        seatedPeople.insert(record.person)
        memberships.append(record)
    }

    public mutating func add(_ record: StaffAppointment) {
        appointmentIndex[record.id] = appointmentIndex[record.id] ?? appointments.count
        seatedPeople.insert(record.person)
        appointments.append(record)
    }

    public mutating func add(_ record: Meeting) {
        meetingIndex[record.id] = meetingIndex[record.id] ?? meetings.count
        meetings.append(record)
    }

    public mutating func add(_ record: Decision) {
        decisionIndex[record.id] = decisionIndex[record.id] ?? decisions.count
        decisions.append(record)
    }

    /// A request that asks every municipality asks those added so far, and each added later.
    public mutating func add(_ record: ActionRequest) {
        var record = record
        if record.asksEveryMunicipality {
            var seen = Set<Municipality.ID>()
            record.asked = municipalities.filter { seen.insert($0.id).inserted }.map { .municipality($0.id) }
        }
        actionRequestIndex[record.id] = actionRequestIndex[record.id] ?? actionRequests.count
        actionRequests.append(record)
    }

    public mutating func add(_ record: ActionResponse) { actionResponses.append(record) }

    public subscript(id: Document.ID) -> Document? { documentIndex[id].map { documents[$0] } }
    public subscript(id: Municipality.ID) -> Municipality? {
        municipalityIndex[id].map { municipalities[$0] }
    }
    public subscript(id: Person.ID) -> Person? { personIndex[id].map { people[$0] } }

    /// Whether `person` has a calendar and a page of their own: they hold or have held a
    /// membership or a staff appointment, and their schedule is published.
    public func hasPersonalSchedule(_ person: Person.ID) -> Bool {
        seatedPeople.contains(person) && self[person]?.schedulePublished == true
    }
    public subscript(id: Body.ID) -> Body? { bodyIndex[id].map { bodies[$0] } }
    public subscript(id: Meeting.ID) -> Meeting? { meetingIndex[id].map { meetings[$0] } }
    public subscript(id: Decision.ID) -> Decision? { decisionIndex[id].map { decisions[$0] } }
    public subscript(id: StaffAppointment.ID) -> StaffAppointment? {
        appointmentIndex[id].map { appointments[$0] }
    }
    public subscript(id: ActionRequest.ID) -> ActionRequest? {
        actionRequestIndex[id].map { actionRequests[$0] }
    }

    /// A copy with each meeting replaced by `transform`'s result (nil leaves it out), every
    /// other record kept: what a registry would be after an edit to `Data/`, for tests and
    /// previews that must not rebuild it record by record and forget a kind.
    public func replacingMeetings(_ transform: (Meeting) -> Meeting?) -> Registry {
        var copy = self
        copy.meetings = []
        copy.meetingIndex = [:]
        for meeting in meetings {
            if let replaced = transform(meeting) { copy.add(replaced) }
        }
        return copy
    }

    /// A copy with each decision replaced by `transform`'s result (nil leaves it out).
    public func replacingDecisions(_ transform: (Decision) -> Decision?) -> Registry {
        var copy = self
        copy.decisions = []
        copy.decisionIndex = [:]
        for decision in decisions {
            if let replaced = transform(decision) { copy.add(replaced) }
        }
        return copy
    }

    /// A copy with each body replaced by `transform`'s result (nil leaves it out).
    public func replacingBodies(_ transform: (Body) -> Body?) -> Registry {
        var copy = self
        copy.bodies = []
        copy.bodyIndex = [:]
        for body in bodies {
            if let replaced = transform(body) { copy.add(replaced) }
        }
        return copy
    }

    /// A copy with each membership replaced by `transform`'s result (nil leaves it out).
    public func replacingMemberships(_ transform: (Membership) -> Membership?) -> Registry {
        var copy = self
        copy.memberships = memberships.compactMap(transform)
        return copy
    }

    /// The latest date among the documents the registry cites: how far the registry's
    /// knowledge reaches.
    public var latestRevision: Day {
        documents.map(\.date).max() ?? Day(1970, 1, 1)
    }

    /// The date of the document a record cites: when its facts were last revised.
    public func revised(_ source: Source) -> Day? { self[source.document]?.date }
}

public import Registry

// A Popolo-style JSON export (https://www.popoloproject.com) of people, organisations,
// memberships and events, for other civic-data tools.
//
// IDs are namespaced by kind, since municipalities and bodies are both organisations:
// `person/agneta-fristedt`, `municipality/bjuv`, `body/kommundirektorerna`,
// `membership/…`, `appointment/…`, `meeting/kdm-2026-04-10`, `deadline/…`.
// Keys are Popolo's snake_case (the properties' camelCase names, converted when
// encoding; `json` writes the same bytes directly); a field with no value is left out, as
// Popolo does. A name or role the registry inferred rather than read in its source is
// written as its source would have it, with `inferred` (an extension) saying why.

/// The whole Popolo document.
public struct PopoloExport: Codable, Hashable, Sendable {
    public struct Source: Codable, Hashable, Sendable {
        public let note: String
        public let url: String?
    }

    public struct OtherName: Codable, Hashable, Sendable {
        public let name: String
    }

    public struct Person: Codable, Hashable, Sendable {
        public let id: String
        public let name: String
        public let email: String?
        public let sources: [Source]
    }

    public struct Organization: Codable, Hashable, Sendable {
        public let id: String
        public let name: String
        /// "municipality", or the body's kind: "directors-group", "secretariat", "network",
        /// "working-group", "external".
        public let classification: String
        public let parentID: String?
        public let description: String?
        public let otherNames: [OtherName]?
        /// The day the body was proposed, when it was (an extension to Popolo).
        public let proposalDate: String?
        public let foundingDate: String?
        public let dissolutionDate: String?
        public let sources: [Source]
        /// Why the registry gave the body its name, when its source does not (an extension).
        public let inferred: String?
    }

    public struct Membership: Codable, Hashable, Sendable {
        public let id: String
        public let personID: String
        public let organizationID: String
        /// The role's Swedish title, or a staff member's post.
        public let role: String
        /// The role as readers see it: "tf sekretariatschef" for an acting one.
        public let label: String
        public let onBehalfOfID: String?
        public let startDate: String?
        /// The last day in force (Popolo's end date is inclusive; the registry's `to` is not).
        public let endDate: String?
        public let sources: [Source]
        /// Why the registry states the role or seat, when its source does not (an extension).
        public let inferred: String?
    }

    public struct Attendee: Codable, Hashable, Sendable {
        public let personID: String
        public let onBehalfOfID: String?
        /// "present", "remote" or "absent".
        public let status: String
    }

    public struct Event: Codable, Hashable, Sendable {
        public let id: String
        public let name: String
        /// "meeting" or "deadline".
        public let classification: String
        public let organizationID: String?
        /// A date (YYYY-MM-DD, or YYYY-MM when only the month is known), or a date and time
        /// with Europe/Stockholm's offset.
        public let startDate: String
        public let endDate: String?
        public let location: String?
        /// "held" (on or before the newest document's day), "scheduled" or "cancelled".
        public let status: String
        public let attendees: [Attendee]?
        /// For a deadline, who must act: `municipality/ID`, `body/ID`, `person/ID`, or
        /// `every-municipality`.
        public let actors: [String]?
        public let sources: [Source]
    }

    public let persons: [Person]
    public let organizations: [Organization]
    public let memberships: [Membership]
    public let events: [Event]
}

extension PopoloExport {
    /// The document as `JSONOutput` writes it with snake_case keys, byte for byte, but
    /// written directly: each type's keys below are its properties' snake_case names, in
    /// sorted order.
    public var json: [UInt8] {
        var writer = JSONWriter(capacity: 1_024 * (events.count + memberships.count + persons.count))
        writer.object { document in
            document.key("events")
            document.array(events) { $0.write($1) }
            document.key("memberships")
            document.array(memberships) { $0.write($1) }
            document.key("organizations")
            document.array(organizations) { $0.write($1) }
            document.key("persons")
            document.array(persons) { $0.write($1) }
        }
        return writer.finish()
    }
}

extension JSONWriter {
    fileprivate mutating func write(_ sources: [PopoloExport.Source]) {
        key("sources")
        array(sources) { writer, source in
            writer.object {
                $0.field("note", source.note)
                $0.field("url", source.url)
            }
        }
    }

    fileprivate mutating func write(_ person: PopoloExport.Person) {
        object {
            $0.field("email", person.email)
            $0.field("id", person.id)
            $0.field("name", person.name)
            $0.write(person.sources)
        }
    }

    fileprivate mutating func write(_ organization: PopoloExport.Organization) {
        object {
            $0.field("classification", organization.classification)
            $0.field("description", organization.description)
            $0.field("dissolution_date", organization.dissolutionDate)
            $0.field("founding_date", organization.foundingDate)
            $0.field("id", organization.id)
            $0.field("inferred", organization.inferred)
            $0.field("name", organization.name)
            if let otherNames = organization.otherNames {
                $0.key("other_names")
                $0.array(otherNames) { writer, other in writer.object { $0.field("name", other.name) } }
            }
            $0.field("parent_id", organization.parentID)
            $0.field("proposal_date", organization.proposalDate)
            $0.write(organization.sources)
        }
    }

    fileprivate mutating func write(_ membership: PopoloExport.Membership) {
        object {
            $0.field("end_date", membership.endDate)
            $0.field("id", membership.id)
            $0.field("inferred", membership.inferred)
            $0.field("label", membership.label)
            $0.field("on_behalf_of_id", membership.onBehalfOfID)
            $0.field("organization_id", membership.organizationID)
            $0.field("person_id", membership.personID)
            $0.field("role", membership.role)
            $0.write(membership.sources)
            $0.field("start_date", membership.startDate)
        }
    }

    fileprivate mutating func write(_ event: PopoloExport.Event) {
        object {
            $0.field("actors", event.actors)
            if let attendees = event.attendees {
                $0.key("attendees")
                $0.array(attendees) { writer, attendee in
                    writer.object {
                        $0.field("on_behalf_of_id", attendee.onBehalfOfID)
                        $0.field("person_id", attendee.personID)
                        $0.field("status", attendee.status)
                    }
                }
            }
            $0.field("classification", event.classification)
            $0.field("end_date", event.endDate)
            $0.field("id", event.id)
            $0.field("location", event.location)
            $0.field("name", event.name)
            $0.field("organization_id", event.organizationID)
            $0.write(event.sources)
            $0.field("start_date", event.startDate)
            $0.field("status", event.status)
        }
    }
}

extension Registry {
    /// The registry as a Popolo document; every list sorted by ID.
    public func popolo(zone: ZoneInfo) -> PopoloExport {
        var persons = uniquePeople.map { person in
            PopoloExport.Person(
                id: "person/\(person.id)", name: person.name, email: person.email,
                sources: popoloSources(person.source))
        }
        let municipalities = uniqueMunicipalities.map { municipality in
            PopoloExport.Organization(
                id: "municipality/\(municipality.id)", name: municipality.name,
                classification: "municipality", parentID: nil, description: nil,
                otherNames: ([municipality.officialName] + municipality.aliases).map { .init(name: $0) },
                proposalDate: nil, foundingDate: nil, dissolutionDate: nil,
                sources: popoloSources(municipality.source), inferred: nil)
        }
        let bodies = uniqueBodies.map { body in
            PopoloExport.Organization(
                id: "body/\(body.id)", name: body.name, classification: body.kind.rawValue,
                parentID: body.parent.map { "body/\($0)" } ?? body.municipality.map { "municipality/\($0)" },
                description: body.purpose, otherNames: nil,
                proposalDate: body.lifecycle.proposed?.day?.description,
                foundingDate: body.lifecycle.active?.day?.description,
                dissolutionDate: body.lifecycle.closed?.day?.description, sources: popoloSources(body.source),
                inferred: body.inferred.first { $0.field == "name" }?.reason)
        }
        var memberships =
            self.memberships.map { membership in
                PopoloExport.Membership(
                    id: "membership/\(membership.id)", personID: "person/\(membership.person)",
                    organizationID: "body/\(membership.body)", role: membership.role.title,
                    label: (membership.acting ? "tf " : "") + membership.role.title,
                    onBehalfOfID: membership.municipality.map { "municipality/\($0)" },
                    startDate: membership.from?.description,
                    endDate: membership.to?.adding(days: -1).description,
                    sources: popoloSources(membership.source), inferred: membership.roleInference)
            }
            + self.appointments.map { appointment in
                PopoloExport.Membership(
                    id: "appointment/\(appointment.id)", personID: "person/\(appointment.person)",
                    organizationID: "body/\(appointment.body)", role: appointment.title,
                    label: appointment.title, onBehalfOfID: nil, startDate: appointment.starts.description,
                    endDate: appointment.ends?.adding(days: -1).description,
                    sources: popoloSources(appointment.source), inferred: appointment.roleInference)
            }
        // Sorted in place: a sorted copy would retain every string of a list of 100,000.
        var organizations = municipalities + bodies
        var events = popoloMeetings(zone: zone)
        events += popoloDeadlines
        persons.sort { $0.id < $1.id }
        organizations.sort { $0.id < $1.id }
        memberships.sort { $0.id < $1.id }
        events.sort { $0.id < $1.id }
        return PopoloExport(
            persons: persons, organizations: organizations, memberships: memberships, events: events)
    }

    /// The Popolo document as JSON text (sorted keys, trailing newline).
    public func popoloJSON(zone: ZoneInfo) -> String {
        String(decoding: popolo(zone: zone).json, as: UTF8.self)
    }

    private func popoloMeetings(zone: ZoneInfo) -> [PopoloExport.Event] {
        // Once, not per meeting: it looks at every document.
        let known = knownUntil
        return uniqueMeetings.map { meeting in
            var start: String
            var end: String?
            switch meeting.time {
            case .timed(let day, let from, let to):
                start = zone.iso8601(LocalDateTime(day, from))
                end = zone.iso8601(LocalDateTime(day, to))
            case .day(let day):
                start = day.description
            case .month(let year, let month):
                start = "\(Day.pad(year, 4))-\(Day.pad(month, 2))"
            }
            let attendees = meeting.attendance.map { entry in
                PopoloExport.Attendee(
                    personID: "person/\(entry.person)",
                    onBehalfOfID: entry.municipality.map { "municipality/\($0)" },
                    status: entry.mode.rawValue)
            }
            return PopoloExport.Event(
                id: "meeting/\(meeting.id)", name: meeting.title, classification: "meeting",
                organizationID: "body/\(meeting.body)", startDate: start, endDate: end,
                location: meeting.place, status: popoloStatus(of: meeting, known: known),
                attendees: attendees.isEmpty ? nil : attendees, actors: nil,
                sources: popoloSources(meeting.source))
        }
    }

    private var popoloDeadlines: [PopoloExport.Event] {
        uniqueDecisions.compactMap { decision in
            guard let deadline = decision.deadline else { return nil }
            return PopoloExport.Event(
                id: "deadline/\(decision.id)", name: decision.title, classification: "deadline",
                organizationID: self[decision.meeting].map { "body/\($0.body)" },
                startDate: deadline.description, endDate: nil, location: nil, status: "scheduled",
                attendees: nil,
                actors: decision.actors.map { actor in
                    switch actor {
                    case .person(let id): "person/\(id)"
                    case .body(let id): "body/\(id)"
                    case .municipality(let id): "municipality/\(id)"
                    case .everyMunicipality: "every-municipality"
                    }
                }, sources: popoloSources(decision.source))
        }
    }

    /// A scheduled meeting that lies on or before the newest document's day (`known`,
    /// the registry's `knownUntil`) has been held.
    private func popoloStatus(of meeting: Meeting, known: Day?) -> String {
        guard !meeting.isCancelled else { return meeting.status.rawValue }
        guard let known, let last = meeting.time.span.to?.adding(days: -1), last <= known else {
            return meeting.status.rawValue
        }
        return "held"
    }

    private func popoloSources(_ source: Source) -> [PopoloExport.Source] {
        let document = self[source.document]
        // The title is the document's heading, which minutes of every meeting share: add its date.
        let title = document.map { "\($0.title), \($0.date)" } ?? source.document.rawValue
        return [.init(note: source.item.map { "\(title), punkt \($0)" } ?? title, url: document?.url)]
    }
}

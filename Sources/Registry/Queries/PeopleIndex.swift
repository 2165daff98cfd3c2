/// Who sits in each body and who represents each municipality, on any day: the people
/// whose personal feed holds an event. The one definition behind `Event.people`.
///
/// A person's feed holds the meetings of each body they sit in (a membership or a staff
/// appointment in force on the meeting's day), the deadlines asked of a body they sit in,
/// of a municipality they represent or of themselves (on the deadline's day), and the
/// start dates in their bodies and their own. Someone whose schedule is not published
/// (`Person.schedulePublished`) is in no event's list.
public struct PeopleIndex: Sendable {
    /// Each body's group alone in an array, which every event of the body shares.
    private let byBody: [Body.ID: [EventPeople.Group]]
    private let byMunicipality: [Municipality.ID: EventPeople.Group]
    private let everyRepresentative: EventPeople.Group
    private let published: Set<Person.ID>

    public init(_ registry: Registry) {
        published = Set(registry.people.filter(\.schedulePublished).map(\.id))
        var byBody: [Body.ID: [(person: Person.ID, term: DayRange)]] = [:]
        var byMunicipality: [Municipality.ID: [(person: Person.ID, term: DayRange)]] = [:]
        var everyRepresentative: [(person: Person.ID, term: DayRange)] = []
        for membership in registry.memberships where published.contains(membership.person) {
            let term = (person: membership.person, term: membership.term)
            byBody[membership.body, default: []].append(term)
            if let municipality = membership.municipality {
                byMunicipality[municipality, default: []].append(term)
                everyRepresentative.append(term)
            }
        }
        for appointment in registry.appointments where published.contains(appointment.person) {
            byBody[appointment.body, default: []].append((appointment.person, appointment.term))
        }
        self.byBody = byBody.mapValues { [EventPeople.Group($0)] }
        self.byMunicipality = byMunicipality.mapValues(EventPeople.Group.init)
        self.everyRepresentative = EventPeople.Group(everyRepresentative)
    }

    /// The people sitting in `body` on `day`.
    public func people(in body: Body.ID, on day: Day) -> Set<Person.ID> {
        people(sittingIn: body, on: day).members
    }

    /// The people sitting in `body` on `day`, as an event holds them.
    func people(sittingIn body: Body.ID, on day: Day) -> EventPeople {
        EventPeople(byBody[body] ?? [], on: day)
    }

    /// A meeting's people: those sitting in its body on its day.
    func people(attending meeting: Meeting, on day: Day) -> EventPeople {
        people(sittingIn: meeting.body, on: day)
    }

    /// A deadline's people: those sitting in one of `bodies` (the deciding body and the
    /// bodies asked to act), representing a municipality asked to act, or named, on `day`.
    func people(
        askedBy decision: Decision, requests: [ActionRequest], bodies: Set<Body.ID>, on day: Day
    ) -> EventPeople {
        var groups: [EventPeople.Group] = []
        var named: [Person.ID] = []
        func add(_ group: EventPeople.Group?) {
            if let group, !groups.contains(where: { $0 === group }) { groups.append(group) }
        }
        for body in bodies { add(byBody[body]?.first) }
        for actor in decision.actors {
            switch actor {
            case .person(let person): if published.contains(person) { named.append(person) }
            case .body(let body): add(byBody[body]?.first)
            case .municipality(let municipality): add(byMunicipality[municipality])
            case .everyMunicipality: add(everyRepresentative)
            }
        }
        for request in requests {
            for party in request.asked {
                switch party {
                case .municipality(let municipality): add(byMunicipality[municipality])
                case .body(let body): add(byBody[body]?.first)
                }
            }
        }
        return EventPeople(groups, on: day, named: named)
    }

    /// A start date's people: those sitting in the body on the first day, and the person
    /// who starts.
    func people(startingWith appointment: StaffAppointment) -> EventPeople {
        let starter = published.contains(appointment.person) ? [appointment.person] : []
        return EventPeople(byBody[appointment.body] ?? [], on: appointment.starts, named: starter)
    }
}

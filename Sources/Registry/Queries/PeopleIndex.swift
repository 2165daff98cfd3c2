/// Who sits in each body and who represents each municipality, on any day: the people
/// whose personal feed holds an event. The one definition behind `Event.people`.
///
/// A person's feed holds the meetings of each body they sit in (a membership or a staff
/// appointment in force on the meeting's day), the deadlines asked of a body they sit in,
/// of a municipality they represent or of themselves (on the deadline's day), and the
/// start dates in their bodies and their own. Someone whose schedule is not published
/// (`Person.schedulePublished`) is in no event's list.
public struct PeopleIndex: Sendable {
    private struct Term: Sendable {
        let person: Person.ID
        let term: DayRange
    }

    private var byBody: [Body.ID: [Term]] = [:]
    private var byMunicipality: [Municipality.ID: [Term]] = [:]
    private var everyRepresentative: [Term] = []
    private let published: Set<Person.ID>

    public init(_ registry: Registry) {
        published = Set(registry.people.filter(\.schedulePublished).map(\.id))
        for membership in registry.memberships where published.contains(membership.person) {
            let term = Term(person: membership.person, term: membership.term)
            byBody[membership.body, default: []].append(term)
            if let municipality = membership.municipality {
                byMunicipality[municipality, default: []].append(term)
                everyRepresentative.append(term)
            }
        }
        for appointment in registry.appointments where published.contains(appointment.person) {
            byBody[appointment.body, default: []].append(
                Term(person: appointment.person, term: appointment.term))
        }
    }

    /// The people sitting in `body` on `day`.
    public func people(in body: Body.ID, on day: Day) -> Set<Person.ID> {
        Set((byBody[body] ?? []).lazy.filter { $0.term.contains(day) }.map(\.person))
    }

    /// A meeting's people: those sitting in its body on its day.
    func people(attending meeting: Meeting, on day: Day) -> Set<Person.ID> {
        people(in: meeting.body, on: day)
    }

    /// A deadline's people: those sitting in one of `bodies` (the deciding body and the
    /// bodies asked to act), representing a municipality asked to act, or named, on `day`.
    func people(
        askedBy decision: Decision, requests: [ActionRequest], bodies: Set<Body.ID>, on day: Day
    ) -> Set<Person.ID> {
        var people = Set<Person.ID>()
        func add(_ terms: [Term]?) {
            for term in terms ?? [] where term.term.contains(day) { people.insert(term.person) }
        }
        for body in bodies { add(byBody[body]) }
        for actor in decision.actors {
            switch actor {
            case .person(let person): if published.contains(person) { people.insert(person) }
            case .body(let body): add(byBody[body])
            case .municipality(let municipality): add(byMunicipality[municipality])
            case .everyMunicipality: add(everyRepresentative)
            }
        }
        for request in requests {
            for party in request.asked {
                switch party {
                case .municipality(let municipality): add(byMunicipality[municipality])
                case .body(let body): add(byBody[body])
                }
            }
        }
        return people
    }

    /// A start date's people: those sitting in the body on the first day, and the person
    /// who starts.
    func people(startingWith appointment: StaffAppointment) -> Set<Person.ID> {
        var people = people(in: appointment.body, on: appointment.starts)
        if published.contains(appointment.person) { people.insert(appointment.person) }
        return people
    }
}

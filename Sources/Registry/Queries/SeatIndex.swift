/// Which municipalities each body and person stands for, and so which municipalities a
/// meeting, a deadline or a start date concerns. The one definition behind the
/// per-municipality calendar feeds and `samverkan upcoming --municipality`.
///
/// Built once from the memberships; look-ups never scan the whole registry, so deriving
/// the events of a large registry stays linear.
public struct SeatIndex: Sendable {
    private struct Seat: Sendable {
        let municipality: Municipality.ID
        let term: DayRange
    }

    private var byBody: [Body.ID: [Seat]] = [:]
    private var byPerson: [Person.ID: [Seat]] = [:]
    private let everyMunicipality: Set<Municipality.ID>
    private let bodyMunicipality: [Body.ID: Municipality.ID]

    public init(_ registry: Registry) {
        for membership in registry.memberships {
            guard let municipality = membership.municipality else { continue }
            let seat = Seat(municipality: municipality, term: membership.term)
            byBody[membership.body, default: []].append(seat)
            byPerson[membership.person, default: []].append(seat)
        }
        everyMunicipality = Set(registry.municipalities.map(\.id))
        var owners: [Body.ID: Municipality.ID] = [:]
        for body in registry.bodies {
            if let municipality = body.municipality { owners[body.id] = municipality }
        }
        bodyMunicipality = owners
    }

    /// The municipalities holding a seat in a body on a day.
    public func municipalities(in body: Body.ID, on day: Day) -> Set<Municipality.ID> {
        Self.inForce(byBody[body], on: day)
    }

    /// The municipalities a person holds a seat for on a day.
    public func municipalities(representedBy person: Person.ID, on day: Day) -> Set<Municipality.ID> {
        Self.inForce(byPerson[person], on: day)
    }

    /// A meeting concerns the municipalities with a seat in its body on its day, and those
    /// on its attendance list.
    public func municipalities(concernedBy meeting: Meeting, on day: Day) -> Set<Municipality.ID> {
        var result = municipalities(in: meeting.body, on: day)
        for attendance in meeting.attendance {
            if let municipality = attendance.municipality { result.insert(municipality) }
        }
        return result
    }

    /// A deadline concerns the municipalities the decision names, every municipality, those
    /// a named person holds a seat for, and those with a seat in a named body, on the day.
    public func municipalities(concernedBy decision: Decision, on day: Day) -> Set<Municipality.ID> {
        var result: Set<Municipality.ID> = []
        for actor in decision.actors {
            switch actor {
            case .person(let person): result.formUnion(municipalities(representedBy: person, on: day))
            case .body(let body): result.formUnion(municipalities(in: body, on: day))
            case .municipality(let municipality): result.insert(municipality)
            case .everyMunicipality: result.formUnion(everyMunicipality)
            }
        }
        return result
    }

    /// A start date concerns the municipality the body belongs to, those with a seat in
    /// the body, and those the person already holds a seat for, on the first day.
    public func municipalities(concernedBy appointment: StaffAppointment) -> Set<Municipality.ID> {
        var result = municipalities(in: appointment.body, on: appointment.starts)
        result.formUnion(municipalities(representedBy: appointment.person, on: appointment.starts))
        if let owner = bodyMunicipality[appointment.body] { result.insert(owner) }
        return result
    }

    private static func inForce(_ seats: [Seat]?, on day: Day) -> Set<Municipality.ID> {
        var result: Set<Municipality.ID> = []
        for seat in seats ?? [] where seat.term.contains(day) { result.insert(seat.municipality) }
        return result
    }
}

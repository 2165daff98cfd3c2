// Who represents whom, on any day. A membership is in force from its `from` day
// (inclusive) to its `to` day (exclusive), a staff appointment from `starts` to `ends`.

extension Registry {
    /// Who represents a municipality on `day`: its director (or a vacancy), then every seat
    /// held for it in any body.
    ///
    /// - Parameters:
    ///   - municipality: The municipality.
    ///   - day: The civil date to answer for; the CLI passes today in Europe/Stockholm.
    /// - Returns: The seats in force on `day`, the director's first.
    public func representation(of municipality: Municipality.ID, on day: Day) -> MunicipalityRepresentation {
        let seats =
            memberships
            .filter { $0.municipality == municipality && $0.isInForce(on: day) }
            .map(seat(for:))
        let ordered = sortedSeats(seats) { $0.role.key == Role.director.key ? 0 : 1 }
        return MunicipalityRepresentation(
            date: day,
            municipality: ref(municipality)
                ?? MunicipalityRef(
                    id: municipality, name: municipality.rawValue, officialName: municipality.rawValue),
            director: .init(holders: ordered.filter { $0.role.key == Role.director.key }),
            representatives: ordered)
    }

    /// What a person represents: the seats in force on `day`, those still to come, and
    /// those that have ended.
    public func representation(ofPerson person: Person.ID, on day: Day) -> PersonRepresentation {
        let seats = allSeats.filter { $0.person.id == person }
        let current = sortedSeats(seats.filter { $0.term.contains(day) })
        let upcoming = sortedSeats(seats.filter { seat in seat.from.map { day < $0 } ?? false }) {
            $0.from!.daysSinceEpoch
        }
        let past = sortedSeats(seats.filter { seat in seat.to.map { $0 <= day } ?? false }) {
            -$0.to!.daysSinceEpoch
        }
        return PersonRepresentation(
            date: day, person: ref(person), current: current, upcoming: upcoming, past: past)
    }

    /// Every body with its stage on `day` and how many members and staff it has then.
    public func bodyList(on day: Day) -> BodyList {
        let seats = allSeats.filter { $0.term.contains(day) }
        let summaries = uniqueBodies.map { body in
            BodySummary(
                body: BodyRef(body), parent: body.parent.map(ref), status: status(of: body, on: day),
                members: seats.count(where: { $0.body.id == body.id && $0.kind == .membership }),
                staff: seats.count(where: { $0.body.id == body.id && $0.kind == .staff }))
        }
        return BodyList(date: day, bodies: summaries)
    }

    /// One body on `day`: its stage, milestones, members and staff.
    public func bodyDetail(_ id: Body.ID, on day: Day) -> BodyDetail {
        let body = self[id]
        let seats = allSeats.filter { $0.body.id == id && $0.term.contains(day) }
        let lifecycle = body?.lifecycle ?? Lifecycle()
        return BodyDetail(
            date: day, body: ref(id), parent: body?.parent.map(ref),
            municipality: body?.municipality.flatMap(ref), purpose: body?.purpose,
            status: body.map { status(of: $0, on: day) } ?? BodyStatus(stage: nil, since: nil),
            milestones: lifecycle.milestones.map { .init(stage: $0.stage, on: $0.start.day) },
            members: sortedSeats(seats.filter { $0.kind == .membership }),
            staff: sortedSeats(seats.filter { $0.kind == .staff }))
    }

    /// A body's stage on `day` and the day that stage began.
    public func status(of body: Body, on day: Day) -> BodyStatus {
        guard let stage = body.lifecycle.stage(on: day) else { return BodyStatus(stage: nil, since: nil) }
        let start = body.lifecycle.milestones.first { $0.stage == stage }?.start
        return BodyStatus(stage: stage, since: start?.day)
    }

    /// Every membership and staff appointment as a seat, in the registry's order.
    public var allSeats: [Seat] { memberships.map(seat(for:)) + appointments.map(seat(for:)) }

    func seat(for membership: Membership) -> Seat {
        Seat(
            kind: .membership, person: ref(membership.person), body: ref(membership.body),
            role: RoleRef(
                key: membership.role.key, title: membership.role.title, inferred: membership.roleInference),
            municipality: membership.municipality.flatMap(ref),
            acting: membership.acting, shared: membership.shared, from: membership.from, to: membership.to)
    }

    func seat(for appointment: StaffAppointment) -> Seat {
        Seat(
            kind: .staff, person: ref(appointment.person), body: ref(appointment.body),
            role: RoleRef(
                key: RoleRef.staffKey, title: appointment.title, inferred: appointment.roleInference),
            municipality: self[appointment.body]?.municipality.flatMap(ref), acting: false, shared: false,
            from: appointment.starts, to: appointment.ends)
    }

    /// Seats by `first` (when given), then body, municipality and role in the registry's
    /// order, then person: the order every listing uses.
    func sortedSeats(_ seats: [Seat], first: ((Seat) -> Int)? = nil) -> [Seat] {
        let bodyOrder = Dictionary(
            uniqueBodies.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let municipalityOrder = Dictionary(
            uniqueMunicipalities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        func key(_ seat: Seat) -> (Int, Int, Int, String, String, String) {
            (
                first?(seat) ?? 0, bodyOrder[seat.body.id] ?? Int.max,
                seat.municipality.flatMap { municipalityOrder[$0.id] } ?? Int.max,
                Registry.roleRank(seat.role.key), Text.fold(seat.person.name), seat.from?.description ?? ""
            )
        }
        return seats.sorted { key($0) < key($1) }
    }

    /// Leaders before members, staff last; a role not named here sorts by its key.
    private static func roleRank(_ key: String) -> String {
        let ranked = [
            Role.director.key, Role.head.key, Role.secretariatHead.key, Role.lead.key, Role.member.key,
        ]
        if let index = ranked.firstIndex(of: key) { return "0\(index)" }
        return key == RoleRef.staffKey ? "2" : "1" + key
    }

    package func ref(_ id: Person.ID) -> PersonRef {
        self[id].map(PersonRef.init) ?? PersonRef(id: id, name: id.rawValue)
    }

    package func ref(_ id: Body.ID) -> BodyRef {
        self[id].map(BodyRef.init) ?? BodyRef(id: id, name: id.rawValue, kind: .workingGroup)
    }

    package func ref(_ id: Municipality.ID) -> MunicipalityRef? { self[id].map(MunicipalityRef.init) }
}

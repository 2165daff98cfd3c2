/// Which municipalities each body and person stands for, and so which municipalities a
/// meeting, a deadline or a start date concerns. The one definition behind the
/// per-municipality calendar feeds and `samverkan upcoming --municipality`.
///
/// Built once from the memberships; look-ups never scan the whole registry, so deriving
/// the events of a large registry stays linear.
public struct SeatIndex: Sendable {
    private struct Seat: Sendable {
        /// The municipality's number in `ids`.
        let municipality: Int
        let term: DayRange
    }

    private var byBody: [Body.ID: [Seat]] = [:]
    private var byPerson: [Person.ID: [Seat]] = [:]
    /// Every municipality a look-up can name, numbered: a look-up marks numbers and names
    /// each municipality once at the end, instead of hashing its ID for every seat it
    /// passes (most of the time of deriving a large registry's events). The registry's
    /// own municipalities come first, so "every municipality" is the first `everyCount`.
    private var ids: [Municipality.ID] = []
    private var numbers: [Municipality.ID: Int] = [:]
    private let everyCount: Int
    private let bodyMunicipality: [Body.ID: Municipality.ID]

    public init(_ registry: Registry) {
        for municipality in registry.municipalities { _ = Self.number(municipality.id, &ids, &numbers) }
        everyCount = ids.count
        for membership in registry.memberships {
            guard let municipality = membership.municipality else { continue }
            let seat = Seat(municipality: Self.number(municipality, &ids, &numbers), term: membership.term)
            byBody[membership.body, default: []].append(seat)
            byPerson[membership.person, default: []].append(seat)
        }
        var owners: [Body.ID: Municipality.ID] = [:]
        for body in registry.bodies {
            if let municipality = body.municipality { owners[body.id] = municipality }
        }
        bodyMunicipality = owners
    }

    private static func number(
        _ id: Municipality.ID, _ ids: inout [Municipality.ID], _ numbers: inout [Municipality.ID: Int]
    ) -> Int {
        if let number = numbers[id] { return number }
        numbers[id] = ids.count
        ids.append(id)
        return ids.count - 1
    }

    /// The municipalities holding a seat in a body on a day.
    public func municipalities(in body: Body.ID, on day: Day) -> Set<Municipality.ID> {
        municipalities(marked: marks(in: body, on: day))
    }

    /// The municipalities a person holds a seat for on a day.
    public func municipalities(representedBy person: Person.ID, on day: Day) -> Set<Municipality.ID> {
        var marks = Marks(count: ids.count)
        mark(byPerson[person], on: day, in: &marks)
        return municipalities(marked: marks)
    }

    /// A meeting concerns the municipalities with a seat in its body on its day, and those
    /// on its attendance list.
    public func municipalities(concernedBy meeting: Meeting, on day: Day) -> Set<Municipality.ID> {
        municipalities(marked: marks(concernedBy: meeting, on: day))
    }

    /// A deadline concerns the municipalities the decision names, every municipality, those
    /// a named person holds a seat for, and those with a seat in a named body, on the day.
    public func municipalities(concernedBy decision: Decision, on day: Day) -> Set<Municipality.ID> {
        municipalities(marked: marks(concernedBy: decision, on: day))
    }

    /// A start date concerns the municipality the body belongs to, those with a seat in
    /// the body, and those the person already holds a seat for, on the first day.
    public func municipalities(concernedBy appointment: StaffAppointment) -> Set<Municipality.ID> {
        municipalities(marked: marks(concernedBy: appointment))
    }

    // The look-ups as marks: events that share marks can share one set (`EventSets`).

    /// The municipalities with a seat in `body` on `day`, and `owner`.
    func marks(in body: Body.ID, on day: Day, owner: Municipality.ID? = nil) -> Marks {
        var marks = Marks(count: ids.count)
        mark(byBody[body], on: day, in: &marks)
        if let owner { mark(owner, in: &marks) }
        return marks
    }

    func marks(concernedBy meeting: Meeting, on day: Day) -> Marks {
        var marks = Marks(count: ids.count)
        mark(byBody[meeting.body], on: day, in: &marks)
        for attendance in meeting.attendance {
            if let municipality = attendance.municipality { mark(municipality, in: &marks) }
        }
        return marks
    }

    func marks(concernedBy decision: Decision, on day: Day) -> Marks {
        var marks = Marks(count: ids.count)
        for actor in decision.actors {
            switch actor {
            case .person(let person): mark(byPerson[person], on: day, in: &marks)
            case .body(let body): mark(byBody[body], on: day, in: &marks)
            case .municipality(let municipality): mark(municipality, in: &marks)
            case .everyMunicipality: for number in 0..<everyCount { marks.mark(number) }
            }
        }
        return marks
    }

    func marks(concernedBy appointment: StaffAppointment) -> Marks {
        var marks = Marks(count: ids.count)
        mark(byBody[appointment.body], on: appointment.starts, in: &marks)
        mark(byPerson[appointment.person], on: appointment.starts, in: &marks)
        if let owner = bodyMunicipality[appointment.body] { mark(owner, in: &marks) }
        return marks
    }

    /// Which municipalities a look-up has found: a bit per number, and any municipality
    /// the index has no number for (one the registry does not list) by its ID.
    struct Marks: Hashable {
        private(set) var words: [UInt64]
        var unnumbered: Set<Municipality.ID> = []

        init(count: Int) { words = [UInt64](repeating: 0, count: (count + 63) / 64) }

        mutating func mark(_ number: Int) { words[number / 64] |= 1 << UInt64(number % 64) }
    }

    private func mark(_ seats: [Seat]?, on day: Day, in marks: inout Marks) {
        for seat in seats ?? [] where seat.term.contains(day) { marks.mark(seat.municipality) }
    }

    private func mark(_ municipality: Municipality.ID, in marks: inout Marks) {
        if let number = numbers[municipality] {
            marks.mark(number)
        } else {
            marks.unnumbered.insert(municipality)
        }
    }

    /// The municipalities `marks` names.
    func municipalities(marked marks: Marks) -> Set<Municipality.ID> {
        var result = marks.unnumbered
        result.reserveCapacity(result.count + marks.words.reduce(0) { $0 + $1.nonzeroBitCount })
        for (index, word) in marks.words.enumerated() {
            var remaining = word
            while remaining != 0 {
                result.insert(ids[index * 64 + remaining.trailingZeroBitCount])
                remaining &= remaining - 1
            }
        }
        return result
    }
}
